// Package proc runs one command and guarantees that, when Run returns, the
// command's whole process tree is gone.
//
// Every command lives in its own kill domain: a process group on Unix, a Job
// Object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE on Windows. A timeout or a
// cancelled context kills the whole tree; so does the main process exiting
// normally, because a scheduled task that leaves background processes behind
// is a leak nobody would notice. The Windows job makes that last rule
// unavoidable there (closing the job kills its members), so Unix follows it
// too: one behaviour on both platforms.
package proc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// DefaultKillGrace is how long a tree has, after the polite stop signal
// (SIGTERM on Unix), before it is killed outright.
const DefaultKillGrace = 2 * time.Second

// DefaultOutputDelay bounds how long Run waits for the output pipe to close
// after the tree was killed. Only a process that escaped the kill domain
// (setsid on Unix) can still hold it open; Run must not wait for it forever.
const DefaultOutputDelay = 2 * time.Second

// Spec says what to run.
type Spec struct {
	Command string
	Args    []string
	Dir     string   // working directory; empty = orc-exec's
	Env     []string // full environment ("K=V"); nil = inherit orc-exec's

	// Shell runs Command through the platform shell: /bin/sh -c on Unix,
	// cmd.exe /d /s /c on Windows. Args are then appended to the command
	// line, each quoted for that shell (single quotes on Unix; on Windows
	// CommandLineToArgvW quoting with cmd.exe's metacharacters caret-escaped,
	// and cmd.exe still expands %VAR% in them). Without
	// Shell no shell is ever involved and Args reach the command verbatim.
	Shell bool

	Timeout time.Duration // 0 = none
	Output  io.Writer     // receives stdout and stderr merged; nil = discard

	// KillGrace is the time between the polite stop and the hard kill on
	// timeout or cancellation; 0 = DefaultKillGrace. Windows has no polite
	// stop for arbitrary processes, so there the tree is killed at once.
	KillGrace time.Duration
	// OutputDelay: see DefaultOutputDelay; 0 = DefaultOutputDelay.
	OutputDelay time.Duration

	// Inherit are open files the whole tree inherits (on Unix, as fds 3, 4,
	// …). orc-exec passes its lock files, so that a tree outliving a killed
	// orc-exec still holds them (see package lock). Ignored on Windows,
	// where the job object ends the tree with orc-exec.
	Inherit []*os.File

	// Tag is an environment entry ("K=V") that is in Env and that every
	// process of the tree inherits. After the tree is killed, on Linux, any
	// process still carrying it left the process group (setsid, job
	// control) and is killed too; see Outcome.Escaped.
	Tag string
}

// Outcome is what happened.
type Outcome struct {
	PID      int // 0 if it never started
	ExitCode int // -1 if it never started or was killed without an exit code
	TimedOut bool
	// Start and End bracket the run; End is after the tree was gone.
	Start, End time.Time
	// Signal names the signal that ended the main process ("SIGKILL"), if
	// one did; empty on Windows.
	Signal string
	// Escaped counts processes that had left the tree's kill domain and were
	// found by Spec.Tag and killed. EscapedMayRemain is true where that
	// search is impossible (no Tag, or macOS): processes that called setsid
	// may have survived the kill. Never on Windows, whose job holds them.
	Escaped          int
	EscapedMayRemain bool
	// Err is set when the command could not be started or waited for, or when
	// ctx was cancelled (then it wraps ctx.Err()). A non-zero exit code alone
	// is not an error.
	Err error
}

// Run runs s to completion, kills whatever is left of its process tree, and
// returns. It returns early, after killing the tree, when s.Timeout elapses
// (Outcome.TimedOut) or ctx is done (Outcome.Err wraps ctx.Err()).
func Run(ctx context.Context, s Spec) (o Outcome) {
	o = Outcome{ExitCode: -1, Start: time.Now()}
	defer func() { o.End = time.Now() }()

	grace := s.KillGrace
	if grace <= 0 {
		grace = DefaultKillGrace
	}
	outDelay := s.OutputDelay
	if outDelay <= 0 {
		outDelay = DefaultOutputDelay
	}

	if err := ctx.Err(); err != nil {
		o.Err = fmt.Errorf("run %s: %w", s.Command, err)
		return o
	}
	cmd, err := command(s)
	if err != nil {
		o.Err = fmt.Errorf("start %s: %w", s.Command, err)
		return o
	}
	cmd.Dir = s.Dir
	cmd.Env = s.Env
	if s.Output != nil {
		// The same writer for both makes os/exec share one pipe, so the
		// interleaving is the child's own, and s.Output is written from a
		// single goroutine.
		cmd.Stdout = s.Output
		cmd.Stderr = s.Output
	}
	cmd.WaitDelay = outDelay
	inherit(cmd, s.Inherit)

	if err := cmd.Start(); err != nil {
		o.Err = fmt.Errorf("start %s: %w", s.Command, err)
		return o
	}
	o.PID = cmd.Process.Pid

	t, err := attach(cmd)
	if err != nil {
		// The child may be suspended and outside any kill domain: kill it
		// directly, reap it, and report.
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		o.Err = fmt.Errorf("start %s: %w", s.Command, err)
		return o
	}
	defer t.close()

	// exited fires when the main process has exited but before it is
	// reaped, so its PID (and on Unix the process group ID) cannot be reused
	// while the tree is killed.
	exited := make(chan error, 1)
	go func() { exited <- t.waitExit() }()

	var timeout <-chan time.Time
	if s.Timeout > 0 {
		timer := time.NewTimer(s.Timeout)
		defer timer.Stop()
		timeout = timer.C
	}

	killed := false
	select {
	case <-exited:
	case <-timeout:
		o.TimedOut = true
		killed = true
		stopTree(t, exited, grace)
	case <-ctx.Done():
		o.Err = fmt.Errorf("run %s: %w", s.Command, ctx.Err())
		killed = true
		stopTree(t, exited, grace)
	}
	// Leftover descendants die with the main process (see the package doc).
	if err := t.kill(); err != nil && o.Err == nil {
		o.Err = fmt.Errorf("kill tree of %s: %w", s.Command, err)
	}
	o.Escaped, o.EscapedMayRemain = t.killEscaped(s.Tag)

	waitErr := cmd.Wait()
	var exitErr *exec.ExitError
	switch {
	case waitErr == nil, errors.As(waitErr, &exitErr), errors.Is(waitErr, exec.ErrWaitDelay):
		// ErrWaitDelay: a process outside the kill domain kept the output
		// pipe open; the output it would still write is lost, by design.
	default:
		if o.Err == nil {
			o.Err = fmt.Errorf("wait %s: %w", s.Command, waitErr)
		}
	}
	if cmd.ProcessState != nil {
		o.ExitCode = exitCode(cmd.ProcessState, killed)
		o.Signal = signalName(cmd.ProcessState)
	}
	return o
}

// stopTree asks the tree to stop, waits up to grace for the main process to
// exit, then kills the tree and waits for the main process to be gone.
func stopTree(t *tree, exited <-chan error, grace time.Duration) {
	if t.terminate() {
		select {
		case <-exited:
			return
		case <-time.After(grace):
		}
	}
	_ = t.kill()
	<-exited
}
