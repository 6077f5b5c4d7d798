package cli

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/taskxml/crongate"
)

// GateDir is the folder under the store's state/ that holds the cron gate's
// per-task state: <task>.json ({"lastClaimed","passed","skipped"}) and
// <task>.lock. See package crongate for the rule it applies.
const GateDir = "gate"

// parseCron parses a cron expression for the gate: cronplan.Parse, whose
// *Expr matches at minute resolution under the Vixie DST rules.
func parseCron(expr string) (crongate.Matcher, error) {
	e, err := cronplan.Parse(expr)
	if err != nil {
		return nil, err
	}
	return e, nil
}

// cronGate runs before anything else of `run --cron-gate` (no lock, no
// history, no log file): when this start does not belong to a minute of the
// task's cron expression it counts the skip in the gate state and returns
// exitcode.Success with stop=true, printing nothing (a debug line with -v).
// Not exitcode.Gated: a gated superset misses far more often than it runs,
// and Task Scheduler would show 0x9 as the task's Last Run Result almost
// always, tripping every monitor that watches LastTaskResult. A task whose schedule has
// no cron expression is not gated (the flag is left over from an older
// registration; drift detection will re-register it).
func (a *app) cronGate(s *store.Store, t *definition.Task, now time.Time) (exitcode.Code, bool) {
	log := logging.New(logging.Options{Verbose: a.g.verbose, Console: a.io.Stderr}).
		With().Str(logging.KeyTask, t.Name).Logger()
	if t.Schedule == nil || t.Schedule.Cron == "" {
		log.Debug().Msg("Cron gate: the schedule has no cron expression; running")
		return exitcode.Success, false
	}
	loc := time.Local
	if tz := t.Schedule.Timezone; tz != "" {
		l, err := time.LoadLocation(tz)
		if err != nil {
			return a.fail(exitcode.Definition, fmt.Errorf("schedule.timezone %q: %w", tz, err), "use an IANA zone name such as \"Europe/Berlin\""), true
		}
		loc = l
	}
	m, err := parseCron(t.Schedule.Cron)
	if err != nil {
		return a.fail(exitcode.Definition, fmt.Errorf("schedule.cron %q: %w", t.Schedule.Cron, err), "fix the cron expression, then check it with 'orc-exec validate "+t.Name+"'"), true
	}
	v, err := crongate.Gate(filepath.Join(s.StateDir(), GateDir), t.Name, m, loc, now, crongate.Window(t.Schedule.Jitter.D()))
	if err != nil {
		log.Warn().Err(err).Msg("Cron gate: state not saved; decided on this start's minute only")
	}
	if v.Run {
		log.Debug().Time("minute", v.Minute).Msg("Cron gate: start belongs to a cron minute; running")
		return exitcode.Success, false
	}
	log.Debug().Time("start", now).Int64("skipped", v.State.Skipped).Msg("Cron gate: not a minute of the schedule; exiting")
	return exitcode.Success, true
}

// jitterOf is the schedule's random start delay, zero without a schedule.
func jitterOf(t *definition.Task) time.Duration {
	if t.Schedule == nil {
		return 0
	}
	return t.Schedule.Jitter.D()
}
