//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// openTrusted walks abs from / with openat, checking each descriptor. The
// symbolic links on the way (/var -> /private/var on macOS) are resolved
// once, first; the walk itself follows none (O_NOFOLLOW), so a link put
// in later is refused. home is not needed: every folder up to / is
// checked.
func openTrusted(_, abs string, private bool) (*os.File, error) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("could not open %s: %w", abs, err)
	}
	fd, err := unix.Open("/", unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("could not open /: %w", err)
	}
	at := "/"
	names := strings.Split(strings.TrimPrefix(real, "/"), "/")
	for i, name := range names {
		if err := checkFd(fd, at, false, false); err != nil {
			_ = unix.Close(fd)
			return nil, err
		}
		last := i == len(names)-1
		// O_NONBLOCK: a FIFO put in the file's place must not hang us
		// before fstat says it is no regular file.
		flags := unix.O_RDONLY | unix.O_NOFOLLOW | unix.O_CLOEXEC | unix.O_NONBLOCK
		if !last {
			flags |= unix.O_DIRECTORY
		}
		next, err := unix.Openat(fd, name, flags, 0)
		_ = unix.Close(fd)
		at = filepath.Join(at, name)
		if errors.Is(err, unix.ELOOP) || (!last && errors.Is(err, unix.ENOTDIR)) {
			return nil, &InsecureError{Path: at,
				Problem: "was replaced by a link or a file while it was being opened",
				Fix:     "find out who changed it; only root (or the store's owner) may write the folders above the store"}
		}
		if err != nil {
			return nil, fmt.Errorf("could not open %s: %w", at, err)
		}
		fd = next
	}
	if err := checkFd(fd, at, true, private); err != nil {
		_ = unix.Close(fd)
		return nil, err
	}
	// Reads of a regular file ignore O_NONBLOCK; clear it all the same.
	if err := unix.SetNonblock(fd, false); err != nil {
		_ = unix.Close(fd)
		return nil, fmt.Errorf("could not open %s: %w", at, err)
	}
	return os.NewFile(uintptr(fd), abs), nil
}

// checkFd applies checkStat to an open descriptor.
func checkFd(fd int, path string, file, private bool) error {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return fmt.Errorf("could not check %s: %w", path, err)
	}
	return checkStat(&st, path, file, private)
}

// checkStat is the rule for everything orc-exec trusts: owned by root or
// the current user, and not writable by group or others. A folder that
// others may write is accepted only with the sticky bit (like /tmp): there
// nobody can rename or delete an entry they do not own, and the entry
// itself is checked next. A private file may not even be read by others.
func checkStat(st *unix.Stat_t, path string, file, private bool) error {
	if file && st.Mode&unix.S_IFMT != unix.S_IFREG {
		return &InsecureError{Path: path, Problem: "is not a regular file", Fix: "move it away and save the file again"}
	}
	perm := os.FileMode(st.Mode & 0o777)
	if private && perm&0o077 != 0 {
		return &InsecureError{Path: path,
			Problem: fmt.Sprintf("may be read or written by group or others (mode %04o), and it holds secrets", perm),
			Fix:     "chmod 600 " + path}
	}
	if euid := os.Geteuid(); st.Uid != 0 && int(st.Uid) != euid {
		return &InsecureError{Path: path,
			Problem: fmt.Sprintf("is owned by uid %d, which is neither root nor the current user (uid %d)", st.Uid, euid),
			Fix:     fmt.Sprintf("chown %d %s (as root), or run as its owner", euid, path)}
	}
	if w := perm & 0o022; w != 0 && (file || st.Mode&unix.S_ISVTX == 0) {
		who := map[os.FileMode]string{0o020: "group", 0o002: "others", 0o022: "group and others"}[w]
		return &InsecureError{Path: path,
			Problem: fmt.Sprintf("is writable by %s (mode %04o)", who, perm),
			Fix:     "chmod go-w " + path}
	}
	return nil
}

// trustRoot is where ReadTrustedFile's checks start: /, like everywhere.
func trustRoot(string) string { return "/" }

// MakePrivate sets the file at path to mode 0600: only its owner (and
// root) may read it. Call it before writing the secret.
func MakePrivate(path string) error {
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("could not protect %s: %w", path, err)
	}
	return nil
}
