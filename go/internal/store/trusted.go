package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// OpenTrusted opens the file at path, which must lie inside the store at
// home, for reading, and returns it only when nobody but a trusted
// principal (see CheckSecure) can change it or any folder above it.
//
// The checks are made on what was opened, not on the name: a folder or
// the file swapped for another between the check and the read cannot be
// read in its place. On Unix every folder from / down is opened relative
// to the one above it (openat, links resolved once beforehand and refused
// during the walk) and checked on its descriptor (fstat), so a store below
// a folder others can write is refused. On Windows the file's handle is checked (GetSecurityInfo), then
// each folder up to the home, which Windows does not let anyone rename
// while a file inside is open; above the home, the home's protected DACL
// is the guard.
//
// A missing file returns an error wrapping fs.ErrNotExist; an unsafe one
// an *InsecureError wrapping ErrInsecure.
func OpenTrusted(home, path string) (*os.File, error) { return open(home, path, false) }

// OpenPrivate is OpenTrusted for a secret: besides, nobody but a trusted
// principal may read the file. On Unix its mode has no group or other
// bits (0600); on Windows its DACL grants read to no one but SYSTEM,
// Administrators and the account reading it (see PrivateSDDL).
func OpenPrivate(home, path string) (*os.File, error) { return open(home, path, true) }

func open(home, path string, private bool) (*os.File, error) {
	absHome, err := filepath.Abs(home)
	if err != nil {
		return nil, fmt.Errorf("could not open %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("could not open %s: %w", path, err)
	}
	if rel, err := filepath.Rel(absHome, abs); err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("could not open %s: it is not inside the store %s", path, absHome)
	}
	return openTrusted(absHome, abs, private)
}

// ReadTrusted reads the file at path through OpenTrusted. A file larger
// than max bytes is refused: every file we trust is small, and orc-exec
// reads them on every trigger.
func ReadTrusted(home, path string, max int64) ([]byte, error) {
	f, err := OpenTrusted(home, path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("could not read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("could not read %s: it is larger than %d bytes; fix: restore it from a backup or set it again", path, max)
	}
	return data, nil
}

// ReadTrustedFile is ReadTrusted for a file outside any store that decides
// something as much as the store does, such as the CA file the notify
// settings name (whoever can change it chooses which server gets the SMTP
// password). On Unix every folder from / is checked as usual. On Windows
// only the file and its own folder are: the folders above (C:\,
// ProgramData) let Users create entries there, though not replace ours.
func ReadTrustedFile(path string, max int64) ([]byte, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("could not read %s: %w", path, err)
	}
	return ReadTrusted(trustRoot(abs), abs, max)
}

// ReadTrusted is the package function for a file of this store.
func (s *Store) ReadTrusted(path string, max int64) ([]byte, error) {
	return ReadTrusted(s.Home, path, max)
}

// ReadTask returns the bytes of task name's definition, read through
// OpenTrusted: a definition may run as SYSTEM or root, so what is parsed
// must be what was checked. It reads one byte past definition.MaxFileSize
// so that definition.Parse reports an oversized file as such.
func (s *Store) ReadTask(name string) ([]byte, error) {
	file, err := s.TaskFile(name)
	if err != nil {
		return nil, err
	}
	f, err := OpenTrusted(s.Home, file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, definition.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("could not read task definition %s: %w", file, err)
	}
	return data, nil
}
