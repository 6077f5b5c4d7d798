// Package cleanup finds and removes what the store keeps after it stopped
// being useful: runs left RUNNING whose processes are gone, outbox items past
// their expiry, and run output files older than the retention. It never
// touches anything a live run holds. The scheduler side (tasks with no
// definition and the reverse) is the PowerShell module's, which knows the
// scheduler; Remove-OrcOrphan calls this package through 'orc-exec cleanup'.
package cleanup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/runner"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Schema versions an Item on the wire.
const Schema = "orc.cleanup/v1"

// Kinds of items.
const (
	KindRun    = "run"    // a run left RUNNING whose processes are gone
	KindOutbox = "outbox" // an undelivered notification past its expiry
	KindOutput = "output" // a run's captured output older than the retention
)

// Actions taken on an item.
const (
	Reported = "Reported" // a dry run, or not removed (Reason says why)
	Removed  = "Removed"  // deleted, or for a run: recorded as STOPPED
)

// Item is one thing cleanup found.
type Item struct {
	Schema string `json:"schema"`
	Kind   string `json:"kind"`
	Task   string `json:"task,omitempty"`
	Name   string `json:"name"` // run ID, outbox item ID, or output file name
	Action string `json:"action"`
	Reason string `json:"reason"`
	Path   string `json:"path,omitempty"`
}

// DefaultOlderThan is the run output retention: the history's own maximum
// age, so no output outlives the record that points at it by default.
var DefaultOlderThan = runner.HistoryRetention.MaxAge

// Options say what to do.
type Options struct {
	DryRun    bool
	OlderThan time.Duration // run output files; 0 means DefaultOlderThan
	Now       func() time.Time
}

// Run cleans store s and returns one Item per thing found, in the order runs,
// outbox, output. An error in one part does not stop the others; they are
// joined in the error.
func Run(s *store.Store, r *runner.Runner, o Options) ([]Item, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.OlderThan <= 0 {
		o.OlderThan = DefaultOlderThan
	}
	var items []Item
	var errs []error
	for _, f := range []func(*store.Store, *runner.Runner, Options) ([]Item, error){runs, outbox, outputs} {
		found, err := f(s, r, o)
		items = append(items, found...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return items, errors.Join(errs...)
}

func action(dry bool) string {
	if dry {
		return Reported
	}
	return Removed
}

// runTasks lists the tasks that ever took a run lock, defined or not.
func runTasks(s *store.Store) []string {
	entries, _ := os.ReadDir(filepath.Join(s.Home, store.LocksDir))
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".lock.runs"); ok && e.IsDir() {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

func runs(s *store.Store, r *runner.Runner, o Options) ([]Item, error) {
	var items []Item
	var errs []error
	for _, task := range runTasks(s) {
		if _, err := s.For(task); err != nil {
			continue // not a task's folder: not ours to judge
		}
		recs, err := r.Abandoned(task, !o.DryRun)
		if err != nil {
			errs = append(errs, fmt.Errorf("could not look for abandoned runs of %s: %w", task, err))
			continue
		}
		for _, rec := range recs {
			reason := "left RUNNING, and no process holds its run lock"
			if !o.DryRun {
				reason = "recorded as STOPPED: " + rec.Reason
			}
			items = append(items, Item{Schema: Schema, Kind: KindRun, Task: task, Name: rec.RunID, Action: action(o.DryRun), Reason: reason})
		}
	}
	return items, errors.Join(errs...)
}

func outbox(s *store.Store, _ *runner.Runner, o Options) ([]Item, error) {
	p := notify.PathsOf(s)
	if _, err := os.Stat(p.Outbox); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	settings, _, err := notify.LoadSettings(p)
	if err != nil {
		return nil, fmt.Errorf("could not read the outbox expiry: %w", err)
	}
	expiry := notify.DefaultExpiry
	if settings.Expiry > 0 {
		expiry = settings.Expiry.D()
	}
	// The same lock as a flush: an item being delivered is not removed under it.
	lk := flock.New(filepath.Join(filepath.Dir(p.Outbox), "outbox.lock"))
	if !o.DryRun {
		ok, err := lk.TryLock()
		if err != nil {
			return nil, fmt.Errorf("could not lock the outbox: %w", err)
		}
		if !ok {
			return nil, errors.New("could not clean the outbox: another orc-exec is delivering it; run cleanup again later")
		}
		defer func() { _ = lk.Unlock() }()
	}
	all, err := notify.OutboxItems(p)
	if err != nil {
		return nil, fmt.Errorf("could not list the outbox: %w", err)
	}
	var items []Item
	var errs []error
	for _, it := range all {
		age := o.Now().Sub(it.Created)
		if age <= expiry {
			continue
		}
		path := filepath.Join(p.Outbox, fmt.Sprintf("%s-%s.json", it.Created.UTC().Format("20060102T150405.000000000"), it.ID))
		item := Item{Schema: Schema, Kind: KindOutbox, Task: it.Task, Name: it.ID, Action: action(o.DryRun), Path: path,
			Reason: fmt.Sprintf("undelivered %s %s old, past the outbox expiry of %s", it.Kind, age.Round(time.Second), expiry)}
		if !o.DryRun {
			if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, fmt.Errorf("could not remove outbox item %s: %w", it.ID, err))
				item.Action = Reported
				item.Reason += "; removing it failed: " + err.Error()
			}
		}
		items = append(items, item)
	}
	return items, errors.Join(errs...)
}

func outputs(s *store.Store, _ *runner.Runner, o Options) ([]Item, error) {
	root := filepath.Join(s.Home, store.RunsDir)
	tasks, err := os.ReadDir(root)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("could not list run outputs: %w", err)
	}
	cutoff := o.Now().Add(-o.OlderThan)
	var items []Item
	var errs []error
	for _, t := range tasks {
		if !t.IsDir() {
			continue
		}
		paths, err := s.For(t.Name())
		if err != nil {
			continue // not a task's folder: not ours to judge
		}
		files, err := os.ReadDir(paths.Runs)
		if err != nil {
			errs = append(errs, fmt.Errorf("could not list the outputs of %s: %w", t.Name(), err))
			continue
		}
		for _, f := range files {
			runID, ok := strings.CutSuffix(f.Name(), ".log")
			info, err := f.Info()
			if !ok || err != nil || !info.Mode().IsRegular() || !info.ModTime().Before(cutoff) {
				continue
			}
			// A run that has been writing for longer than the retention still owns its file.
			if free, err := lock.New(runner.RunLockPath(paths, runID)).Free(); err == nil && !free {
				continue
			}
			path := filepath.Join(paths.Runs, f.Name())
			item := Item{Schema: Schema, Kind: KindOutput, Task: t.Name(), Name: f.Name(), Action: action(o.DryRun), Path: path,
				Reason: fmt.Sprintf("run output last written %s, older than %s", info.ModTime().UTC().Format(time.RFC3339), o.OlderThan)}
			if !o.DryRun {
				if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
					errs = append(errs, fmt.Errorf("could not remove %s: %w", path, err))
					item.Action = Reported
					item.Reason += "; removing it failed: " + err.Error()
				}
			}
			items = append(items, item)
		}
	}
	return items, errors.Join(errs...)
}
