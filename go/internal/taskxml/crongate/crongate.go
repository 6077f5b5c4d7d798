// Package crongate decides whether a start of `orc-exec run --cron-gate`
// belongs to one of the cron expression's minutes, and keeps the small
// per-task state that makes the decision exact.
//
// A gated plan's triggers fire at a superset of the cron minutes (see
// schedule.Plan.Gated); each start runs orc-exec, which must go ahead on the
// cron's minutes and exit quietly with 0 on the others. Task
// Scheduler does not tell the process which trigger time started it, so
// the gate infers it from the clock:
//
// The rule. A start at time now belongs to cron minute m when
//
//	now - Window  <  m  <=  now + Early       (m a whole minute)
//
// where Window = the plan's RandomDelay (schedule.jitter) + Slack (1 min for
// a late start: a busy service, a resume), and Early (5 s) absorbs a clock
// that starts a trigger a little before its minute. Each cron minute is
// claimed at most once: the gate remembers the last minute it claimed and
// a start claims the earliest matching minute after it in its window. So
//
//   - a start delayed by its random delay still finds its minute;
//   - when the window spans several superset firings (say every minute with
//     a 5 min random delay), each cron minute still runs exactly once, even
//     if starts arrive out of order: whichever start comes first runs it,
//     the others find it claimed and are gated;
//   - a start later than the window (a StartWhenAvailable catch-up hours
//     after a missed minute) is gated: the gate cannot tell it from a
//     superset firing. Catch-up therefore covers only ungated plans.
//
// Minutes are evaluated in the schedule's zone (schedule.timezone, else the
// host's); what a minute means across a DST change is the Matcher's rule
// (cronplan.Expr.Matches: a skipped wall time fires in the minutes after
// the gap, a repeated one only on its first pass).
package crongate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

const (
	// Slack is how late a start may be, beyond the plan's random delay.
	Slack = time.Minute
	// Early is how far before its minute a start is still counted in it.
	Early = 5 * time.Second
)

// Matcher reports whether the cron expression matches t's minute, with t
// already in the schedule's zone (cronplan.Expr implements it).
type Matcher interface {
	Matches(t time.Time) bool
}

// Window is how far back a start may be from its planned minute.
func Window(randomDelay time.Duration) time.Duration { return max(randomDelay, 0) + Slack }

// Decide returns the earliest whole minute m with after < m and
// now-window < m <= now+Early that the cron matches in loc; ok is false
// when there is none. after is the last minute already claimed (zero:
// none).
func Decide(m Matcher, loc *time.Location, now time.Time, window time.Duration, after time.Time) (time.Time, bool) {
	lo := now.Add(-window)
	first := lo.Truncate(time.Minute)
	if !first.After(lo) {
		first = first.Add(time.Minute)
	}
	last := now.Add(Early).Truncate(time.Minute)
	for t := first; !t.After(last); t = t.Add(time.Minute) {
		if !after.IsZero() && !t.After(after) {
			continue
		}
		if m.Matches(t.In(loc)) {
			return t, true
		}
	}
	return time.Time{}, false
}

// State is one task's gate state, kept in <dir>/<task>.json.
type State struct {
	// LastClaimed is the last cron minute a start was let through for (UTC).
	LastClaimed time.Time `json:"lastClaimed,omitzero"`
	// Passed and Skipped count the starts let through and gated.
	Passed  int64 `json:"passed"`
	Skipped int64 `json:"skipped"`
}

// Verdict is what Gate decided.
type Verdict struct {
	Run    bool      // go ahead with the run
	Minute time.Time // the cron minute claimed (when Run)
	State  State     // the state after this decision
}

// Gate decides for a start at now and records the decision in dir (the
// store's state/gate folder) under a per-task file lock, so concurrent
// starts never claim one minute twice or lose a count. The state file is
// replaced atomically (temporary file + rename). task must be a validated
// task name (it becomes a file name).
//
// If the state cannot be read or written, Gate still decides, statelessly
// and conservatively (only the start's own minute counts), and returns the
// error with the verdict so the caller can log it.
func Gate(dir, task string, m Matcher, loc *time.Location, now time.Time, window time.Duration) (Verdict, error) {
	return GateRead(dir, task, os.ReadFile, m, loc, now, window)
}

// GateRead is Gate reading the state through read. orc-exec passes a reader
// that refuses a state file others could write: whoever writes the state
// decides which starts run (a claimed minute far in the future gates out
// every start), so an untrusted state is treated like an unreadable one and
// only the start's own minute counts.
func GateRead(dir, task string, read func(path string) ([]byte, error), m Matcher, loc *time.Location, now time.Time, window time.Duration) (Verdict, error) {
	fallback := func(err error) (Verdict, error) {
		minute, ok := Decide(m, loc, now, Early, time.Time{})
		return Verdict{Run: ok, Minute: minute}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fallback(fmt.Errorf("cron gate: %w", err))
	}
	path := filepath.Join(dir, task+".json")
	fl := flock.New(filepath.Join(dir, task+".lock"))
	if err := fl.Lock(); err != nil {
		return fallback(fmt.Errorf("cron gate: locking %s: %w", fl.Path(), err))
	}
	defer func() { _ = fl.Unlock() }()

	st, err := readState(read, path)
	if err != nil {
		return fallback(err)
	}
	v := Verdict{}
	v.Minute, v.Run = Decide(m, loc, now, window, st.LastClaimed)
	if v.Run {
		st.LastClaimed = v.Minute.UTC()
		st.Passed++
	} else {
		st.Skipped++
	}
	v.State = st
	if err := writeState(path, st); err != nil {
		return v, err
	}
	return v, nil
}

// ReadState returns a task's gate state (zero when it has none yet).
func ReadState(dir, task string) (State, error) {
	return readState(os.ReadFile, filepath.Join(dir, task+".json"))
}

func readState(read func(string) ([]byte, error), path string) (State, error) {
	var st State
	b, err := read(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("cron gate: reading %s: %w", path, err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		// A damaged file must not stop the task forever: start afresh.
		return State{}, nil
	}
	return st, nil
}

func writeState(path string, st State) error {
	b, _ := json.Marshal(st)
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("cron gate: writing %s: %w", path, err)
	}
	_, werr := tmp.Write(append(b, '\n'))
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("cron gate: writing %s: %w", path, werr)
	}
	return nil
}
