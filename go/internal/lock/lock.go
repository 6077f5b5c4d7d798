// Package lock keeps runs of one task from overlapping: a per-task file lock
// (flock / LockFileEx via gofrs/flock) plus a holder file naming the PID and
// run ID of the run that holds it, so a newer run can stop it.
package lock

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// ErrHeld means another run holds the lock.
var ErrHeld = errors.New("another run of the task is in progress")

// Holder identifies the run that holds a lock.
type Holder struct {
	PID   int
	RunID string
}

// Lock is one task's run lock. The OS releases it when the process dies, so
// a crashed run never leaves a task stuck.
type Lock struct {
	path string
	fl   *flock.Flock
}

// New returns the lock stored at path (the holder file is path + ".holder").
func New(path string) *Lock { return &Lock{path: path, fl: flock.New(path)} }

// TryAcquire takes the lock without waiting, or returns ErrHeld.
func (l *Lock) TryAcquire(h Holder) error {
	ok, err := l.fl.TryLock()
	if err != nil {
		return fmt.Errorf("lock %s: %w", l.path, err)
	}
	if !ok {
		return ErrHeld
	}
	return l.writeHolder(h)
}

// Acquire waits until the lock is free or ctx ends.
func (l *Lock) Acquire(ctx context.Context, h Holder) error {
	ok, err := l.fl.TryLockContext(ctx, 100*time.Millisecond)
	if err != nil {
		return fmt.Errorf("wait for lock %s: %w", l.path, err)
	}
	if !ok {
		return ErrHeld
	}
	return l.writeHolder(h)
}

// Release frees the lock. The holder file is left behind on purpose: removing
// it would race with the next holder writing its own.
func (l *Lock) Release() error { return l.fl.Unlock() }

// Holder reads who holds (or last held) the lock.
func (l *Lock) Holder() (Holder, error) {
	b, err := os.ReadFile(l.path + ".holder")
	if err != nil {
		return Holder{}, err
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return Holder{}, fmt.Errorf("holder file %s is malformed", l.path+".holder")
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		return Holder{}, fmt.Errorf("holder file %s: %w", l.path+".holder", err)
	}
	return Holder{PID: pid, RunID: f[1]}, nil
}

func (l *Lock) writeHolder(h Holder) error {
	p := l.path + ".holder"
	tmp := p + ".tmp" + strconv.Itoa(os.Getpid())
	if err := os.WriteFile(tmp, []byte(strconv.Itoa(h.PID)+" "+h.RunID+"\n"), 0o600); err != nil {
		_ = l.fl.Unlock()
		return fmt.Errorf("write lock holder: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		_ = l.fl.Unlock()
		return fmt.Errorf("write lock holder: %w", err)
	}
	return nil
}
