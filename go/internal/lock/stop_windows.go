//go:build windows

package lock

import (
	"golang.org/x/sys/windows"
)

// Stop terminates the holding orc-exec. A console-less process cannot be sent
// Ctrl-C, so it is terminated outright; its command's job object handle closes
// with it and KILL_ON_JOB_CLOSE takes the whole tree down.
func Stop(pid int, _ bool) error {
	h, err := windows.OpenProcess(windows.PROCESS_TERMINATE|windows.SYNCHRONIZE, false, uint32(pid))
	if err != nil {
		if err == windows.ERROR_INVALID_PARAMETER { // already gone
			return nil
		}
		return err
	}
	defer windows.CloseHandle(h)
	if err := windows.TerminateProcess(h, 130); err != nil {
		return err
	}
	_, _ = windows.WaitForSingleObject(h, 10_000)
	return nil
}

// StopRecordsItself is false on Windows: a terminated holder cannot record,
// so the run that stopped it writes the STOPPED record on its behalf.
const StopRecordsItself = false
