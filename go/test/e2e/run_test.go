//go:build linux

package e2e_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

func sh(script string) map[string]any {
	return map[string]any{"command": "/bin/sh", "arguments": []string{"-c", script}}
}

func alive(pid int) bool {
	// A zombie still answers kill(0); /proc says whether it is really running.
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	return len(f) > 0 && f[0] != "Z"
}

// parent is pid's parent PID as /proc tells it, 0 if pid is gone.
func parent(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.Atoi(f[1])
	return n
}

func maxRSS(sess *gexec.Session) int64 {
	ru, ok := sess.Command.ProcessState.SysUsage().(*syscall.Rusage)
	Expect(ok).To(BeTrue())
	return ru.Maxrss
}

var _ = Describe("orc-exec run", func() {
	var s *store
	BeforeEach(func() { s = newStore() })

	Context("when the command succeeds", func() {
		It("exits 0, prints a SUCCESS record and appends it to history", func() {
			s.define("hello", map[string]any{"name": "hello", "action": sh("echo out; echo err >&2")})
			sess := s.run("run", "hello", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0))
			r := record(sess)
			Expect(r.Status).To(Equal(result.Success))
			Expect(r.Task).To(Equal("hello"))
			Expect(r.Trigger).To(Equal(result.Scheduled))
			Expect(r.Attempts).To(HaveLen(1))
			Expect(r.OutputTail).To(ContainSubstring("out"))
			Expect(r.OutputTail).To(ContainSubstring("err"))
			h := s.history("hello")
			Expect(h).To(HaveLen(1))
			Expect(h[0].RunID).To(Equal(r.RunID))
			Expect(h[0].Status).To(Equal(result.Success))
		})

		It("passes arguments as an array, never through a shell", func() {
			marker := filepath.Join(GinkgoT().TempDir(), "pwned")
			s.define("literal", map[string]any{"name": "literal", "action": map[string]any{
				"command": "echo", "arguments": []string{"$(touch " + marker + ")", "a b", "'q'"},
			}})
			sess := s.run("run", "literal", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0))
			Expect(record(sess).OutputTail).To(ContainSubstring("$(touch " + marker + ") a b 'q'"))
			Expect(marker).NotTo(BeAnExistingFile())
		})
	})

	Context("when the command keeps failing", func() {
		It("retries with backoff, records every attempt and exits 1", func() {
			s.define("flaky", map[string]any{"name": "flaky", "action": sh("exit 3"),
				"retry": map[string]any{"attempts": 3, "delay": "200ms", "backoffFactor": 2}})
			sess := s.run("run", "flaky", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(1))
			r := record(sess)
			Expect(r.Status).To(Equal(result.Failed))
			Expect(r.ExitCode).To(Equal(3))
			Expect(r.Attempts).To(HaveLen(3))
			gap1 := r.Attempts[1].Start.Sub(r.Attempts[0].End)
			gap2 := r.Attempts[2].Start.Sub(r.Attempts[1].End)
			Expect(gap1).To(BeNumerically(">=", 200*time.Millisecond))
			Expect(gap2).To(BeNumerically(">=", 400*time.Millisecond), "the delay doubles")
			for i, a := range r.Attempts {
				Expect(a.Number).To(Equal(i + 1))
				Expect(a.ExitCode).To(Equal(3))
			}
		})

		It("stops retrying on an exit code that is not retryable", func() {
			s.define("fatal", map[string]any{"name": "fatal", "action": sh("exit 2"),
				"retry": map[string]any{"attempts": 5, "delay": "10ms", "retryableExitCodes": []int{75}}})
			sess := s.run("run", "fatal", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(1))
			Expect(record(sess).Attempts).To(HaveLen(1))
		})

		It("succeeds on a later attempt", func() {
			counter := filepath.Join(GinkgoT().TempDir(), "n")
			s.define("third", map[string]any{"name": "third", "action": sh(`n=$(cat ` + counter + ` 2>/dev/null || echo 0); n=$((n+1)); echo $n > ` + counter + `; [ $n -ge 3 ]`),
				"retry": map[string]any{"attempts": 5, "delay": "10ms"}})
			sess := s.run("run", "third", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0))
			r := record(sess)
			Expect(r.Status).To(Equal(result.Success))
			Expect(r.Attempts).To(HaveLen(3))
		})
	})

	Context("when the command outlives its timeout", func() {
		It("kills the child and the grandchild and exits 5", func() {
			dir := GinkgoT().TempDir()
			s.define("stuck", map[string]any{"name": "stuck", "timeout": "1s", "action": sh(
				`sh -c 'sleep 300 & echo $! > ` + dir + `/grandchild; wait' & echo $! > ` + dir + `/child; wait`)})
			sess := s.run("run", "stuck", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(5))
			r := record(sess)
			Expect(r.Status).To(Equal(result.Timeout))
			Expect(r.Attempts[0].TimedOut).To(BeTrue())
			child, grandchild := readPID(dir+"/child"), readPID(dir+"/grandchild")
			Expect(child).To(BeNumerically(">", 0))
			Expect(grandchild).To(BeNumerically(">", 0))
			Eventually(func() bool { return alive(child) || alive(grandchild) }).Should(BeFalse())
		})
	})

	Context("when the command prints 10 MB", func() {
		// The cap itself is a shared spec (lane_test.go); peak RSS is read
		// from rusage, which only Linux has.
		It("stays as small in memory as a run that prints one line", func() {
			s.define("loud", map[string]any{"name": "loud", "outputCap": "64KiB", "action": helper("loud", "")})
			sess := s.run("run", "loud", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0))
			Expect(record(sess).OutputBytes).To(BeNumerically(">", 10_000_000))
			// Flat memory: the 10 MB run peaks no higher than a run that prints
			// one line, give or take 8 MiB (the race detector inflates both).
			s.define("quiet", map[string]any{"name": "quiet", "action": helper("print", "", codeEnv, "0")})
			quiet := s.run("run", "quiet")
			Expect(quiet.ExitCode()).To(Equal(0))
			Expect(maxRSS(sess)).To(BeNumerically("<", maxRSS(quiet)+8*1024), "peak RSS in KiB")
		})
	})

	Context("when the task is disabled", func() {
		It("records DISABLED and exits 8 without running the command", func() {
			marker := filepath.Join(GinkgoT().TempDir(), "ran")
			s.define("off", map[string]any{"name": "off", "enabled": false, "action": sh("touch " + marker)})
			sess := s.run("run", "off", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(8))
			Expect(record(sess).Status).To(Equal(result.Disabled))
			Expect(marker).NotTo(BeAnExistingFile())
		})
	})
})
