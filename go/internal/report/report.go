// Package report summarizes every task's runs over a period (the daily
// report): runs, successes, failures, skips, the last status, the slowest
// run and the next scheduled start, as JSON, a text table or HTML.
package report

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Schema versions a task's line of the report.
const Schema = "orc.report/v1"

// Run names one run.
type Run struct {
	RunID      string        `json:"runId"`
	Start      time.Time     `json:"start"`
	DurationMs int64         `json:"durationMs"`
	Status     result.Status `json:"status"`
}

// Task is one task's summary over the period.
type Task struct {
	Schema     string        `json:"schema"`
	Task       string        `json:"task"`
	Defined    bool          `json:"defined"` // false: only history is left
	Enabled    bool          `json:"enabled"`
	Runs       int           `json:"runs"` // finished runs in the period
	Successes  int           `json:"successes"`
	Failures   int           `json:"failures"` // FAILED, TIMEOUT, ERROR
	Skips      int           `json:"skips"`
	Other      int           `json:"other"`   // STOPPED, DISABLED
	Running    int           `json:"running"` // started, not finished (or killed)
	LastStatus result.Status `json:"lastStatus,omitempty"`
	LastRun    *time.Time    `json:"lastRun,omitempty"`
	Slowest    *Run          `json:"slowest,omitempty"`
	NextRun    *time.Time    `json:"nextRun,omitempty"`
	Error      string        `json:"error,omitempty"`
}

// Report is the whole report.
type Report struct {
	Host  string    `json:"host"`
	Since time.Time `json:"since"`
	Until time.Time `json:"until"`
	Tasks []Task    `json:"tasks"`
}

// Totals adds up the tasks.
func (r Report) Totals() (runs, successes, failures, skips int) {
	for _, t := range r.Tasks {
		runs += t.Runs
		successes += t.Successes
		failures += t.Failures
		skips += t.Skips
	}
	return
}

// Build reads every task's history from since to now.
func Build(s *store.Store, host string, since, now time.Time) (Report, error) {
	rep := Report{Host: host, Since: since.UTC(), Until: now.UTC()}
	names, err := s.TaskNames()
	if err != nil {
		return rep, err
	}
	defined := map[string]bool{}
	for _, n := range names {
		defined[n] = true
	}
	// Tasks removed since keep their history: they are reported too.
	if entries, err := os.ReadDir(filepath.Join(s.Home, store.HistoryDir)); err == nil {
		for _, e := range entries {
			n, ok := strings.CutSuffix(e.Name(), ".jsonl")
			if ok && definition.ValidName(n) == nil && !defined[n] {
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	for _, n := range names {
		t := Task{Schema: Schema, Task: n, Defined: defined[n]}
		if t.Defined {
			file, _ := s.TaskFile(n)
			if def, err := definition.Load(file); err == nil {
				t.Enabled = def.IsEnabled()
				if t.Enabled {
					t.NextRun = NextRun(def.Schedule, now)
				}
			} else {
				t.Error = err.Error()
			}
		}
		hist, _ := s.HistoryFile(n)
		recs, err := history.Query(hist, history.Filter{Since: since})
		if err != nil {
			t.Error = err.Error()
		}
		if !t.Defined && len(recs) == 0 {
			continue
		}
		for _, r := range recs {
			switch r.Status {
			case result.Running:
				t.Running++
				continue
			case result.Success:
				t.Successes++
			case result.Failed, result.Timeout, result.Error:
				t.Failures++
			case result.Skipped:
				t.Skips++
			default:
				t.Other++
			}
			t.Runs++
			if t.Slowest == nil || r.DurationMs > t.Slowest.DurationMs {
				t.Slowest = &Run{RunID: r.RunID, Start: r.Start, DurationMs: r.DurationMs, Status: r.Status}
			}
		}
		// The last status is the newest run, even before the period.
		if last, ok, _ := history.Latest(hist); ok {
			t.LastStatus = last.Status
			w := history.When(last)
			t.LastRun = &w
		}
		rep.Tasks = append(rep.Tasks, t)
	}
	return rep, nil
}

// NextRun is the next start of a cron or once schedule after now; nil for
// other triggers (boot, logon, interval: Task Scheduler knows) or none.
func NextRun(s *definition.Schedule, now time.Time) *time.Time {
	if s == nil {
		return nil
	}
	switch {
	case s.Cron != "":
		e, err := cronplan.Parse(s.Cron)
		if err != nil {
			return nil
		}
		loc := time.Local
		if s.Timezone != "" {
			if l, err := time.LoadLocation(s.Timezone); err == nil {
				loc = l
			}
		}
		if next := e.Next(now.In(loc)); !next.IsZero() {
			return &next
		}
	case s.Once != "":
		if t, err := time.Parse(time.RFC3339, s.Once); err == nil && t.After(now) {
			return &t
		}
	}
	return nil
}

// Subject is the mail subject of the report.
func (r Report) Subject() string {
	runs, _, failures, _ := r.Totals()
	return fmt.Sprintf("[Orchestrator] Report for %s: %d run(s), %d failure(s) since %s", r.Host, runs, failures, r.Since.Local().Format("2006-01-02 15:04"))
}

func (r Report) table() table.Writer {
	t := table.NewWriter()
	t.AppendHeader(table.Row{"Task", "Runs", "OK", "Failed", "Skipped", "Last status", "Last run", "Slowest", "Next run"})
	for _, x := range r.Tasks {
		slow := ""
		if x.Slowest != nil {
			slow = (time.Duration(x.Slowest.DurationMs) * time.Millisecond).String()
		}
		name := x.Task
		if !x.Defined {
			name += " (removed)"
		} else if !x.Enabled {
			name += " (disabled)"
		}
		t.AppendRow(table.Row{name, x.Runs, x.Successes, x.Failures, x.Skips, x.LastStatus, when(x.LastRun), slow, when(x.NextRun)})
	}
	runs, ok, failed, skipped := r.Totals()
	t.AppendFooter(table.Row{"Total", runs, ok, failed, skipped, "", "", "", ""})
	return t
}

func when(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

func (r Report) headline() string {
	runs, ok, failed, skipped := r.Totals()
	return fmt.Sprintf("%s, %s to %s: %d task(s), %d run(s): %d succeeded, %d failed, %d skipped.",
		r.Host, r.Since.Local().Format("2006-01-02 15:04"), r.Until.Local().Format("2006-01-02 15:04 MST"), len(r.Tasks), runs, ok, failed, skipped)
}

// Text is the report as a text table.
func (r Report) Text() string {
	t := r.table()
	t.SetStyle(table.StyleLight)
	return r.headline() + "\n\n" + t.Render() + "\n"
}

// HTML is the report as an HTML document.
func (r Report) HTML() string {
	t := r.table()
	t.Style().HTML.CSSClass = "orc-report"
	return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(r.Subject()) + "</title>\n" +
		"<style>body{font-family:sans-serif} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:4px 8px}</style></head>\n<body>\n" +
		"<p>" + html.EscapeString(r.headline()) + "</p>\n" + t.RenderHTML() + "\n</body></html>\n"
}
