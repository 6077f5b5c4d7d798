package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// DefaultKeep is how many runs Append keeps when it prunes.
const DefaultKeep = 1000

// PruneEvery is the growth step at which Append prunes: when a record carries
// the file across a multiple of PruneEvery bytes (1 MiB, about 3,000 typical
// records). That costs Append nothing but the size it already knows, bounds
// the file to the retained runs plus PruneEvery, and a failed prune is simply
// retried at the next step.
const PruneEvery = 1 << 20

// ErrPrune marks an error from the pruning Append does after writing: the
// record itself was written.
var ErrPrune = errors.New("history retention failed")

// Retention limits what a history keeps. Zero fields do not limit.
type Retention struct {
	Keep   int           // newest runs to keep
	MaxAge time.Duration // drop runs whose When is older than this
}

// Append adds rec to the history at path, pruning to DefaultKeep runs when
// the file crosses a PruneEvery step. See AppendWith.
func Append(path string, rec result.Record) error {
	return AppendWith(path, rec, Retention{Keep: DefaultKeep})
}

// AppendWith adds rec as one line to the history at path, creating the file
// and its directory if needed, and prunes to r when the file crosses a
// PruneEvery step. It is safe across processes: writers take an exclusive
// lock on path+".lock" (never deleted, so every process locks the same
// inode) and write the whole line with one write(2) to an O_APPEND file.
//
// It does not fsync: the page cache survives a crash of orc-exec, only a
// power loss or kernel crash can drop the last records, and losing those is
// cheaper than a disk flush on every run of every task. A line torn by such a
// crash is skipped by readers and fenced off by the next Append.
//
// If only pruning failed the error wraps ErrPrune.
func AppendWith(path string, rec result.Record, r Retention) error {
	line, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode record %s: %w", rec.RunID, err)
	}
	line = append(line, '\n')
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create history dir %s: %w", filepath.Dir(path), err)
	}
	lock := flock.New(path + ".lock")
	if err := lock.Lock(); err != nil {
		return fmt.Errorf("lock history %s: %w", path, err)
	}
	defer lock.Unlock()

	// Opened under the lock: Prune replaces the file, and an earlier handle
	// would append to the replaced one.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600) // records hold output tails
	if err != nil {
		return fmt.Errorf("open history %s: %w", path, err)
	}
	before, werr := appendLine(f, line)
	if cerr := f.Close(); werr == nil && cerr != nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("append to history %s: %w", path, werr)
	}
	after := before + int64(len(line))
	if r.Keep <= 0 && r.MaxAge <= 0 {
		return nil
	}
	if before/PruneEvery == after/PruneEvery && !firstExpired(path, r.MaxAge) {
		return nil
	}
	if err := prune(path, r.Keep, r.MaxAge, time.Now()); err != nil {
		return fmt.Errorf("%w: %w", ErrPrune, err)
	}
	return nil
}

// firstExpired reports whether the first record in the file at path is
// older than maxAge. A small history crosses no PruneEvery step for years,
// and runs past the age limit must not stay that long. The first line is
// the cheap place to look (one short read); the prune it starts drops every
// expired run wherever it sits, so one that is out of order goes at the
// latest when the first line expires.
func firstExpired(path string, maxAge time.Duration) bool {
	if maxAge <= 0 {
		return false
	}
	f, err := openRead(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 16<<10)
	n, _ := f.ReadAt(buf, 0)
	first, _, _ := bytes.Cut(buf[:n], []byte{'\n'})
	var rec result.Record
	if json.Unmarshal(first, &rec) != nil {
		return false // torn or longer than the buffer: the next step prunes it
	}
	return When(rec).Before(time.Now().Add(-maxAge))
}

// appendLine writes line to f, first ending a torn last line if there is one,
// and returns the file's size before the write.
func appendLine(f *os.File, line []byte) (int64, error) {
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	size := st.Size()
	if size > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, size-1); err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		if last[0] != '\n' {
			// One buffer, so the fence and the record still go out in one write.
			line = append([]byte{'\n'}, line...)
		}
	}
	n, err := f.Write(line)
	if err == nil && n != len(line) {
		err = io.ErrShortWrite
	}
	return size, err
}
