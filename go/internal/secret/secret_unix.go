//go:build unix

package secret

import (
	"fmt"
	"os"
	"syscall"
)

const isWindows = false

func seal(data []byte, _ Scope) ([]byte, error) { return data, nil }

func unseal(blob []byte) ([]byte, error) { return blob, nil }

// checkFile refuses a secret file that group or others may read or write,
// or that is owned by neither root nor the current user.
func checkFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("reading secret: %w", err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%w: %s has mode %04o; fix: chmod 600 %s (only its owner may read it)", ErrInsecure, path, perm, path)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		if euid := os.Geteuid(); st.Uid != 0 && int(st.Uid) != euid {
			return fmt.Errorf("%w: %s is owned by uid %d, neither root nor the current user (uid %d); fix: chown %d %s", ErrInsecure, path, st.Uid, euid, euid, path)
		}
	}
	return nil
}
