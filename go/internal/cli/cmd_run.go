package cli

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
)

const runUsage = `Run a task once: check its dependencies, run its command with its timeout
and retry policy, record the result in history and print it as one JSON line.
Task Scheduler runs this at every trigger.

Usage:
  orc-exec run <task> [--manual] [--cron-gate] [flags]

--cron-gate is for Task Scheduler: when the start does not belong to a minute
of the task's cron expression, orc-exec exits 0 at once, printing and
recording nothing (Task Scheduler's Last Run Result stays 0).

Examples:
  orc-exec run db-export
  orc-exec run db-export --manual --output table
  ORC_HOME=/tmp/orc orc-exec run nightly-report -v
`

func cmdRun(ctx context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("run", runUsage)
	manual := fs.Bool("manual", false, "record the run as started by hand rather than by a trigger")
	cronGate := fs.Bool("cron-gate", false, "exit 0 quietly unless this start belongs to a minute of the task's cron expression")
	if done, code := a.parse(fs, runUsage, args); done {
		return code
	}
	if fs.NArg() != 1 {
		return a.fail(exitcode.Usage, errArgs("run", "exactly one task name", fs.NArg()), "orc-exec run <task>")
	}
	s, code := a.openStore()
	if s == nil {
		return code
	}
	t, code := a.loadTask(s, fs.Arg(0))
	if t == nil {
		return code
	}
	if *cronGate {
		if code, stop := a.cronGate(s, t, time.Now()); stop {
			return code
		}
		// Gated triggers carry no RandomDelay (it would move the start off
		// the minute the gate checks), so the jitter is applied here.
		if j := jitterOf(t); j > 0 {
			select {
			case <-time.After(rand.N(j)):
			case <-ctx.Done():
				return exitcode.Interrupted
			}
		}
	}
	logPath, _ := s.LogFile(t.Name)
	logFile, err := logging.OpenFile(logPath, logging.DefaultRotation)
	if err != nil {
		return a.fail(exitcode.Internal, err, "check the permissions of the store's logs folder")
	}
	defer logFile.Close()
	log := logging.New(logging.Options{Verbose: a.g.verbose, Console: a.io.Stderr}, logFile).
		With().Str(logging.KeyVersion, a.build.Version).Logger()

	trigger := result.Scheduled
	if *manual {
		trigger = result.Manual
	}
	r := runner.New(s, log, trigger)
	r.Locked = logFile.Rotate
	r.Observe = newObserver(s, t, log)
	rec, code := r.Run(ctx, t)
	if a.table() {
		renderRecords(a.io.Stdout, []result.Record{rec})
	} else {
		writeJSONLine(a.io.Stdout, rec)
	}
	if rec.Status == result.Error {
		// stdout may go nowhere (Task Scheduler): the reason must also
		// reach stderr, where the caller or its log looks for errors.
		msg := rec.Reason
		if rec.Error != "" {
			msg += ": " + rec.Error
		}
		a.fail(code, errors.New(msg), "check the free space and permissions of the store; the task's log is in its logs folder")
	}
	return code
}
