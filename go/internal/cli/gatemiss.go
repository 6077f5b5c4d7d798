package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/eventlog"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/taskxml/crongate"
)

// maxGateMisses caps the count (a host off for a year on a per-minute
// schedule would otherwise iterate half a million minutes).
const maxGateMisses = 10000

// gateMisses counts the cron minutes strictly between prev (the last
// minute the gate let through) and minute (the one it lets through now):
// starts Task Scheduler never made because the host was off or asleep or
// the service stopped. None before the first pass.
func gateMisses(e *cronplan.Expr, loc *time.Location, prev, minute time.Time) int {
	if e == nil || prev.IsZero() {
		return 0
	}
	n := 0
	for t := e.Next(prev.In(loc)); !t.IsZero() && t.Before(minute) && n < maxGateMisses; t = e.Next(t) {
		n++
	}
	return n
}

// warnGateMisses logs, and writes Event Log warning 200 for, the cron
// minutes missed before this start. prevState is the gate state as read
// before this decision (nil when there was none). It runs only on starts
// the gate lets through, and never stops one.
func warnGateMisses(s *store.Store, task string, e *cronplan.Expr, loc *time.Location, prevState []byte, minute time.Time, log zerolog.Logger) {
	if len(prevState) == 0 {
		return
	}
	var prev crongate.State
	if json.Unmarshal(prevState, &prev) != nil {
		return
	}
	n := gateMisses(e, loc, prev.LastClaimed, minute)
	if n == 0 {
		return
	}
	log.Warn().Int("missed", n).Time("lastRun", prev.LastClaimed).Time("minute", minute).Msg("Cron gate: minutes of the schedule were missed")
	settings, err := loadObserveSettings(s)
	if err != nil || !settings.eventLogOn() {
		return
	}
	sink, err := openEventSink(eventlog.Source)
	if err != nil {
		log.Warn().Err(err).Msg("Could not open the Event Log")
		return
	}
	defer func() { _ = sink.Close() }()
	msg := fmt.Sprintf("Task %s: %d minute(s) of its cron schedule passed without a start between %s and %s (host off or asleep, or Task Scheduler did not start it)",
		task, n, prev.LastClaimed.UTC().Format(time.RFC3339), minute.UTC().Format(time.RFC3339))
	if err := sink.Warning(eventlog.IDGateMissed, msg, task, strconv.Itoa(n), prev.LastClaimed.UTC().Format(time.RFC3339), minute.UTC().Format(time.RFC3339)); err != nil {
		log.Warn().Err(err).Msg("Could not write the missed-minutes event")
	}
}
