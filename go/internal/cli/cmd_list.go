package cli

import (
	"context"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

const listUsage = `List every task in the store with its definition summary and last result,
one JSON object per line (schema orc.task/v1), or a table on a terminal.
A definition that does not validate is listed with its error, not skipped.

Usage:
  orc-exec list [flags]

Examples:
  orc-exec list
  orc-exec list --output json | jq .lastResult.status
`

// TaskSummary is what 'list' prints per task: schema orc.task/v1.
type TaskSummary struct {
	Schema      string               `json:"schema"`
	Name        string               `json:"name"`
	File        string               `json:"file"`
	Valid       bool                 `json:"valid"`
	Error       string               `json:"error,omitempty"`
	Description string               `json:"description,omitempty"`
	Enabled     bool                 `json:"enabled"`
	Schedule    *definition.Schedule `json:"schedule,omitempty"`
	Command     string               `json:"command,omitempty"`
	Arguments   []string             `json:"arguments,omitempty"`
	Timeout     string               `json:"timeout,omitempty"`
	Overlap     string               `json:"overlap,omitempty"`
	Definition  *definition.Task     `json:"definition,omitempty"`
	// DefinitionHash is what 'render' writes into the registered task, so
	// Get-OrcTask can tell a registration that no longer matches.
	DefinitionHash string `json:"definitionHash,omitempty"`
	// NextRun is the next start a cron or once schedule asks for (RFC 3339).
	NextRun    *time.Time     `json:"nextRun,omitempty"`
	LastResult *result.Record `json:"lastResult,omitempty"`
}

func cmdList(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("list", listUsage)
	if done, code := a.parse(fs, listUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("list", "no arguments", fs.NArg()), "orc-exec list")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	names, err := s.TaskNames()
	if err != nil {
		return a.fail(exitcode.Internal, err, "")
	}
	var out []TaskSummary
	now := time.Now()
	for _, n := range names {
		p, err := s.For(n)
		if err != nil {
			continue
		}
		sum := TaskSummary{Schema: "orc.task/v1", Name: n, File: p.Task}
		t, err := definition.Load(sum.File)
		if err != nil {
			sum.Error = err.Error()
		} else {
			sum.Valid = true
			sum.Description = t.Description
			sum.Enabled = t.IsEnabled()
			sum.Schedule = t.Schedule
			sum.Command = t.Action.Command
			sum.Arguments = t.Action.Arguments
			if t.Timeout > 0 {
				sum.Timeout = definition.FormatDuration(t.Timeout.D())
			}
			sum.Overlap = string(t.Overlap)
			sum.Definition = t
			sum.DefinitionHash = taskxml.DefinitionHash(t)
			// A disabled task has no next run, whatever its schedule says.
			if sp, err := t.Schedule.Spec(); err == nil && sum.Enabled {
				if n, ok := sp.Next(now, time.Local); ok {
					sum.NextRun = &n
				}
			}
		}
		if rec, ok, err := history.Latest(p.History); err == nil && ok {
			sum.LastResult = &rec
		}
		out = append(out, sum)
	}
	if a.table() {
		tw := newTable(a.io.Stdout)
		tw.AppendHeader(table.Row{"Task", "Enabled", "Schedule", "Last status", "Last start", "Command"})
		for _, t := range out {
			st, start := "", ""
			if t.LastResult != nil {
				st, start = string(t.LastResult.Status), localTime(t.LastResult.Start)
			}
			if !t.Valid {
				st = "INVALID"
			}
			tw.AppendRow(table.Row{t.Name, yesNo(t.Enabled), t.Schedule.Text(), st, start, short(t.Command, 40)})
		}
		tw.Render()
		return exitcode.Success
	}
	for _, t := range out {
		writeJSONLine(a.io.Stdout, t)
	}
	return exitcode.Success
}
