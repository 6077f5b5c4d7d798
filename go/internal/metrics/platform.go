package metrics

import (
	"os"
	"runtime"
	"time"
)

// isWindows: chmod on an open file is not supported there (ACLs decide).
var isWindows = runtime.GOOS == "windows"

// renameRetries bounds replace's retries: about 1s in all.
const renameRetries = 100

// replace renames tmp over path. On Windows the rename fails with "Access
// denied" while a reader has path open without FILE_SHARE_DELETE (Go's own
// os.ReadFile, and so windows_exporter, open files that way); readers keep
// it open for a moment, so the rename is tried again for up to a second.
func replace(tmp, path string) error {
	err := os.Rename(tmp, path)
	for i := 0; err != nil && isWindows && i < renameRetries; i++ {
		time.Sleep(10 * time.Millisecond)
		err = os.Rename(tmp, path)
	}
	return err
}
