package notify_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/notify/smtptest"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/secret"
)

var _ = Describe("Notifier.Handle", func() {
	var e *env
	BeforeEach(func() { e = newEnv() })
	failing := func() *definition.Task { return task("job", &definition.Notify{}) }

	It("does nothing at all for a task without a policy and an empty outbox", func() {
		e.n.Handle(context.Background(), task("quiet", nil), rec("quiet", result.Failed, "r1"))
		_, err := os.Stat(e.paths.Incidents)
		Expect(os.IsNotExist(err)).To(BeTrue())
		Expect(e.log.String()).To(BeEmpty())
	})

	It("keeps the incident between invocations: one mail per incident, then the recovery", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv)
		for i, id := range []string{"r1", "r2", "r3"} {
			r := rec("job", result.Failed, id)
			r.End = clock.Add(time.Duration(i) * time.Minute)
			notify.New(e.store, e.n.Log).Handle(context.Background(), failing(), r)
		}
		Expect(srv.Messages()).To(HaveLen(1))
		inc, err := notify.LoadIncident(e.paths, "job")
		Expect(err).NotTo(HaveOccurred())
		Expect(inc.Open).To(BeTrue())
		Expect(inc.Failures).To(Equal(3))
		Expect(inc.FirstRunID).To(Equal("r1"))
		notify.New(e.store, e.n.Log).Handle(context.Background(), failing(), rec("job", result.Success, "r4"))
		Expect(srv.Messages()).To(HaveLen(2))
		h, _ := parseMail(srv.Messages()[1].Data)
		Expect(h.Get("Subject")).To(HavePrefix("[Orchestrator] RECOVERED: job on "))
	})

	It("alerts once when parallel runs of one task fail together", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv)
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				notify.New(e.store, e.n.Log).Handle(context.Background(), failing(), rec("job", result.Failed, "p"+string(rune('0'+i))))
			}()
		}
		wg.Wait()
		Expect(srv.Messages()).To(HaveLen(1))
	})

	DescribeTable("spools what it cannot deliver and delivers it on the next invocation",
		func(broken func() (host string, port int, cleanup func())) {
			srv := startTLSServer(e.dir)
			host, port, cleanup := broken()
			e.configure(srv, func(s *notify.Settings) {
				s.SMTP.Host, s.SMTP.Port = host, port
				s.Timeout = definition.Duration(800 * time.Millisecond)
			})
			start := time.Now()
			e.n.Handle(context.Background(), failing(), rec("job", result.Failed, "r1"))
			Expect(time.Since(start)).To(BeNumerically("<", 1500*time.Millisecond))
			items := outbox(e.paths)
			Expect(items).To(HaveLen(1))
			Expect(items[0].Kind).To(Equal(notify.KindMail))
			Expect(items[0].Attempts).To(Equal(1))
			Expect(items[0].LastError).NotTo(BeEmpty())
			Expect(e.log.String()).To(ContainSubstring("kept in the outbox"))
			cleanup()

			// The server is back: the next run (of any task) delivers the spooled mail.
			e.configure(srv)
			e.n.Handle(context.Background(), task("other", nil), rec("other", result.Success, "o1"))
			Expect(outbox(e.paths)).To(BeEmpty())
			Expect(srv.Messages()).To(HaveLen(1))
			h, _ := parseMail(srv.Messages()[0].Data)
			Expect(h.Get("Message-Id")).To(Equal("<r1.failure@host-1>"))
		},
		Entry("server down", func() (string, int, func()) {
			p, err := smtptest.FreePort()
			Expect(err).NotTo(HaveOccurred())
			return "127.0.0.1", p, func() {}
		}),
		Entry("server stalls", func() (string, int, func()) {
			st, err := smtptest.StartStaller()
			Expect(err).NotTo(HaveOccurred())
			return st.Host, st.Port, st.Close
		}),
	)

	It("spools when the server refuses the password, and keeps it until the password is fixed", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv)
		Expect(notify.SaveSecrets(e.paths, notify.Secrets{SMTPPassword: "wrong"}, secret.Machine)).To(Succeed())
		e.n.Handle(context.Background(), failing(), rec("job", result.Failed, "r1"))
		Expect(outbox(e.paths)).To(HaveLen(1))
		Expect(outbox(e.paths)[0].LastError).To(ContainSubstring("535"))
		res, err := e.n.Flush(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(res.Failed).To(Equal(1))
		Expect(outbox(e.paths)[0].Attempts).To(Equal(2))
		Expect(notify.SaveSecrets(e.paths, notify.Secrets{SMTPPassword: password}, secret.Machine)).To(Succeed())
		res, err = e.n.Flush(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(res.Delivered).To(Equal(1))
		Expect(srv.Messages()).To(HaveLen(1))
	})

	It("drops items that ran out of attempts or expired, and logs it", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv, func(s *notify.Settings) { s.MaxAttempts = 2; s.Expiry = definition.Duration(time.Hour) })
		m, err := notify.Compose(notify.Content{From: "orc@example.com", To: []string{"a@example.com"}, Subject: "s", Text: "t", Date: clock, MessageID: "x@h"})
		Expect(err).NotTo(HaveOccurred())
		_, err = notify.Spool(e.paths, notify.Item{Kind: notify.KindMail, Mail: &m, Attempts: 2})
		Expect(err).NotTo(HaveOccurred())
		_, err = notify.Spool(e.paths, notify.Item{Kind: notify.KindMail, Mail: &m, Created: time.Now().Add(-2 * time.Hour)})
		Expect(err).NotTo(HaveOccurred())
		res, err := e.n.Flush(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(res.Dropped).To(Equal(2))
		Expect(outbox(e.paths)).To(BeEmpty())
		Expect(srv.Messages()).To(BeEmpty())
		Expect(e.log.String()).To(And(ContainSubstring("gave up after 2 attempts"), ContainSubstring("expired after 1h0m0s")))
	})

	Context("with a webhook", func() {
		var (
			mu       sync.Mutex
			bodies   [][]byte
			status   int
			hook     *httptest.Server
			hookPath = "/hooks/T0KEN-secret-path"
		)
		BeforeEach(func() {
			bodies, status = nil, http.StatusOK
			hook = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				mu.Lock()
				defer mu.Unlock()
				if r.URL.Path != hookPath || r.Header.Get("Content-Type") != "application/json" {
					w.WriteHeader(http.StatusNotFound)
					return
				}
				if status == http.StatusOK {
					bodies = append(bodies, b)
				}
				w.WriteHeader(status)
			}))
			DeferCleanup(hook.Close)
			srv := startTLSServer(e.dir)
			e.configure(srv)
			Expect(notify.SaveSecrets(e.paths, notify.Secrets{SMTPPassword: password, WebhookURL: hook.URL + hookPath}, secret.Machine)).To(Succeed())
		})

		It("posts the same policy's notices as JSON", func() {
			t := task("job", &definition.Notify{Webhook: true})
			e.n.Handle(context.Background(), t, rec("job", result.Failed, "r1"))
			e.n.Handle(context.Background(), t, rec("job", result.Failed, "r2"))
			e.n.Handle(context.Background(), t, rec("job", result.Success, "r3"))
			mu.Lock()
			defer mu.Unlock()
			Expect(bodies).To(HaveLen(2))
			var p notify.WebhookPayload
			Expect(json.Unmarshal(bodies[0], &p)).To(Succeed())
			Expect(p.Schema).To(Equal(notify.WebhookSchema))
			Expect(p.Event).To(Equal(notify.EventFailure))
			Expect(p.Task).To(Equal("job"))
			Expect(p.Status).To(Equal(result.Failed))
			Expect(p.RunID).To(Equal("r1"))
			Expect(p.Text).To(ContainSubstring("FAILED: job"))
			Expect(json.Unmarshal(bodies[1], &p)).To(Succeed())
			Expect(p.Event).To(Equal(notify.EventRecovery))
		})

		It("spools a refused post without the URL, and delivers it later", func() {
			mu.Lock()
			status = http.StatusInternalServerError
			mu.Unlock()
			e.n.Handle(context.Background(), task("job", &definition.Notify{Webhook: true, To: []string{"x@example.com"}}), rec("job", result.Failed, "r1"))
			items := outbox(e.paths)
			Expect(items).To(HaveLen(1))
			Expect(items[0].Kind).To(Equal(notify.KindWebhook))
			Expect(items[0].LastError).To(ContainSubstring("500"))
			raw, err := os.ReadFile(filepath.Join(e.paths.Outbox, mustOne(os.ReadDir(e.paths.Outbox))))
			Expect(err).NotTo(HaveOccurred())
			Expect(string(raw)).NotTo(ContainSubstring("T0KEN"))
			Expect(e.log.String()).NotTo(ContainSubstring("T0KEN"))
			mu.Lock()
			status = http.StatusOK
			mu.Unlock()
			res, err := e.n.Flush(context.Background())
			Expect(err).NotTo(HaveOccurred())
			Expect(res.Delivered).To(Equal(1))
			mu.Lock()
			defer mu.Unlock()
			Expect(bodies).To(HaveLen(1))
		})

		It("gives up on a webhook that does not answer after the timeout", func() {
			st, err := smtptest.StartStaller()
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(st.Close)
			start := time.Now()
			err = notify.Post(context.Background(), "http://"+st.Host+":"+itoa(st.Port)+"/T0KEN", []byte(`{}`), 500*time.Millisecond)
			Expect(time.Since(start)).To(BeNumerically("<", 1300*time.Millisecond))
			Expect(err).To(MatchError(ContainSubstring("gave up after 500ms")))
			Expect(err.Error()).NotTo(ContainSubstring("T0KEN"))
		})
	})
})

func mustOne(entries []os.DirEntry, err error) string {
	GinkgoHelper()
	Expect(err).NotTo(HaveOccurred())
	var names []string
	for _, e := range entries {
		if !e.IsDir() && filepath.Ext(e.Name()) == ".json" {
			names = append(names, e.Name())
		}
	}
	Expect(names).To(HaveLen(1))
	return names[0]
}

func itoa(i int) string { return jsonNumber(i) }

func jsonNumber(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
