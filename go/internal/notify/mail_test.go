package notify_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/notify/smtptest"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

var _ = Describe("mail over a real SMTP server", func() {
	var e *env
	BeforeEach(func() { e = newEnv() })

	It("sends a failure alert over STARTTLS with AUTH: envelope, headers, both bodies, attachment", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv)
		out := filepath.Join(e.dir, "run.log")
		Expect(os.WriteFile(out, []byte("full output\nsecond line\n"), 0o600)).To(Succeed())
		r := rec("db-export", result.Failed, "run-1")
		r.OutputFile, r.OutputBytes = out, 24
		r.Dependencies = []result.Dependency{{Name: "db", Type: "tcp", Met: true, Reason: "connected"}}
		e.n.Handle(context.Background(), task("db-export", &definition.Notify{On: []string{"failure"}, To: []string{"dba@example.com", "lead@example.com"}, Attach: true}), r)

		Expect(outbox(e.paths)).To(BeEmpty(), e.log.String())
		msgs := srv.Messages()
		Expect(msgs).To(HaveLen(1))
		m := msgs[0]
		Expect(m.From).To(Equal("orc@example.com"))
		Expect(m.To).To(Equal([]string{"dba@example.com", "lead@example.com"}))
		Expect(m.TLS).To(BeTrue())
		Expect(m.AuthUser).To(Equal("orc"))
		Expect(m.AuthMech).To(Equal("PLAIN"))

		h, parts := parseMail(m.Data)
		Expect(h.Get("Subject")).To(Equal("[Orchestrator] FAILED: db-export on host-1"))
		Expect(h.Get("From")).To(ContainSubstring("orc@example.com"))
		Expect(h.Get("To")).To(And(ContainSubstring("dba@example.com"), ContainSubstring("lead@example.com")))
		Expect(h.Get("Message-Id")).To(Equal("<run-1.failure@host-1>"))
		date, err := h.Date()
		Expect(err).NotTo(HaveOccurred())
		Expect(date).To(BeTemporally("~", time.Now(), time.Minute))

		text := partOf(parts, "text/plain").Body
		Expect(text).To(ContainSubstring("Task db-export ended FAILED on host-1: exit code 3."))
		Expect(text).To(ContainSubstring("Exit code"))
		Expect(text).To(ContainSubstring("Dependency db"))
		Expect(text).To(ContainSubstring("line two <b>"))
		html := partOf(parts, "text/html").Body
		Expect(html).To(ContainSubstring("<table"))
		Expect(html).To(ContainSubstring("Attempts"))
		Expect(html).To(ContainSubstring("line two &lt;b&gt;"))
		var att *part
		for i := range parts {
			if parts[i].Filename != "" {
				att = &parts[i]
			}
		}
		Expect(att).NotTo(BeNil())
		Expect(att.Filename).To(Equal("db-export-run-1.log"))
		Expect(att.Body).To(Equal("full output\nsecond line\n"))
	})

	It("caps the attachment at the configured size, keeping the end", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv, func(s *notify.Settings) { s.AttachMax = 1024 })
		out := filepath.Join(e.dir, "big.log")
		Expect(os.WriteFile(out, []byte(strings.Repeat("x", 5000)+"THE END"), 0o600)).To(Succeed())
		r := rec("big", result.Failed, "run-big")
		r.OutputFile, r.OutputBytes = out, 5007
		e.n.Handle(context.Background(), task("big", &definition.Notify{Attach: true}), r)
		Expect(srv.Messages()).To(HaveLen(1))
		_, parts := parseMail(srv.Messages()[0].Data)
		att := parts[len(parts)-1]
		Expect(att.Filename).NotTo(BeEmpty())
		Expect(att.Body).To(HavePrefix("[orc-exec: output cut to its last 1024 of 5007 bytes]"))
		Expect(att.Body).To(HaveSuffix("THE END"))
		Expect(len(att.Body)).To(BeNumerically("<", 1100))
	})

	DescribeTable("authenticates with each mechanism",
		func(mode notify.AuthMode, mech string) {
			srv := startTLSServer(e.dir)
			e.configure(srv, func(s *notify.Settings) { s.SMTP.Auth = mode })
			_, err := e.n.Test(context.Background(), nil, false)
			Expect(err).NotTo(HaveOccurred())
			Expect(srv.Messages()).To(HaveLen(1))
			Expect(srv.Messages()[0].AuthMech).To(Equal(mech))
		},
		Entry("PLAIN", notify.AuthPlain, "PLAIN"),
		Entry("LOGIN", notify.AuthLogin, "LOGIN"),
		Entry("CRAM-MD5", notify.AuthCramMD5, "CRAM-MD5"),
	)

	It("speaks implicit TLS", func() {
		srv, err := smtptest.Start(smtptest.Options{Implicit: true, Dir: e.dir, Username: "orc", Password: password})
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(srv.Close)
		e.configure(srv, func(s *notify.Settings) { s.SMTP.TLS = notify.TLSImplicit })
		_, err = e.n.Test(context.Background(), []string{"x@example.com"}, false)
		Expect(err).NotTo(HaveOccurred())
		Expect(srv.Messages()).To(HaveLen(1))
		Expect(srv.Messages()[0].TLS).To(BeTrue())
		Expect(srv.Messages()[0].To).To(Equal([]string{"x@example.com"}))
	})

	It("refuses a server whose certificate it does not trust", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv, func(s *notify.Settings) { s.SMTP.CAFile = "" })
		_, err := e.n.Test(context.Background(), nil, false)
		Expect(err).To(MatchError(ContainSubstring("certificate")))
		Expect(srv.Messages()).To(BeEmpty())
	})

	It("reports a refused password without repeating it", func() {
		srv := startTLSServer(e.dir)
		e.configure(srv)
		GinkgoT().Setenv(notify.EnvSMTPPassword, "wrong-"+password)
		_, err := e.n.Test(context.Background(), nil, false)
		Expect(err).To(MatchError(ContainSubstring("535")))
		Expect(err.Error()).NotTo(ContainSubstring(password))
		Expect(srv.Messages()).To(BeEmpty())
	})

	It("gives up on a stalling server after the timeout, not later", func() {
		st, err := smtptest.StartStaller()
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(st.Close)
		e.configure(&smtptest.Server{Host: st.Host, Port: st.Port}, func(s *notify.Settings) { s.Timeout = definition.Duration(700 * time.Millisecond) })
		start := time.Now()
		_, err = e.n.Test(context.Background(), nil, false)
		took := time.Since(start)
		Expect(err).To(MatchError(ContainSubstring("gave up after 700ms")))
		Expect(took).To(BeNumerically(">=", 650*time.Millisecond))
		Expect(took).To(BeNumerically("<", 1200*time.Millisecond))
	})
})
