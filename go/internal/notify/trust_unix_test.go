//go:build unix

package notify_test

import (
	"context"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

var _ = Describe("files the notifier trusts, on Unix", func() {
	// Each of these decides where mail goes, whether it goes, or what is
	// sent with the stored credentials: one someone else could write is
	// refused, and nothing reaches the server.
	DescribeTable("sends nothing when another user could have written",
		func(unsafe func(e *env, srv string) string) {
			e := newEnv()
			srv := startTLSServer(e.dir)
			e.configure(srv)
			p := unsafe(e, srv.CAFile)

			e.n.Handle(context.Background(), task("db-export", &definition.Notify{On: []string{"failure"}}), rec("db-export", result.Failed, "run-1"))
			Expect(srv.Messages()).To(BeEmpty())
			Expect(srv.AuthAttempts()).To(BeZero(), "the password went nowhere")
			Expect(e.log.String()).To(ContainSubstring(p))
		},
		Entry("the settings", func(e *env, _ string) string {
			Expect(os.Chmod(e.paths.Settings, 0o666)).To(Succeed())
			return e.paths.Settings
		}),
		Entry("the state folder", func(e *env, _ string) string {
			Expect(os.Chmod(e.store.StateDir(), 0o777)).To(Succeed())
			return e.store.StateDir()
		}),
		Entry("the task's incident state", func(e *env, _ string) string {
			Expect(notify.SaveIncident(e.paths, notify.Incident{Task: "db-export"})).To(Succeed())
			p := filepath.Join(e.paths.Incidents, "db-export.json")
			Expect(os.Chmod(p, 0o646)).To(Succeed())
			return p
		}),
		Entry("the CA file the settings name", func(_ *env, ca string) string {
			Expect(os.Chmod(ca, 0o666)).To(Succeed())
			return ca
		}),
	)

	It("does not deliver an outbox item someone else could have written", func() {
		e := newEnv()
		srv := startTLSServer(e.dir)
		e.configure(srv)
		it, err := notify.Spool(e.paths, notify.Item{Kind: notify.KindMail, Task: "x",
			Mail: &notify.Mail{From: "orc@example.com", To: []string{"anyone@example.net"}, Raw: []byte("Subject: hi\r\n\r\nspam\r\n")}})
		Expect(err).NotTo(HaveOccurred())
		entries, err := os.ReadDir(e.paths.Outbox)
		Expect(err).NotTo(HaveOccurred())
		Expect(entries).To(HaveLen(1))
		p := filepath.Join(e.paths.Outbox, entries[0].Name())
		Expect(os.Chmod(p, 0o666)).To(Succeed())

		_, err = e.n.Flush(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(srv.Messages()).To(BeEmpty())
		Expect(e.log.String()).To(ContainSubstring(p + " is writable by group and others"))
		_, err = notify.OutboxItems(e.paths)
		Expect(err).To(MatchError(store.ErrInsecure))
		Expect(it.ID).NotTo(BeEmpty())
	})
})
