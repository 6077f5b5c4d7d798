//go:build !windows

package lock

import (
	"errors"
	"syscall"
)

// Stop asks the holding orc-exec to stop (SIGTERM): it cancels its run, kills
// its command's process tree and records the run as stopped. Force
// (SIGKILL) is for when it does not let go in time.
func Stop(pid int, force bool) error {
	sig := syscall.SIGTERM
	if force {
		sig = syscall.SIGKILL
	}
	if err := syscall.Kill(pid, sig); err != nil && !errors.Is(err, syscall.ESRCH) {
		return err
	}
	return nil
}

// StopRecordsItself reports whether a stopped holder writes its own final
// record (it does on Unix: SIGTERM is handled).
const StopRecordsItself = true
