package runner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/proc"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// ErrNotStopped means a run could not be stopped: its processes still hold
// its run lock after the stop request and the kill.
var ErrNotStopped = errors.New("the run did not stop")

// Stop stops every run of task name in progress and returns their final
// records. Each run is asked first (lock.RequestStop), so it kills its
// command's tree, records STOPPED with exit 130 and sends its notification
// itself; a run that does not end within grace, or whose orc-exec is already
// gone while its command's processes live on, is killed, and Stop records it
// as STOPPED on its behalf. Runs that already ended without a record are
// closed too. No run in progress is not an error: the result is empty.
func (r *Runner) Stop(ctx context.Context, name string, grace time.Duration) ([]result.Record, error) {
	paths, err := r.Store.For(name)
	if err != nil {
		return nil, err
	}
	running, err := history.Query(paths.History, history.Filter{Status: result.Running})
	if err != nil {
		return nil, fmt.Errorf("could not find the runs of %s in progress: %w", name, err)
	}
	reasons := map[string]string{}
	var ids []string
	var errs []error
	for _, run := range running {
		ids = append(ids, run.RunID)
		rl := lock.New(RunLockPath(paths, run.RunID))
		if free, _ := rl.Free(); free {
			continue // already gone: closed below
		}
		h, _ := rl.Holder()
		err := lock.RequestStop(rl.Path(), h)
		if err == nil && waitFree(ctx, rl, grace) {
			continue
		}
		if err != nil && !errors.Is(err, lock.ErrGone) {
			r.Log.Warn().Err(err).Str("stopRunId", run.RunID).Msg("The run did not take the stop request; killing it")
		}
		if err := lock.Kill(h); err != nil && !errors.Is(err, lock.ErrGone) {
			errs = append(errs, fmt.Errorf("could not stop run %s (pid %d): %w", run.RunID, h.PID, err))
			continue
		}
		_, _ = proc.KillTagged(RunTag(run.RunID))
		reasons[run.RunID] = "stopped by 'orc-exec stop', which had to kill it"
		if !waitFree(ctx, rl, grace) {
			errs = append(errs, fmt.Errorf("could not stop run %s: %w: its processes still hold %s", run.RunID, ErrNotStopped, rl.Path()))
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	r.closeAbandoned(paths, "stop", reasons, r.Log)
	all, err := history.Query(paths.History, history.Filter{})
	if err != nil {
		return nil, errors.Join(append(errs, err)...)
	}
	var out []result.Record
	for _, rec := range all {
		for _, id := range ids {
			if rec.RunID == id {
				out = append(out, rec)
			}
		}
	}
	return out, errors.Join(errs...)
}

// waitFree waits up to d for nobody to hold l.
func waitFree(ctx context.Context, l *lock.Lock, d time.Duration) bool {
	wait, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	if err := l.Acquire(wait, lock.Self("stop")); err != nil {
		return false
	}
	_ = l.Release()
	return true
}
