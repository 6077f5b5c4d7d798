package notify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
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

var _ = Describe("the SMTP envelope on the wire", func() {
	// go-smtp accepts "MAIL FROM:a@b" without brackets; Postfix, Exchange
	// and every RFC 5321 server answer 501. So the spec reads the commands
	// as they crossed the wire instead of trusting the server's verdict.
	DescribeTable("sends MAIL FROM and RCPT TO as RFC 5321 paths in angle brackets",
		func(tls bool, from string, to []string, wantFrom string, wantTo []string) {
			e := newEnv()
			srv, err := smtptest.Start(smtptest.Options{TLS: tls, Dir: e.dir, Username: "orc", Password: password})
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(srv.Close)
			e.configure(srv, func(s *notify.Settings) {
				s.From, s.To = from, to
				if !tls {
					s.SMTP.TLS = notify.TLSNone
				}
			})
			e.n.Handle(context.Background(), task("db-export", &definition.Notify{On: []string{"failure"}}), rec("db-export", result.Failed, "run-1"))
			Expect(srv.Messages()).To(HaveLen(1), e.log.String())

			var mail, rcpt []string
			for _, c := range srv.Commands() {
				switch {
				case len(c) > 10 && c[:10] == "MAIL FROM:":
					mail = append(mail, c)
				case len(c) > 8 && c[:8] == "RCPT TO:":
					rcpt = append(rcpt, c)
				}
			}
			Expect(mail).To(HaveLen(1))
			Expect(mail[0]).To(HavePrefix("MAIL FROM:" + wantFrom))
			Expect(rcpt).To(Equal(wantTo))
		},
		Entry("plain address over STARTTLS", true, "orc@example.com", []string{"ops@example.com"},
			"<orc@example.com>", []string{"RCPT TO:<ops@example.com>"}),
		Entry("display names over STARTTLS", true, "Orchestrator <orc@example.com>", []string{"Ops <ops@example.com>", "dba@example.com"},
			"<orc@example.com>", []string{"RCPT TO:<ops@example.com>", "RCPT TO:<dba@example.com>"}),
		Entry("plain text connection", false, "orc@example.com", []string{"ops@example.com"},
			"<orc@example.com>", []string{"RCPT TO:<ops@example.com>"}),
	)
})

var _ = Describe("a webhook answering a redirect", func() {
	var (
		e        *env
		mu       sync.Mutex
		followed []*http.Request
		target   *httptest.Server
	)
	const hookPath = "/hooks/T0KEN-secret-path"

	BeforeEach(func() {
		e = newEnv()
		followed = nil
		target = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			defer mu.Unlock()
			followed = append(followed, r.Clone(context.Background()))
		}))
		DeferCleanup(target.Close)
	})

	DescribeTable("is not followed, and the notice stays in the outbox as a failure",
		func(code int) {
			hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target.URL+"/elsewhere", code)
			}))
			DeferCleanup(hook.Close)
			srv := startTLSServer(e.dir)
			e.configure(srv)
			Expect(notify.SaveSecrets(e.paths, notify.Secrets{SMTPPassword: password, WebhookURL: hook.URL + hookPath}, secret.Machine)).To(Succeed())

			err := notify.Post(context.Background(), hook.URL+hookPath, []byte(`{}`), 2*time.Second)
			Expect(err).To(MatchError(ContainSubstring("answered %d", code)))
			Expect(err.Error()).NotTo(ContainSubstring("T0KEN"))

			e.n.Handle(context.Background(), task("job", &definition.Notify{Webhook: true, To: []string{"x@example.com"}}), rec("job", result.Failed, "r1"))
			items := outbox(e.paths)
			Expect(items).To(HaveLen(1))
			Expect(items[0].Kind).To(Equal(notify.KindWebhook))
			Expect(items[0].LastError).To(ContainSubstring("%d", code))

			mu.Lock()
			defer mu.Unlock()
			Expect(followed).To(BeEmpty(), "nothing, and no Referer with the token, may reach the redirect target")
		},
		Entry("301 Moved Permanently", http.StatusMovedPermanently),
		Entry("302 Found", http.StatusFound),
		Entry("303 See Other", http.StatusSeeOther),
		Entry("307 Temporary Redirect", http.StatusTemporaryRedirect),
		Entry("308 Permanent Redirect", http.StatusPermanentRedirect),
	)
})
