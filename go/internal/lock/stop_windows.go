//go:build windows

package lock

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"golang.org/x/sys/windows"
)

// A stop request on Windows is a named event per run lock, which the run
// waits on. Windows has no signal to send: a console-less process cannot be
// sent Ctrl-C, and TerminateProcess kills orc-exec before it can record the
// run or send its notification. A named event needs no polling and no
// listening socket, and its default DACL (from a SYSTEM or elevated token:
// SYSTEM and Administrators) lets only them request a stop; creating an
// object in Global\ takes SeCreateGlobalPrivilege, so an ordinary user
// cannot plant one either. Without that privilege (a manual, non-elevated
// run) the event is created in the session's Local\ namespace instead.
func eventNames(path string) []string {
	sum := sha256.Sum256([]byte(strings.ToLower(path)))
	id := "orc-stop-" + hex.EncodeToString(sum[:16])
	return []string{`Global\` + id, `Local\` + id}
}

// ListenStop creates the stop event of the lock at path. The channel closes
// when a stop is requested; the func stops listening.
func ListenStop(path string) (<-chan struct{}, func(), error) {
	var ev windows.Handle
	var err error
	for _, name := range eventNames(path) {
		p, _ := windows.UTF16PtrFromString(name)
		ev, err = windows.CreateEvent(nil, 1, 0, p)
		if err == nil || errors.Is(err, windows.ERROR_ALREADY_EXISTS) {
			break
		}
	}
	if errors.Is(err, windows.ERROR_ALREADY_EXISTS) {
		// Run locks are unique per run: an existing event was made by
		// someone else, and trusting it would let them stop us.
		windows.CloseHandle(ev)
		return nil, func() {}, fmt.Errorf("could not create the stop event for %s: it already exists", path)
	}
	if err != nil {
		return nil, func() {}, fmt.Errorf("could not create the stop event for %s: %w", path, err)
	}
	ch := make(chan struct{})
	var closing atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		if r, _ := windows.WaitForSingleObject(ev, windows.INFINITE); r == windows.WAIT_OBJECT_0 && !closing.Load() {
			close(ch)
		}
	}()
	stop := func() {
		if closing.Swap(true) {
			return
		}
		_ = windows.SetEvent(ev) // wakes the waiter, which sees closing
		<-done
		windows.CloseHandle(ev)
	}
	return ch, stop, nil
}

// ErrNoListener means the holder is alive but has no stop event (an older
// orc-exec): only Kill or Stop-ScheduledTask can end it.
var ErrNoListener = errors.New("the run does not listen for stop requests")

// RequestStop signals the stop event of the run holding the lock at path,
// after checking that h's process is still that run.
func RequestStop(path string, h Holder) error {
	if !h.Alive() {
		return ErrGone
	}
	for _, name := range eventNames(path) {
		p, _ := windows.UTF16PtrFromString(name)
		ev, err := windows.OpenEvent(windows.EVENT_MODIFY_STATE, false, p)
		if err != nil {
			continue
		}
		err = windows.SetEvent(ev)
		windows.CloseHandle(ev)
		if err != nil {
			return fmt.Errorf("could not signal the stop event of %s: %w", path, err)
		}
		return nil
	}
	return ErrNoListener
}

// Kill terminates the holder h. The identity check and TerminateProcess use
// one process handle, which pins the PID, so a reused PID is never killed.
// Its command's job handle closes with it and KILL_ON_JOB_CLOSE takes the
// tree down; it cannot record, the task's next run closes its record.
func Kill(h Holder) error {
	if h.PID <= 0 || h.Start == 0 {
		return ErrGone
	}
	ph, err := windows.OpenProcess(windows.PROCESS_TERMINATE|windows.SYNCHRONIZE|windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(h.PID))
	if err != nil {
		if errors.Is(err, windows.ERROR_INVALID_PARAMETER) {
			return ErrGone
		}
		return fmt.Errorf("could not open process %d: %w", h.PID, err)
	}
	defer windows.CloseHandle(ph)
	if start, err := handleStart(ph); err != nil || start != h.Start {
		return ErrGone
	}
	if err := windows.TerminateProcess(ph, 130); err != nil {
		return fmt.Errorf("could not terminate process %d: %w", h.PID, err)
	}
	_, _ = windows.WaitForSingleObject(ph, 10_000)
	return nil
}

// StopRequested is false: on Windows a run hears a stop request through
// ListenStop's channel alone.
func StopRequested(string) bool { return false }
