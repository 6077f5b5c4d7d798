//go:build unix

package doctor

import "golang.org/x/sys/unix"

func diskSpace(path string) (free, total uint64, err error) {
	var st unix.Statfs_t
	if err := unix.Statfs(path, &st); err != nil {
		return 0, 0, err
	}
	// Bavail, not Bfree: what an unprivileged writer (a task's account) gets.
	return st.Bavail * uint64(st.Bsize), st.Blocks * uint64(st.Bsize), nil
}

func eventSource() (exists, ok bool, err error) { return false, false, nil }
