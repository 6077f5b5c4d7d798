package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	// Taking a run's lock is how a dead run is told from a live one; the
	// folder is missing only when no run ever took one here.
	if err := os.MkdirAll(runLockDir(paths), 0o755); err != nil {
		return nil, fmt.Errorf("could not create the run locks folder: %w", err)
	}
	// Runs in progress are those with a RUNNING record and those holding a
	// run lock (a run queued behind another has no record yet).
	ids := []string{}
	isRunning := map[string]bool{}
	for _, run := range running {
		ids = append(ids, run.RunID)
		isRunning[run.RunID] = true
	}
	locks, _ := filepath.Glob(filepath.Join(runLockDir(paths), "*.lock"))
	for _, l := range locks {
		if id := strings.TrimSuffix(filepath.Base(l), ".lock"); !isRunning[id] {
			ids = append(ids, id)
		}
	}
	// Every run is asked first, then waited for: asking one at a time would
	// let a queued run take the lock the first one frees and start.
	type asked struct {
		id  string
		rl  *lock.Lock
		h   lock.Holder
		err error
	}
	var pending []asked
	var errs []error
	var stopped []string
	for _, id := range ids {
		rl := lock.New(RunLockPath(paths, id))
		free, err := rl.Free()
		if err != nil {
			errs = append(errs, fmt.Errorf("could not check run %s: %w", id, err))
			continue
		}
		if free {
			if isRunning[id] {
				stopped = append(stopped, id) // already gone: closed below
			} else {
				rl.Remove() // a finished run's leftover lock file
			}
			continue
		}
		stopped = append(stopped, id)
		h, _ := rl.Holder()
		pending = append(pending, asked{id, rl, h, lock.RequestStop(rl.Path(), h)})
	}
	reasons := map[string]string{}
	for _, p := range pending {
		if p.err == nil && waitFree(ctx, p.rl, grace) {
			continue
		}
		if p.err != nil && !errors.Is(p.err, lock.ErrGone) {
			r.Log.Warn().Err(p.err).Str("stopRunId", p.id).Msg("The run did not take the stop request; killing it")
		}
		if err := lock.Kill(p.h); err != nil && !errors.Is(err, lock.ErrGone) {
			errs = append(errs, fmt.Errorf("could not stop run %s (pid %d): %w", p.id, p.h.PID, err))
			continue
		}
		_, _ = proc.KillTagged(RunTag(p.id))
		reasons[p.id] = "stopped by 'orc-exec stop', which had to kill it"
		if !waitFree(ctx, p.rl, grace) {
			errs = append(errs, fmt.Errorf("could not stop run %s: %w: its processes still hold %s", p.id, ErrNotStopped, p.rl.Path()))
		}
	}
	if len(stopped) == 0 {
		return nil, errors.Join(errs...)
	}
	r.closeAbandoned(paths, "stop", reasons, false, r.Log)
	all, err := history.Query(paths.History, history.Filter{})
	if err != nil {
		return nil, errors.Join(append(errs, err)...)
	}
	var out []result.Record
	for _, rec := range all {
		for _, id := range stopped {
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
