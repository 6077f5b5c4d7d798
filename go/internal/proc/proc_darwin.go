//go:build darwin

package proc

import (
	"errors"
	"fmt"
	"syscall"

	"golang.org/x/sys/unix"
)

// setPdeathsig does nothing: macOS has no parent-death signal. A SIGKILLed
// orc-exec leaves its command running there; SIGTERM still kills the group.
func setPdeathsig(*syscall.SysProcAttr) {}

// waitExit blocks until the child has exited but leaves it unreaped, so its
// PID and process group ID cannot be reused while the group is killed.
// macOS has no waitid(WNOWAIT); a kqueue NOTE_EXIT event says the same
// without reaping.
func (t *tree) waitExit() error {
	kq, err := unix.Kqueue()
	if err != nil {
		return fmt.Errorf("kqueue: %w", err)
	}
	defer unix.Close(kq)
	ev := []unix.Kevent_t{{Ident: uint64(t.pid), Filter: unix.EVFILT_PROC, Flags: unix.EV_ADD | unix.EV_ONESHOT, Fflags: unix.NOTE_EXIT}}
	out := make([]unix.Kevent_t, 1)
	for {
		_, err := unix.Kevent(kq, ev, out, nil)
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.ESRCH):
			return nil // exited before the watch was set up; still unreaped
		case err != nil:
			return fmt.Errorf("wait for %d: %w", t.pid, err)
		}
		return nil
	}
}

// becomeReaper has no macOS counterpart; killEscaped does not search there.
func becomeReaper() {}

// killEscaped cannot search on macOS (reading another process's environment
// needs privileges we do not assume): it says so instead.
func (t *tree) killEscaped(string) (int, bool) { return 0, true }

// KillTagged is not supported on macOS.
func KillTagged(string) (int, error) { return 0, errors.ErrUnsupported }
