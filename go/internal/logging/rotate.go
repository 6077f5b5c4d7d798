package logging

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/gofrs/flock"
)

// Rotation limits for per-task log files.
type Rotation struct {
	MaxBytes int64         // rotate when the file is at least this big at open
	Keep     int           // rotated files kept: name.log.1 … name.log.Keep
	MaxAge   time.Duration // rotated files older than this are removed
}

// DefaultRotation keeps about 50 MB of logs per task for at most 30 days.
var DefaultRotation = Rotation{MaxBytes: 10 << 20, Keep: 5, MaxAge: 30 * 24 * time.Hour}

// OpenFile opens a task's log file for appending, rotating it first when it
// has outgrown r.MaxBytes. orc-exec lives for one run, so checking at open
// is enough and costs one stat on the hot path.
func OpenFile(path string, r Rotation) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create log dir: %w", err)
	}
	if fi, err := os.Stat(path); err == nil && r.MaxBytes > 0 && fi.Size() >= r.MaxBytes {
		if err := rotate(path, r); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open log %s: %w", path, err)
	}
	return f, nil
}

func rotate(path string, r Rotation) error {
	// Parallel runs of one task may both see a full file; only the one that
	// gets the lock rotates, the other just appends to whichever file is current.
	l := flock.New(path + ".lock")
	ok, err := l.TryLock()
	if err != nil || !ok {
		return nil
	}
	defer func() { _ = l.Unlock() }()
	if fi, err := os.Stat(path); err != nil || fi.Size() < r.MaxBytes {
		return nil
	}
	keep := max(r.Keep, 1)
	_ = os.Remove(path + "." + strconv.Itoa(keep))
	for i := keep - 1; i >= 1; i-- {
		_ = os.Rename(path+"."+strconv.Itoa(i), path+"."+strconv.Itoa(i+1))
	}
	if err := os.Rename(path, path+".1"); err != nil {
		return fmt.Errorf("rotate log %s: %w", path, err)
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
	return nil
}
