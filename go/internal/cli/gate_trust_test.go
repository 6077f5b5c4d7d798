package cli_test

import (
	"os"
	"path/filepath"
	"runtime"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("run --cron-gate and its state file", func() {
	// Whoever writes the gate state decides which starts run: a minute claimed
	// far in the future would gate out every start of the task.
	var o *orc
	var state string

	BeforeEach(func() {
		if runtime.GOOS == "windows" {
			Skip("file modes: Wine derives DACLs from Unix modes, so 'writable by others' cannot be set up there")
		}
		o = newOrc()
		o.define("every-minute", "ok", map[string]any{"schedule": map[string]any{"cron": "* * * * *"}})
		state = filepath.Join(o.home, "state", "gate", "every-minute.json")
		Expect(os.MkdirAll(filepath.Dir(state), 0o755)).To(Succeed())
		Expect(os.WriteFile(state, []byte(`{"lastClaimed":"2199-01-01T00:00:00Z","passed":1,"skipped":0}`+"\n"), 0o600)).To(Succeed())
	})

	Context("when only orc-exec's account can write it", func() {
		It("trusts it: a minute already claimed gates the start out, and the skip is counted", func() {
			inv := o.run("run", "every-minute", "--cron-gate")
			Expect(inv.code).To(Equal(0), inv.stderr)
			Expect(inv.stdout).To(BeEmpty(), "gated out: no run")
			b, err := os.ReadFile(state)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(b)).To(ContainSubstring(`"skipped":1`))
		})
	})

	Context("when others can write it", func() {
		// The gate then decides as when the state is unreadable: only a start
		// at its own minute runs (Task Scheduler starts gated triggers on the
		// minute), whatever the planted file claims.
		It("refuses to read it, says so, and leaves it alone", func() {
			Expect(os.Chmod(state, 0o666)).To(Succeed())
			before, err := os.ReadFile(state)
			Expect(err).NotTo(HaveOccurred())
			inv := o.run("run", "every-minute", "--cron-gate", "-v")
			Expect(inv.code).To(Equal(0), inv.stderr)
			Expect(inv.stderr).To(ContainSubstring("decided on this start's minute only"))
			Expect(inv.stderr).To(ContainSubstring("every-minute.json"))
			after, err := os.ReadFile(state)
			Expect(err).NotTo(HaveOccurred())
			Expect(after).To(Equal(before), "an untrusted state is neither believed nor rewritten")
		})
	})
})
