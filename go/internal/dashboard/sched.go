package dashboard

import (
	"context"
	"encoding/json"
	"sync"
	"time"
)

// schedEntry is one task as the scheduler sees it (a slice of Get-OrcTask).
type schedEntry struct {
	Name           string     `json:"Name"`
	State          string     `json:"State"`
	Enabled        bool       `json:"Enabled"`
	Drift          []string   `json:"Drift"`
	DriftReason    string     `json:"DriftReason"`
	NextRunTime    *time.Time `json:"NextRunTime"`
	RegisteredHash string     `json:"RegisteredHash"`
	ExecPath       string     `json:"ExecPath"`
	Backend        string     `json:"Backend"`
}

// schedView caches the scheduler's view of every task: one batched
// Get-OrcTask, refreshed after each action and on demand, never polled per
// task, because asking Task Scheduler is the expensive part.
type schedView struct {
	ps *cmdlets

	mu      sync.Mutex
	entries map[string]schedEntry
	at      time.Time
	err     *apiError
	running chan struct{} // closed when the refresh in progress ends
	began   time.Time     // when the refresh in progress began
	// changed holds the tasks changed since the view was read: their
	// scheduler state is unknown until the next refresh ends.
	changed map[string]time.Time
}

// invalidate marks a task's cached state as out of date.
func (v *schedView) invalidate(name string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.changed == nil {
		v.changed = map[string]time.Time{}
	}
	v.changed[name] = time.Now()
}

func (v *schedView) stale(name string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	_, ok := v.changed[name]
	return ok
}

func newSchedView(ps *cmdlets) *schedView { return &schedView{ps: ps} }

// snapshot returns the cached view; ok is false when none has been read.
func (v *schedView) snapshot() (map[string]schedEntry, time.Time, *apiError, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.entries, v.at, v.err, v.entries != nil
}

// refresh reads the view again and waits for it. A caller shares a
// Get-OrcTask in progress only if it began after the call; one that began
// earlier may predate the change the caller made, so another follows it.
func (v *schedView) refresh(ctx context.Context) *apiError {
	if !v.ps.available() {
		return nil
	}
	asked := time.Now()
	v.mu.Lock()
	for v.running != nil {
		done, began := v.running, v.began
		v.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return nil
		}
		if !began.Before(asked) {
			_, _, err, _ := v.snapshot()
			return err
		}
		v.mu.Lock()
	}
	done := make(chan struct{})
	v.running = done
	began := time.Now()
	v.began = began
	v.mu.Unlock()

	out, aerr := v.ps.call(context.WithoutCancel(ctx), psRequest{Action: "list"})
	var list []schedEntry
	if aerr == nil && len(out) > 0 && string(out) != "null" {
		if err := json.Unmarshal(out, &list); err != nil {
			// ConvertTo-Json writes a lone object for a one-element array.
			var one schedEntry
			if json.Unmarshal(out, &one) == nil {
				list = []schedEntry{one}
			}
		}
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	v.running = nil
	close(done)
	v.err = aerr
	if aerr == nil {
		m := make(map[string]schedEntry, len(list))
		for _, e := range list {
			if e.Drift == nil {
				e.Drift = []string{}
			}
			m[e.Name] = e
		}
		v.entries = m
		v.at = time.Now()
		for n, at := range v.changed {
			if at.Before(began) {
				delete(v.changed, n)
			}
		}
	}
	return aerr
}

// merge lays the scheduler's view over a task read from the store.
func (v *schedView) merge(t *Task, m map[string]schedEntry, ok bool) {
	if !ok {
		return
	}
	if v.stale(t.Name) {
		t.State = "Refreshing"
		return
	}
	e, found := m[t.Name]
	reg := found && e.State != "NotRegistered" && e.State != "OnDemand"
	t.Registered = &reg
	if !found {
		t.State = "NotRegistered"
		return
	}
	t.State = e.State
	t.Drift = e.Drift
	t.RegisteredHash = e.RegisteredHash
	t.Backend = e.Backend
	if found && !e.Enabled {
		t.Enabled = false
	}
	if e.NextRunTime != nil {
		t.NextRunTime = e.NextRunTime
	}
	if !t.Enabled {
		t.NextRunTime = nil // disabled in the definition or in the scheduler
	}
}
