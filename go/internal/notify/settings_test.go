package notify_test

import (
	"os"
	"runtime"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/secret"
)

var _ = Describe("settings and secrets", func() {
	var e *env
	BeforeEach(func() { e = newEnv() })

	It("reports unset settings as not configured", func() {
		s, ok, err := notify.LoadSettings(e.paths)
		Expect(err).NotTo(HaveOccurred())
		Expect(ok).To(BeFalse())
		Expect(s.MailConfigured()).To(BeFalse())
	})

	It("saves settings atomically, owner-only, and keeps the password out of them", func() {
		s := &notify.Settings{SMTP: notify.SMTP{Host: "mail.example.com", Username: "orc"}, From: "orc@example.com", To: []string{"a@example.com"}, Timeout: definition.Duration(3 * time.Second)}
		Expect(notify.SaveSettings(e.paths, s)).To(Succeed())
		Expect(notify.SaveSecrets(e.paths, notify.Secrets{SMTPPassword: password, WebhookURL: "https://hooks.example.com/T0KEN"}, secret.Machine)).To(Succeed())
		got, ok, err := notify.LoadSettings(e.paths)
		Expect(err).NotTo(HaveOccurred())
		Expect(ok).To(BeTrue())
		Expect(got.SMTP.Host).To(Equal("mail.example.com"))
		Expect(got.TimeoutD()).To(Equal(3 * time.Second))
		raw, err := os.ReadFile(e.paths.Settings)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(raw)).NotTo(ContainSubstring(password))
		Expect(string(raw)).NotTo(ContainSubstring("T0KEN"))
		if runtime.GOOS != "windows" {
			for _, p := range []string{e.paths.Settings, e.paths.Secret} {
				fi, err := os.Stat(p)
				Expect(err).NotTo(HaveOccurred())
				Expect(fi.Mode().Perm()).To(Equal(os.FileMode(0o600)), p)
			}
		}
		sec, err := notify.LoadSecrets(e.paths)
		Expect(err).NotTo(HaveOccurred())
		Expect(sec.SMTPPassword).To(Equal(password))
		Expect(sec.WebhookURL).To(Equal("https://hooks.example.com/T0KEN"))
	})

	It("lets ORC_SMTP_PASSWORD override the stored password", func() {
		Expect(notify.SaveSecrets(e.paths, notify.Secrets{SMTPPassword: "stored"}, secret.Machine)).To(Succeed())
		GinkgoT().Setenv(notify.EnvSMTPPassword, "from-env")
		sec, err := notify.LoadSecrets(e.paths)
		Expect(err).NotTo(HaveOccurred())
		Expect(sec.SMTPPassword).To(Equal("from-env"))
	})

	DescribeTable("refuses settings with a mistake, saying which",
		func(s notify.Settings, want string) {
			err := notify.SaveSettings(e.paths, &s)
			Expect(err).To(MatchError(ContainSubstring(want)))
		},
		Entry("unknown TLS mode", notify.Settings{SMTP: notify.SMTP{TLS: "ssl"}}, `--tls "ssl"`),
		Entry("unknown auth", notify.Settings{SMTP: notify.SMTP{Auth: "ntlm"}}, `--auth "ntlm"`),
		Entry("auth without user", notify.Settings{SMTP: notify.SMTP{Auth: notify.AuthLogin}}, "needs --username"),
		Entry("bad sender", notify.Settings{From: "not an address"}, "--from"),
		Entry("bad recipient", notify.Settings{To: []string{"nobody"}}, "--to"),
		Entry("timeout too long", notify.Settings{Timeout: definition.Duration(time.Hour)}, "--timeout"),
	)
})
