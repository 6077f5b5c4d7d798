//go:build unix

package store

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// CheckSecure returns an *InsecureError (wrapping ErrInsecure) when path can
// be changed by someone other than root or the current user: when its mode
// has the group or other write bit (a sticky folder like /tmp excepted), or
// its owner is neither root nor the effective user. Symlinks are followed,
// so a link to a file someone else owns is refused. It checks a name, for
// reports; to read a file, use OpenTrusted, which checks what it opened.
func CheckSecure(path string) error {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return fmt.Errorf("checking permissions: %w", err)
	}
	return checkStat(&st, path, st.Mode&unix.S_IFMT != unix.S_IFDIR, false)
}
