// Package secret keeps small secrets (the SMTP password, a webhook URL with
// a token) in one file of the store, readable only by whoever runs tasks.
// Who can read what:
//
//   - Windows: the file gets a protected DACL, SYSTEM and Administrators
//     full control and nobody else anything (store.PrivateSDDL; a
//     non-elevated user saving into a store of their own is added so they
//     can read it back), and Load refuses a file whose DACL lets anyone
//     else read or write it. The bytes are also encrypted with DPAPI.
//     Machine scope, the default, is kept because tasks run as SYSTEM
//     while an administrator sets the secret interactively; it lets any
//     process on this computer decrypt a blob it can read, and the
//     entropy is a constant, no secret, so the DACL is the guard and DPAPI
//     only keeps the secret out of backups and disk images taken off the
//     machine. A per-install random entropy beside the file would have
//     the same readers as the file and add nothing. User scope ties the
//     blob to the account that saved it as well.
//   - Unix: the bytes are stored as they are in a file of mode 0600; Load
//     refuses a file that anyone but its owner could read, or that belongs
//     to someone other than root or the current user.
//
// On both, Load checks the file and every folder above it on the handle
// it reads (store.OpenPrivate), and the error says how to fix what it
// refuses. Secrets never go through a command line, a log or a result
// record: the callers read them from stdin or an environment variable.
package secret

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/orchestrator/orchestrator/go/internal/store"
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

// ErrInsecure is wrapped when a secret file, or a folder above it, could
// be read or changed by someone it should not be. It is store.ErrInsecure:
// the rules are the store's (see store.OpenPrivate).
var ErrInsecure = store.ErrInsecure

// maxSize bounds what Load reads: a password and a URL, sealed.
const maxSize = 64 << 10

// Save stores data at path, atomically (a reader sees the old or the new
// secret, never half of one), protected as the package comment says.
func Save(path string, data []byte, scope Scope) error {
	blob, err := seal(data, scope)
	if err != nil {
		return fmt.Errorf("could not protect the secret: %w", err)
	}
	if err := writeAtomic(path, blob); err != nil {
		return fmt.Errorf("could not save secret %s: %w", path, err)
	}
	return nil
}

// Load reads the secret at path, in the store at home, through
// store.OpenPrivate: the file and every folder above it are checked on
// what was opened, and a file anyone but SYSTEM, Administrators, root or
// its owner could read is refused with a fix. A missing file returns an
// error wrapping os.ErrNotExist.
func Load(home, path string) ([]byte, error) {
	f, err := store.OpenPrivate(home, path)
	if err != nil {
		return nil, fmt.Errorf("reading secret: %w", err)
	}
	defer f.Close()
	blob, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("could not read secret %s: %w", path, err)
	}
	if len(blob) > maxSize {
		return nil, fmt.Errorf("reading secret %s: larger than %d bytes, not a secret file; fix: set the secrets again with 'orc-exec notify set --password-stdin'", path, maxSize)
	}
	data, err := unseal(blob)
	if err != nil {
		return nil, fmt.Errorf("could not decrypt secret %s: %w", path, err)
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
	// Protected before the secret is written: a moment with the folder's
	// inherited permissions would be a moment others could read it.
	if err = store.MakePrivate(tmp); err != nil {
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
