package store

import "errors"

// ErrInsecure is wrapped by every *InsecureError.
var ErrInsecure = errors.New("insecure permissions")

// InsecureError says which path is unsafe, why, and how to fix it.
type InsecureError struct {
	Path    string
	Problem string // e.g. "is writable by group and others (mode 0666)"
	Fix     string // a command that fixes it
}

func (e *InsecureError) Error() string {
	return e.Path + " " + e.Problem + "; fix: " + e.Fix
}

// Unwrap makes errors.Is(err, ErrInsecure) true.
func (e *InsecureError) Unwrap() error { return ErrInsecure }
