package cli

import (
	"context"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/deps"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

const checkUsage = `Run only a task's dependency checks, once, and print each result.
Nothing is recorded in history and the command does not run.

Usage:
  orc-exec check <task> [flags]

Examples:
  orc-exec check db-export
  orc-exec check db-export --output json
`

// CheckReport is what 'check' prints: schema orc.check/v1.
type CheckReport struct {
	Schema       string              `json:"schema"`
	Task         string              `json:"task"`
	Met          bool                `json:"met"`
	Checked      time.Time           `json:"checked"`
	Dependencies []result.Dependency `json:"dependencies"`
}

func cmdCheck(ctx context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("check", checkUsage)
	if done, code := a.parse(fs, checkUsage, args); done {
		return code
	}
	if fs.NArg() != 1 {
		return a.fail(exitcode.Usage, errArgs("check", "exactly one task name", fs.NArg()), "orc-exec check <task>")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	t, code := a.loadTask(s, fs.Arg(0))
	if t == nil {
		return code
	}
	rep := CheckReport{Schema: "orc.check/v1", Task: t.Name, Met: true, Checked: time.Now().UTC(), Dependencies: []result.Dependency{}}
	if t.Dependencies != nil {
		rep.Dependencies = deps.CheckAll(ctx, t.Dependencies.Checks, deps.Env{
			LastResult: func(task string) (result.Record, bool, error) {
				p, err := s.HistoryFile(task)
				if err != nil {
					return result.Record{}, false, err
				}
				return history.Latest(p)
			},
		})
		for _, d := range rep.Dependencies {
			rep.Met = rep.Met && d.Met
		}
	}
	if a.table() {
		tw := newTable(a.io.Stdout)
		tw.AppendHeader(table.Row{"Check", "Type", "Met", "Time", "Reason"})
		for _, d := range rep.Dependencies {
			tw.AppendRow(table.Row{d.Name, d.Type, yesNo(d.Met), ms(d.DurationMs), d.Reason})
		}
		tw.Render()
	} else {
		writeJSONLine(a.io.Stdout, rep)
	}
	if !rep.Met {
		return exitcode.DependencyUnmet
	}
	return exitcode.Success
}
