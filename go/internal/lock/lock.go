// Package lock keeps runs of one task from overlapping and lets one run be
// stopped by another process: a file lock (flock / LockFileEx) plus a holder
// file naming the PID, the process start time and the run ID of the run that
// holds it.
//
// The lock is our own small implementation rather than a library's because
// the run must be able to hand the very same open file to its command's
// process tree (File): flock belongs to the open file description, so as
// long as any process of the tree keeps it, the lock stays held, even after
// orc-exec itself was killed with SIGKILL.
package lock

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrHeld means another run holds the lock.
var ErrHeld = errors.New("another run of the task is in progress")

// ErrGone means the process a holder file names has exited or its PID now
// belongs to another process: there is nobody to stop.
var ErrGone = errors.New("the run's orc-exec is no longer running")

// Holder identifies the run that holds a lock. Start is the holder process's
// start time in the platform's own unit (see ProcessStart): PID plus start
// time names one process even after its PID is reused. 0 means unknown (a
// holder file written by an older orc-exec).
type Holder struct {
	PID   int
	RunID string
	Start uint64
}

// Self returns the Holder for this process and runID.
func Self(runID string) Holder {
	pid := os.Getpid()
	start, _ := ProcessStart(pid)
	return Holder{PID: pid, RunID: runID, Start: start}
}

// Alive reports whether the process h names is still the one that wrote it.
func (h Holder) Alive() bool {
	if h.PID <= 0 || h.Start == 0 {
		return false
	}
	start, err := ProcessStart(h.PID)
	return err == nil && start == h.Start
}

// Lock is one lock file. The OS releases it when the last process holding
// its open file exits, so a crashed run never leaves a task stuck.
type Lock struct {
	path string
	mu   sync.Mutex
	f    *os.File
}

// New returns the lock stored at path (the holder file is path + ".holder").
func New(path string) *Lock { return &Lock{path: path} }

// Path is the lock file's path.
func (l *Lock) Path() string { return l.path }

// TryAcquire takes the lock without waiting, or returns ErrHeld.
func (l *Lock) TryAcquire(h Holder) error {
	ok, err := l.try()
	if err != nil {
		return fmt.Errorf("could not lock %s: %w", l.path, err)
	}
	if !ok {
		return ErrHeld
	}
	return l.writeHolder(h)
}

// Acquire waits until the lock is free or ctx ends.
func (l *Lock) Acquire(ctx context.Context, h Holder) error {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		ok, err := l.try()
		if err != nil {
			return fmt.Errorf("could not wait for lock %s: %w", l.path, err)
		}
		if ok {
			return l.writeHolder(h)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("could not wait for lock %s: %w", l.path, ctx.Err())
		case <-tick.C:
		}
	}
}

// Free reports whether nobody holds the lock right now (it takes and
// releases it to find out).
func (l *Lock) Free() (bool, error) {
	ok, err := l.try()
	if err != nil || !ok {
		return false, err
	}
	return true, l.Release()
}

func (l *Lock) try() (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		return true, nil
	}
	f, err := openLockFile(l.path)
	if err != nil {
		return false, err
	}
	ok, err := tryLock(f)
	if err != nil || !ok {
		_ = f.Close()
		return false, err
	}
	l.f = f
	return true, nil
}

// File is the open lock file while the lock is held (nil otherwise). A
// process that inherits it holds the lock with us; see the package comment.
func (l *Lock) File() *os.File {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f
}

// Release frees the lock, for every process sharing its open file. The
// holder file is left behind on purpose: removing it would race with the
// next holder writing its own.
func (l *Lock) Release() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	if err != nil {
		return fmt.Errorf("could not unlock %s: %w", l.path, err)
	}
	return nil
}

// Remove deletes the lock and holder files; for per-run locks whose run is
// over. Call it only after Release or on a lock nobody can take again.
func (l *Lock) Remove() {
	_ = os.Remove(l.path + ".stop")
	_ = os.Remove(l.path + ".holder")
	_ = os.Remove(l.path)
}

// Holder reads who holds (or last held) the lock.
func (l *Lock) Holder() (Holder, error) {
	b, err := os.ReadFile(l.path + ".holder")
	if err != nil {
		return Holder{}, err
	}
	return parseHolder(l.path+".holder", string(b))
}

func parseHolder(path, s string) (Holder, error) {
	f := strings.Fields(s)
	if len(f) != 2 && len(f) != 3 {
		return Holder{}, fmt.Errorf("holder file %s is malformed", path)
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		return Holder{}, fmt.Errorf("holder file %s: %w", path, err)
	}
	h := Holder{PID: pid, RunID: f[1]}
	if len(f) == 3 {
		if h.Start, err = strconv.ParseUint(f[2], 10, 64); err != nil {
			return Holder{}, fmt.Errorf("holder file %s: %w", path, err)
		}
	}
	return h, nil
}

func (l *Lock) writeHolder(h Holder) error {
	p := l.path + ".holder"
	tmp := p + ".tmp" + strconv.Itoa(os.Getpid())
	line := strconv.Itoa(h.PID) + " " + h.RunID + " " + strconv.FormatUint(h.Start, 10) + "\n"
	if err := os.WriteFile(tmp, []byte(line), 0o600); err != nil {
		_ = l.Release()
		return fmt.Errorf("could not write lock holder: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		_ = os.Remove(tmp)
		_ = l.Release()
		return fmt.Errorf("could not write lock holder: %w", err)
	}
	return nil
}
