package deps

import (
	"context"
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// listProcesses walks a Toolhelp snapshot; ExeFile is the image name
// ("sqlservr.exe"), which is what Task Manager's Details tab shows.
func listProcesses(ctx context.Context) ([]proc, error) {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return nil, fmt.Errorf("process snapshot: %w", err)
	}
	defer windows.CloseHandle(snap)

	var out []proc
	e := windows.ProcessEntry32{Size: uint32(unsafe.Sizeof(windows.ProcessEntry32{}))}
	for err = windows.Process32First(snap, &e); err == nil; err = windows.Process32Next(snap, &e) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out = append(out, proc{pid: int(e.ProcessID), names: []string{windows.UTF16ToString(e.ExeFile[:])}})
	}
	if !errors.Is(err, windows.ERROR_NO_MORE_FILES) {
		return nil, fmt.Errorf("process snapshot: %w", err)
	}
	return out, nil
}
