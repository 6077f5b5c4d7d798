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
		if err := history.AppendWith(histPath, rec, HistoryRetention); err != nil {
			log.Error().Err(err).Msg("Could not append to history")
		}
		ev := log.Info()
		if st != result.Success {
			ev = log.Warn()
		}
		ev.Str(logging.KeyStatus, string(st)).Int(logging.KeyExitCode, rec.ExitCode).
			Int64(logging.KeyDurationMs, rec.DurationMs).Str(logging.KeyReason, reason).Msg("Run finished")
		if r.Notify != nil {
			r.Notify(ctx, t, rec)
		}
		return rec, code
	}

	if !t.IsEnabled() {
		return finish(result.Disabled, exitcode.Disabled, "the task is disabled")
	}

	release, code, reason := r.acquire(ctx, t, paths, &rec, log)
	if code != exitcode.Success {
		st := result.Skipped
		if code != exitcode.OverlapSkipped {
			st = result.Error
		}
		return finish(st, code, reason)
	}
	defer release()
	if t.Overlap != definition.OverlapParallel {
		r.closeAbandoned(paths, log)
	}

	// The marker makes a run that is killed mid-way visible in history.
	marker := rec
	marker.Status = result.Running
	if err := history.AppendWith(histPath, marker, HistoryRetention); err != nil {
		log.Error().Err(err).Msg("Could not append the start marker to history")
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

	st, code, reason := r.attempts(ctx, t, paths, &rec, log)
	return finish(st, code, reason)
}

// acquire applies the overlap policy. It returns the release function, or a
// non-success code with the reason the run cannot go ahead.
func (r *Runner) acquire(ctx context.Context, t *definition.Task, paths store.TaskPaths, rec *result.Record, log zerolog.Logger) (func(), exitcode.Code, string) {
	if t.Overlap == definition.OverlapParallel {
		return func() {}, exitcode.Success, ""
	}
	l := lock.New(paths.Lock)
	me := lock.Holder{PID: os.Getpid(), RunID: rec.RunID}
	release := func() { _ = l.Release() }
	err := l.TryAcquire(me)
	if err == nil {
		return release, exitcode.Success, ""
	}
	if !errors.Is(err, lock.ErrHeld) {
		return nil, exitcode.Internal, err.Error()
	}
	holder, _ := l.Holder()
	switch t.Overlap {
	case definition.OverlapQueue:
		log.Info().Int(logging.KeyPID, holder.PID).Msg("Another run is in progress; queued behind it")
		if err := l.Acquire(ctx, me); err != nil {
			return nil, exitcode.Interrupted, "stopped while queued behind run " + holder.RunID
		}
		return release, exitcode.Success, ""
	case definition.OverlapStopPrevious:
		log.Info().Int(logging.KeyPID, holder.PID).Msg("Stopping the previous run (overlap stop-previous)")
		if err := r.stopPrevious(ctx, l, holder, paths); err != nil {
			return nil, exitcode.Internal, fmt.Sprintf("could not stop previous run %s (pid %d): %v", holder.RunID, holder.PID, err)
		}
		if err := l.Acquire(ctx, me); err != nil {
			return nil, exitcode.Interrupted, "stopped while waiting for the previous run to end"
		}
		return release, exitcode.Success, ""
	default:
		return nil, exitcode.OverlapSkipped, fmt.Sprintf("run %s (pid %d) is still in progress and overlap is \"skip\"", holder.RunID, holder.PID)
	}
}

func (r *Runner) stopPrevious(ctx context.Context, l *lock.Lock, h lock.Holder, paths store.TaskPaths) error {
	if h.PID <= 0 {
		return errors.New("no holder recorded")
	}
	if err := lock.Stop(h.PID, false); err != nil {
		return err
	}
	// Give the holder time to kill its tree and record; then insist.
	wait, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	probe := lock.Holder{PID: os.Getpid(), RunID: "probe"}
	if err := l.Acquire(wait, probe); err == nil {
		_ = l.Release()
	} else if err := lock.Stop(h.PID, true); err != nil {
		return err
	}
	if !lock.StopRecordsItself {
		now := r.Now().UTC()
		_ = history.AppendWith(paths.History, result.Record{
			Schema: result.Schema, Task: paths.Name, RunID: h.RunID, Trigger: r.Trigger, Host: r.Host,
			Status: result.Stopped, Reason: "stopped by a newer run (overlap stop-previous)",
			Start: now, End: now, ExitCode: -1, OrcExitCode: int(exitcode.Interrupted), Attempts: []result.Attempt{},
		}, HistoryRetention)
	}
	return nil
}

// closeAbandoned records a result for a run that was killed before it
// could record one: holding the lock proves no run of the task is alive, so
// a newest record still RUNNING belongs to an orc-exec that died (Task
// Scheduler's StopExisting or ExecutionTimeLimit, Stop-ScheduledTask, kill -9,
// a crash). Without this it would show as running forever.
func (r *Runner) closeAbandoned(paths store.TaskPaths, log zerolog.Logger) {
	last, ok, err := history.Latest(paths.History)
	if err != nil || !ok || last.Status != result.Running {
		return
	}
	last.Status = result.Stopped
	last.End = r.Now().UTC()
	last.DurationMs = last.End.Sub(last.Start).Milliseconds()
	last.OrcExitCode = int(exitcode.Interrupted)
	last.Reason = "the run ended without recording a result: orc-exec was killed (Task Scheduler stopped it, its time limit, or a crash); its process tree went with it"
	if err := history.AppendWith(paths.History, last, HistoryRetention); err != nil {
		log.Error().Err(err).Msg("Could not close an abandoned run in history")
		return
	}
	log.Warn().Str("abandonedRunId", last.RunID).Msg("Closed a run that ended without recording a result")
}

func (r *Runner) lastResult(task string) (result.Record, bool, error) {
	p, err := r.Store.HistoryFile(task)
	if err != nil {
		return result.Record{}, false, err
	}
	return history.Latest(p)
}

// attempts runs the command until it succeeds or the retry policy gives up.
func (r *Runner) attempts(ctx context.Context, t *definition.Task, paths store.TaskPaths, rec *result.Record, log zerolog.Logger) (result.Status, exitcode.Code, string) {
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
		})
		a := result.Attempt{Number: n, Start: o.Start.UTC(), End: o.End.UTC(), DurationMs: o.End.Sub(o.Start).Milliseconds(), ExitCode: o.ExitCode, TimedOut: o.TimedOut}
		if o.Err != nil {
			a.Error = o.Err.Error()
		}
		rec.Attempts = append(rec.Attempts, a)
		rec.ExitCode = o.ExitCode
		log.Info().Int(logging.KeyAttempt, n).Int(logging.KeyExitCode, o.ExitCode).Bool("timedOut", o.TimedOut).
			Int64(logging.KeyDurationMs, a.DurationMs).Msg("Attempt finished")

		switch {
		case ctx.Err() != nil:
			return result.Stopped, exitcode.Interrupted, "orc-exec was stopped; the command's process tree was killed"
		case o.Err != nil && o.ExitCode < 0 && !o.TimedOut:
			// The command could not start: retrying will not help.
			rec.Error = o.Err.Error()
			return result.Error, exitcode.CommandFailed, "the command could not be started"
		case o.ExitCode == 0 && !o.TimedOut:
			return result.Success, exitcode.Success, ""
		}
		if n >= max || !retryable(t.Retry, o) {
			if o.TimedOut {
				return result.Timeout, exitcode.Timeout, fmt.Sprintf("timed out after %s; the process tree was killed", definition.FormatDuration(t.Timeout.D()))
			}
			reason := fmt.Sprintf("exit code %d", o.ExitCode)
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
