package cronplan_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/tssim"
)

// planNow is the planning time of the property specs; the window starts here.
var planNow = time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)

// consistent reports whether reading r agrees with what the plan assumes.
func consistent(r tssim.Reading, assumes []string) bool {
	if slices.Contains(assumes, schedule.AssumeWeekOccurrence) && r.Week != tssim.WeekOccurrence {
		return false
	}
	if slices.Contains(assumes, schedule.AssumeFeb29Skipped) && r.MissingDay != tssim.MissingSkip {
		return false
	}
	if slices.Contains(assumes, schedule.AssumeDSTVixie) && (r.Gap != tssim.GapShift || r.Overlap != tssim.OverlapFirst) {
		return false
	}
	return true
}

// checkShape checks the limits Task Scheduler puts on triggers.
func checkShape(p schedule.Plan) error {
	if len(p.Triggers) == 0 || len(p.Triggers) > cronplan.MaxTriggers {
		return fmt.Errorf("%d triggers", len(p.Triggers))
	}
	for _, t := range p.Triggers {
		if r := t.Repetition; r != nil {
			if r.Interval < time.Minute || r.Interval > 31*24*time.Hour || r.Interval%time.Minute != 0 {
				return fmt.Errorf("interval %s", r.Interval)
			}
			if r.Duration != 0 && (r.Duration < time.Minute || r.Duration <= r.Interval || r.Duration%r.Interval == 0) {
				return fmt.Errorf("duration %s for interval %s (must end between two repetitions)", r.Duration, r.Interval)
			}
		}
		for _, d := range t.DaysOfMonth {
			if d < 1 || d > 31 {
				return fmt.Errorf("day %d", d)
			}
		}
		for _, w := range t.Weeks {
			if w < 1 || w > schedule.LastWeek {
				return fmt.Errorf("week %d", w)
			}
		}
		if t.Kind == schedule.MonthlyDOW && len(t.DaysOfWeek) == 0 {
			return fmt.Errorf("MonthlyDOW without days")
		}
		if t.Kind == schedule.Weekly && len(t.DaysOfWeek) == 0 {
			return fmt.Errorf("weekly without days")
		}
	}
	return nil
}

// checkPlan simulates p in loc over [from, to) under every relevant reading
// consistent with its assumptions: a native plan must start exactly at the
// cron's times, a gated plan at a superset of them (the gate then keeps
// exactly the cron's times: see the Matches spec). It returns how many
// readings it ran.
func checkPlan(e *cronplan.Expr, p schedule.Plan, cronLoc, hostLoc *time.Location, from, to time.Time) (int, error) {
	if err := checkShape(p); err != nil {
		return 0, fmt.Errorf("%s: %w", e, err)
	}
	cz, hz := tssim.ZoneOf(cronLoc), tssim.ZoneOf(hostLoc)
	f, t := tssim.InstantOf(from), tssim.InstantOf(to)
	want := e.Fires(cz, f, t)
	n := 0
	for _, r := range tssim.Relevant(p.Triggers, hz, f, t) {
		if !consistent(r, p.Assumes) {
			continue
		}
		n++
		got := tssim.Minutes(p.Triggers, hz, f, t, r)
		if p.Gated {
			if m, ok := missing(got, want); !ok {
				return n, fmt.Errorf("%s in %s (gated: %s), reading %s: no start at %s", e, hostLoc, p.Reason, r, tssim.TimeOf(m, cronLoc))
			}
			continue
		}
		if !slices.Equal(got, want) {
			return n, fmt.Errorf("%s in %s, reading %s: %s", e, hostLoc, r, diff(got, want, hostLoc))
		}
	}
	return n, nil
}

// missing returns the first element of want not in got (both sorted).
func missing(got, want []int64) (int64, bool) {
	k := 0
	for _, w := range want {
		for k < len(got) && got[k] < w {
			k++
		}
		if k == len(got) || got[k] != w {
			return w, false
		}
	}
	return 0, true
}

func diff(got, want []int64, loc *time.Location) string {
	if m, ok := missing(got, want); !ok {
		return fmt.Sprintf("no start at %s (%d starts, want %d)", tssim.TimeOf(m, loc), len(got), len(want))
	}
	if m, ok := missing(want, got); !ok {
		return fmt.Sprintf("extra start at %s (%d starts, want %d)", tssim.TimeOf(m, loc), len(got), len(want))
	}
	return "differ"
}
