// Package secret keeps small secrets (the SMTP password, a webhook URL with
// a token) in one file of the store, readable only by whoever may run
// tasks:
//
//   - Windows: the bytes are encrypted with DPAPI (CryptProtectData). Machine
//     scope, the default, lets every account on this computer decrypt them
//     (SYSTEM, service accounts, the administrator who set them); user scope
//     ties them to the account that saved them. The file also inherits the
//     store's protected ACL.
//   - Unix: the bytes are stored as they are in a file of mode 0600; Load
//     refuses a file that anyone but its owner could read, or that belongs to
//     someone other than root or the current user, with an error that says
//     how to fix it.
//
// Secrets never go through a command line, a log or a result record: the
// callers read them from stdin or an environment variable.
package secret

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Scope says who can decrypt a secret on Windows (ignored on Unix).
type Scope string

const (
	Machine Scope = "machine" // any account on this computer (default)
	User    Scope = "user"    // only the account that saved it
)

// ParseScope accepts "", "machine" or "user".
func ParseScope(s string) (Scope, error) {
	switch Scope(s) {
	case "", Machine:
		return Machine, nil
	case User:
		return User, nil
	}
	return "", fmt.Errorf("secret scope %q is not machine or user", s)
}

// ErrInsecure is wrapped when a secret file is readable by others.
var ErrInsecure = errors.New("secret file is readable by others")

// Save stores data at path, atomically (a reader sees the old or the new
// secret, never half of one), protected as the package comment says.
func Save(path string, data []byte, scope Scope) error {
	blob, err := seal(data, scope)
	if err != nil {
		return fmt.Errorf("protecting secret: %w", err)
	}
	if err := writeAtomic(path, blob); err != nil {
		return fmt.Errorf("saving secret %s: %w", path, err)
	}
	return nil
}

// Load reads the secret at path. A missing file returns an error wrapping
// os.ErrNotExist.
func Load(path string) ([]byte, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	blob, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading secret: %w", err)
	}
	data, err := unseal(blob)
	if err != nil {
		return nil, fmt.Errorf("decrypting secret %s: %w", path, err)
	}
	return data, nil
}

// writeAtomic writes data to a temporary file of mode 0600 beside path,
// flushes it and renames it over path.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil && !isWindows {
		_ = f.Close()
		return err
	}
	if _, err = f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	if err = f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
