package runner_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
)

var _ = Describe("Runner.Run", func() {
	var f *fixture
	BeforeEach(func() { f = newFixture() })

	// historyOf is the task's history, collapsed by run ID, oldest first.
	historyOf := func(name string) []result.Record {
		recs, err := history.Query(f.paths(name).History, history.Filter{})
		Expect(err).NotTo(HaveOccurred())
		return recs
	}

	Context("when the command succeeds", func() {
		It("records SUCCESS once, with its output, and notifies with the final record", func() {
			rec, code := f.runner.Run(context.Background(), f.task("ok", "ok", definition.OverlapSkip))
			Expect(code).To(Equal(exitcode.Success))
			Expect(rec.Status).To(Equal(result.Success))
			Expect(rec.ExitCode).To(Equal(0))
			Expect(rec.OutputTail).To(ContainSubstring("hello from the command"))
			Expect(historyOf("ok")).To(HaveExactElements(HaveField("Status", result.Success)))
			Expect(f.notifications()).To(HaveExactElements(HaveField("RunID", rec.RunID)))
		})
	})

	Context("when the command fails and the retry policy allows more attempts", func() {
		It("runs it again after the backoff delay until it succeeds", func() {
			t := f.task("flaky", "flaky", definition.OverlapSkip)
			t.Retry = &definition.Retry{Attempts: 5, Delay: definition.Duration(time.Second), BackoffFactor: 2}
			rec, code := f.runner.Run(context.Background(), t)
			Expect(code).To(Equal(exitcode.Success))
			Expect(rec.Attempts).To(HaveLen(3))
			Expect(rec.Attempts[0].ExitCode).To(Equal(3))
			Expect(f.delays).To(Equal([]time.Duration{time.Second, 2 * time.Second}))
		})
	})

	Context("when another run holds the task", func() {
		var other *lock.Lock
		BeforeEach(func() {
			other = lock.New(f.paths("busy").Lock)
			Expect(other.TryAcquire(lock.Self("other-run"))).To(Succeed())
			DeferCleanup(other.Release)
		})

		It("skip: records SKIPPED with exit 7 and runs nothing", func() {
			rec, code := f.runner.Run(context.Background(), f.task("busy", "block", definition.OverlapSkip))
			Expect(code).To(Equal(exitcode.OverlapSkipped))
			Expect(rec.Status).To(Equal(result.Skipped))
			Expect(rec.Reason).To(ContainSubstring("other-run"))
			Expect(entries(f.dir, ".started")).To(BeEmpty())
		})

		It("queue: waits for the lock, then runs", func() {
			done := f.start(context.Background(), f.task("busy", "ok", definition.OverlapQueue))
			Consistently(done, "300ms").ShouldNot(Receive())
			Expect(other.Release()).To(Succeed())
			var o outcome
			Eventually(done).WithTimeout(30 * time.Second).Should(Receive(&o))
			Expect(o.rec.Status).To(Equal(result.Success))
		})

		It("queue: a run stopped while it waits is STOPPED with exit 130, not an ERROR alert", func() {
			ctx, cancel := context.WithCancel(context.Background())
			done := f.start(ctx, f.task("busy", "ok", definition.OverlapQueue))
			Consistently(done, "300ms").ShouldNot(Receive())
			cancel()
			var o outcome
			Eventually(done).Should(Receive(&o))
			Expect(o.code).To(Equal(int(exitcode.Interrupted)))
			Expect(o.rec.Status).To(Equal(result.Stopped))
			Expect(f.notifications()).To(HaveExactElements(HaveField("Status", result.Stopped)))
		})

		It("stop-previous: never signals a process the holder file names unless it is still that run", func() {
			// A process that merely has the PID the holder file names (a
			// reused PID): same PID, another start time.
			decoy := exec.Command(os.Args[0])
			decoy.Env = append(os.Environ(), helperEnv+"=block", dirEnv+"="+f.dir, "ORC_RUN_ID=decoy")
			Expect(decoy.Start()).To(Succeed())
			DeferCleanup(func() { _ = decoy.Process.Kill(); _ = decoy.Wait() })
			f.started(1)
			start, err := lock.ProcessStart(decoy.Process.Pid)
			Expect(err).NotTo(HaveOccurred())
			Expect(other.Release()).To(Succeed())
			Expect(other.TryAcquire(lock.Holder{PID: decoy.Process.Pid, RunID: "old-run", Start: start + 1})).To(Succeed())

			grace := runner.StopGrace
			runner.StopGrace = 200 * time.Millisecond
			DeferCleanup(func() { runner.StopGrace = grace })
			rec, code := f.runner.Run(context.Background(), f.task("busy", "ok", definition.OverlapStopPrevious))
			Expect(code).To(Equal(exitcode.Internal))
			Expect(rec.Reason).To(ContainSubstring("could not stop previous run old-run"))
			exited := make(chan error, 1)
			go func() { exited <- decoy.Wait() }()
			Consistently(exited, "300ms").ShouldNot(Receive(), "the decoy must live")
			_ = decoy.Process.Kill()
			Eventually(exited).Should(Receive())
		})
	})

	Context("when a run is asked to stop (orc-exec stop)", func() {
		BeforeEach(func() {
			if runtime.GOOS != "windows" {
				Skip("on Unix the request is SIGTERM to orc-exec, which would end this spec process: see the e2e specs")
			}
		})

		It("kills the command, records STOPPED with exit 130 and notifies, and Stop returns that record", func() {
			done := f.start(context.Background(), f.task("long", "block", definition.OverlapSkip))
			f.started(1)
			recs, err := f.runner.Stop(context.Background(), "long", 10*time.Second)
			Expect(err).NotTo(HaveOccurred())
			var o outcome
			Eventually(done).Should(Receive(&o))
			Expect(o.code).To(Equal(int(exitcode.Interrupted)))
			Expect(o.rec.Status).To(Equal(result.Stopped))
			Expect(o.rec.Reason).To(ContainSubstring("on request"))
			Expect(recs).To(HaveExactElements(HaveField("RunID", o.rec.RunID)))
			Expect(f.notifications()).To(HaveExactElements(HaveField("Status", result.Stopped)))
		})

		It("stop-previous: the newer run stops the older one through its stop event, and runs", func() {
			first := f.start(context.Background(), f.task("sp", "block", definition.OverlapStopPrevious))
			f.started(1)
			rec, code := f.runner.Run(context.Background(), f.task("sp", "ok", definition.OverlapStopPrevious))
			Expect(code).To(Equal(exitcode.Success), rec.Reason)
			var o outcome
			Eventually(first).Should(Receive(&o))
			Expect(o.rec.Status).To(Equal(result.Stopped))
		})
	})

	Context("when an earlier run ended without recording a result (its orc-exec was killed)", func() {
		// legacyMarker writes what a killed run of an orc-exec older than run
		// locks leaves behind: its RUNNING record.
		legacyMarker := func(name, runID string) {
			Expect(history.Append(f.paths(name).History, result.Record{Schema: result.Schema, Task: name, RunID: runID,
				Status: result.Running, Start: time.Now().UTC(), ExitCode: -1, Attempts: []result.Attempt{}})).To(Succeed())
		}
		// marker adds the run lock file it took (unlocked once it died).
		marker := func(name, runID string) {
			legacyMarker(name, runID)
			Expect(os.MkdirAll(f.paths(name).Lock+".runs", 0o755)).To(Succeed())
			Expect(os.WriteFile(runner.RunLockPath(f.paths(name), runID), nil, 0o600)).To(Succeed())
		}
		statusOf := func(name, runID string) result.Status {
			for _, r := range historyOf(name) {
				if r.RunID == runID {
					return r.Status
				}
			}
			return ""
		}

		It("closes it as STOPPED with exit 130 and says no process of it is left", func() {
			marker("k", "killed-run")
			_, code := f.runner.Run(context.Background(), f.task("k", "ok", definition.OverlapSkip))
			Expect(code).To(Equal(exitcode.Success))
			Expect(statusOf("k", "killed-run")).To(Equal(result.Stopped))
			for _, r := range historyOf("k") {
				if r.RunID == "killed-run" {
					Expect(r.OrcExitCode).To(Equal(130))
					Expect(r.Reason).To(ContainSubstring("without recording a result"))
				}
			}
		})

		It("closes the newest RUNNING record of an older orc-exec (no run lock) when it holds the task lock", func() {
			legacyMarker("k", "legacy-run")
			f.runner.Run(context.Background(), f.task("k", "ok", definition.OverlapSkip))
			Expect(statusOf("k", "legacy-run")).To(Equal(result.Stopped))
		})

		It("leaves no run lock files behind", func() {
			marker("k", "killed-run")
			f.runner.Run(context.Background(), f.task("k", "ok", definition.OverlapParallel))
			Expect(filepath.Glob(f.paths("k").Lock + ".runs/*")).To(BeEmpty())
		})

		It("closes it even when a SKIPPED record came after it", func() {
			marker("k", "killed-run")
			Expect(history.Append(f.paths("k").History, result.Record{Schema: result.Schema, Task: "k", RunID: "skipped-run",
				Status: result.Skipped, Start: time.Now().UTC(), End: time.Now().UTC(), OrcExitCode: 7})).To(Succeed())
			f.runner.Run(context.Background(), f.task("k", "ok", definition.OverlapSkip))
			Expect(statusOf("k", "killed-run")).To(Equal(result.Stopped))
		})

		DescribeTable("closes a dead run and leaves a live one, for every overlap policy",
			func(policy definition.Overlap) {
				marker("p", "dead-run")
				marker("p", "live-run")
				// A live run holds its run lock (for overlap other than
				// parallel it would also hold the task lock; here only the
				// run lock is held so the new run can go ahead).
				live := lock.New(runner.RunLockPath(f.paths("p"), "live-run"))
				Expect(os.MkdirAll(f.paths("p").Lock+".runs", 0o755)).To(Succeed())
				Expect(live.TryAcquire(lock.Self("live-run"))).To(Succeed())
				DeferCleanup(live.Release)

				_, code := f.runner.Run(context.Background(), f.task("p", "ok", policy))
				Expect(code).To(Equal(exitcode.Success))
				Expect(statusOf("p", "dead-run")).To(Equal(result.Stopped))
				Expect(statusOf("p", "live-run")).To(Equal(result.Running))
			},
			Entry("parallel", definition.OverlapParallel),
			Entry("skip", definition.OverlapSkip),
			Entry("queue", definition.OverlapQueue),
			Entry("stop-previous", definition.OverlapStopPrevious),
		)
	})

	Context("when the result cannot be recorded (disk full)", func() {
		It("does not start the command when even its start cannot be recorded, and exits 70", func() {
			Expect(os.MkdirAll(f.paths("full").History, 0o700)).To(Succeed()) // a folder where the file should be
			rec, code := f.runner.Run(context.Background(), f.task("full", "block", definition.OverlapSkip))
			Expect(code).To(Equal(exitcode.Internal))
			Expect(rec.Status).To(Equal(result.Error))
			Expect(rec.Error).To(ContainSubstring("could not record"))
			Expect(entries(f.dir, ".started")).To(BeEmpty())
		})

		It("reports ERROR with exit 70, never the command's SUCCESS, when the final record is lost", func() {
			rec, code := f.runner.Run(context.Background(), f.task("full", "lose-history", definition.OverlapSkip))
			Expect(rec.ExitCode).To(Equal(0), "the command itself succeeded")
			Expect(code).To(Equal(exitcode.Internal))
			Expect(rec.Status).To(Equal(result.Error))
			Expect(rec.Reason).To(ContainSubstring("the run ended SUCCESS but its result could not be recorded"))
			Expect(f.notifications()).To(HaveExactElements(HaveField("Status", result.Error)))
		})
	})

	Context("when the command is killed by a signal", func() {
		It("names the signal in the attempt and the record", func() {
			if runtime.GOOS == "windows" {
				Skip("Windows has no signals: TerminateProcess leaves an exit code")
			}
			rec, _ := f.runner.Run(context.Background(), f.task("sig", "kill-self", definition.OverlapSkip))
			Expect(rec.Status).To(Equal(result.Failed))
			Expect(rec.ExitCode).To(Equal(-1))
			Expect(rec.Signal).To(Equal("SIGKILL"))
			Expect(rec.Attempts[0].Signal).To(Equal("SIGKILL"))
			Expect(rec.Reason).To(Equal("killed by SIGKILL"))
		})
	})

	Context("when Locked is set (log rotation)", func() {
		It("calls it while the task lock is held and before the start is recorded", func() {
			var heldThen bool
			var historyThen []result.Record
			f.runner.Locked = func() error {
				heldThen = lock.New(f.paths("rot").Lock).TryAcquire(lock.Self("probe")) != nil
				historyThen = historyOf("rot")
				return nil
			}
			_, code := f.runner.Run(context.Background(), f.task("rot", "ok", definition.OverlapSkip))
			Expect(code).To(Equal(exitcode.Success))
			Expect(heldThen).To(BeTrue())
			Expect(historyThen).To(BeEmpty())
		})
	})
})

var _ = Describe("Runner.Stop", func() {
	var f *fixture
	BeforeEach(func() { f = newFixture() })

	It("returns nothing when no run is in progress, and clears lock files finished runs left", func() {
		p := f.paths("idle")
		Expect(os.MkdirAll(p.Lock+".runs", 0o755)).To(Succeed())
		Expect(os.WriteFile(runner.RunLockPath(p, "finished-run"), nil, 0o600)).To(Succeed())
		recs, err := f.runner.Stop(context.Background(), "idle", time.Second)
		Expect(err).NotTo(HaveOccurred())
		Expect(recs).To(BeEmpty())
		Expect(runner.RunLockPath(p, "finished-run")).NotTo(BeAnExistingFile())
	})

	It("closes a run that ended without a result and returns its STOPPED record", func() {
		Expect(history.Append(f.paths("k").History, result.Record{Schema: result.Schema, Task: "k", RunID: "killed-run",
			Status: result.Running, Start: time.Now().UTC(), ExitCode: -1, Attempts: []result.Attempt{}})).To(Succeed())
		recs, err := f.runner.Stop(context.Background(), "k", time.Second)
		Expect(err).NotTo(HaveOccurred())
		Expect(recs).To(HaveExactElements(And(HaveField("RunID", "killed-run"), HaveField("Status", result.Stopped))))
	})

	Context("when a run is queued behind another", func() {
		It("stops it too: it records STOPPED and never runs", func() {
			if runtime.GOOS != "windows" {
				Skip("on Unix the request is SIGTERM to orc-exec, which would end this spec process: see the e2e specs")
			}
			other := lock.New(f.paths("q").Lock)
			Expect(other.TryAcquire(lock.Self("other-run"))).To(Succeed())
			DeferCleanup(other.Release)
			done := f.start(context.Background(), f.task("q", "ok", definition.OverlapQueue))
			Eventually(func() []string { m, _ := filepath.Glob(f.paths("q").Lock + ".runs/*.lock"); return m }).Should(HaveLen(1))
			recs, err := f.runner.Stop(context.Background(), "q", 10*time.Second)
			Expect(err).NotTo(HaveOccurred())
			var o outcome
			Eventually(done).Should(Receive(&o))
			Expect(o.rec.Status).To(Equal(result.Stopped))
			Expect(o.rec.Attempts).To(BeEmpty())
			Expect(recs).To(HaveExactElements(HaveField("RunID", o.rec.RunID)))
		})
	})
})
