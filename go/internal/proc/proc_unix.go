//go:build linux || darwin

package proc

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// command builds the exec.Cmd; the child leads a new process group, which is
// the kill domain of its tree.
func command(s Spec) (*exec.Cmd, error) {
	var cmd *exec.Cmd
	if s.Shell {
		line := s.Command
		for _, a := range s.Args {
			line += " " + shellQuote(a)
		}
		cmd = exec.Command("/bin/sh", "-c", line)
	} else {
		cmd = exec.Command(s.Command, s.Args...)
		if cmd.Err != nil {
			return nil, cmd.Err
		}
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	setPdeathsig(cmd.SysProcAttr)
	becomeReaper()
	return cmd, nil
}

// shellQuote makes a single-quoted sh word: nothing inside is special.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// tree is the process group led by the child.
type tree struct {
	pid int
}

func attach(cmd *exec.Cmd) (*tree, error) {
	return &tree{pid: cmd.Process.Pid}, nil
}

// terminate sends SIGTERM to the group and reports that a grace period is
// worth waiting for.
func (t *tree) terminate() bool {
	return t.signal(syscall.SIGTERM) == nil
}

func (t *tree) kill() error {
	return t.signal(syscall.SIGKILL)
}

func (t *tree) signal(sig syscall.Signal) error {
	err := syscall.Kill(-t.pid, sig)
	if errors.Is(err, syscall.ESRCH) {
		return nil // the group is already empty
	}
	if err != nil {
		return fmt.Errorf("signal process group %d: %w", t.pid, err)
	}
	return nil
}

func (t *tree) close() {}

// inherit passes files to the child as fds 3, 4, …: the same open file
// descriptions, so a flock held on one is held by the child too.
func inherit(cmd *exec.Cmd, files []*os.File) { cmd.ExtraFiles = files }

// signalName is the name of the signal that killed the process, if any.
func signalName(ps *os.ProcessState) string {
	ws, ok := ps.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return ""
	}
	if n := unix.SignalName(ws.Signal()); n != "" {
		return n
	}
	return fmt.Sprintf("signal %d", int(ws.Signal()))
}

func exitCode(ps *os.ProcessState, killed bool) int {
	// A signal death already reads as -1.
	return ps.ExitCode()
}
