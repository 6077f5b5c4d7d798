//go:build darwin

package lock

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// ProcessStart is pid's start time in microseconds since the epoch.
func ProcessStart(pid int) (uint64, error) {
	k, err := unix.SysctlKinfoProc("kern.proc.pid", pid)
	if err != nil {
		return 0, fmt.Errorf("could not read the start time of process %d: %w", pid, err)
	}
	t := k.Proc.P_starttime
	if t.Sec == 0 && t.Usec == 0 {
		return 0, fmt.Errorf("process %d: %w", pid, ErrGone)
	}
	return uint64(t.Sec)*1e6 + uint64(t.Usec), nil
}

// signal checks h's identity, then signals it. macOS has no pidfd, so a PID
// reused between the check and the kill (microseconds) is not excluded.
func signal(h Holder, sig unix.Signal) error {
	if !h.Alive() {
		return ErrGone
	}
	if err := unix.Kill(h.PID, sig); err != nil {
		if errors.Is(err, unix.ESRCH) {
			return ErrGone
		}
		return fmt.Errorf("could not signal process %d: %w", h.PID, err)
	}
	return nil
}
