//go:build unix

package definition

import "os"

// syncDir flushes a directory so a rename in it survives a crash. Failure is
// ignored: the data itself is already on disk, and some file systems refuse
// to sync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// claimOwner is a no-op on Unix: the writer (root for a system store) owns
// the file, which is what the store check trusts.
func claimOwner(string) {}
