// Package runner carries out one run of a task: overlap lock, dependency
// checks, the command with timeout and retries, and the result record that
// goes to history and stdout. It is the whole life of one orc-exec process
// started by a trigger.
package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/deps"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/output"
	"github.com/orchestrator/orchestrator/go/internal/proc"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// TailBytes is how much of the output's end goes into the result record.
const TailBytes = 4096

// HistoryRetention keeps a task's newest 1000 runs, none older than 90 days;
// pruning happens as the file grows, so it costs nothing on most runs.
var HistoryRetention = history.Retention{Keep: 1000, MaxAge: 90 * 24 * time.Hour}

// Runner holds what a run needs from outside; everything is explicit.
type Runner struct {
	Store   *store.Store
	Log     zerolog.Logger
	Host    string
	Trigger result.Trigger
	Now     func() time.Time
	// Sleep waits between attempts; it returns early with ctx's error.
	Sleep func(ctx context.Context, d time.Duration) error
	// Notify, when set, is called once the result is final and appended to
	// history. It cannot change the result; it bounds its own time (the
	// notification timeout, default 10s) and never returns an error.
	Notify func(ctx context.Context, t *definition.Task, rec result.Record)
	// Locked, when set, is called once the run holds its overlap lock (or,
	// for overlap "parallel", its own run lock), before anything is written
	// for it: the place for work that must not race another run of the
	// task, such as rotating its log. Its error is logged, never fatal.
	Locked func() error
	// Observe, when set, is told when the command is about to start and
	// once the result is final (see Observer).
	Observe Observer
}

// Observer watches runs from outside (Event Log, metrics, heartbeats). It
// cannot change a result and must not hold a run up: Started runs on the
// path to the command's start, so it only hands work off; Finished gets
// the final record, already in history, before Notify.
type Observer interface {
	// Started is called once the dependencies are met, just before the
	// first attempt; runs that never reach their command do not call it.
	Started(ctx context.Context, t *definition.Task, rec result.Record)
	// Finished is called once per run with the final record.
	Finished(ctx context.Context, t *definition.Task, rec result.Record)
}

// New returns a Runner with real clocks.
func New(s *store.Store, log zerolog.Logger, trigger result.Trigger) *Runner {
	host, _ := os.Hostname()
	return &Runner{Store: s, Log: log, Host: host, Trigger: trigger, Now: time.Now, Sleep: sleep,
		Notify: notify.New(s, log).Handle}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// RunLockPath is the lock a run holds for its whole life, its command's tree
// included: locks/<task>.runs/<runID>.lock. Whoever can take it knows that no
// process of that run is left; `orc-exec stop` signals the run through it.
func RunLockPath(paths store.TaskPaths, runID string) string {
	return filepath.Join(runLockDir(paths), runID+".lock")
}

func runLockDir(paths store.TaskPaths) string { return paths.Lock + ".runs" }

// RunTag is the environment entry every process of a run's command carries,
// by which its leftovers are found (see proc.Spec.Tag).
func RunTag(runID string) string { return "ORC_RUN_ID=" + runID }

// Run executes task t (already loaded and validated) once, appends the result
// to history and returns it with orc-exec's exit code.
func (r *Runner) Run(ctx context.Context, t *definition.Task) (result.Record, exitcode.Code) {
	rec := result.Record{
		Schema:   result.Schema,
		Task:     t.Name,
		RunID:    uuid.NewString(),
		Trigger:  r.Trigger,
		Host:     r.Host,
		Start:    r.Now().UTC(),
		ExitCode: -1,
		Attempts: []result.Attempt{},
	}
	log := r.Log.With().Str(logging.KeyTask, t.Name).Str(logging.KeyRunID, rec.RunID).Logger()
	paths, err := r.Store.For(t.Name)
	if err != nil {
		rec.Status, rec.OrcExitCode, rec.Error = result.Error, int(exitcode.Definition), err.Error()
		return rec, exitcode.Definition
	}
	histPath := paths.History

	finish := func(st result.Status, code exitcode.Code, reason string) (result.Record, exitcode.Code) {
		rec.Status, rec.OrcExitCode, rec.Reason = st, int(code), reason
		rec.End = r.Now().UTC()
		rec.DurationMs = rec.End.Sub(rec.Start).Milliseconds()
		if err := history.AppendWith(histPath, rec, HistoryRetention); err != nil && !errors.Is(err, history.ErrPrune) {
			// A result nobody will find is not a result: the run reports
			// itself as failed (disk full, permissions), never as its
			// command's success.
			log.Error().Err(err).Msg("Could not append to history")
			code = exitcode.Internal
			rec.Status, rec.OrcExitCode = result.Error, int(code)
			switch {
			case st == result.Error: // already says what went wrong
			case reason != "":
				rec.Reason = fmt.Sprintf("the run ended %s (%s) but its result could not be recorded in history", st, reason)
			default:
				rec.Reason = fmt.Sprintf("the run ended %s but its result could not be recorded in history", st)
			}
			rec.Error = joinErr(rec.Error, fmt.Sprintf("could not record the result: %v", err))
		} else if err != nil {
			log.Warn().Err(err).Msg("Could not prune history")
		}
		ev := log.Info()
		if rec.Status != result.Success {
			ev = log.Warn()
		}
		ev.Str(logging.KeyStatus, string(rec.Status)).Int(logging.KeyExitCode, rec.ExitCode).
			Int64(logging.KeyDurationMs, rec.DurationMs).Str(logging.KeyReason, rec.Reason).Msg("Run finished")
		if r.Observe != nil {
			r.Observe.Finished(ctx, t, rec)
		}
		if r.Notify != nil {
			r.Notify(ctx, t, rec)
		}
		return rec, code
	}

	if !t.IsEnabled() {
		return finish(result.Disabled, exitcode.Disabled, "the task is disabled")
	}

	// The run lock lives as long as the run and its command's tree. It is
	// taken before the overlap lock, so that a run queued behind another
	// can be stopped too.
	runLock := lock.New(RunLockPath(paths, rec.RunID))
	if err := os.MkdirAll(filepath.Dir(runLock.Path()), 0o755); err != nil {
		rec.Error = err.Error()
		return finish(result.Error, exitcode.Internal, "could not create the run locks folder")
	}
	if err := runLock.TryAcquire(lock.Self(rec.RunID)); err != nil {
		rec.Error = err.Error()
		return finish(result.Error, exitcode.Internal, "could not take the run lock")
	}
	// Released after the final record is appended (defers run last first):
	// a run that finds the lock free must also find the record.
	defer func() { _ = runLock.Release(); runLock.Remove() }()

	ctx, stopRequested, unlisten := listenStop(ctx, runLock, log)
	defer unlisten()

	taskLock, abandoned, code, reason := r.acquire(ctx, t, paths, &rec, log)
	if code != exitcode.Success {
		st := result.Error
		switch code {
		case exitcode.OverlapSkipped:
			st = result.Skipped
		case exitcode.Interrupted:
			st = result.Stopped // stopped while queued: nobody failed
		}
		return finish(st, code, reason)
	}
	defer taskLock.release()
	if ctx.Err() != nil {
		return finish(result.Stopped, exitcode.Interrupted, "stopped before the command started")
	}

	if r.Locked != nil {
		if err := r.Locked(); err != nil {
			log.Warn().Err(err).Msg("Could not rotate the log")
		}
	}
	r.closeAbandoned(paths, rec.RunID, abandoned, taskLock.l != nil, log)

	// The marker makes a run that is killed mid-way visible in history. A run
	// that cannot even record that it started does not start.
	marker := rec
	marker.Status = result.Running
	if err := history.AppendWith(histPath, marker, HistoryRetention); err != nil && !errors.Is(err, history.ErrPrune) {
		log.Error().Err(err).Msg("Could not append the start marker to history")
		rec.Error = fmt.Sprintf("could not record the start of the run: %v", err)
		return finish(result.Error, exitcode.Internal, "the run could not be recorded in history, so the command was not started")
	}
	log.Info().Str(logging.KeyTrigger, string(r.Trigger)).Msg("Run started")

	if t.Dependencies != nil && len(t.Dependencies.Checks) > 0 {
		out := deps.Evaluate(ctx, t.Dependencies, deps.Env{
			LastResult: r.lastResult,
			Now:        r.Now,
		})
		rec.Dependencies = out.Results
		for _, d := range out.Results {
			log.Debug().Str(logging.KeyCheck, d.Name).Bool(logging.KeyMet, d.Met).Str(logging.KeyReason, d.Reason).Msg("Dependency checked")
		}
		if !out.Met {
			if ctx.Err() != nil {
				return finish(result.Stopped, exitcode.Interrupted, "stopped while checking dependencies")
			}
			if t.Dependencies.Policy == definition.PolicySkip || t.Dependencies.Policy == "" {
				return finish(result.Skipped, exitcode.DependencyUnmet, "dependencies unmet: "+out.Reason)
			}
			return finish(result.Failed, exitcode.DependencyUnmet, "dependencies unmet: "+out.Reason)
		}
	}

	inherit := []*os.File{runLock.File()}
	if f := taskLock.file(); f != nil {
		inherit = append(inherit, f)
	}
	if r.Observe != nil {
		r.Observe.Started(ctx, t, rec)
	}
	st, code, reason := r.attempts(ctx, t, paths, &rec, inherit, log)
	if st == result.Stopped && stopRequested() {
		reason = "stopped on request (orc-exec stop, Stop-OrcTask)" + strings.TrimPrefix(reason, "orc-exec was stopped")
	}
	return finish(st, code, reason)
}

// listenStop returns ctx cancelled when 'orc-exec stop' asks this run to
// stop, and whether it did (rather than any other signal or cancellation).
func listenStop(ctx context.Context, runLock *lock.Lock, log zerolog.Logger) (context.Context, func() bool, func()) {
	ctx, cancel := context.WithCancel(ctx)
	stopped, unlisten, err := lock.ListenStop(runLock.Path())
	if err != nil {
		log.Warn().Err(err).Msg("Cannot be stopped by 'orc-exec stop'")
	}
	var requested atomic.Bool
	if stopped != nil {
		go func() {
			select {
			case <-stopped:
				requested.Store(true)
				log.Info().Msg("Stop requested")
				cancel()
			case <-ctx.Done():
			}
		}()
	}
	asked := func() bool { return requested.Load() || lock.StopRequested(runLock.Path()) }
	return ctx, asked, func() { cancel(); unlisten() }
}

func joinErr(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// held is the task lock a run holds (none for overlap "parallel").
type held struct{ l *lock.Lock }

func (h held) file() *os.File {
	if h.l == nil {
		return nil
	}
	return h.l.File()
}

func (h held) release() {
	if h.l != nil {
		_ = h.l.Release()
	}
}

// acquire applies the overlap policy. It returns the task lock it holds, or a
// non-success code with the reason the run cannot go ahead; abandoned maps
// the run ID of a run it stopped to the reason to record for it.
func (r *Runner) acquire(ctx context.Context, t *definition.Task, paths store.TaskPaths, rec *result.Record, log zerolog.Logger) (held, map[string]string, exitcode.Code, string) {
	if t.Overlap == definition.OverlapParallel {
		return held{}, nil, exitcode.Success, ""
	}
	l := lock.New(paths.Lock)
	me := lock.Self(rec.RunID)
	err := l.TryAcquire(me)
	if err == nil {
		return held{l}, nil, exitcode.Success, ""
	}
	if !errors.Is(err, lock.ErrHeld) {
		return held{}, nil, exitcode.Internal, err.Error()
	}
	holder, _ := l.Holder()
	switch t.Overlap {
	case definition.OverlapQueue:
		log.Info().Int(logging.KeyPID, holder.PID).Msg("Another run is in progress; queued behind it")
		if err := l.Acquire(ctx, me); err != nil {
			return held{}, nil, exitcode.Interrupted, "stopped while queued behind run " + holder.RunID
		}
		return held{l}, nil, exitcode.Success, ""
	case definition.OverlapStopPrevious:
		log.Info().Int(logging.KeyPID, holder.PID).Msg("Stopping the previous run (overlap stop-previous)")
		if err := r.stopPrevious(ctx, l, me, holder, paths, log); err != nil {
			if ctx.Err() != nil {
				return held{}, nil, exitcode.Interrupted, "stopped while waiting for the previous run to end"
			}
			return held{}, nil, exitcode.Internal, fmt.Sprintf("could not stop previous run %s (pid %d): %v", holder.RunID, holder.PID, err)
		}
		return held{l}, map[string]string{holder.RunID: "stopped by a newer run (overlap stop-previous)"}, exitcode.Success, ""
	default:
		return held{}, nil, exitcode.OverlapSkipped, fmt.Sprintf("run %s (pid %d) is still in progress and overlap is \"skip\"", holder.RunID, holder.PID)
	}
}

// StopGrace is how long a run asked to stop has to kill its tree and record
// before it is killed outright.
var StopGrace = 10 * time.Second

// stopPrevious asks the holder h to stop, waits for the task lock, and
// insists if it must. It signals only the process h names, and only while
// that PID still belongs to it (lock.RequestStop and lock.Kill check).
func (r *Runner) stopPrevious(ctx context.Context, l *lock.Lock, me, h lock.Holder, paths store.TaskPaths, log zerolog.Logger) error {
	err := lock.RequestStop(RunLockPath(paths, h.RunID), h)
	if err != nil && !errors.Is(err, lock.ErrGone) {
		log.Warn().Err(err).Msg("Could not ask the previous run to stop")
	}
	wait, cancel := context.WithTimeout(ctx, StopGrace)
	defer cancel()
	if err := l.Acquire(wait, me); err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	// Either it did not answer, or it is gone and what holds the lock is its
	// command's tree (it inherits the lock): end both.
	if err := lock.Kill(h); err != nil && !errors.Is(err, lock.ErrGone) {
		return err
	}
	if n, err := proc.KillTagged(RunTag(h.RunID)); err == nil && n > 0 {
		log.Warn().Int("killed", n).Msg("Killed processes the previous run left behind")
	}
	wait2, cancel2 := context.WithTimeout(ctx, StopGrace)
	defer cancel2()
	if err := l.Acquire(wait2, me); err != nil {
		return fmt.Errorf("it was stopped, but processes of its command still hold the task lock: %w", err)
	}
	return nil
}

// closeAbandoned records a result for every run that ended without
// recording one (Task Scheduler's StopExisting or ExecutionTimeLimit,
// Stop-ScheduledTask, kill -9, a crash, a newer run's stop-previous), for
// every overlap policy and however many records came after it (a SKIPPED
// one, parallel runs). Without it they would show as RUNNING forever.
//
// A run removes its run lock file when it ends, so the files left in the
// folder are the only candidates, and one whose lock we can take belongs to
// a run of which no process is left. That keeps the common case to one
// small ReadDir; history is read only when there is a candidate.
func (r *Runner) closeAbandoned(paths store.TaskPaths, self string, reasons map[string]string, holdsTaskLock bool, log zerolog.Logger) []result.Record {
	entries, _ := os.ReadDir(runLockDir(paths))
	dead := map[string]*lock.Lock{}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".lock")
		if !ok || id == self {
			continue
		}
		rl := lock.New(RunLockPath(paths, id))
		if rl.TryAcquire(lock.Self(self)) == nil {
			dead[id] = rl
		}
	}
	defer func() {
		for _, rl := range dead {
			_ = rl.Release()
			rl.Remove()
		}
	}()
	// A run started by an orc-exec older than run locks has no lock file;
	// holding the task lock proves it dead, as it did then.
	legacy := ""
	if holdsTaskLock {
		if last, ok, err := history.Latest(paths.History); err == nil && ok && last.Status == result.Running && last.RunID != self {
			if _, err := os.Stat(RunLockPath(paths, last.RunID)); errors.Is(err, os.ErrNotExist) {
				legacy = last.RunID
			}
		}
	}
	if len(dead) == 0 && legacy == "" {
		return nil
	}
	// Read after taking their locks: a run that appended its final record
	// just before releasing its lock is no longer RUNNING here.
	running, err := history.Query(paths.History, history.Filter{Status: result.Running})
	if err != nil {
		log.Warn().Err(err).Msg("Could not look for runs that ended without a result")
		return nil
	}
	var closed []result.Record
	for _, rec := range running {
		if _, ok := dead[rec.RunID]; ok || rec.RunID == legacy {
			if done, ok := r.closeOne(paths, rec, reasons[rec.RunID], log); ok {
				closed = append(closed, done)
			}
		}
	}
	return closed
}

func (r *Runner) closeOne(paths store.TaskPaths, last result.Record, reason string, log zerolog.Logger) (result.Record, bool) {
	if reason == "" {
		reason = "the run ended without recording a result: orc-exec was killed (Task Scheduler stopped it, its time limit, or a crash)"
	}
	n, kerr := proc.KillTagged(RunTag(last.RunID))
	switch {
	case kerr != nil:
		reason += "; none of its processes holds the run's lock, but processes that closed it may remain"
	case n > 0:
		reason += fmt.Sprintf("; %d leftover process(es) of its command were killed", n)
	default:
		reason += "; no process of its command is left"
	}
	last.Status = result.Stopped
	last.End = r.Now().UTC()
	last.DurationMs = last.End.Sub(last.Start).Milliseconds()
	last.OrcExitCode = int(exitcode.Interrupted)
	last.Reason = reason
	if err := history.AppendWith(paths.History, last, HistoryRetention); err != nil && !errors.Is(err, history.ErrPrune) {
		log.Error().Err(err).Msg("Could not close an abandoned run in history")
		return last, false
	}
	log.Warn().Str("abandonedRunId", last.RunID).Msg("Closed a run that ended without recording a result")
	return last, true
}

func (r *Runner) lastResult(task string) (result.Record, bool, error) {
	p, err := r.Store.HistoryFile(task)
	if err != nil {
		return result.Record{}, false, err
	}
	return history.Latest(p)
}

// escapedNote is what a killed tree's record adds about processes that had
// left its process group: killed, or possibly still running.
func escapedNote(o proc.Outcome) string {
	switch {
	case o.Escaped > 0:
		return fmt.Sprintf(", and %d process(es) that had left its process group", o.Escaped)
	case o.EscapedMayRemain:
		return "; processes that left its process group (setsid) may remain"
	}
	return ""
}

// attempts runs the command until it succeeds or the retry policy gives up.
func (r *Runner) attempts(ctx context.Context, t *definition.Task, paths store.TaskPaths, rec *result.Record, inherit []*os.File, log zerolog.Logger) (result.Status, exitcode.Code, string) {
	outPath := filepath.Join(paths.Runs, rec.RunID+".log")
	if err := os.MkdirAll(paths.Runs, 0o755); err != nil {
		rec.Error = err.Error()
		return result.Error, exitcode.Internal, "could not create the runs folder"
	}
	out, err := output.Create(outPath, int64(t.OutputCap))
	if err != nil {
		rec.Error = err.Error()
		return result.Error, exitcode.Internal, "could not create the output file"
	}
	defer func() {
		_ = out.Close()
		rec.OutputFile = outPath
		rec.OutputBytes = out.Total()
		rec.OutputTail = out.Tail(TailBytes)
	}()

	max := 1
	if t.Retry != nil && t.Retry.Attempts > 1 {
		max = t.Retry.Attempts
	}
	env := commandEnv(t, rec)
	for n := 1; ; n++ {
		log.Info().Int(logging.KeyAttempt, n).Str(logging.KeyCommand, t.Action.Command).
			Int(logging.KeyArgCount, len(t.Action.Arguments)).Msg("Attempt started")
		if n > 1 {
			fmt.Fprintf(out, "\n[orc-exec: attempt %d of %d]\n", n, max)
		}
		o := proc.Run(ctx, proc.Spec{
			Command: t.Action.Command,
			Args:    t.Action.Arguments,
			Dir:     t.Action.WorkingDirectory,
			Env:     env,
			Shell:   t.Action.Shell,
			Timeout: t.Timeout.D(),
			Output:  out,
			Inherit: inherit,
			Tag:     RunTag(rec.RunID),
		})
		a := result.Attempt{Number: n, Start: o.Start.UTC(), End: o.End.UTC(), DurationMs: o.End.Sub(o.Start).Milliseconds(),
			ExitCode: o.ExitCode, TimedOut: o.TimedOut, Signal: o.Signal, Escaped: o.Escaped, EscapedMayRemain: o.EscapedMayRemain}
		if o.Err != nil {
			a.Error = o.Err.Error()
		}
		rec.Attempts = append(rec.Attempts, a)
		rec.ExitCode = o.ExitCode
		rec.Signal = o.Signal
		if o.Escaped > 0 {
			log.Warn().Int(logging.KeyAttempt, n).Int("escaped", o.Escaped).Msg("Killed processes that had left the command's process group")
		}
		log.Info().Int(logging.KeyAttempt, n).Int(logging.KeyExitCode, o.ExitCode).Bool("timedOut", o.TimedOut).
			Int64(logging.KeyDurationMs, a.DurationMs).Msg("Attempt finished")

		switch {
		case ctx.Err() != nil:
			return result.Stopped, exitcode.Interrupted, "orc-exec was stopped; the command's process tree was killed" + escapedNote(o)
		case o.Err != nil && o.ExitCode < 0 && !o.TimedOut:
			// The command could not start: retrying will not help.
			rec.Error = o.Err.Error()
			return result.Error, exitcode.CommandFailed, "the command could not be started"
		case o.ExitCode == 0 && !o.TimedOut:
			return result.Success, exitcode.Success, ""
		}
		if n >= max || !retryable(t.Retry, o) {
			if o.TimedOut {
				return result.Timeout, exitcode.Timeout, fmt.Sprintf("timed out after %s; the process tree was killed", definition.FormatDuration(t.Timeout.D())) + escapedNote(o)
			}
			reason := fmt.Sprintf("exit code %d", o.ExitCode)
			if o.Signal != "" {
				reason = "killed by " + o.Signal
			}
			if n > 1 {
				reason += fmt.Sprintf(" after %d attempts", n)
			}
			return result.Failed, exitcode.CommandFailed, reason
		}
		d := backoff(t.Retry, n)
		log.Info().Int(logging.KeyAttempt, n).Int64(logging.KeyDelayMs, d.Milliseconds()).Msg("Retrying after delay")
		if err := r.Sleep(ctx, d); err != nil {
			return result.Stopped, exitcode.Interrupted, "orc-exec was stopped while waiting to retry"
		}
	}
}
