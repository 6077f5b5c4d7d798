// Package tssim is a model of how Windows Task Scheduler turns triggers into
// start times. Where Windows' behaviour is not documented, the model runs
// each plausible reading (see Reading), so a plan can be checked to start at
// the same instants whatever Windows actually does.
//
// The model works in whole minutes: instants are minutes since the Unix
// epoch, wall times minutes since 1970-01-01 00:00 on the local clock (see
// Days). Triggers that start at the same instant count once (Task
// Scheduler starts one instance; see docs/schedules.md). RandomDelay is not
// modelled: fire times are the earliest possible ones.
package tssim

import (
	"fmt"
	"math/bits"
	"slices"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/schedule"
)

// DurationEnd is whether a repetition that falls exactly at the end of the
// repetition Duration starts.
type DurationEnd uint8

const (
	EndExclusive DurationEnd = iota // no start at exactly StartBoundary+Duration
	EndInclusive                    // a start at exactly the end still happens
)

// MissingDay is what a monthly trigger does on a day the month lacks (31 April).
type MissingDay uint8

const (
	MissingSkip  MissingDay = iota // no start that month
	MissingClamp                   // start on the month's last day instead
)

// WeekRule is what "week n" of a ScheduleByMonthDayOfWeek trigger means.
type WeekRule uint8

const (
	// WeekOccurrence: week n is days 7n-6..7n (the nth Friday); Last is the
	// last seven days of the month (the last Friday).
	WeekOccurrence WeekRule = iota
	// WeekCalendar: week 1 is the calendar week (Sunday..Saturday) holding
	// day 1, week 2 the next; Last is the calendar week holding the last day.
	WeekCalendar
)

// GapRule is what a start whose wall time is skipped by a spring-forward
// change does.
type GapRule uint8

const (
	GapShift GapRule = iota // starts at the same wall time moved forward by the gap (02:30 -> 03:30)
	GapSkip                 // does not start that day
)

// OverlapRule is what a start whose wall time occurs twice (fall-back) does.
type OverlapRule uint8

const (
	OverlapFirst OverlapRule = iota // starts once, at the first occurrence
	OverlapBoth                     // starts at both occurrences
)

// Reading is one consistent guess at Windows' undocumented behaviour.
// The zero value is the reading docs/schedules.md calls the likeliest.
type Reading struct {
	DurationEnd DurationEnd
	MissingDay  MissingDay
	Week        WeekRule
	Gap         GapRule
	Overlap     OverlapRule
}

func (r Reading) String() string {
	return fmt.Sprintf("end=%s missing=%s week=%s gap=%s overlap=%s",
		pick(r.DurationEnd == EndExclusive, "exclusive", "inclusive"),
		pick(r.MissingDay == MissingSkip, "skip", "clamp"),
		pick(r.Week == WeekOccurrence, "occurrence", "calendar"),
		pick(r.Gap == GapShift, "shift", "skip"),
		pick(r.Overlap == OverlapFirst, "first", "both"))
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// Readings returns every combination of the readings (32).
func Readings() []Reading {
	var out []Reading
	for _, e := range []DurationEnd{EndExclusive, EndInclusive} {
		for _, m := range []MissingDay{MissingSkip, MissingClamp} {
			for _, w := range []WeekRule{WeekOccurrence, WeekCalendar} {
				for _, g := range []GapRule{GapShift, GapSkip} {
					for _, o := range []OverlapRule{OverlapFirst, OverlapBoth} {
						out = append(out, Reading{e, m, w, g, o})
					}
				}
			}
		}
	}
	return out
}

// Relevant returns the readings that can make a difference to triggers in
// zone z over [from, to): an axis that cannot matter (no repetition with a
// Duration, no monthly day above 28, no MonthlyDOW trigger, no DST change)
// stays at its zero value. Simulating these is the same as simulating all
// of Readings().
func Relevant(triggers []schedule.Trigger, z *Zone, from, to int64) []Reading {
	var end, missing, week bool
	for _, t := range triggers {
		if t.Repetition != nil && t.Repetition.Duration > 0 {
			end = true
		}
		if t.Kind == schedule.Monthly && slices.ContainsFunc(t.DaysOfMonth, func(d int) bool { return d > 28 }) {
			missing = true
		}
		if t.Kind == schedule.MonthlyDOW {
			week = true
		}
	}
	dst := len(z.Transitions(from-2*1440, to+2*1440)) > 0
	var out []Reading
	for _, r := range Readings() {
		if (!end && r.DurationEnd != 0) || (!missing && r.MissingDay != 0) || (!week && r.Week != 0) ||
			(!dst && (r.Gap != 0 || r.Overlap != 0)) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Fires returns the instants in [from, to) at which the triggers start the
// task on a host whose zone is loc, under reading r, sorted, in UTC.
func Fires(triggers []schedule.Trigger, loc *time.Location, from, to time.Time, r Reading) []time.Time {
	ms := Minutes(triggers, ZoneOf(loc), InstantOf(from.Add(59*time.Second)), InstantOf(to.Add(59*time.Second)), r)
	out := make([]time.Time, len(ms))
	for k, m := range ms {
		out[k] = time.Unix(m*60, 0).UTC()
	}
	return out
}

// Minutes is Fires in minutes: instants in [from, to), sorted, unique.
func Minutes(triggers []schedule.Trigger, z *Zone, from, to int64, r Reading) []int64 {
	if to <= from {
		return nil
	}
	// A bitmap of the window's minutes sorts and de-duplicates for free.
	set := make([]uint64, (to-from+63)/64)
	for k := range triggers {
		addTrigger(set, &triggers[k], z, from, to, r)
	}
	n := 0
	for _, w := range set {
		n += bits.OnesCount64(w)
	}
	out := make([]int64, 0, n)
	for k, w := range set {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, from+int64(k*64+b))
			w &= w - 1
		}
	}
	return out
}

func addTrigger(set []uint64, t *schedule.Trigger, z *Zone, from, to int64, r Reading) {
	if t.Start.IsZero() {
		return
	}
	startWall := WallOf(t.Start)
	endInst := int64(1) << 62
	if !t.End.IsZero() {
		endInst = z.Resolve(WallOf(t.End)).First // EndBoundary: wall time, first reading
	}
	emit := func(act int64) {
		if act >= endInst {
			return
		}
		addSeries(set, act, t.Repetition, from, to, endInst, r)
	}
	switch t.Kind {
	case schedule.Boot, schedule.Logon:
		return
	case schedule.Once:
		if t.Absolute {
			emit(InstantOf(t.Start))
			return
		}
		for _, a := range activations(z, startWall, r) {
			emit(a)
		}
		return
	}
	tod := startWall - FloorDiv(startWall, 1440)*1440
	startDay := FloorDiv(startWall, 1440)
	// A series that started before from can still fire inside [from, to).
	firstDay := startDay // indefinite repetition: every activation since the start counts
	if t.Repetition == nil || t.Repetition.Duration > 0 {
		span := int64(0)
		if t.Repetition != nil {
			span = int64(t.Repetition.Duration/time.Minute) + 1
		}
		firstDay = max(startDay, FloorDiv(from-span-24*60, 1440)-1)
	}
	lastDay := FloorDiv(to+24*60, 1440) + 1
	for day := firstDay; day <= lastDay; day++ {
		if !activeOn(t, day, startDay, r) {
			continue
		}
		w := day*1440 + tod
		if w < startWall {
			continue
		}
		for _, a := range activations(z, w, r) {
			emit(a)
		}
	}
}

// activations are the instants a start at wall time w happens under r.
func activations(z *Zone, w int64, r Reading) []int64 {
	res := z.Resolve(w)
	switch res.N {
	case 1:
		return []int64{res.First}
	case 2:
		if r.Overlap == OverlapBoth {
			return []int64{res.First, res.Second}
		}
		return []int64{res.First}
	}
	if r.Gap == GapShift {
		return []int64{res.Shifted}
	}
	return nil
}

// addSeries adds the start at act and its repetitions. Repetitions count
// elapsed time (an Interval of 1h is 60 real minutes, across DST changes).
func addSeries(set []uint64, act int64, rep *schedule.Repetition, from, to, end int64, r Reading) {
	put := func(m int64) {
		d := m - from
		set[d>>6] |= 1 << (d & 63)
	}
	if rep == nil || rep.Interval < time.Minute {
		if act >= from && act < to && act < end {
			put(act)
		}
		return
	}
	iv := int64(rep.Interval / time.Minute)
	limit := min(to, end)
	if rep.Duration > 0 {
		// Duration is counted in seconds; a start at exactly act+Duration
		// happens only under EndInclusive.
		dsec := int64(rep.Duration / time.Second)
		var last int64
		if r.DurationEnd == EndInclusive {
			last = act + dsec/60
		} else {
			last = act + (dsec-1)/60
		}
		limit = min(limit, last+1)
	}
	k := int64(0)
	if act < from {
		k = (from - act + iv - 1) / iv
	}
	for m := act + k*iv; m < limit; m += iv {
		put(m)
	}
}

// activeOn reports whether a calendar trigger starts on day (a day number).
func activeOn(t *schedule.Trigger, day, startDay int64, r Reading) bool {
	y, m, d := Civil(day)
	switch t.Kind {
	case schedule.Daily:
		iv := int64(max(t.DaysInterval, 1))
		return (day-startDay)%iv == 0
	case schedule.Weekly:
		if !slices.Contains(t.DaysOfWeek, Weekday(day)) {
			return false
		}
		iv := int64(max(t.WeeksInterval, 1))
		// Weeks counted from the Sunday of the start week.
		w0 := startDay - int64(Weekday(startDay))
		return ((day-w0)/7)%iv == 0
	case schedule.Monthly:
		if len(t.Months) > 0 && !slices.Contains(t.Months, m) {
			return false
		}
		n := MonthLen(y, m)
		if t.LastDayOfMonth && d == n {
			return true
		}
		for _, dd := range t.DaysOfMonth {
			if dd == d || (r.MissingDay == MissingClamp && dd > n && d == n) {
				return true
			}
		}
		return false
	case schedule.MonthlyDOW:
		if len(t.Months) > 0 && !slices.Contains(t.Months, m) {
			return false
		}
		if !slices.Contains(t.DaysOfWeek, Weekday(day)) {
			return false
		}
		n := MonthLen(y, m)
		var week int
		var last bool
		if r.Week == WeekOccurrence {
			week = (d-1)/7 + 1
			last = d+7 > n
		} else {
			first := int(Weekday(day - int64(d-1)))
			week = (d-1+first)/7 + 1
			last = week == (n-1+first)/7+1
		}
		for _, w := range t.Weeks {
			if (w == schedule.LastWeek && last) || (w != schedule.LastWeek && w == week) {
				return true
			}
		}
		return false
	}
	return false
}
