package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
)

const stopUsage = `Stop a task's runs in progress. Each run is asked to stop: it kills its
command's process tree, records STOPPED (exit 130) and sends its notification
itself. A run that has not ended after --grace is killed and recorded as
STOPPED on its behalf. Prints the final record of every run it stopped;
prints nothing when no run was in progress.

Exit codes: 0 when every run stopped (or none was running), 10 when the task
does not exist, 70 when a run could not be stopped (then use
Stop-ScheduledTask, or kill the process tree by hand).

Usage:
  orc-exec stop <task> [--grace DURATION] [flags]

Examples:
  orc-exec stop db-export
  orc-exec stop db-export --grace 30s --output table
`

func cmdStop(ctx context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("stop", stopUsage)
	grace := fs.String("grace", "10s", "how long a run has to stop by itself before it is killed")
	if done, code := a.parse(fs, stopUsage, args); done {
		return code
	}
	if fs.NArg() != 1 {
		return a.fail(exitcode.Usage, errArgs("stop", "exactly one task name", fs.NArg()), "orc-exec stop <task>")
	}
	g, err := definition.ParseDuration(*grace)
	if err != nil || g <= 0 {
		return a.fail(exitcode.Usage, fmt.Errorf("--grace %q is not a positive duration", *grace), "use a duration such as 10s or 1m")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	t, code := a.loadTask(s, fs.Arg(0))
	if t == nil {
		return code
	}
	log := logging.New(logging.Options{Verbose: a.g.verbose, Console: a.io.Stderr})
	r := runner.New(s, log, result.Manual)
	r.Notify = nil
	recs, err := r.Stop(ctx, t.Name, time.Duration(g))
	if a.table() {
		if len(recs) > 0 {
			renderRecords(a.io.Stdout, recs)
		}
	} else {
		for _, rec := range recs {
			writeJSONLine(a.io.Stdout, rec)
		}
	}
	if err != nil {
		return a.fail(exitcode.Internal, err, "use Stop-ScheduledTask, or end the process tree by hand")
	}
	if len(recs) == 0 {
		fmt.Fprintf(a.io.Stderr, "orc-exec: no run of %s is in progress\n", t.Name)
	}
	return exitcode.Success
}
