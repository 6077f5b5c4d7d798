package cli

import (
	"path/filepath"
	"time"

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

// maxGateState bounds a gate state file; it holds one small JSON object.
const maxGateState = 4096

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
	// The definition was loaded, so its schedule parses (definition.Load
	// applies every schedule rule); an error here is a bug, not bad input.
	sp, err := t.Schedule.Spec()
	if err != nil {
		return a.fail(exitcode.Definition, err, "fix the definition, then check it with 'orc-exec validate "+t.Name+"'"), true
	}
	if sp.Cron == nil {
		log.Debug().Msg("Cron gate: the schedule has no cron expression; running")
		return exitcode.Success, false
	}
	loc := time.Local
	if sp.Zone != nil {
		loc = sp.Zone
	}
	var prevState []byte // for warnGateMisses: the state before this decision
	read := func(p string) ([]byte, error) {
		b, err := s.ReadTrusted(p, maxGateState)
		prevState = b
		return b, err
	}
	v, err := crongate.GateRead(filepath.Join(s.StateDir(), GateDir), t.Name, read, sp.Cron, loc, now, crongate.Window(sp.Jitter))
	if err != nil {
		log.Warn().Err(err).Msg("Cron gate: state not saved; decided on this start's minute only")
	}
	if v.Run {
		log.Debug().Time("minute", v.Minute).Msg("Cron gate: start belongs to a cron minute; running")
		warnGateMisses(s, t.Name, sp.Cron, loc, prevState, v.Minute, log)
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
