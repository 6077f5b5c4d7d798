//go:build linux

package e2e_test

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("notify set on damaged settings", func() {
	// Settings hold where alerts go: replacing a damaged file with the one
	// flag given would silently drop the server, sender and recipients.
	DescribeTable("refuses with the parse error and leaves the file as it was",
		func(damaged string, wantProblem string) {
			s := newStore()
			sess := s.run("notify", "set", "--smtp-host", "mail.example.com", "--from", "orc@example.com", "--to", "ops@example.com", "--tls", "none")
			Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
			settings := filepath.Join(s.home, "state", "notify.json")
			Expect(os.WriteFile(settings, []byte(damaged), 0o600)).To(Succeed())

			sess = s.run("notify", "set", "--to", "dba@example.com")
			Expect(sess.ExitCode()).To(Equal(3), string(sess.Err.Contents()))
			Expect(string(sess.Err.Contents())).To(And(ContainSubstring(settings), ContainSubstring(wantProblem)))
			Expect(os.ReadFile(settings)).To(Equal([]byte(damaged)))
		},
		Entry("cut short by a full disk", `{"schema":"orc.notify-settings/v1","smtp":{"host":"mail.exa`, "unexpected end of JSON input"),
		Entry("edited by hand into bad JSON", "{ smtp: {host: mail} }", "invalid character"),
		Entry("a field of the wrong type", `{"schema":"orc.notify-settings/v1","smtp":{"host":5}}`, "cannot unmarshal number"),
		Entry("empty", "", "unexpected end of JSON input"),
	)
})
