//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

func platformHome() (string, error) {
	return unixHome(os.Getenv, os.Geteuid(), os.UserHomeDir)
}

// unixHome is DefaultHome's Unix rule with its inputs passed in, so every
// branch can be tested whoever runs the tests.
func unixHome(getenv func(string) string, euid int, userHome func() (string, error)) (string, error) {
	if euid == 0 {
		return "/var/lib/orchestrator", nil
	}
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "orchestrator"), nil
	}
	h, err := userHome()
	if err != nil || h == "" {
		return "", errors.Join(fmt.Errorf("finding the store: no home directory; fix: pass --home or set ORC_HOME"), err)
	}
	return filepath.Join(h, ".local", "share", "orchestrator"), nil
}

// dirMode is 0755 for root's system store (readable status, root-only
// writes) and 0700 for a user's private store.
func dirMode() os.FileMode {
	if os.Geteuid() == 0 {
		return 0o755
	}
	return 0o700
}

func chmodDir(dir string) error { return os.Chmod(dir, dirMode()) }

// SecureDir sets dir to the store's folder mode (see dirMode).
func SecureDir(dir string) error {
	if err := chmodDir(dir); err != nil {
		return fmt.Errorf("securing %s: %w", dir, err)
	}
	return nil
}

// ProtectOutputDir keeps Users out of a new folder that will hold output
// (history, runs, logs, the notify outbox). It has nothing to do on Unix:
// the files inside are created 0600, so users may list a root store's
// runs but read none.
func ProtectOutputDir(string) error { return nil }
