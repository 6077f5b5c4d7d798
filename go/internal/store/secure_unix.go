//go:build unix

package store

import (
	"fmt"
	"os"
	"syscall"
)

// CheckSecure returns an *InsecureError (wrapping ErrInsecure) when path can
// be changed by someone other than root or the current user: when its mode
// has the group or other write bit, or its owner is neither root nor the
// effective user. Symlinks are followed, so a link to a file someone else
// owns is refused.
func CheckSecure(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("checking permissions: %w", err)
	}
	if perm := fi.Mode().Perm(); perm&0o022 != 0 {
		who := map[os.FileMode]string{0o020: "group", 0o002: "others", 0o022: "group and others"}[perm&0o022]
		return &InsecureError{Path: path,
			Problem: fmt.Sprintf("is writable by %s (mode %04o)", who, perm),
			Fix:     "chmod go-w " + path}
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("checking permissions of %s: no owner information", path)
	}
	if euid := os.Geteuid(); st.Uid != 0 && int(st.Uid) != euid {
		return &InsecureError{Path: path,
			Problem: fmt.Sprintf("is owned by uid %d, which is neither root nor the current user (uid %d)", st.Uid, euid),
			Fix:     fmt.Sprintf("chown %d %s (as root), or run as its owner", euid, path)}
	}
	return nil
}
