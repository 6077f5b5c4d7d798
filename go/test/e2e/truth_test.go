//go:build linux

package e2e_test

import (
	"os"
	"path/filepath"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// These specs hold orc-exec to what its records say: each was found false
// by an adversarial run (issue 9) and failed before the fix.
var _ = Describe("a run whose orc-exec is killed with SIGKILL", func() {
	var s *store
	var dir string
	BeforeEach(func() {
		s = newStore()
		dir = GinkgoT().TempDir()
	})

	// startKilled starts task name, waits until its command wrote dir/pid,
	// and SIGKILLs orc-exec.
	startKilled := func(name string) {
		sess := s.start("run", name)
		Eventually(func() int { return readPID(dir + "/pid") }).ShouldNot(BeZero())
		sess.Signal(syscall.SIGKILL)
		Eventually(sess).Should(gexec.Exit())
	}

	It("keeps an overlap-skip task locked while a process of its command lives, until 'stop' ends them", func() {
		s.define("long", map[string]any{"name": "long", "overlap": "skip", "action": sh(`sleep 300 & echo $! > ` + dir + `/pid; wait`)})
		startKilled("long")
		survivor := readPID(dir + "/pid")
		Expect(alive(survivor)).To(BeTrue(), "the grandchild outlives orc-exec (only the direct child gets the parent-death signal)")

		b := s.run("run", "long", "--output", "json")
		Expect(b.ExitCode()).To(Equal(7), "no second run beside the survivor")
		Expect(record(b).Status).To(Equal(result.Skipped))

		stop := s.run("stop", "long", "--output", "json", "--grace", "1s")
		Expect(stop.ExitCode()).To(Equal(0), string(stop.Err.Contents()))
		Eventually(func() bool { return alive(survivor) }).Should(BeFalse())
		stopped := record(stop)
		Expect(stopped.Status).To(Equal(result.Stopped))
		Expect(stopped.Reason).To(ContainSubstring("orc-exec stop"))

		s.define("long", map[string]any{"name": "long", "action": sh("true")})
		Expect(s.run("run", "long").ExitCode()).To(Equal(0))
		var statuses []result.Status
		for _, r := range s.history("long") {
			statuses = append(statuses, r.Status)
		}
		Expect(statuses).To(ConsistOf(result.Skipped, result.Stopped, result.Success))
	})

	It("is closed as STOPPED by the next run even when a SKIPPED record came after it", func() {
		s.define("long", map[string]any{"name": "long", "action": sh(`echo $$ > ` + dir + `/pid; exec sleep 300`)})
		a := s.start("run", "long")
		Eventually(func() int { return readPID(dir + "/pid") }).ShouldNot(BeZero())
		Expect(s.run("run", "long").ExitCode()).To(Equal(7))
		a.Signal(syscall.SIGKILL)
		Eventually(a).Should(gexec.Exit())
		Eventually(func() bool { return alive(readPID(dir + "/pid")) }).Should(BeFalse())

		s.define("long", map[string]any{"name": "long", "action": sh("true")})
		Expect(s.run("run", "long").ExitCode()).To(Equal(0))
		for _, r := range s.history("long") {
			Expect(r.Status).NotTo(Equal(result.Running), "run %s", r.RunID)
		}
		Expect(s.history("long", "--status", "STOPPED")).To(HaveLen(1))
	})

	It("is closed as STOPPED by the next run of an overlap-parallel task", func() {
		s.define("par", map[string]any{"name": "par", "overlap": "parallel", "action": sh(`echo $$ > ` + dir + `/pid; exec sleep 300`)})
		startKilled("par")
		Eventually(func() bool { return alive(readPID(dir + "/pid")) }).Should(BeFalse())

		s.define("par", map[string]any{"name": "par", "overlap": "parallel", "action": sh("true")})
		Expect(s.run("run", "par").ExitCode()).To(Equal(0))
		h := s.history("par")
		Expect(h).To(HaveLen(2))
		Expect(h[0].Status).To(Equal(result.Stopped))
		Expect(h[0].Reason).To(ContainSubstring("no process of its command is left"))
	})

	It("does not close a parallel run that is still alive", func() {
		s.define("par", map[string]any{"name": "par", "overlap": "parallel", "action": sh(`echo $$ > ` + dir + `/pid; exec sleep 300`)})
		a := s.start("run", "par")
		DeferCleanup(func() { a.Kill(); Eventually(a).Should(gexec.Exit()) })
		Eventually(func() int { return readPID(dir + "/pid") }).ShouldNot(BeZero())
		s.define("par", map[string]any{"name": "par", "overlap": "parallel", "action": sh("true")})
		Expect(s.run("run", "par").ExitCode()).To(Equal(0))
		Expect(s.history("par", "--status", "RUNNING")).To(HaveLen(1))
	})
})

var _ = Describe("what a record says", func() {
	var s *store
	var dir string
	BeforeEach(func() {
		s = newStore()
		dir = GinkgoT().TempDir()
	})

	It("names the signal that killed the command", func() {
		s.define("sig", map[string]any{"name": "sig", "action": sh(`kill -KILL $$`)})
		sess := s.run("run", "sig", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(1))
		r := record(sess)
		Expect(r.Status).To(Equal(result.Failed))
		Expect(r.ExitCode).To(Equal(-1))
		Expect(r.Signal).To(Equal("SIGKILL"))
		Expect(r.Attempts[0].Signal).To(Equal("SIGKILL"))
		Expect(r.Reason).To(Equal("killed by SIGKILL"))
	})

	It("kills processes that left the process group (setsid) on timeout, and counts them", func() {
		s.define("esc", map[string]any{"name": "esc", "timeout": "1s", "action": sh(
			`setsid sh -c 'echo $$ > ` + dir + `/pid; exec sleep 300' & sleep 300`)})
		sess := s.run("run", "esc", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(5))
		Eventually(func() bool { return alive(readPID(dir + "/pid")) }).Should(BeFalse())
		r := record(sess)
		Expect(r.Attempts[0].Escaped).To(Equal(1))
		Expect(r.Reason).To(ContainSubstring("1 process(es) that had left its process group"))
	})

	It("records a queued run stopped with SIGTERM as STOPPED, not ERROR", func() {
		gate := filepath.Join(dir, "release")
		s.define("q", map[string]any{"name": "q", "overlap": "queue", "action": sh(
			`echo $$ > ` + dir + `/pid; while [ ! -e ` + gate + ` ]; do sleep 0.05; done`)})
		a := s.start("run", "q")
		DeferCleanup(func() { _ = os.WriteFile(gate, nil, 0o600); Eventually(a).Should(gexec.Exit()) })
		Eventually(func() int { return readPID(dir + "/pid") }).ShouldNot(BeZero())
		b := s.start("run", "q", "--output", "json")
		Eventually(func() string { b, _ := os.ReadFile(filepath.Join(s.home, "logs", "q.log")); return string(b) }).
			Should(ContainSubstring("queued behind it"))
		b.Signal(syscall.SIGTERM)
		Eventually(b).Should(gexec.Exit(130))
		Expect(record(b).Status).To(Equal(result.Stopped))
		Expect(b.Err.Contents()).To(BeEmpty())
	})

	It("says on stderr and with exit 70 that a result could not be recorded (disk full)", func() {
		s.define("full", map[string]any{"name": "full", "action": sh("echo ran")})
		Expect(os.MkdirAll(filepath.Join(s.home, "history"), 0o700)).To(Succeed())
		Expect(os.Symlink("/dev/full", filepath.Join(s.home, "history", "full.jsonl"))).To(Succeed())
		sess := s.run("run", "full", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(70))
		Expect(string(sess.Err.Contents())).To(ContainSubstring("could not record"))
		Expect(string(sess.Err.Contents())).To(ContainSubstring("no space left on device"))
		Expect(record(sess).Status).To(Equal(result.Error))
	})

	It("starts a queued run only when the previous run's processes are gone", func() {
		s.define("q2", map[string]any{"name": "q2", "overlap": "queue", "action": sh(`sleep 300 & echo $! > ` + dir + `/pid; wait`)})
		a := s.start("run", "q2")
		Eventually(func() int { return readPID(dir + "/pid") }).ShouldNot(BeZero())
		a.Signal(syscall.SIGKILL)
		Eventually(a).Should(gexec.Exit())
		b := s.start("run", "q2")
		Consistently(b, "500ms").ShouldNot(gexec.Exit())
		Expect(syscall.Kill(readPID(dir+"/pid"), syscall.SIGKILL)).To(Succeed())
		Expect(os.Remove(dir + "/pid")).To(Succeed())
		Eventually(func() int { return readPID(dir + "/pid") }).WithTimeout(10 * time.Second).ShouldNot(BeZero())
		b.Kill()
		Eventually(b).Should(gexec.Exit())
	})
})
