package runner

import (
	"os/exec"
	"runtime"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

var _ = Describe("the command's environment", func() {
	const canary = "Env-Canary-S3cret-9b1d"
	t := &definition.Task{Name: "db-export", Action: definition.Action{Command: "x", Environment: map[string]string{"PGHOST": "db1"}}}
	rec := &result.Record{RunID: "run-1", Trigger: result.Scheduled}

	// Whatever reaches the command ends up in its output, and from there in
	// runs/, history's outputTail, the log and the alert mail.
	DescribeTable("leaves out orc-exec's own secrets, whatever their spelling",
		func(name string) {
			GinkgoT().Setenv(name, canary)
			env := commandEnv(t, rec)
			Expect(strings.Join(env, "\n")).NotTo(ContainSubstring(canary))
			Expect(env).To(ContainElements("PGHOST=db1", "ORC_TASK=db-export", "ORC_RUN_ID=run-1", "ORC_TRIGGER=scheduled"))
		},
		Entry("the SMTP password", notify.EnvSMTPPassword),
		Entry("the webhook URL", notify.EnvWebhookURL),
	)

	It("leaves them out in any letter case on Windows, where names ignore case", func() {
		if runtime.GOOS != "windows" {
			Skip("on Unix orc_smtp_password is another variable, which orc-exec never reads")
		}
		GinkgoT().Setenv(strings.ToLower(notify.EnvSMTPPassword), canary)
		Expect(strings.Join(commandEnv(t, rec), "\n")).NotTo(ContainSubstring(canary))
	})

	It("keeps every other inherited variable", func() {
		GinkgoT().Setenv("ORC_SMTP_PASSWORD_HINT", "ask ops")
		Expect(commandEnv(t, rec)).To(ContainElement("ORC_SMTP_PASSWORD_HINT=ask ops"))
	})

	It("keeps a secret the definition itself passes on purpose", func() {
		own := &definition.Task{Name: "mailer", Action: definition.Action{Command: "x",
			Environment: map[string]string{notify.EnvSMTPPassword: "given-by-the-admin"}}}
		Expect(commandEnv(own, rec)).To(ContainElement(notify.EnvSMTPPassword + "=given-by-the-admin"))
	})

	It("does not reach a real child process", func() {
		GinkgoT().Setenv(notify.EnvSMTPPassword, canary)
		GinkgoT().Setenv(notify.EnvWebhookURL, "https://hooks.example.com/"+canary)
		c := exec.Command("/bin/sh", "-c", "env")
		if runtime.GOOS == "windows" {
			c = exec.Command("cmd.exe", "/c", "set")
		}
		c.Env = commandEnv(t, rec)
		out, err := c.Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(string(out)).To(ContainSubstring("PGHOST=db1"))
		Expect(string(out)).NotTo(ContainSubstring(canary))
	})
})
