package logging

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// Rotation limits for per-task log files.
type Rotation struct {
	MaxBytes int64         // rotate when the file is at least this big
	Keep     int           // rotated files kept: name.log.1 … name.log.Keep
	MaxAge   time.Duration // rotated files older than this are removed
}

// DefaultRotation keeps about 50 MB of logs per task for at most 30 days.
var DefaultRotation = Rotation{MaxBytes: 10 << 20, Keep: 5, MaxAge: 30 * 24 * time.Hour}

// File is a task's log file, open for appending. It is opened before the
// run takes its overlap lock, so that even a run that is skipped or fails to
// lock can log why; it is rotated only once the lock is held (Rotate), since
// another run of the task may be writing to it until then.
type File struct {
	path string
	r    Rotation
	mu   sync.Mutex
	f    *os.File
}

// OpenFile opens a task's log file for appending, creating it and its
// folder. Other runs may rename or delete it while it is open, on Windows
// too (FILE_SHARE_DELETE).
func OpenFile(path string, r Rotation) (*File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("could not create log folder: %w", err)
	}
	f, err := openAppend(path)
	if err != nil {
		return nil, fmt.Errorf("could not open log %s: %w", path, err)
	}
	return &File{path: path, r: r, f: f}, nil
}

// Write appends p to the current file.
func (l *File) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Write(p)
}

// WriteString appends s.
func (l *File) WriteString(s string) (int, error) { return l.Write([]byte(s)) }

// Close closes the file.
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}

// Rotate renames the file to name.log.1 (shifting older ones) when it has
// outgrown MaxBytes, and goes on writing to a new file. orc-exec lives for one
// run, so checking once per run is enough. On error the file stays as it was
// and writing goes on: a log that cannot rotate must not fail the run.
func (l *File) Rotate() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	rotated, err := rotate(l.path, l.r)
	if err != nil || !rotated {
		return err
	}
	f, err := openAppend(l.path)
	if err != nil {
		return fmt.Errorf("could not reopen log %s after rotating it: %w", l.path, err)
	}
	_ = l.f.Close()
	l.f = f
	return nil
}

func rotate(path string, r Rotation) (bool, error) {
	if r.MaxBytes <= 0 {
		return false, nil
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() < r.MaxBytes {
		return false, nil
	}
	// Parallel runs of one task may both see a full file; only the one that
	// gets the lock rotates, the other just appends to whichever file is current.
	l := flock.New(path + ".lock")
	ok, err := l.TryLock()
	if err != nil || !ok {
		return false, nil
	}
	defer func() { _ = l.Unlock() }()
	if fi, err := os.Stat(path); err != nil || fi.Size() < r.MaxBytes {
		return false, nil
	}
	keep := max(r.Keep, 1)
	_ = os.Remove(path + "." + strconv.Itoa(keep))
	for i := keep - 1; i >= 1; i-- {
		_ = os.Rename(path+"."+strconv.Itoa(i), path+"."+strconv.Itoa(i+1))
	}
	if err := os.Rename(path, path+".1"); err != nil {
		return false, fmt.Errorf("could not rotate log %s: %w", path, err)
	}
	if r.MaxAge > 0 {
		cutoff := time.Now().Add(-r.MaxAge)
		for i := 1; i <= keep; i++ {
			p := path + "." + strconv.Itoa(i)
			if fi, err := os.Stat(p); err == nil && fi.ModTime().Before(cutoff) {
				_ = os.Remove(p)
			}
		}
	}
	return true, nil
}
