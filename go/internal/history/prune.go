package history

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// Prune rewrites the history at path keeping only the newest keep runs
// (keep <= 0: no count limit) whose When is within maxAge of now (maxAge <= 0:
// no age limit). It also drops superseded RUNNING markers and unparseable
// lines. The rewrite is atomic (temp file + rename) under the writers' lock,
// so no Append is lost; readers holding the old file keep reading it.
//
// Only kept lines are held in memory, so keep bounds the cost.
func Prune(path string, keep int, maxAge time.Duration, now time.Time) error {
	// Nothing to prune, and no lock file to litter a missing directory with.
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil
	}
	lock := flock.New(path + ".lock")
	if err := lock.Lock(); err != nil {
		return fmt.Errorf("lock history %s: %w", path, err)
	}
	defer lock.Unlock()
	return prune(path, keep, maxAge, now)
}

// prune is Prune for a caller that holds the lock.
func prune(path string, keep int, maxAge time.Duration, now time.Time) error {
	st, err := os.Stat(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("stat history %s: %w", path, err)
	}
	var cutoff time.Time
	if maxAge > 0 {
		cutoff = now.Add(-maxAge)
	}
	var kept [][]byte // newest first
	err = scan(path, func(rec result.Record, raw []byte) bool {
		if !cutoff.IsZero() && When(rec).Before(cutoff) {
			return false
		}
		kept = append(kept, append([]byte(nil), raw...))
		return keep <= 0 || len(kept) < keep
	})
	if err != nil {
		return err
	}

	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".prune-*")
	if err != nil {
		return fmt.Errorf("prune history %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	err = writeLines(tmp, kept, st.Mode().Perm())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("prune history %s: %w", path, err)
	}
	return nil
}

// writeLines writes lines (newest first) oldest first and syncs, so that the
// rename never exposes a file whose data is not on disk yet.
func writeLines(f *os.File, lines [][]byte, perm os.FileMode) error {
	if err := f.Chmod(perm); err != nil {
		return err
	}
	var size int
	for _, l := range lines {
		size += len(l) + 1
	}
	buf := make([]byte, 0, size)
	for i := len(lines) - 1; i >= 0; i-- {
		buf = append(append(buf, lines[i]...), '\n')
	}
	if _, err := f.Write(buf); err != nil {
		return err
	}
	return f.Sync()
}
