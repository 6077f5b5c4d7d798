package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/cleanup"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
)

const cleanupUsage = `Clean the store of what outlived its use, and print one line per item:
  run     a run left RUNNING whose processes are all gone (nobody holds its run
          lock): recorded as STOPPED (exit 130), as the task's next run would;
  outbox  an undelivered notification older than the outbox expiry
          (notify set --outbox-expiry, default 24h): deleted;
  output  a run's captured output (runs/<task>/<runId>.log) older than
          --older-than (default 90d, the history's own retention): deleted.
A live run and its files are never touched. With --dry-run nothing changes and
every item says Reported. Scheduler entries are the module's side:
Remove-OrcOrphan reports and removes those, and calls this command.

Exit codes: 0 when everything found was cleaned (or nothing was found), 70
when something could not be (the items say which).

Usage:
  orc-exec cleanup [--dry-run] [--older-than DURATION] [flags]

Examples:
  orc-exec cleanup --dry-run --output table
  orc-exec cleanup --older-than 30d
`

func cmdCleanup(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("cleanup", cleanupUsage)
	dry := fs.Bool("dry-run", false, "report what would be cleaned, change nothing")
	olderThan := fs.String("older-than", "90d", "remove run output files last written longer ago than this")
	if done, code := a.parse(fs, cleanupUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("cleanup", "no argument", fs.NArg()), "orc-exec cleanup [--dry-run] [--older-than 30d]")
	}
	age, err := definition.ParseDuration(*olderThan)
	if err != nil || age <= 0 {
		return a.fail(exitcode.Usage, fmt.Errorf("--older-than %q is not a positive duration", *olderThan), "use a duration such as 30d or 720h")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	log := logging.New(logging.Options{Verbose: a.g.verbose, Console: a.io.Stderr})
	r := runner.New(s, log, result.Manual)
	r.Notify = nil
	items, err := cleanup.Run(s, r, cleanup.Options{DryRun: *dry, OlderThan: time.Duration(age)})
	if a.table() {
		if len(items) > 0 {
			t := newTable(a.io.Stdout)
			t.AppendHeader(table.Row{"Kind", "Task", "Name", "Action", "Reason"})
			for _, it := range items {
				t.AppendRow(table.Row{it.Kind, it.Task, it.Name, it.Action, short(it.Reason, 70)})
			}
			t.Render()
		}
	} else {
		for _, it := range items {
			writeJSONLine(a.io.Stdout, it)
		}
	}
	if err != nil {
		return a.fail(exitcode.Internal, err, "fix what the error names and run 'orc-exec cleanup' again")
	}
	return exitcode.Success
}
