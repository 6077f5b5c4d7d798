package runner_test

import (
	"context"
	"path/filepath"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// recorder is an Observer that keeps what it is told, in order.
type recorder struct {
	mu     sync.Mutex
	events []string
	final  []result.Record
}

func (r *recorder) Started(_ context.Context, _ *definition.Task, rec result.Record) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, "started "+rec.RunID)
}

func (r *recorder) Finished(_ context.Context, _ *definition.Task, rec result.Record) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, "finished "+rec.RunID)
	r.final = append(r.final, rec)
}

func (r *recorder) seen() ([]string, []result.Record) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.events...), append([]result.Record(nil), r.final...)
}

var _ = Describe("Runner.Observe", func() {
	var (
		f   *fixture
		obs *recorder
	)
	BeforeEach(func() {
		f = newFixture()
		obs = &recorder{}
		f.runner.Observe = obs
	})

	// Every outcome a run can end with, and whether its command started.
	type outcomeCase struct {
		status  result.Status
		started bool
		setup   func(f *fixture) (*definition.Task, context.Context)
	}
	DescribeTable("is told of every outcome once, with the final record, and of the start only when the command starts",
		func(c outcomeCase) {
			t, ctx := c.setup(f)
			rec, _ := f.runner.Run(ctx, t)
			Expect(rec.Status).To(Equal(c.status))
			events, final := obs.seen()
			want := []string{"finished " + rec.RunID}
			if c.started {
				want = append([]string{"started " + rec.RunID}, want...)
			}
			Expect(events).To(Equal(want))
			Expect(final).To(HaveExactElements(And(HaveField("Status", c.status), HaveField("End", rec.End), HaveField("Reason", rec.Reason))))
		},
		Entry("SUCCESS", outcomeCase{result.Success, true, func(f *fixture) (*definition.Task, context.Context) {
			return f.task("ok", "ok", definition.OverlapSkip), context.Background()
		}}),
		Entry("FAILED (the command's exit code)", outcomeCase{result.Failed, true, func(f *fixture) (*definition.Task, context.Context) {
			return f.task("fails", "flaky", definition.OverlapSkip), context.Background()
		}}),
		Entry("TIMEOUT", outcomeCase{result.Timeout, true, func(f *fixture) (*definition.Task, context.Context) {
			t := f.task("slow", "block", definition.OverlapSkip)
			t.Timeout = definition.Duration(300 * time.Millisecond)
			return t, context.Background()
		}}),
		Entry("SKIPPED (dependencies unmet)", outcomeCase{result.Skipped, false, func(f *fixture) (*definition.Task, context.Context) {
			t := f.task("gated", "ok", definition.OverlapSkip)
			t.Dependencies = &definition.Dependencies{Checks: []definition.Check{{Type: definition.CheckPath, Path: filepath.Join(f.dir, "absent")}}}
			return t, context.Background()
		}}),
		Entry("FAILED (dependencies unmet, policy fail)", outcomeCase{result.Failed, false, func(f *fixture) (*definition.Task, context.Context) {
			t := f.task("gated", "ok", definition.OverlapSkip)
			t.Dependencies = &definition.Dependencies{Policy: definition.PolicyFail, Checks: []definition.Check{{Type: definition.CheckPath, Path: filepath.Join(f.dir, "absent")}}}
			return t, context.Background()
		}}),
		Entry("SKIPPED (overlap)", outcomeCase{result.Skipped, false, func(f *fixture) (*definition.Task, context.Context) {
			other := lock.New(f.paths("busy").Lock)
			Expect(other.TryAcquire(lock.Self("other-run"))).To(Succeed())
			DeferCleanup(other.Release)
			return f.task("busy", "ok", definition.OverlapSkip), context.Background()
		}}),
		Entry("DISABLED", outcomeCase{result.Disabled, false, func(f *fixture) (*definition.Task, context.Context) {
			t := f.task("off", "ok", definition.OverlapSkip)
			off := false
			t.Enabled = &off
			return t, context.Background()
		}}),
		Entry("STOPPED (before the command started)", outcomeCase{result.Stopped, false, func(f *fixture) (*definition.Task, context.Context) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return f.task("stopped", "ok", definition.OverlapSkip), ctx
		}}),
		Entry("ERROR (the command cannot start)", outcomeCase{result.Error, true, func(f *fixture) (*definition.Task, context.Context) {
			t := f.task("missing", "ok", definition.OverlapSkip)
			t.Action.Command = filepath.Join(f.dir, "no-such-program")
			return t, context.Background()
		}}),
	)
})
