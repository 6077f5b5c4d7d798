package e2e_test

import (
	"encoding/json"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// cmdExe by full path: Wine, like a service account with an empty PATH,
// does not resolve a bare "cmd".
const cmdExe = `C:\windows\system32\cmd.exe`

var _ = Describe("a Windows program as the command", func() {
	It("runs cmd.exe by full path and records its exit code and output", func() {
		s := newStore()
		s.define("cmd", map[string]any{"name": "cmd", "action": map[string]any{
			"command": cmdExe, "arguments": []string{"/d", "/c", "echo from cmd& exit 3"}}})
		sess := s.run("run", "cmd", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(1), string(sess.Err.Contents()))
		r := record(sess)
		Expect(r.Status).To(Equal(result.Failed))
		Expect(r.ExitCode).To(Equal(3))
		Expect(r.OutputTail).To(ContainSubstring("from cmd"))
	})
})

var _ = Describe("a task with shell: true on Windows", func() {
	// The command line goes through cmd.exe /d /s /c; each argument is
	// quoted so that cmd.exe's metacharacters in it stay literal.
	DescribeTable("hands every argument to the command as one literal argument",
		func(args ...string) {
			s, dir := newStore(), testutil.TempDir()
			action := helper("args", dir)
			action["arguments"] = args
			action["shell"] = true
			s.define("shell", map[string]any{"name": "shell", "action": action})
			sess := s.run("run", "shell", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
			var got []string
			tail := strings.TrimSpace(record(sess).OutputTail)
			Expect(json.Unmarshal([]byte(tail), &got)).To(Succeed(), tail)
			Expect(got).To(Equal(args))
		},
		Entry("spaces", "a b", "c"),
		Entry("metacharacters", "a&b", "x|y", "<in", ">out", "a^b"),
		Entry("a quoted metacharacter", `say "&" now`),
		Entry("a quote then a pipe", `"|`),
		Entry("a trailing backslash", `C:\dir\`, `a\`),
		Entry("parentheses and carets", "(x)", "^^", `"^"`),
	)

	It("exits with the shell's exit code", func() {
		s := newStore()
		s.define("shell", map[string]any{"name": "shell", "action": map[string]any{
			"command": "exit", "arguments": []string{"4"}, "shell": true}})
		sess := s.run("run", "shell", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(1), string(sess.Err.Contents()))
		Expect(record(sess).ExitCode).To(Equal(4))
	})
})
