// Package dashboardstore writes an Orchestrator store for the dashboard's
// benchmarks and screenshots: task definitions in tasks/ and a history of
// runs per task in history/, in the formats orc-exec writes (docs/orc-exec.md,
// "The store"). The history lines are written directly, not through
// orc-exec run, so a million records take seconds instead of hours.
//
// It lives under bench/ and cannot import go/internal (Go's internal rule),
// so the record below mirrors result.Record's JSON field by field; the
// dashboard benchmark fails if orc-exec cannot read what this writes.
package dashboardstore

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Options says what Generate writes.
type Options struct {
	Home  string    // the store; created 0700 when missing
	Tasks int       // number of task definitions
	Runs  int       // history records per task
	Demo  bool      // realistic names, commands and a mix of outcomes (screenshots)
	Now   time.Time // the newest run ends shortly before Now; zero means time.Now()
	// Command is the program every task runs; "/bin/true" when empty.
	Command string
}

// record is result.Record's JSON shape (orc.result/v1).
type record struct {
	Schema      string    `json:"schema"`
	Task        string    `json:"task"`
	RunID       string    `json:"runId"`
	Trigger     string    `json:"trigger"`
	Host        string    `json:"host"`
	Status      string    `json:"status"`
	Reason      string    `json:"reason,omitempty"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	DurationMs  int64     `json:"durationMs"`
	ExitCode    int       `json:"exitCode"`
	OrcExitCode int       `json:"orcExitCode"`
	Attempts    []attempt `json:"attempts"`
	OutputBytes int64     `json:"outputBytes"`
	OutputTail  string    `json:"outputTail,omitempty"`
}

type attempt struct {
	Number     int       `json:"number"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	DurationMs int64     `json:"durationMs"`
	ExitCode   int       `json:"exitCode"`
	TimedOut   bool      `json:"timedOut,omitempty"`
}

type schedule struct {
	Cron     string `json:"cron,omitempty"`
	Timezone string `json:"timezone,omitempty"`
}

type action struct {
	Command   string   `json:"command"`
	Arguments []string `json:"arguments,omitempty"`
}

type task struct {
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Enabled     *bool     `json:"enabled,omitempty"`
	Schedule    *schedule `json:"schedule,omitempty"`
	Action      action    `json:"action"`
	Timeout     string    `json:"timeout,omitempty"`
}

// demoTasks are the tasks of the screenshots' store.
var demoTasks = []struct {
	name, description, cron string
	args                    []string
	every                   time.Duration
	enabled                 bool
}{
	{"db-export", "Nightly export of the orders database.", "0 2 * * *", []string{"--database", "orders"}, 24 * time.Hour, true},
	{"invoice-sync", "Pulls new invoices from the ERP every 15 minutes.", "*/15 * * * *", []string{"--since", "15m"}, 15 * time.Minute, true},
	{"log-rotate", "Compresses yesterday's application logs.", "30 0 * * *", nil, 24 * time.Hour, true},
	{"report-weekly", "Sales report to the management list.", "0 7 * * 1", []string{"--format", "pdf"}, 7 * 24 * time.Hour, true},
	{"cache-warmup", "Warms the product cache after the morning import.", "5 6 * * 1-5", nil, 24 * time.Hour, true},
	{"backup-verify", "Restores last night's backup into a scratch database.", "0 4 * * *", nil, 24 * time.Hour, true},
	{"cert-check", "Warns 30 days before a TLS certificate expires.", "0 9 * * *", []string{"--days", "30"}, 24 * time.Hour, true},
	{"legacy-ftp-pull", "Old supplier feed; kept for reference.", "0 3 * * *", nil, 24 * time.Hour, false},
}

// Generate writes the store described by o and returns the task names.
func Generate(o Options) ([]string, error) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Command == "" {
		o.Command = "/bin/true"
	}
	if o.Demo && o.Tasks > len(demoTasks) {
		return nil, fmt.Errorf("could not generate a demo store: -tasks %d is more than the %d demo tasks", o.Tasks, len(demoTasks))
	}
	for _, d := range []string{o.Home, filepath.Join(o.Home, "tasks"), filepath.Join(o.Home, "history")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("could not create %s: %w", d, err)
		}
		// MkdirAll leaves an existing folder's mode alone; orc-exec refuses
		// a store others can write.
		if err := os.Chmod(d, 0o700); err != nil {
			return nil, fmt.Errorf("could not chmod %s: %w", d, err)
		}
	}
	names := make([]string, 0, o.Tasks)
	for i := range o.Tasks {
		t := task{Action: action{Command: o.Command}, Timeout: "10m"}
		every := time.Hour
		if o.Demo {
			d := demoTasks[i]
			t.Name, t.Description, t.Action.Arguments = d.name, d.description, d.args
			t.Schedule = &schedule{Cron: d.cron}
			every = d.every
			if !d.enabled {
				t.Enabled = new(bool)
			}
		} else {
			t.Name = fmt.Sprintf("bench-task-%04d", i)
			t.Description = "Generated by bench/dashboardgen."
			t.Schedule = &schedule{Cron: fmt.Sprintf("%d * * * *", i%60)}
		}
		if err := writeTask(o.Home, t); err != nil {
			return nil, err
		}
		if err := writeHistory(o, i, t.Name, every); err != nil {
			return nil, err
		}
		names = append(names, t.Name)
	}
	return names, nil
}

func writeTask(home string, t task) error {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return fmt.Errorf("could not encode task %s: %w", t.Name, err)
	}
	return writeAtomic(filepath.Join(home, "tasks", t.Name+".json"), func(w *bufio.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// writeHistory writes o.Runs final records, oldest first, one every every,
// the newest ending a minute before o.Now.
func writeHistory(o Options, taskIndex int, name string, every time.Duration) error {
	path := filepath.Join(o.Home, "history", name+".jsonl")
	return writeAtomic(path, func(w *bufio.Writer) error {
		first := o.Now.Add(-time.Minute - time.Duration(o.Runs)*every).UTC().Truncate(time.Second)
		for r := range o.Runs {
			start := first.Add(time.Duration(r) * every)
			dur := time.Duration(800+(r*37+taskIndex*11)%2400) * time.Millisecond
			rec := record{
				Schema: "orc.result/v1", Task: name,
				RunID:   fmt.Sprintf("0195b3c2-%04x-7a40-9f3e-%012d", taskIndex&0xffff, r),
				Trigger: "scheduled", Host: "SRV-APP01", Status: "SUCCESS",
				Start: start, End: start.Add(dur), DurationMs: dur.Milliseconds(),
				OutputBytes: 5120,
				OutputTail:  "exported " + strconv.Itoa(1000+r%977) + " rows\ndone\n",
			}
			switch {
			case o.Demo && r == o.Runs-1 && taskIndex == 3:
				rec.Status, rec.ExitCode, rec.OrcExitCode = "FAILED", 2, 2
				rec.Reason = "the command exited 2"
				rec.OutputTail = "error: SMTP relay refused the report (550 mailbox unavailable)\n"
			case o.Demo && r == o.Runs-1 && taskIndex == 5:
				rec.Status, rec.ExitCode, rec.OrcExitCode = "TIMEOUT", -1, 5
				rec.Reason = "the command ran longer than its timeout (10m)"
			case r%50 == 49:
				rec.Status, rec.ExitCode, rec.OrcExitCode = "FAILED", 2, 2
				rec.Reason = "the command exited 2"
			}
			if r%97 == 0 {
				rec.Trigger = "manual"
			}
			rec.Attempts = []attempt{{Number: 1, Start: rec.Start, End: rec.End, DurationMs: rec.DurationMs,
				ExitCode: rec.ExitCode, TimedOut: rec.Status == "TIMEOUT"}}
			b, err := json.Marshal(rec)
			if err != nil {
				return fmt.Errorf("could not encode run %d of %s: %w", r, name, err)
			}
			w.Write(b)
			if err := w.WriteByte('\n'); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeAtomic writes path 0600 through a temp file and a rename, so an
// interrupted generator never leaves a half history that looks whole.
func writeAtomic(path string, fill func(*bufio.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".gen-*")
	if err != nil {
		return fmt.Errorf("could not create a temp file beside %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	if err := fill(w); err != nil {
		f.Close()
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("could not chmod %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("could not close %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("could not rename into %s: %w", path, err)
	}
	return nil
}
