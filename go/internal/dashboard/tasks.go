package dashboard

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

// Task is one task as the API shows it. Field names are Get-OrcTask's
// (Orchestrator.Task) so a script can switch between the two; Running,
// RunningSince, Cron and Registered are the dashboard's additions.
type Task struct {
	Name           string           `json:"Name"`
	Description    string           `json:"Description,omitempty"`
	Enabled        bool             `json:"Enabled"`
	State          string           `json:"State,omitempty"`
	Schedule       string           `json:"Schedule"`
	ScheduleText   string           `json:"ScheduleText,omitempty"` // in words, as 'orc-exec cron explain' says it
	Cron           string           `json:"Cron,omitempty"`
	Command        string           `json:"Command,omitempty"`
	Arguments      []string         `json:"Arguments"`
	Timeout        string           `json:"Timeout,omitempty"`
	Overlap        string           `json:"Overlap,omitempty"`
	LastStatus     string           `json:"LastStatus,omitempty"`
	LastRunTime    *time.Time       `json:"LastRunTime,omitempty"`
	NextRunTime    *time.Time       `json:"NextRunTime,omitempty"`
	LastResult     *TaskResult      `json:"LastResult,omitempty"`
	Drift          []string         `json:"Drift"`
	Valid          bool             `json:"Valid"`
	Error          string           `json:"Error,omitempty"`
	DefinitionHash string           `json:"DefinitionHash,omitempty"`
	RegisteredHash string           `json:"RegisteredHash,omitempty"`
	File           string           `json:"File"`
	Backend        string           `json:"Backend,omitempty"`
	Registered     *bool            `json:"Registered,omitempty"`
	Running        bool             `json:"Running"`
	RunningSince   *time.Time       `json:"RunningSince,omitempty"`
	Definition     *definition.Task `json:"Definition,omitempty"`
}

// TaskResult is one run, named like Get-OrcTaskHistory's
// Orchestrator.TaskResult. Duration uses the definitions' duration format
// ("1m30s"); DurationMs keeps the exact value.
type TaskResult struct {
	Task         string              `json:"Task"`
	RunId        string              `json:"RunId"` //nolint:revive // the PowerShell property's name
	Status       string              `json:"Status"`
	Reason       string              `json:"Reason,omitempty"`
	Trigger      string              `json:"Trigger,omitempty"`
	Host         string              `json:"Host,omitempty"`
	Start        time.Time           `json:"Start"`
	End          *time.Time          `json:"End,omitempty"`
	Duration     string              `json:"Duration,omitempty"`
	DurationMs   int64               `json:"DurationMs"`
	ExitCode     int                 `json:"ExitCode"`
	OrcExitCode  int                 `json:"OrcExitCode"`
	Attempts     int                 `json:"Attempts"`
	Dependencies []result.Dependency `json:"Dependencies"`
	OutputFile   string              `json:"OutputFile,omitempty"`
	OutputTail   string              `json:"OutputTail,omitempty"`
}

func toResult(r result.Record) *TaskResult {
	out := &TaskResult{Task: r.Task, RunId: r.RunID, Status: string(r.Status), Reason: r.Reason, Trigger: string(r.Trigger),
		Host: r.Host, Start: r.Start, DurationMs: r.DurationMs, ExitCode: r.ExitCode, OrcExitCode: r.OrcExitCode,
		Attempts: len(r.Attempts), Dependencies: r.Dependencies, OutputFile: r.OutputFile, OutputTail: r.OutputTail}
	if out.Dependencies == nil {
		out.Dependencies = []result.Dependency{}
	}
	if !r.End.IsZero() {
		end := r.End
		out.End = &end
		out.Duration = definition.FormatDuration(time.Duration(r.DurationMs) * time.Millisecond)
	}
	return out
}

// taskCache keeps what reading a task costs most, its parsed definition
// and its last run, keyed by the size and time of the file each came from.
// A list of 1,000 tasks is then 2,000 stats, not 1,000 definition parses
// and history reads (see BenchmarkListTasks). The dashboard only shows what
// it caches: orc-exec checks a definition's file again before every run.
type taskCache struct {
	mu   sync.Mutex
	defs map[string]defEntry
	last map[string]lastEntry
}

type defEntry struct {
	stamp fileStamp
	def   *definition.Task
	spec  cronplan.Spec
	words string
	hash  string
	err   string
}

type lastEntry struct {
	stamp fileStamp
	rec   *result.Record
}

func newTaskCache() *taskCache {
	return &taskCache{defs: map[string]defEntry{}, last: map[string]lastEntry{}}
}

func stampOf(path string) (fileStamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, err
	}
	return fileStamp{st.Size(), st.ModTime()}, nil
}

// definition returns the task's parsed definition (or why it does not
// parse); os.ErrNotExist when there is none.
func (c *taskCache) definition(s *store.Store, p store.TaskPaths) (defEntry, error) {
	st, err := stampOf(p.Task)
	if err != nil {
		return defEntry{}, err
	}
	c.mu.Lock()
	e, ok := c.defs[p.Name]
	c.mu.Unlock()
	if ok && e.stamp == st {
		return e, nil
	}
	e = defEntry{stamp: st}
	data, err := s.ReadTask(p.Name)
	if errors.Is(err, os.ErrNotExist) {
		return defEntry{}, err
	}
	var def *definition.Task
	if err == nil {
		def, err = definition.Parse(p.Task, data)
	}
	if err != nil {
		e.err = err.Error()
	} else {
		e.def = def
		e.hash = taskxml.DefinitionHash(def)
		e.spec, _ = def.Schedule.Spec()
		e.words = scheduleWords(def.Schedule, e.spec)
	}
	c.mu.Lock()
	c.defs[p.Name] = e
	c.mu.Unlock()
	return e, nil
}

// latest returns the task's newest run, read from the end of its history.
func (c *taskCache) latest(p store.TaskPaths) *result.Record {
	st, err := stampOf(p.History)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	e, ok := c.last[p.Name]
	c.mu.Unlock()
	if ok && e.stamp == st {
		return e.rec
	}
	e = lastEntry{stamp: st}
	if rec, ok, err := history.Latest(p.History); err == nil && ok {
		e.rec = &rec
	}
	c.mu.Lock()
	c.last[p.Name] = e
	c.mu.Unlock()
	return e.rec
}

// readTask builds a task from the store alone: its definition and its last
// run. The last run is a backward read of the history file's tail
// (history.Latest), so a million records cost what twenty do, and both are
// read again only when their file changed.
func (c *taskCache) readTask(s *store.Store, name string, now time.Time, full bool) (Task, error) {
	p, err := s.For(name)
	if err != nil {
		return Task{}, err
	}
	t := Task{Name: name, File: p.Task, Arguments: []string{}, Drift: []string{}}
	d, err := c.definition(s, p)
	if err != nil {
		return t, err
	}
	if d.def == nil {
		t.Error = d.err
		t.LastStatus = "INVALID"
	} else {
		def := d.def
		t.Valid = true
		t.Description = def.Description
		t.Enabled = def.IsEnabled()
		t.Schedule = def.Schedule.Text()
		t.ScheduleText = d.words
		if def.Schedule != nil {
			t.Cron = def.Schedule.Cron
		}
		t.Command = def.Action.Command
		if def.Action.Arguments != nil {
			t.Arguments = def.Action.Arguments
		}
		if def.Timeout > 0 {
			t.Timeout = definition.FormatDuration(def.Timeout.D())
		}
		t.Overlap = string(def.Overlap)
		t.DefinitionHash = d.hash
		// A disabled task has no next run, whatever its schedule says.
		if n, ok := d.spec.Next(now, time.Local); ok && t.Enabled {
			t.NextRunTime = &n
		}
		if full {
			t.Definition = def
		}
	}
	if rec := c.latest(p); rec != nil {
		t.LastResult = toResult(*rec)
		start := rec.Start
		t.LastRunTime = &start
		if t.Valid {
			t.LastStatus = string(rec.Status)
		}
		if rec.Status == result.Running && runAlive(p, rec.RunID) {
			t.Running = true
			t.RunningSince = &start
		}
	}
	return t, nil
}

// runAlive reports whether the run's orc-exec still holds its per-run
// lock: a RUNNING marker alone may be left by a run that was killed. The
// holder file is only read, never locked, so looking cannot make a
// scheduled run skip.
func runAlive(p store.TaskPaths, runID string) bool {
	h, err := lock.New(runner.RunLockPath(p, runID)).Holder()
	if err != nil {
		return false
	}
	return h.RunID == runID && h.Alive()
}

// scheduleWords says a schedule in words: a cron expression as the
// Task Scheduler triggers it becomes (cronplan.Explain, first two and a
// count), anything else as Schedule.Text. Computed once per definition
// file (the cache), because planning costs up to a millisecond.
func scheduleWords(s *definition.Schedule, spec cronplan.Spec) string {
	if spec.Cron == nil {
		return s.Text()
	}
	p, err := cronplan.PlanSchedule(spec, time.Local, time.Now())
	if err != nil {
		return ""
	}
	lines := cronplan.Explain(p)
	if len(lines) > 2 {
		lines = append(lines[:2:2], fmt.Sprintf("and %d more triggers", len(lines)-2))
	}
	w := strings.Join(lines, "; ")
	if p.Gated {
		w += " (the cron gate runs only the expression's minutes)"
	}
	return w
}
