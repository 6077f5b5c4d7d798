// Package metrics keeps a Prometheus textfile (orchestrator.prom) that
// windows_exporter's and node_exporter's textfile collectors read: each
// task's last status, last success time, duration, attempts and exit code,
// runs by status, and the notification outbox's size. orc-exec is not a
// daemon, so after each run it rewrites the whole file from a small state
// file of counters, under a lock, through a temporary file and a rename:
// the collector never sees half a file, and concurrent runs of different
// tasks do not lose each other's updates.
package metrics

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

const (
	// FileName is the textfile the collectors read (they read *.prom).
	FileName = "orchestrator.prom"
	// DirName is the default folder for it under the store.
	DirName = "metrics"
	// stateName holds the counters the file is rendered from, in the
	// store's state folder; lockName serialises rewrites.
	stateName = "metrics.json"
	lockName  = "metrics.lock"
	// maxState bounds the state file read on every run.
	maxState = 4 << 20
)

// DefaultLockWait bounds how long a run waits for another run's rewrite.
// A rewrite takes a millisecond or so; a run that cannot get the lock in
// this time logs it and leaves the file to the next run.
const DefaultLockWait = 2 * time.Second

// Statuses are the final statuses every task has a series for, so that
// rate() and increase() see a series from its first run on.
var Statuses = []result.Status{result.Success, result.Failed, result.Timeout, result.Skipped,
	result.Disabled, result.Stopped, result.Error}

// Writer rewrites the textfile after each run.
type Writer struct {
	Dir      string // folder of orchestrator.prom
	StateDir string // folder of the counters and the lock (the store's state/)
	LockWait time.Duration
}

// State is what the file is rendered from.
type State struct {
	Tasks  map[string]*Task `json:"tasks"`
	Outbox int              `json:"outbox"`
}

// Task is one task's series.
type Task struct {
	LastStatus     result.Status    `json:"lastStatus"`
	LastEnd        time.Time        `json:"lastEnd"`
	LastSuccess    time.Time        `json:"lastSuccess,omitzero"`
	LastDurationMs int64            `json:"lastDurationMs"`
	LastAttempts   int              `json:"lastAttempts"`
	LastExitCode   int              `json:"lastExitCode"`
	Runs           map[string]int64 `json:"runs"`
}

// Update records rec and the outbox size, and rewrites the textfile.
func (w *Writer) Update(ctx context.Context, rec result.Record, outbox int) error {
	if err := os.MkdirAll(w.StateDir, 0o755); err != nil {
		return fmt.Errorf("could not create the metrics state folder: %w", err)
	}
	wait := w.LockWait
	if wait <= 0 {
		wait = DefaultLockWait
	}
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), wait)
	defer cancel()
	// A bare file lock: no holder file to write, as the run locks have,
	// since nobody needs to know who holds it for a millisecond.
	l := flock.New(filepath.Join(w.StateDir, lockName))
	if ok, err := l.TryLockContext(lctx, 5*time.Millisecond); !ok {
		if err == nil {
			err = errors.New("another run holds it")
		}
		return fmt.Errorf("could not lock the metrics state: %w", err)
	}
	defer func() { _ = l.Unlock() }()

	st := w.load()
	st.apply(rec, outbox)
	data, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("could not encode the metrics state: %w", err)
	}
	if err := writeAtomic(filepath.Join(w.StateDir, stateName), data, 0o644); err != nil {
		return fmt.Errorf("could not save the metrics state: %w", err)
	}
	if err := os.MkdirAll(w.Dir, 0o755); err != nil {
		return fmt.Errorf("could not create the metrics folder: %w", err)
	}
	if err := writeAtomic(filepath.Join(w.Dir, FileName), Render(st), 0o644); err != nil {
		return fmt.Errorf("could not write %s: %w", FileName, err)
	}
	return nil
}

// load reads the state; a missing or damaged one starts again from zero
// (counters reset, which Prometheus's rate() handles as a restart).
func (w *Writer) load() *State {
	st := &State{Tasks: map[string]*Task{}}
	f, err := os.Open(filepath.Join(w.StateDir, stateName))
	if err != nil {
		return st
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(&limited{f, maxState}); err != nil || json.Unmarshal(buf.Bytes(), st) != nil || st.Tasks == nil {
		return &State{Tasks: map[string]*Task{}}
	}
	return st
}

type limited struct {
	f *os.File
	n int64
}

var errTooBig = errors.New("the metrics state is larger than 4 MiB")

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.f.Read(p)
	l.n -= int64(n)
	return n, err
}

func (st *State) apply(rec result.Record, outbox int) {
	t := st.Tasks[rec.Task]
	if t == nil {
		t = &Task{}
		st.Tasks[rec.Task] = t
	}
	if t.Runs == nil {
		t.Runs = map[string]int64{}
	}
	t.Runs[string(rec.Status)]++
	t.LastStatus, t.LastEnd = rec.Status, rec.End
	t.LastDurationMs, t.LastAttempts, t.LastExitCode = rec.DurationMs, len(rec.Attempts), rec.ExitCode
	if rec.Status == result.Success {
		t.LastSuccess = rec.End
	}
	st.Outbox = outbox
}

// Render writes st in the Prometheus text exposition format, families and
// series in a fixed order.
func Render(st *State) []byte {
	var b bytes.Buffer
	names := make([]string, 0, len(st.Tasks))
	for n := range st.Tasks {
		names = append(names, n)
	}
	sort.Strings(names)
	statuses := func(t *Task) []string {
		out := make([]string, 0, len(Statuses)+1)
		for _, s := range Statuses {
			out = append(out, string(s))
		}
		extra := []string{}
		for s := range t.Runs {
			if !known(s) {
				extra = append(extra, s)
			}
		}
		if !known(string(t.LastStatus)) && t.Runs[string(t.LastStatus)] == 0 {
			extra = append(extra, string(t.LastStatus))
		}
		sort.Strings(extra)
		return append(out, extra...)
	}
	family := func(name, typ, help string, each func(task string, t *Task)) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
		for _, n := range names {
			each(n, st.Tasks[n])
		}
	}
	sample := func(name string, v float64, labels ...string) {
		b.WriteString(name)
		if len(labels) > 0 {
			b.WriteByte('{')
			for i := 0; i < len(labels); i += 2 {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(labels[i])
				b.WriteString(`="`)
				b.WriteString(escape(labels[i+1]))
				b.WriteByte('"')
			}
			b.WriteByte('}')
		}
		b.WriteByte(' ')
		b.WriteString(formatValue(v))
		b.WriteByte('\n')
	}

	family("orchestrator_task_last_status", "gauge", "1 for the status of the task's last run, 0 for the others.", func(n string, t *Task) {
		for _, s := range statuses(t) {
			v := 0.0
			if string(t.LastStatus) == s {
				v = 1
			}
			sample("orchestrator_task_last_status", v, "task", n, "status", s)
		}
	})
	family("orchestrator_task_last_run_timestamp_seconds", "gauge", "When the task's last run ended, in seconds since the Unix epoch.", func(n string, t *Task) {
		sample("orchestrator_task_last_run_timestamp_seconds", unix(t.LastEnd), "task", n)
	})
	fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s gauge\n", "orchestrator_task_last_success_timestamp_seconds",
		"When the task's last successful run ended, in seconds since the Unix epoch; absent until one has.", "orchestrator_task_last_success_timestamp_seconds")
	for _, n := range names {
		if t := st.Tasks[n]; !t.LastSuccess.IsZero() {
			sample("orchestrator_task_last_success_timestamp_seconds", unix(t.LastSuccess), "task", n)
		}
	}
	family("orchestrator_task_last_duration_seconds", "gauge", "How long the task's last run took.", func(n string, t *Task) {
		sample("orchestrator_task_last_duration_seconds", float64(t.LastDurationMs)/1000, "task", n)
	})
	family("orchestrator_task_last_attempts", "gauge", "How many times the task's last run started its command.", func(n string, t *Task) {
		sample("orchestrator_task_last_attempts", float64(t.LastAttempts), "task", n)
	})
	family("orchestrator_task_last_exit_code", "gauge", "The command's exit code in the task's last run (-1 if it never ran or was killed).", func(n string, t *Task) {
		sample("orchestrator_task_last_exit_code", float64(t.LastExitCode), "task", n)
	})
	family("orchestrator_task_runs_total", "counter", "Runs of the task by final status, since the metrics state was created.", func(n string, t *Task) {
		for _, s := range statuses(t) {
			if !known(s) && t.Runs[s] == 0 {
				continue
			}
			sample("orchestrator_task_runs_total", float64(t.Runs[s]), "task", n, "status", s)
		}
	})
	fmt.Fprintf(&b, "# HELP orchestrator_outbox_messages Notifications waiting in the outbox for another delivery attempt.\n# TYPE orchestrator_outbox_messages gauge\n")
	sample("orchestrator_outbox_messages", float64(st.Outbox))
	return b.Bytes()
}

func known(s string) bool {
	for _, k := range Statuses {
		if string(k) == s {
			return true
		}
	}
	return false
}

func unix(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return float64(t.UnixMilli()) / 1000
}

func formatValue(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// escape applies the label value escapes of the text format.
func escape(s string) string { return labelEscaper.Replace(s) }

// writeAtomic replaces path by data through a temporary file in the same
// folder and a rename, so a reader sees the old file or the new one.
func writeAtomic(path string, data []byte, perm os.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	// CreateTemp makes 0600; the exporter often runs as another user.
	if err = f.Chmod(perm); err != nil && !isWindows {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return replace(f.Name(), path)
}
