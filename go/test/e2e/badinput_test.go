//go:build linux

package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("bad input", func() {
	var s *store
	BeforeEach(func() { s = newStore() })

	DescribeTable("a definition that cannot be run gives a clear message and exit code",
		func(name, content string, prepare func(s *store, file string), code int, want ...string) {
			file := s.define(name, content)
			if prepare != nil {
				prepare(s, file)
			}
			sess := s.run("run", name)
			Expect(sess.ExitCode()).To(Equal(code))
			msg := string(sess.Err.Contents())
			Expect(msg).To(ContainSubstring("orc-exec: error:"))
			for _, w := range want {
				Expect(msg).To(ContainSubstring(w))
			}
			Expect(sess.Out.Contents()).To(BeEmpty(), "no result for a run that never started")
		},
		Entry("malformed JSON", "broken", `{"name": "broken", "action": {"command": "true"`, nil, 3, "broken.json"),
		Entry("unknown field", "typo", `{"name":"typo","action":{"command":"true"},"timout":"5m"}`, nil, 3, "timout", "fix:"),
		Entry("bad duration", "slow", `{"name":"slow","action":{"command":"true"},"timeout":"5 minutes"}`, nil, 3, "timeout", "5 minutes", "fix:"),
		Entry("missing command", "empty", `{"name":"empty","action":{}}`, nil, 3, "action.command", "fix:"),
		Entry("name that does not match the file", "alias", `{"name":"other","action":{"command":"true"}}`, nil, 3, "name", "fix:"),
		Entry("oversized file", "huge", `{"name":"huge","action":{"command":"true"},"description":"`+strings.Repeat("x", 300*1024)+`"}`, nil, 3, "huge.json"),
		Entry("group-writable definition", "shared", `{"name":"shared","action":{"command":"true"}}`,
			func(_ *store, file string) { Expect(os.Chmod(file, 0o664)).To(Succeed()) }, 4, "shared.json", "chmod"),
		Entry("world-writable tasks folder", "open", `{"name":"open","action":{"command":"true"}}`,
			func(s *store, _ string) { Expect(os.Chmod(filepath.Join(s.home, "tasks"), 0o777)).To(Succeed()) }, 4, "tasks"),
	)

	DescribeTable("a bad task name is refused before any file is touched",
		func(name string) {
			sess := s.run("run", "--", name)
			Expect(sess.ExitCode()).To(Equal(3))
			Expect(string(sess.Err.Contents())).To(ContainSubstring("orc-exec: error:"))
		},
		Entry("path traversal", "../../etc/passwd"),
		Entry("path separator", "a/b"),
		Entry("dot dot", ".."),
		Entry("leading dash", "-rf"),
		Entry("device name", "CON"),
		Entry("space", "two words"),
	)

	It("reports an unknown task by name with a hint", func() {
		sess := s.run("run", "nope")
		Expect(sess.ExitCode()).To(Equal(10))
		Expect(string(sess.Err.Contents())).To(ContainSubstring(`"nope" not found`))
		Expect(string(sess.Err.Contents())).To(ContainSubstring("orc-exec: hint:"))
	})

	It("reports an unknown command and flag as usage errors", func() {
		Expect(s.run("frobnicate").ExitCode()).To(Equal(2))
		sess := s.run("run", "x", "--frob")
		Expect(sess.ExitCode()).To(Equal(2))
		Expect(string(sess.Err.Contents())).To(ContainSubstring("--frob"))
	})

	It("validates files outside the store and prints every problem as data", func() {
		f := filepath.Join(GinkgoT().TempDir(), "x.json")
		Expect(os.WriteFile(f, []byte(`{"name":"x","action":{"command":"true"},"retry":{"attempts":0}}`), 0o600)).To(Succeed())
		sess := s.run("validate", "--file", f, "--output", "json")
		Expect(sess.ExitCode()).To(Equal(3))
		Expect(string(sess.Out.Contents())).To(ContainSubstring(`"valid":false`))
		Expect(string(sess.Out.Contents())).To(ContainSubstring(`retry.attempts`))
	})
})

var _ = Describe("a store that does not exist yet", func() {
	It("is not created by commands that only read", func() {
		home := filepath.Join(GinkgoT().TempDir(), "never-made")
		for _, args := range [][]string{{"list"}, {"history"}, {"validate"}, {"check", "x"}, {"render", "x"}, {"undefine", "x"}} {
			c := exec.Command(orcExec, args...)
			c.Env = append(os.Environ(), "ORC_HOME="+home)
			out, _ := c.CombinedOutput()
			Expect(home).NotTo(BeADirectory(), "orc-exec %v created the store: %s", args, out)
		}
	})
})
