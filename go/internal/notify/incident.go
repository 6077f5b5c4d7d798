package notify

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Incident is a task's run of unsuccessful outcomes, kept in
// state/incidents/<task>.json between runs. It opens at the first
// unsuccessful run and closes at the next success (the recovery).
type Incident struct {
	Task         string        `json:"task"`
	Open         bool          `json:"open"`
	Since        time.Time     `json:"since,omitzero"`        // end of the run that opened it
	FirstRunID   string        `json:"firstRunId,omitempty"`  // that run
	LastRunID    string        `json:"lastRunId,omitempty"`   // the newest run counted
	LastStatus   result.Status `json:"lastStatus,omitempty"`  // its status
	Failures     int           `json:"failures"`              // unsuccessful runs in it
	Notified     bool          `json:"notified"`              // an alert went out for it
	LastNotified time.Time     `json:"lastNotified,omitzero"` // when the last alert or reminder went out
	Notices      int           `json:"notices"`               // alerts and reminders sent for it
	ClosedAt     time.Time     `json:"closedAt,omitzero"`     // when the last incident recovered
	ClosedRunID  string        `json:"closedRunId,omitempty"` // the run that recovered it
}

// DefaultOn is the policy of a notify block without "on".
var DefaultOn = []string{string(EventFailure), string(EventTimeout), string(EventRecovery)}

// Events are the outcomes rec stands for, most specific first; Status
// DISABLED, STOPPED and RUNNING stand for none.
func Events(t *definition.Task, rec result.Record) []Event {
	exhausted := t.Retry != nil && t.Retry.Attempts > 1 && len(rec.Attempts) >= t.Retry.Attempts
	switch rec.Status {
	case result.Success:
		return []Event{EventSuccess}
	case result.Failed, result.Error:
		if exhausted {
			return []Event{EventRetriesExhausted, EventFailure}
		}
		return []Event{EventFailure}
	case result.Timeout:
		if exhausted {
			return []Event{EventRetriesExhausted, EventTimeout}
		}
		return []Event{EventTimeout}
	case result.Skipped:
		return []Event{EventSkipped}
	}
	return nil
}

// Decide applies the policy n to the outcome rec given the incident before
// it, returning the incident after it and the notice to send, if any.
//
//   - An unsuccessful run (failure, timeout, error; skipped when the policy
//     asks for it) opens an incident or adds to the open one. Only the
//     first run matching the policy alerts; later ones are silent unless
//     the reminder interval has passed since the last alert.
//   - A success closes an open incident: a recovery when the policy has
//     "recovery", else a success notice when it has "success".
//   - Other outcomes change nothing.
func Decide(t *definition.Task, n *definition.Notify, inc Incident, rec result.Record, host string, now time.Time) (Incident, *Notice) {
	on := n.On
	if len(on) == 0 {
		on = DefaultOn
	}
	wants := func(e Event) bool { return slices.Contains(on, string(e)) }
	events := Events(t, rec)
	if len(events) == 0 {
		return inc, nil
	}
	inc.Task = t.Name
	if events[0] == EventSuccess {
		if inc.Open {
			closed := inc
			inc = Incident{Task: t.Name, ClosedAt: rec.End, ClosedRunID: rec.RunID}
			if wants(EventRecovery) {
				return inc, &Notice{Event: EventRecovery, Host: host, Record: rec, Incident: closed}
			}
		}
		if wants(EventSuccess) {
			return inc, &Notice{Event: EventSuccess, Host: host, Record: rec, Incident: inc}
		}
		return inc, nil
	}
	if events[0] == EventSkipped && !wants(EventSkipped) {
		return inc, nil // a skip is not a failure unless the policy says so
	}
	if !inc.Open {
		inc = Incident{Task: t.Name, Open: true, Since: rec.End, FirstRunID: rec.RunID, ClosedAt: inc.ClosedAt, ClosedRunID: inc.ClosedRunID}
	}
	inc.Failures++
	inc.LastRunID, inc.LastStatus = rec.RunID, rec.Status
	var match Event
	for _, e := range events {
		if wants(e) {
			match = e
			break
		}
	}
	if match == "" {
		return inc, nil
	}
	reminder := inc.Notified && n.Reminder > 0 && now.Sub(inc.LastNotified) >= n.Reminder.D()
	if inc.Notified && !reminder {
		return inc, nil // one alert per incident
	}
	inc.Notified, inc.LastNotified = true, now
	inc.Notices++
	return inc, &Notice{Event: match, Reminder: reminder, Host: host, Record: rec, Incident: inc}
}

func incidentFile(p Paths, task string) string {
	return filepath.Join(p.Incidents, task+".json")
}

// LoadIncident reads a task's incident state; none yet is a closed one.
// Incident state decides whether an alert goes out, so it is read through
// store.ReadTrusted: a file someone else could write is an error.
func LoadIncident(p Paths, task string) (Incident, error) {
	data, err := store.ReadTrusted(p.Home, incidentFile(p, task), maxSettingsSize)
	if errors.Is(err, os.ErrNotExist) {
		return Incident{Task: task}, nil
	}
	if err != nil {
		return Incident{Task: task}, err
	}
	var inc Incident
	if err := json.Unmarshal(data, &inc); err != nil {
		return Incident{Task: task}, nil // torn by hand: start over
	}
	return inc, nil
}

// SaveIncident writes a task's incident state atomically.
func SaveIncident(p Paths, inc Incident) error {
	return writeJSONAtomic(incidentFile(p, inc.Task), inc)
}
