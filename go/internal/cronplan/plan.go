package cronplan

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/tssim"
)

// MaxTriggers is Task Scheduler's limit on triggers per task.
const MaxTriggers = 48

// horizon: DST changes and zone offsets are looked at from a year before
// planning to ten years after.
const (
	horizonBack = 366 * 1440
	horizonFwd  = 10 * 366 * 1440
)

// Spec is a schedule parsed into typed values: exactly one of Cron,
// Startup, Logon, Once (non-zero) or Interval (non-zero) is set. Package
// definition builds it, with every rule checked and each problem named by
// field, when it loads a definition (definition.Schedule.Spec); nothing
// downstream re-parses the strings of a schedule.
type Spec struct {
	Cron     *Expr          // a cron schedule
	Zone     *time.Location // the zone Cron is evaluated in; nil = the host's
	Startup  bool           // at boot, after Delay
	Logon    bool           // at logon of User (any user when ""), after Delay
	User     string
	Delay    time.Duration
	Once     time.Time     // once, at this instant
	Interval time.Duration // every Interval (whole minutes, 1m to 31d) from registration
	Jitter   time.Duration // random delay before each start (not with Startup or Logon)
	CatchUp  bool          // run a missed start when the host is back
}

// None reports whether the Spec sets no trigger (the task runs on demand).
func (s Spec) None() bool {
	return s.Cron == nil && !s.Startup && !s.Logon && s.Once.IsZero() && s.Interval == 0
}

// MaxInterval is the longest repetition interval Task Scheduler accepts.
const MaxInterval = 31 * 24 * time.Hour

// Next is the schedule's next start after now, for the kinds that have one
// without knowing when the host boots or who logs on (cron in its zone,
// else host; once when still ahead).
func (s Spec) Next(now time.Time, host *time.Location) (time.Time, bool) {
	switch {
	case s.Cron != nil:
		loc := s.Zone
		if loc == nil {
			loc = host
		}
		n := s.Cron.Next(now.In(loc))
		return n, !n.IsZero()
	case !s.Once.IsZero():
		return s.Once, s.Once.After(now)
	}
	return time.Time{}, false
}

// PlanSchedule turns a parsed schedule into native triggers for a host
// whose local zone is hostZone. now fixes the StartBoundary dates (the day
// before now) and the DST changes considered (a year back, ten years
// ahead). The errors are a backstop for a Spec built by hand: one that
// definition built from a loaded definition always plans.
func PlanSchedule(s Spec, hostZone *time.Location, now time.Time) (schedule.Plan, error) {
	if hostZone == nil {
		hostZone = time.Local
	}
	set := 0
	for _, b := range []bool{s.Cron != nil, s.Startup, s.Logon, !s.Once.IsZero(), s.Interval != 0} {
		if b {
			set++
		}
	}
	if set != 1 {
		return schedule.Plan{}, fmt.Errorf("could not plan the schedule: set exactly one of cron, startup, logon, once, interval (%d set)", set)
	}
	jitter := s.Jitter
	if jitter < 0 {
		return schedule.Plan{}, fmt.Errorf("could not plan the schedule: jitter %s is negative", jitter)
	}
	p := schedule.Plan{CatchUp: s.CatchUp, Triggers: []schedule.Trigger{}}
	switch {
	case s.Startup || s.Logon:
		if jitter > 0 {
			return schedule.Plan{}, errors.New("could not plan the schedule: Task Scheduler's boot and logon triggers have no random delay")
		}
		if s.Startup {
			p.Triggers = append(p.Triggers, schedule.Trigger{Kind: schedule.Boot, Delay: s.Delay})
		} else {
			p.Triggers = append(p.Triggers, schedule.Trigger{Kind: schedule.Logon, Delay: s.Delay, UserID: s.User})
		}
		return p, nil
	case !s.Once.IsZero():
		p.Triggers = append(p.Triggers, schedule.Trigger{Kind: schedule.Once, Start: s.Once.In(hostZone), Absolute: true, RandomDelay: jitter})
		return p, nil
	case s.Interval != 0:
		d := s.Interval
		if d < time.Minute || d%time.Minute != 0 || d > MaxInterval {
			return schedule.Plan{}, fmt.Errorf("could not plan the schedule: interval %s: Task Scheduler repeats in whole minutes from 1m to 31d", fmtDur(d))
		}
		start := now.Truncate(time.Minute).Add(time.Minute).In(hostZone)
		p.Triggers = append(p.Triggers, schedule.Trigger{Kind: schedule.Once, Start: start, Absolute: true,
			Repetition: &schedule.Repetition{Interval: d}, RandomDelay: jitter})
		return p, nil
	}
	e := s.Cron
	cronZone := hostZone
	if s.Zone != nil {
		cronZone = s.Zone
	}
	hz := tssim.ZoneOf(hostZone)
	nowI := tssim.InstantOf(now)
	if cronZone.String() == hostZone.String() || equivalent(tssim.ZoneOf(cronZone), hz, nowI) {
		p = planCron(e, hz, nowI)
	} else {
		p = planCrossZone(e, tssim.ZoneOf(cronZone), hz, nowI)
	}
	p.Timezone = cronZone.String()
	p.CatchUp = s.CatchUp
	if jitter > 0 {
		if p.Gated {
			p.Jitter = jitter
		} else {
			for k := range p.Triggers {
				p.Triggers[k].RandomDelay = jitter
			}
		}
	}
	return p, nil
}

// Plan plans a parsed expression for a host in zone loc (the cron is
// evaluated in the same zone).
func Plan(e *Expr, loc *time.Location, now time.Time) schedule.Plan {
	p := planCron(e, tssim.ZoneOf(loc), tssim.InstantOf(now))
	p.Timezone = loc.String()
	return p
}

// equivalent reports whether two zones have the same offset at every
// instant of the horizon.
func equivalent(a, b *tssim.Zone, now int64) bool {
	from, to := now-horizonBack, now+horizonFwd
	if a.OffsetAt(from) != b.OffsetAt(from) {
		return false
	}
	for _, z := range []*tssim.Zone{a, b} {
		for _, tr := range z.Transitions(from, to) {
			if a.OffsetAt(tr.At) != b.OffsetAt(tr.At) || a.OffsetAt(tr.At-1) != b.OffsetAt(tr.At-1) {
				return false
			}
		}
	}
	return true
}

// ap is an arithmetic progression of minutes of the day: one trigger start
// and its repetitions.
type ap struct{ start, step, count int }

// dayTrig is the calendar part of a trigger.
type dayTrig struct {
	kind   schedule.Kind
	dow    []time.Weekday
	dom    []int
	last   bool
	weeks  []int
	months []time.Month
}

// windows are the hours of the day touched by a DST change on the days
// considered (see dstWindows), and the lengths of the spring-forward gaps.
type windows struct {
	hours [24]bool
	gaps  []int
	any   bool
}

// dstWindows collects the DST changes on days for which on reports true
// (nil: every day).
func dstWindows(on func(day int64) bool, z *tssim.Zone, now int64) windows {
	var w windows
	for _, tr := range z.Transitions(now-horizonBack, now+horizonFwd) {
		lo, hi := tr.Window()
		runs := on == nil
		for day := tssim.FloorDiv(lo, 1440); day <= tssim.FloorDiv(hi-1, 1440) && !runs; day++ {
			runs = on(day)
		}
		if !runs {
			continue
		}
		w.any = true
		for m := tssim.FloorDiv(lo, 60) * 60; m < hi; m += 60 {
			w.hours[(m-tssim.FloorDiv(m, 1440)*1440)/60] = true
		}
		if g := int(tr.After - tr.Before); g > 0 && !slices.Contains(w.gaps, g) {
			w.gaps = append(w.gaps, g)
		}
	}
	slices.Sort(w.gaps)
	return w
}

func planCron(e *Expr, z *tssim.Zone, now int64) schedule.Plan {
	p := schedule.Plan{Cron: e.src, Triggers: []schedule.Trigger{}}
	win := dstWindows(e.dayMatchesNum, z, now)
	days, assumes, reason := dayTriggers(e)
	touched := touchedBy(e.times, win)
	if reason == "" {
		aps := decompose(e.times, win.hours)
		n := len(aps) * len(days)
		if n <= MaxTriggers {
			p.Triggers = build(aps, days, z, now)
			if len(touched) > 0 {
				// Starts in an hour a DST change skips or repeats follow
				// Windows' own rule on that one day a year: the plan relies
				// on it matching cron's (see docs/schedules.md).
				assumes = append(assumes, schedule.AssumeDSTVixie)
				slices.Sort(assumes)
			}
			p.Assumes = assumes
			return p
		}
		reason = fmt.Sprintf("needs %d native triggers and Task Scheduler allows %d", n, MaxTriggers)
	}
	p.Gated, p.Reason = true, reason
	ext, crossMidnight := superset(e.times, touched, win)
	aps := decompose(ext, win.hours)
	if days != nil && len(assumes) == 0 && !crossMidnight && len(aps)*len(days) <= MaxTriggers {
		// The superset starts on the cron's own days only, so the DST
		// changes on those days are all it must hold across.
		p.Triggers = build(aps, days, z, now)
		return p
	}
	// A daily superset starts on every day, DST days the cron skips
	// included, and must hold there under every reading too: a repetition
	// from a daily start for a fixed Duration, counted in elapsed time,
	// ends an hour early on a 25-hour day (and late on a 23-hour one). So
	// it is split around every DST change, as native plans are around the
	// cron's: it then holds whatever the day fields select.
	all := dstWindows(nil, z, now)
	ext, _ = superset(e.times, touchedBy(e.times, all), all)
	if aps = decompose(ext, all.hours); len(aps) <= MaxTriggers {
		p.Triggers = build(aps, []dayTrig{{kind: schedule.Daily}}, z, now)
	} else {
		p.Triggers = build(coarse(ext, all), []dayTrig{{kind: schedule.Daily}}, z, now)
	}
	return p
}

// touchedBy returns the times of day ts in an hour a DST change in win touches.
func touchedBy(ts []int, win windows) []int {
	var out []int
	for _, t := range ts {
		if win.hours[t/60] {
			out = append(out, t)
		}
	}
	return out
}

// superset is the cron's times of day plus, for the touched ones, the wall
// times a spring-forward gap moves them to, so the gate sees every start
// whatever Windows does with the gap (the gate itself applies cron's DST
// rule). crossMidnight: a moved time wraps to the next day.
func superset(ts, touched []int, win windows) (ext []int, crossMidnight bool) {
	ext = slices.Clone(ts)
	for _, t := range touched {
		for _, g := range win.gaps {
			ext = append(ext, (t+g)%1440)
			crossMidnight = crossMidnight || t+g >= 1440
		}
	}
	slices.Sort(ext)
	return slices.Compact(ext), crossMidnight
}

// planCrossZone gates a cron evaluated in another zone than the host's:
// one trigger repeating indefinitely at a step that hits every instant the
// cron can fire at, whatever the two zones' offsets.
func planCrossZone(e *Expr, cz, hz *tssim.Zone, now int64) schedule.Plan {
	offs := map[int]bool{((int(cz.OffsetAt(now)) % 60) + 60) % 60: true}
	for _, tr := range cz.Transitions(now-horizonBack, now+horizonFwd) {
		offs[((int(tr.Before)%60)+60)%60] = true
		offs[((int(tr.After)%60)+60)%60] = true
	}
	var s []int
	for m := range 60 {
		if e.minutes&(1<<m) == 0 {
			continue
		}
		for o := range offs {
			s = append(s, ((m-o)%60+60)%60)
		}
	}
	g := 60
	for _, v := range s {
		g = gcd(g, abs(v-s[0]))
	}
	a := s[0] % g
	i0 := tssim.FloorDiv(now-1440-int64(a), int64(g))*int64(g) + int64(a)
	for k := 0; k < 100; k++ {
		if r := hz.Resolve(hz.Wall(i0)); r.N == 1 {
			break
		}
		i0 -= int64(g)
	}
	return schedule.Plan{
		Cron:   e.src,
		Gated:  true,
		Reason: fmt.Sprintf("timezone %s and the host zone %s differ on some days, and Task Scheduler follows only the host's clock; orc-exec starts every %s and the gate evaluates the cron in %s", cz.Loc, hz.Loc, fmtDur(time.Duration(g)*time.Minute), cz.Loc),
		Triggers: []schedule.Trigger{{
			Kind: schedule.Once, Start: tssim.TimeOf(i0, hz.Loc), Absolute: true,
			Repetition: &schedule.Repetition{Interval: time.Duration(g) * time.Minute},
		}},
	}
}

// build crosses the time progressions with the calendar parts.
func build(aps []ap, days []dayTrig, z *tssim.Zone, now int64) []schedule.Trigger {
	base := tssim.FloorDiv(z.Wall(now), 1440) - 1
	var out []schedule.Trigger
	for _, a := range aps {
		day := base
		for k := 0; k < 10 && z.Resolve(day*1440+int64(a.start)).N != 1; k++ {
			day--
		}
		y, m, d := tssim.Civil(day)
		start := time.Date(y, m, d, a.start/60, a.start%60, 0, 0, z.Loc)
		var rep *schedule.Repetition
		if a.count > 1 {
			half := time.Duration(a.step/2) * time.Minute
			if a.step < 2 {
				half = 30 * time.Second
			}
			rep = &schedule.Repetition{
				Interval: time.Duration(a.step) * time.Minute,
				Duration: time.Duration((a.count-1)*a.step)*time.Minute + half,
			}
		}
		for _, dt := range days {
			t := schedule.Trigger{Kind: dt.kind, Start: start, Repetition: rep,
				DaysOfWeek: dt.dow, DaysOfMonth: dt.dom, LastDayOfMonth: dt.last, Weeks: dt.weeks, Months: dt.months}
			switch dt.kind {
			case schedule.Daily:
				t.DaysInterval = 1
			case schedule.Weekly:
				t.WeeksInterval = 1
			}
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b schedule.Trigger) int {
		ta, tb := a.Start.Hour()*60+a.Start.Minute(), b.Start.Hour()*60+b.Start.Minute()
		return ta - tb
	})
	return out
}

// decompose covers the minutes of the day ts with progressions that never
// span an hour in win (a DST change hour gets progressions of its own, so
// that repetitions counted in elapsed time and on the wall clock agree).
func decompose(ts []int, win [24]bool) []ap {
	var per [24]uint64
	for _, t := range ts {
		per[t/60] |= 1 << (t % 60)
	}
	var out []ap
	for h1 := 0; h1 < 24; {
		h2 := h1 + 1
		if !win[h1] {
			for h2 < 24 && !win[h2] {
				h2++
			}
		}
		// Group the hours of the segment by their minute pattern.
		var pats []uint64
		groups := map[uint64][]int{}
		for h := h1; h < h2; h++ {
			if per[h] == 0 {
				continue
			}
			if _, ok := groups[per[h]]; !ok {
				pats = append(pats, per[h])
			}
			groups[per[h]] = append(groups[per[h]], h)
		}
		for _, pt := range pats {
			out = append(out, coverHours(pt, groups[pt])...)
		}
		h1 = h2
	}
	return out
}

// coverHours covers {h*60+m : h in hrs, m in pat}.
func coverHours(pat uint64, hrs []int) []ap {
	var hmask uint64
	for _, h := range hrs {
		hmask |= 1 << h
	}
	pa := apCover(pat)
	ha := apCover(hmask)
	var runs [][2]int
	for _, h := range hrs {
		if n := len(runs); n > 0 && runs[n-1][1] == h {
			runs[n-1][1] = h + 1
		} else {
			runs = append(runs, [2]int{h, h + 1})
		}
	}
	var out []ap
	for _, a := range pa {
		split := a.count * len(ha)
		perHour := len(hrs)
		cycle := 1 << 30
		if a.count*a.step == 60 {
			cycle = len(runs)
		}
		switch {
		case split <= cycle && split <= perHour:
			for k := range a.count {
				for _, b := range ha {
					out = append(out, ap{b.start*60 + a.start + k*a.step, b.step * 60, b.count})
				}
			}
		case cycle <= perHour:
			for _, r := range runs {
				out = append(out, ap{r[0]*60 + a.start, a.step, a.count * (r[1] - r[0])})
			}
		default:
			for _, h := range hrs {
				out = append(out, ap{h*60 + a.start, a.step, a.count})
			}
		}
	}
	return out
}

// apCover covers the set bits of x (values 0..63) with few arithmetic
// progressions, greedily taking the one that covers most uncovered values.
func apCover(x uint64) []ap {
	var out []ap
	left := x
	for left != 0 {
		best, bestGain := ap{start: bits.TrailingZeros64(left), step: 1, count: 1}, 1
		for a := 0; a < 64; a++ {
			if x&(1<<a) == 0 {
				continue
			}
			for s := 1; a+s < 64; s++ {
				if x&(1<<(a+s)) == 0 || (a >= s && x&(1<<(a-s)) != 0) {
					continue
				}
				c, gain := 0, 0
				for v := a; v < 64 && x&(1<<v) != 0; v += s {
					c++
					if left&(1<<v) != 0 {
						gain++
					}
				}
				if gain > bestGain || (gain == bestGain && c > best.count) {
					best, bestGain = ap{a, s, c}, gain
				}
			}
		}
		for k := range best.count {
			left &^= 1 << (best.start + k*best.step)
		}
		out = append(out, best)
	}
	slices.SortFunc(out, func(a, b ap) int { return a.start - b.start })
	return out
}

// coarse is the fallback superset: in each segment, every g minutes, g
// dividing 60 and the gaps, aligned with the cron's minutes.
func coarse(ts []int, win windows) []ap {
	g := 60
	for _, t := range ts {
		g = gcd(g, abs(t%60-ts[0]%60))
	}
	for _, gp := range win.gaps {
		g = gcd(g, gp%60)
	}
	m0 := ts[0] % 60 % g
	var out []ap
	for h1 := 0; h1 < 24; {
		h2 := h1 + 1
		if !win.hours[h1] {
			for h2 < 24 && !win.hours[h2] {
				h2++
			}
		}
		out = append(out, ap{h1*60 + m0, g, (h2 - h1) * 60 / g})
		h1 = h2
	}
	return out
}

// dayTriggers maps the day fields to calendar triggers. It returns a gate
// reason instead when Task Scheduler cannot express them.
func dayTriggers(e *Expr) ([]dayTrig, []string, string) {
	dom, dow := e.fields[2], e.fields[4]
	switch {
	case len(e.lastOffsets) > 0:
		return nil, nil, fmt.Sprintf("day-of-month %q: L-n (n days before the last day) has no Task Scheduler equivalent", dom)
	case e.lastWeekday:
		return nil, nil, fmt.Sprintf("day-of-month %q: LW (last weekday) has no Task Scheduler equivalent", dom)
	case len(e.nearest) > 0:
		return nil, nil, fmt.Sprintf("day-of-month %q: nW (nearest weekday) has no Task Scheduler equivalent", dom)
	case slices.ContainsFunc(e.nth, func(c nth) bool { return c.n == 5 }):
		return nil, nil, fmt.Sprintf("day-of-week %q: #5 (fifth weekday of the month) has no Task Scheduler equivalent (its weeks are 1-4 and Last)", dow)
	}
	const allDom = uint64(1)<<32 - 2
	domAll := e.dom == allDom
	dowAll := e.dow == 0x7f
	var out []dayTrig
	var assumes []string
	addDom := func() {
		t, a := monthlyTriggers(e.dom, e.last, e.months)
		out = append(out, t...)
		assumes = append(assumes, a...)
	}
	addDow := func() {
		t, a := dowTriggers(e.dow, e.nth, e.months)
		out = append(out, t...)
		assumes = append(assumes, a...)
	}
	if e.domStar || e.dowStar {
		switch {
		case domAll && dowAll && len(e.nth) == 0:
			addDom()
		case dowAll && len(e.nth) == 0:
			addDom()
		case domAll && !e.last:
			addDow()
		default:
			return nil, nil, fmt.Sprintf("day-of-month %q and day-of-week %q must both match (a field starting with * makes cron require both) and Task Scheduler cannot require both", dom, dow)
		}
	} else if domAll || dowAll {
		out, _ = monthlyTriggers(allDom, false, e.months)
	} else {
		addDom()
		addDow()
	}
	slices.Sort(assumes)
	return out, slices.Compact(assumes), ""
}

const allMonths = uint64(0x1ffe)

func monthsOf(mask uint64) []time.Month {
	if mask == allMonths {
		return nil
	}
	var out []time.Month
	for m := time.January; m <= time.December; m++ {
		if mask&(1<<m) != 0 {
			out = append(out, m)
		}
	}
	return out
}

// monthlyTriggers: one Monthly trigger per group of months that share the
// same days, each listing only days its months have, so no reading of "31
// April" matters. Day 29 of February is the one day left to a reading.
func monthlyTriggers(dom uint64, last bool, months uint64) ([]dayTrig, []string) {
	const allDom = uint64(1)<<32 - 2
	if dom == allDom {
		if months == allMonths {
			return []dayTrig{{kind: schedule.Daily}}, nil
		}
	}
	type key struct {
		days uint64
		last bool
	}
	var order []key
	groups := map[key][]time.Month{}
	var assumes []string
	for m := time.January; m <= time.December; m++ {
		if months&(1<<m) == 0 {
			continue
		}
		n := tssim.MonthLen(2024, m)
		days := dom & (uint64(1)<<(n+1) - 2)
		l := last
		if m == time.February && days&(1<<29) != 0 {
			if days&(1<<28) != 0 || l {
				days &^= 1 << 29
				l = true
			} else {
				assumes = append(assumes, schedule.AssumeFeb29Skipped)
			}
		}
		if l {
			days &^= 1 << n
		} else if m != time.February && days&(1<<n) != 0 && n > 28 {
			days &^= 1 << n
			l = true
		}
		if days == 0 && !l {
			continue
		}
		k := key{days, l}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], m)
	}
	var out []dayTrig
	for _, k := range order {
		dt := dayTrig{kind: schedule.Monthly, last: k.last}
		for d := 1; d <= 31; d++ {
			if k.days&(1<<d) != 0 {
				dt.dom = append(dt.dom, d)
			}
		}
		if len(groups[k]) < 12 {
			dt.months = groups[k]
		}
		out = append(out, dt)
	}
	return out, assumes
}

// dowTriggers: Weekly for plain weekdays (MonthlyDOW all weeks when months
// are limited), MonthlyDOW for DOW#n and DOW#L grouped by weekday set.
func dowTriggers(dow uint64, nths []nth, months uint64) ([]dayTrig, []string) {
	var out []dayTrig
	var assumes []string
	wds := func(mask uint64) []time.Weekday {
		var o []time.Weekday
		for d := time.Sunday; d <= time.Saturday; d++ {
			if mask&(1<<d) != 0 {
				o = append(o, d)
			}
		}
		return o
	}
	if dow != 0 {
		if months == allMonths {
			out = append(out, dayTrig{kind: schedule.Weekly, dow: wds(dow)})
		} else {
			out = append(out, dayTrig{kind: schedule.MonthlyDOW, dow: wds(dow), weeks: []int{1, 2, 3, 4, schedule.LastWeek}, months: monthsOf(months)})
			assumes = append(assumes, schedule.AssumeWeekOccurrence)
		}
	}
	// week -> weekday mask, for nths whose weekday is not already covered.
	var byWeek [6]uint64
	for _, c := range nths {
		if dow&(1<<c.wd) != 0 {
			continue
		}
		w := c.n
		if w == -1 {
			w = schedule.LastWeek
		}
		byWeek[w] |= 1 << c.wd
	}
	var masks []uint64
	weeks := map[uint64][]int{}
	for w := 1; w <= 5; w++ {
		if m := byWeek[w]; m != 0 {
			if _, ok := weeks[m]; !ok {
				masks = append(masks, m)
			}
			weeks[m] = append(weeks[m], w)
		}
	}
	for _, m := range masks {
		out = append(out, dayTrig{kind: schedule.MonthlyDOW, dow: wds(m), weeks: weeks[m], months: monthsOf(months)})
		assumes = append(assumes, schedule.AssumeWeekOccurrence)
	}
	return out, assumes
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}
