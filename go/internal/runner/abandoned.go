package runner

import (
	"fmt"
	"os"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// AbandonedReason is what a run closed by 'orc-exec cleanup' says about
// itself: the same recovery as the next run's, started by hand.
const AbandonedReason = "the run ended without recording a result (found by 'orc-exec cleanup'): orc-exec was killed (Task Scheduler stopped it, its time limit, or a crash)"

// Abandoned finds the runs of task name left RUNNING whose run lock nobody
// holds any more: every process of the run is gone. With closeThem it records
// each as STOPPED exactly as the task's next run would (closeAbandoned), and
// returns those final records; without, it returns the RUNNING records and
// changes nothing. A live run holds its run lock, so it is never among them.
func (r *Runner) Abandoned(name string, closeThem bool) ([]result.Record, error) {
	paths, err := r.Store.For(name)
	if err != nil {
		return nil, err
	}
	if closeThem {
		entries, _ := os.ReadDir(runLockDir(paths))
		reasons := map[string]string{}
		for _, e := range entries {
			if id, ok := strings.CutSuffix(e.Name(), ".lock"); ok {
				reasons[id] = AbandonedReason
			}
		}
		return r.closeAbandoned(paths, "cleanup", reasons, false, r.Log), nil
	}
	entries, err := os.ReadDir(runLockDir(paths))
	if err != nil {
		return nil, nil // no run ever took a lock here
	}
	dead := map[string]bool{}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".lock")
		if !ok {
			continue
		}
		// Taken and released at once: a dry run leaves the file as it was.
		if free, err := lock.New(RunLockPath(paths, id)).Free(); err == nil && free {
			dead[id] = true
		}
	}
	if len(dead) == 0 {
		return nil, nil
	}
	running, err := history.Query(paths.History, history.Filter{Status: result.Running})
	if err != nil {
		return nil, fmt.Errorf("could not read the runs of %s in progress: %w", name, err)
	}
	var out []result.Record
	for _, rec := range running {
		if dead[rec.RunID] {
			out = append(out, rec)
		}
	}
	return out, nil
}
