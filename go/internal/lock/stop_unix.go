//go:build !windows

package lock

import (
	"os"

	"golang.org/x/sys/unix"
)

// RequestStop asks the run holding the lock at path, named by h, to stop:
// SIGTERM, which orc-exec turns into cancelling its run, so it kills its
// command's tree, records STOPPED and notifies. It returns ErrGone, and
// signals nothing, when h's process is gone or its PID now names another
// process.
// The request is also left as a file beside the lock (see StopRequested), so
// that the run can tell a stop request from any other SIGTERM.
func RequestStop(path string, h Holder) error {
	if !h.Alive() {
		return ErrGone
	}
	_ = os.WriteFile(path+".stop", nil, 0o600)
	return signal(h, unix.SIGTERM)
}

// StopRequested reports whether RequestStop was called for the lock at path.
func StopRequested(path string) bool {
	_, err := os.Stat(path + ".stop")
	return err == nil
}

// Kill ends the holder h outright, after the same identity check. It cannot
// record anything; the task's next run closes its record.
func Kill(h Holder) error { return signal(h, unix.SIGKILL) }

// ListenStop is where a run hears RequestStop. On Unix that is SIGTERM,
// which main already turns into a cancelled context, so there is nothing to
// listen to here.
func ListenStop(string) (<-chan struct{}, func(), error) { return nil, func() {}, nil }
