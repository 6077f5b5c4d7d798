package cleanup_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/cleanup"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// The spec binary doubles as a run's orc-exec: in helper mode it takes a run
// lock, says so, and holds it until the spec releases it or kills it.
// Its signal files live in their own folder (signalEnv), never beside the lock.
const (
	helperEnv = "ORC_CLEANUP_SPEC_HELPER"
	signalEnv = "ORC_CLEANUP_SPEC_SIGNALS"
)

func init() {
	if path := os.Getenv(helperEnv); path != "" {
		l := lock.New(path)
		if err := l.TryAcquire(lock.Self(filepath.Base(path))); err != nil {
			os.Exit(3)
		}
		signals := os.Getenv(signalEnv)
		_ = os.WriteFile(filepath.Join(signals, "ready"), nil, 0o600)
		for {
			if _, err := os.Stat(filepath.Join(signals, "release")); err == nil {
				os.Exit(0)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

type fixture struct {
	store  *store.Store
	runner *runner.Runner
	now    time.Time
}

func newFixture() *fixture {
	s, err := store.Open(filepath.Join(testutil.TempDir(), "home"))
	Expect(err).NotTo(HaveOccurred())
	return &fixture{store: s, runner: &runner.Runner{Store: s, Log: zerolog.New(GinkgoWriter), Host: "spec", Trigger: result.Manual, Now: time.Now}, now: time.Now()}
}

// run seeds a RUNNING record for runID and a real process holding its run
// lock; alive=false kills that process for real, as Task Scheduler's
// ExecutionTimeLimit or kill -9 would, leaving the lock file behind.
func (f *fixture) run(task, runID string, alive bool) {
	paths, err := f.store.For(task)
	Expect(err).NotTo(HaveOccurred())
	Expect(history.Append(paths.History, result.Record{Schema: result.Schema, Task: task, RunID: runID,
		Status: result.Running, Start: time.Now().UTC(), ExitCode: -1, Attempts: []result.Attempt{}})).To(Succeed())
	lockPath := runner.RunLockPath(paths, runID)
	Expect(os.MkdirAll(filepath.Dir(lockPath), 0o755)).To(Succeed())
	signals := testutil.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"="+lockPath, signalEnv+"="+signals)
	Expect(cmd.Start()).To(Succeed())
	Eventually(func() error { _, err := os.Stat(filepath.Join(signals, "ready")); return err }).WithTimeout(20 * time.Second).Should(Succeed())
	if alive {
		DeferCleanup(func() {
			Expect(os.WriteFile(filepath.Join(signals, "release"), nil, 0o600)).To(Succeed())
			_ = cmd.Wait()
		})
		return
	}
	Expect(cmd.Process.Kill()).To(Succeed())
	_ = cmd.Wait()
}

func (f *fixture) status(task, runID string) result.Status {
	paths, _ := f.store.For(task)
	recs, err := history.Query(paths.History, history.Filter{})
	Expect(err).NotTo(HaveOccurred())
	var st result.Status
	for _, r := range recs {
		if r.RunID == runID {
			st = r.Status
		}
	}
	return st
}

func (f *fixture) output(task, runID string, age time.Duration) string {
	paths, _ := f.store.For(task)
	Expect(os.MkdirAll(paths.Runs, 0o700)).To(Succeed())
	p := filepath.Join(paths.Runs, runID+".log")
	Expect(os.WriteFile(p, []byte("output\n"), 0o600)).To(Succeed())
	t := f.now.Add(-age)
	Expect(os.Chtimes(p, t, t)).To(Succeed())
	return p
}

func (f *fixture) outbox(id string, age time.Duration) {
	_, err := notify.Spool(notify.PathsOf(f.store), notify.Item{ID: id, Kind: notify.KindWebhook, Task: "t", Created: f.now.Add(-age).UTC(), Body: []byte(`{}`)})
	Expect(err).NotTo(HaveOccurred())
}

func (f *fixture) clean(dry bool) []cleanup.Item {
	items, err := cleanup.Run(f.store, f.runner, cleanup.Options{DryRun: dry, Now: func() time.Time { return f.now }})
	Expect(err).NotTo(HaveOccurred())
	return items
}

func keys(items []cleanup.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Kind+":"+it.Task+":"+it.Name+":"+it.Action)
	}
	return out
}

var _ = Describe("Cleanup", func() {
	var f *fixture
	BeforeEach(func() { f = newFixture() })

	// One store seeded with an orphan of every kind and a live counterpart of each.
	seed := func() (oldOut, newOut, liveOut string) {
		f.run("a", "dead-run", false)
		f.run("a", "live-run", true)
		f.outbox("expired", 25*time.Hour)
		f.outbox("fresh", time.Hour)
		oldOut = f.output("a", "old-run", 91*24*time.Hour)
		newOut = f.output("a", "new-run", 24*time.Hour)
		liveOut = f.output("a", "live-run", 91*24*time.Hour) // a run writing for longer than the retention
		return
	}

	DescribeTable("finds every kind of orphan and nothing live",
		func(dry bool, action string) {
			seed()
			Expect(keys(f.clean(dry))).To(ConsistOf(
				"run:a:dead-run:"+action,
				"outbox:t:expired:"+action,
				"output:a:old-run.log:"+action,
			))
		},
		Entry("with --dry-run, reporting", true, cleanup.Reported),
		Entry("without, removing", false, cleanup.Removed),
	)

	Context("when it cleans for real", func() {
		It("records the dead run as STOPPED with exit 130, the runner's own recovery, and leaves the live run RUNNING", func() {
			seed()
			f.clean(false)
			Expect(f.status("a", "dead-run")).To(Equal(result.Stopped))
			Expect(f.status("a", "live-run")).To(Equal(result.Running))
			paths, _ := f.store.For("a")
			recs, _ := history.Query(paths.History, history.Filter{Status: result.Stopped})
			Expect(recs).To(HaveLen(1))
			Expect(recs[0].OrcExitCode).To(Equal(130))
			Expect(recs[0].Reason).To(ContainSubstring("orc-exec cleanup"))
			Expect(runner.RunLockPath(paths, "dead-run")).NotTo(BeAnExistingFile())
			Expect(runner.RunLockPath(paths, "live-run")).To(BeAnExistingFile())
		})

		It("deletes the expired outbox item and old output, and keeps the fresh ones and a live run's output", func() {
			oldOut, newOut, liveOut := seed()
			f.clean(false)
			Expect(oldOut).NotTo(BeAnExistingFile())
			Expect(newOut).To(BeAnExistingFile())
			Expect(liveOut).To(BeAnExistingFile())
			items, err := notify.OutboxItems(notify.PathsOf(f.store))
			Expect(err).NotTo(HaveOccurred())
			Expect(items).To(HaveLen(1))
			Expect(items[0].ID).To(Equal("fresh"))
		})

		It("finds nothing the second time: it is idempotent", func() {
			seed()
			f.clean(false)
			Expect(f.clean(false)).To(BeEmpty())
		})
	})

	Context("when it is a dry run", func() {
		It("changes nothing, so a real run afterwards finds the same items", func() {
			seed()
			dry := keys(f.clean(true))
			Expect(f.status("a", "dead-run")).To(Equal(result.Running))
			real := keys(f.clean(false))
			Expect(real).To(HaveLen(len(dry)))
		})
	})

	Context("when --older-than is shorter than the default", func() {
		It("removes output files older than it", func() {
			newOut := f.output("a", "new-run", 2*time.Hour)
			items, err := cleanup.Run(f.store, f.runner, cleanup.Options{OlderThan: time.Hour, Now: func() time.Time { return f.now }})
			Expect(err).NotTo(HaveOccurred())
			Expect(keys(items)).To(ConsistOf("output:a:new-run.log:Removed"))
			Expect(newOut).NotTo(BeAnExistingFile())
		})
	})

	Context("when the store holds folders that are no task's", func() {
		It("leaves them alone and reports nothing", func() {
			for _, dir := range []string{"locks/not a task.lock.runs", "runs/not a task"} {
				Expect(os.MkdirAll(filepath.Join(f.store.Home, dir), 0o700)).To(Succeed())
			}
			old := filepath.Join(f.store.Home, "runs/not a task/x.log")
			Expect(os.WriteFile(old, nil, 0o600)).To(Succeed())
			t := f.now.Add(-100 * 24 * time.Hour)
			Expect(os.Chtimes(old, t, t)).To(Succeed())
			Expect(f.clean(false)).To(BeEmpty())
			Expect(old).To(BeAnExistingFile())
		})
	})

	Context("when the store is empty", func() {
		It("reports nothing", func() {
			Expect(f.clean(false)).To(BeEmpty())
		})
	})
})
