//go:build !windows

package eventlog

// Open returns the no-op sink: only Windows has an Event Log.
func Open(string) (Sink, error) { return Nop{}, nil }

// Install is unsupported outside Windows.
func Install(string) error { return ErrUnsupported }

// Remove is unsupported outside Windows.
func Remove(string) error { return ErrUnsupported }

// Installed is always false outside Windows.
func Installed(string) (bool, error) { return false, nil }
