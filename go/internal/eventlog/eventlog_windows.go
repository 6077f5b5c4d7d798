//go:build windows

package eventlog

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
	"golang.org/x/sys/windows/svc/eventlog"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

const sourcesKey = `SYSTEM\CurrentControlSet\Services\EventLog\Application\`

// Open returns a sink writing to source in the Application log. Windows
// accepts a source that was never registered (the entries then show "the
// description cannot be found"); `orc-exec eventlog install` registers it.
func Open(source string) (Sink, error) {
	l, err := eventlog.Open(source)
	if err != nil {
		return nil, fmt.Errorf("could not open event source %s: %w", source, err)
	}
	return &winSink{l: l}, nil
}

type winSink struct{ l *eventlog.Log }

func (s *winSink) Outcome(rec result.Record) error { return s.report(OutcomeEvent(rec)) }

func (s *winSink) Warning(id uint32, msg string, fields ...string) error {
	return s.report(WarningEvent(id, msg, fields...))
}

func (s *winSink) Close() error { return s.l.Close() }

// report calls ReportEvent itself: eventlog.Log.Info and friends take one
// string, and the fields must reach EventData one by one.
func (s *winSink) report(e Event) error {
	typ := uint16(windows.EVENTLOG_INFORMATION_TYPE)
	switch e.Level {
	case Warn:
		typ = windows.EVENTLOG_WARNING_TYPE
	case Error:
		typ = windows.EVENTLOG_ERROR_TYPE
	}
	ptrs := make([]*uint16, len(e.Strings))
	for i, str := range e.Strings {
		p, err := windows.UTF16PtrFromString(str)
		if err != nil {
			// A NUL inside a reason: write the rest rather than nothing.
			p, _ = windows.UTF16PtrFromString("(text with a NUL character)")
		}
		ptrs[i] = p
	}
	if err := windows.ReportEvent(s.l.Handle, typ, 0, e.ID, 0, uint16(len(ptrs)), 0, &ptrs[0], nil); err != nil {
		return fmt.Errorf("could not write event %d: %w", e.ID, err)
	}
	return nil
}

// Install registers source in the Application log with EventCreate.exe as
// its message file. It needs an elevated caller; installing a source that
// exists is not an error.
func Install(source string) error {
	if ok, err := Installed(source); err != nil || ok {
		return err
	}
	if err := eventlog.InstallAsEventCreate(source, eventlog.Error|eventlog.Warning|eventlog.Info); err != nil {
		return fmt.Errorf("could not register event source %s: %w", source, err)
	}
	return nil
}

// Remove unregisters source; removing a source that is not there is not an
// error.
func Remove(source string) error {
	if ok, err := Installed(source); err != nil || !ok {
		return err
	}
	if err := eventlog.Remove(source); err != nil {
		return fmt.Errorf("could not remove event source %s: %w", source, err)
	}
	return nil
}

// Installed reports whether source is registered in the Application log.
func Installed(source string) (bool, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, sourcesKey+source, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("could not read event source %s: %w", source, err)
	}
	_ = k.Close()
	return true, nil
}
