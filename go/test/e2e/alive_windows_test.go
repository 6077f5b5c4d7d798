package e2e_test

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// processes lists the running processes as Windows sees them (a toolhelp
// snapshot), PID to parent PID: Linux ps would not see Wine's view.
func processes() (map[int]int, error) {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return nil, fmt.Errorf("could not snapshot the processes: %w", err)
	}
	defer windows.CloseHandle(snap)
	out := map[int]int{}
	e := windows.ProcessEntry32{Size: uint32(unsafe.Sizeof(windows.ProcessEntry32{}))}
	for err = windows.Process32First(snap, &e); err == nil; err = windows.Process32Next(snap, &e) {
		out[int(e.ProcessID)] = int(e.ParentProcessID)
	}
	if err != windows.ERROR_NO_MORE_FILES {
		return nil, fmt.Errorf("could not list the processes: %w", err)
	}
	return out, nil
}

// alive reports whether pid is in the Windows process listing.
func alive(pid int) bool {
	ps, err := processes()
	if err != nil {
		panic(err)
	}
	_, ok := ps[pid]
	return ok
}

// parent is pid's parent PID in the Windows process listing, 0 if none.
func parent(pid int) int {
	ps, err := processes()
	if err != nil {
		panic(err)
	}
	return ps[pid]
}
