// Package eventlog writes one Windows Event Log entry per run outcome, and
// warnings the run path notices, through the Sink seam: the real sink on
// Windows (source "Orchestrator" in the Application log), a no-op sink
// elsewhere, and recording sinks in specs. Event IDs are stable: monitors
// and SIEM rules key on them (docs/observability.md lists them).
package eventlog

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// Source is the event source registered in the Application log.
const Source = "Orchestrator"

// Level is an event's type as the Event Viewer shows it.
type Level int

const (
	Info Level = iota
	Warn
	Error
)

func (l Level) String() string {
	switch l {
	case Warn:
		return "Warning"
	case Error:
		return "Error"
	}
	return "Information"
}

// Event IDs. They stay in 1..1000 because the source uses EventCreate.exe
// as its message file, which has messages for those IDs only. Never
// renumber one: add new IDs instead.
const (
	IDSuccess       uint32 = 100 // SUCCESS
	IDFailed        uint32 = 101 // FAILED: the command failed
	IDTimeout       uint32 = 102 // TIMEOUT
	IDDepsFailed    uint32 = 103 // FAILED: dependencies unmet (policy fail or wait)
	IDDepsSkipped   uint32 = 104 // SKIPPED: dependencies unmet (policy skip)
	IDOverlapSkip   uint32 = 105 // SKIPPED: another run of the task was in progress
	IDDisabled      uint32 = 106 // DISABLED
	IDStopped       uint32 = 107 // STOPPED
	IDError         uint32 = 108 // ERROR: orc-exec could not run the command
	IDOther         uint32 = 199 // a status this build does not know
	IDGateMissed    uint32 = 200 // warning: a gated schedule missed cron minutes
	IDOutboxBacklog uint32 = 201 // warning: notifications are piling up in the outbox
)

// Event is one entry: its ID, level and insertion strings. Strings[0] is a
// sentence (the only one EventCreate's message shows as %1); the rest are
// the fields, in the order Fields names them, for queries on EventData.
type Event struct {
	ID      uint32
	Level   Level
	Strings []string
}

// OutcomeFields names the insertion strings after the sentence, in order.
var OutcomeFields = []string{"task", "runId", "status", "durationMs", "exitCode", "reason"}

// Classify returns the ID and level of a run's final record.
func Classify(rec result.Record) (uint32, Level) {
	switch rec.Status {
	case result.Success:
		return IDSuccess, Info
	case result.Failed:
		if rec.OrcExitCode == int(exitcode.DependencyUnmet) {
			return IDDepsFailed, Error
		}
		return IDFailed, Error
	case result.Timeout:
		return IDTimeout, Error
	case result.Skipped:
		if rec.OrcExitCode == int(exitcode.OverlapSkipped) {
			return IDOverlapSkip, Warn
		}
		return IDDepsSkipped, Warn
	case result.Disabled:
		return IDDisabled, Info
	case result.Stopped:
		return IDStopped, Warn
	case result.Error:
		return IDError, Error
	}
	return IDOther, Warn
}

// OutcomeEvent is the event for a run's final record.
func OutcomeEvent(rec result.Record) Event {
	id, level := Classify(rec)
	d := (time.Duration(rec.DurationMs) * time.Millisecond).String()
	msg := fmt.Sprintf("Task %s: %s after %s, exit code %d", rec.Task, rec.Status, d, rec.ExitCode)
	if rec.Reason != "" {
		msg += ": " + rec.Reason
	}
	msg += " (run " + rec.RunID + ")"
	return Event{ID: id, Level: level, Strings: []string{msg, rec.Task, rec.RunID, string(rec.Status),
		strconv.FormatInt(rec.DurationMs, 10), strconv.Itoa(rec.ExitCode), rec.Reason}}
}

// WarningEvent is a warning with a sentence and its fields.
func WarningEvent(id uint32, msg string, fields ...string) Event {
	return Event{ID: id, Level: Warn, Strings: append([]string{msg}, fields...)}
}

// Sink receives events. Implementations return errors for the caller to
// log; a run never fails or waits because of them.
type Sink interface {
	Outcome(rec result.Record) error
	Warning(id uint32, msg string, fields ...string) error
	Close() error
}

// ErrUnsupported is returned by Install and Remove where there is no
// Windows Event Log.
var ErrUnsupported = errors.New("the Windows Event Log exists only on Windows")

// Nop is the sink where there is no Event Log: it accepts everything.
type Nop struct{}

func (Nop) Outcome(result.Record) error             { return nil }
func (Nop) Warning(uint32, string, ...string) error { return nil }
func (Nop) Close() error                            { return nil }
