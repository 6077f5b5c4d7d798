//go:build windows

package lock

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows"
)

// ProcessStart is pid's creation time (a FILETIME as one number).
func ProcessStart(pid int) (uint64, error) {
	ph, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		if errors.Is(err, windows.ERROR_INVALID_PARAMETER) {
			return 0, fmt.Errorf("process %d: %w", pid, ErrGone)
		}
		return 0, fmt.Errorf("could not open process %d: %w", pid, err)
	}
	defer windows.CloseHandle(ph)
	return handleStart(ph)
}

// handleStart is the creation time of the process behind ph, or ErrGone once
// it has exited (a handle keeps an exited process's object, and its PID,
// around).
func handleStart(ph windows.Handle) (uint64, error) {
	var code uint32
	if err := windows.GetExitCodeProcess(ph, &code); err != nil {
		return 0, fmt.Errorf("could not query process: %w", err)
	}
	const stillActive = 259
	if code != stillActive {
		return 0, ErrGone
	}
	var c, e, k, u windows.Filetime
	if err := windows.GetProcessTimes(ph, &c, &e, &k, &u); err != nil {
		return 0, fmt.Errorf("could not query process times: %w", err)
	}
	return uint64(c.HighDateTime)<<32 | uint64(c.LowDateTime), nil
}
