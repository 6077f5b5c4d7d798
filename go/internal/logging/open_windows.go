//go:build windows

package logging

import (
	"os"

	"golang.org/x/sys/windows"
)

// openAppend opens path for appending with FILE_SHARE_DELETE, which os.OpenFile
// does not ask for: without it, another run holding the log open makes the
// rename in rotate fail (history's readers do the same, see history.openRead).
// FILE_APPEND_DATA without FILE_WRITE_DATA makes every write an append.
func openAppend(path string) (*os.File, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	h, err := windows.CreateFile(p, windows.FILE_APPEND_DATA|windows.FILE_READ_ATTRIBUTES|windows.SYNCHRONIZE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_ALWAYS, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(h), path), nil
}
