//go:build linux

package lock

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// ProcessStart is pid's start time in clock ticks since boot (field 22 of
// /proc/<pid>/stat): with the PID it names one process for the life of the
// machine.
func ProcessStart(pid int) (uint64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, fmt.Errorf("could not read the start time of process %d: %w", pid, err)
	}
	// The command name (field 2) is in parentheses and may itself contain
	// spaces and parentheses: count fields from the last ')'.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, fmt.Errorf("could not parse /proc/%d/stat", pid)
	}
	f := bytes.Fields(b[i+1:])
	if len(f) < 20 {
		return 0, fmt.Errorf("could not parse /proc/%d/stat", pid)
	}
	if f[0][0] == 'Z' || f[0][0] == 'X' {
		return 0, fmt.Errorf("process %d has exited: %w", pid, ErrGone)
	}
	return strconv.ParseUint(string(f[19]), 10, 64)
}

// signal sends sig to the process h names, through a pidfd so that the
// identity check and the signal concern the same process even if the PID is
// reused in between.
func signal(h Holder, sig unix.Signal) error {
	if h.PID <= 0 || h.Start == 0 {
		return fmt.Errorf("the lock holder file names no process to check (pid %d): %w", h.PID, ErrGone)
	}
	fd, err := unix.PidfdOpen(h.PID, 0)
	if errors.Is(err, unix.ESRCH) {
		return ErrGone
	}
	if err != nil {
		return fmt.Errorf("could not open process %d: %w", h.PID, err)
	}
	defer unix.Close(fd)
	if start, err := ProcessStart(h.PID); err != nil || start != h.Start {
		return ErrGone
	}
	if err := unix.PidfdSendSignal(fd, sig, nil, 0); err != nil {
		if errors.Is(err, unix.ESRCH) {
			return ErrGone
		}
		return fmt.Errorf("could not signal process %d: %w", h.PID, err)
	}
	return nil
}
