package notify_test

import (
	"bytes"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/notify/smtptest"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/secret"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

const password = "Pa55-w0rd-Leak-Canary"

// env is one spec's store, notifier and log buffer.
type env struct {
	store *store.Store
	paths notify.Paths
	n     *notify.Notifier
	log   *bytes.Buffer
	dir   string
}

func newEnv() *env {
	GinkgoHelper()
	dir := testutil.TempDir()
	s, err := store.Open(filepath.Join(dir, "home"))
	Expect(err).NotTo(HaveOccurred())
	buf := &bytes.Buffer{}
	n := notify.New(s, zerolog.New(buf))
	n.Host = "host-1"
	return &env{store: s, paths: notify.PathsOf(s), n: n, log: buf, dir: dir}
}

// configure points the store at srv with the spec's password.
func (e *env) configure(srv *smtptest.Server, mutate ...func(*notify.Settings)) *notify.Settings {
	GinkgoHelper()
	s := &notify.Settings{
		SMTP: notify.SMTP{Host: srv.Host, Port: srv.Port, TLS: notify.TLSStartTLS, Auth: notify.AuthPlain, Username: "orc", CAFile: srv.CAFile},
		From: "Orchestrator <orc@example.com>", To: []string{"ops@example.com"},
		Timeout: definition.Duration(5 * time.Second),
	}
	for _, m := range mutate {
		m(s)
	}
	Expect(notify.SaveSettings(e.paths, s)).To(Succeed())
	Expect(notify.SaveSecrets(e.paths, notify.Secrets{SMTPPassword: password}, secret.Machine)).To(Succeed())
	return s
}

func startTLSServer(dir string) *smtptest.Server {
	GinkgoHelper()
	srv, err := smtptest.Start(smtptest.Options{TLS: true, Dir: dir, Username: "orc", Password: password})
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(srv.Close)
	return srv
}

func task(name string, n *definition.Notify) *definition.Task {
	return &definition.Task{Name: name, Action: definition.Action{Command: "x"}, Notify: n}
}

var clock = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func rec(taskName string, st result.Status, runID string) result.Record {
	r := result.Record{
		Schema: result.Schema, Task: taskName, RunID: runID, Trigger: result.Scheduled, Host: "host-1",
		Status: st, Start: clock, End: clock.Add(1500 * time.Millisecond), DurationMs: 1500,
		ExitCode: 0, Attempts: []result.Attempt{{Number: 1, ExitCode: 0}},
		OutputTail: "line one\nline two <b>\n",
	}
	if st != result.Success {
		r.ExitCode, r.Reason = 3, "exit code 3"
		r.Attempts[0].ExitCode = 3
	}
	return r
}

func outbox(p notify.Paths) []notify.Item {
	GinkgoHelper()
	items, err := notify.OutboxItems(p)
	Expect(err).NotTo(HaveOccurred())
	return items
}
