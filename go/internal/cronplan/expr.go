// Package cronplan turns a task's schedule into Task Scheduler triggers.
//
// Parse reads a 5-field cron expression (Vixie syntax plus L, W, DOW#n and
// DOWL) on top of github.com/netresearch/go-cron; Expr evaluates it on the
// wall clock with explicit DST rules; PlanSchedule finds the smallest set of
// native triggers that starts at exactly the cron's times, or a superset
// plus a gate (`orc-exec run --cron-gate`) when Task Scheduler cannot say
// it; Explain says a plan in plain words. docs/schedules.md is the user's
// view of the same rules.
package cronplan

import (
	"fmt"
	"slices"
	"strings"
	"time"

	cron "github.com/netresearch/go-cron"

	"github.com/orchestrator/orchestrator/go/internal/tssim"
)

// Expr is a parsed cron expression. Its times are wall-clock minutes in the
// zone it is evaluated in, with these DST rules (the "Vixie" rules, which
// the gate and the simulator share):
//
//   - a wall time skipped by a spring-forward change fires once, at the
//     same wall time moved forward by the gap (02:30 -> 03:30); a skipped
//     time that equals an existing fire time fires once;
//   - a wall time repeated by a fall-back change fires once, at its first
//     occurrence.
type Expr struct {
	src     string
	fields  [5]string // as written (after descriptor expansion)
	minutes uint64    // bits 0..59
	hours   uint64    // bits 0..23
	dom     uint64    // bits 1..31
	months  uint64    // bits 1..12
	dow     uint64    // bits 0..6
	// domStar/dowStar: the field begins with * or ? (Vixie: then the day
	// matches when both fields match; otherwise when either does).
	domStar, dowStar bool

	last        bool  // L
	lastOffsets []int // L-n
	lastWeekday bool  // LW
	nearest     []int // nW
	nth         []nth // DOW#n, DOW#L, DOWL

	times []int // sorted minutes of the day: hours x minutes

	notes []string // how Parse read what it normalized (step ≥ range)
}

type nth struct {
	wd time.Weekday
	n  int // 1..5, or -1 for last
}

// String returns the expression as written.
func (e *Expr) String() string { return e.src }

// Notes says, one line each, what Parse read differently from how it is
// written: a step as large as its range (`*/60` in minute) runs on the
// range's first value only, as in Vixie cron.
func (e *Expr) Notes() []string { return e.notes }

var fieldNames = [5]string{"minute", "hour", "day-of-month", "month", "day-of-week"}

const fieldsHint = "use 5 fields: minute hour day-of-month month day-of-week"

var descriptors = map[string]string{
	"@yearly":   "0 0 1 1 *",
	"@annually": "0 0 1 1 *",
	"@monthly":  "0 0 1 * *",
	"@weekly":   "0 0 * * 0",
	"@daily":    "0 0 * * *",
	"@midnight": "0 0 * * *",
	"@hourly":   "0 * * * *",
}

var parser = cron.MustNewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow |
	cron.DowNth | cron.DowLast | cron.DomL | cron.DomW | cron.DowOrDom)

// Parse parses a cron expression: 5 fields (minute hour day-of-month month
// day-of-week) with lists, ranges, steps, month and weekday names, 0 or 7
// for Sunday, ? for *, @yearly…@hourly, L / L-n / LW / nW in the
// day-of-month and DOW#n, DOW#L, DOWL in the day-of-week. Errors name the
// construct that cannot be scheduled.
func Parse(expr string) (*Expr, error) {
	src := expr
	s := strings.TrimSpace(expr)
	fail := func(format string, a ...any) (*Expr, error) {
		return nil, fmt.Errorf("cron %q: %s", src, fmt.Sprintf(format, a...))
	}
	if s == "" {
		return fail("empty expression; %s", fieldsHint)
	}
	if strings.HasPrefix(s, "@") {
		word := strings.ToLower(strings.Fields(s)[0])
		switch {
		case word == "@reboot":
			return fail("@reboot cannot be a cron schedule; use a startup schedule")
		case word == "@every":
			return fail("@every cannot be a cron schedule; use an interval schedule")
		case descriptors[word] != "" && len(strings.Fields(s)) == 1:
			s = descriptors[word]
		default:
			return fail("unknown descriptor %q; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly", word)
		}
	}
	up := strings.ToUpper(s)
	if strings.HasPrefix(up, "TZ=") || strings.HasPrefix(up, "CRON_TZ=") {
		return fail("a time zone prefix (TZ=...) is not part of the expression; set the schedule's timezone")
	}
	f := strings.Fields(s)
	switch len(f) {
	case 5:
	case 6:
		return fail("6 fields (seconds) cannot be scheduled by Task Scheduler; %s", fieldsHint)
	case 7:
		return fail("7 fields (seconds and year) cannot be scheduled by Task Scheduler; %s", fieldsHint)
	default:
		return fail("%d fields; %s", len(f), fieldsHint)
	}
	for k, v := range f {
		u := strings.ToUpper(v)
		for _, part := range strings.Split(u, ",") {
			if strings.HasPrefix(part, "H") {
				return fail("%s %q: hashed values (H) are not supported; write the value", fieldNames[k], v)
			}
		}
		if (k == 0 || k == 1) && strings.ContainsAny(u, "LW#") {
			return fail("%s %q: L, W and # are only valid in the day fields", fieldNames[k], v)
		}
	}
	f[4] = rewriteDowLast(f[4])
	// Vixie reads a day field that starts with * as *, whatever its step.
	domStar := strings.HasPrefix(f[2], "*") || strings.HasPrefix(f[2], "?")
	dowStar := strings.HasPrefix(f[4], "*") || strings.HasPrefix(f[4], "?")
	var notes []string
	for k := range f {
		var n []string
		f[k], n = normalizeSteps(k, f[k])
		notes = append(notes, n...)
	}
	sched, err := parser.Parse(strings.Join(f, " "))
	if err != nil {
		return fail("%v", err)
	}
	spec, ok := sched.(*cron.SpecSchedule)
	if !ok {
		return fail("not a calendar expression")
	}
	const star = uint64(1) << 63
	e := &Expr{
		src:     src,
		fields:  [5]string(f),
		minutes: spec.Minute &^ star,
		hours:   spec.Hour &^ star,
		dom:     spec.Dom &^ star,
		months:  spec.Month &^ star,
		dow:     cron.NormalizeDOW(spec.Dow&^star) & 0x7f,
		domStar: domStar,
		dowStar: dowStar,
		notes:   notes,
	}
	for _, c := range spec.DomConstraints {
		switch c.Type {
		case cron.DomLast:
			e.last = true
		case cron.DomLastOffset:
			e.lastOffsets = append(e.lastOffsets, c.N)
		case cron.DomLastWeekday:
			e.lastWeekday = true
		case cron.DomNearestWeekday:
			e.nearest = append(e.nearest, c.N)
		}
	}
	for _, c := range spec.DowConstraints {
		e.nth = append(e.nth, nth{wd: time.Weekday(c.Weekday), n: c.N})
	}
	slices.Sort(e.lastOffsets)
	e.lastOffsets = slices.Compact(e.lastOffsets)
	slices.Sort(e.nearest)
	e.nearest = slices.Compact(e.nearest)
	slices.SortFunc(e.nth, func(a, b nth) int {
		if a.wd != b.wd {
			return int(a.wd) - int(b.wd)
		}
		return a.n - b.n
	})
	e.nth = slices.Compact(e.nth)
	for h := range 24 {
		if e.hours&(1<<h) == 0 {
			continue
		}
		for m := range 60 {
			if e.minutes&(1<<m) != 0 {
				e.times = append(e.times, h*60+m)
			}
		}
	}
	if len(e.times) == 0 || e.months == 0 {
		return fail("matches no time")
	}
	if !e.possible() {
		return fail("matches no day (the day-of-month does not exist in the months given)")
	}
	return e, nil
}

// rewriteDowLast turns the Quartz form DOWL (5L, FRIL) into DOW#L.
func rewriteDowLast(field string) string {
	parts := strings.Split(field, ",")
	for k, p := range parts {
		u := strings.ToUpper(p)
		if len(u) > 1 && strings.HasSuffix(u, "L") && !strings.Contains(u, "#") {
			parts[k] = p[:len(p)-1] + "#L"
		}
	}
	return strings.Join(parts, ",")
}

// possible reports whether some date matches the day fields.
func (e *Expr) possible() bool {
	for m := time.January; m <= time.December; m++ {
		if e.months&(1<<m) == 0 {
			continue
		}
		n := tssim.MonthLen(2024, m) // leap year: the longest February
		dom := e.dom&(uint64(1)<<(n+1)-2) != 0 || e.last || e.lastWeekday || slices.ContainsFunc(e.nearest, func(d int) bool { return d <= n })
		for _, o := range e.lastOffsets {
			dom = dom || o < n
		}
		dow := e.dow != 0 || slices.ContainsFunc(e.nth, func(c nth) bool { return c.n <= 4 || n >= 29 })
		if e.domStar || e.dowStar {
			if dom && dow {
				return true
			}
		} else if dom || dow {
			return true
		}
	}
	return false
}

// dayMatches reports whether the cron runs on the civil date y-m-d.
func (e *Expr) dayMatches(y int, m time.Month, d int, wd time.Weekday) bool {
	if e.months&(1<<m) == 0 {
		return false
	}
	n := tssim.MonthLen(y, m)
	domM := e.domMatches(y, m, d, wd, n)
	dowM := e.dow&(1<<wd) != 0
	for _, c := range e.nth {
		if c.wd == wd && ((c.n == -1 && d+7 > n) || c.n == (d-1)/7+1) {
			dowM = true
		}
	}
	if e.domStar || e.dowStar {
		return domM && dowM
	}
	return domM || dowM
}

func (e *Expr) domMatches(y int, m time.Month, d int, wd time.Weekday, n int) bool {
	if e.dom&(1<<d) != 0 || (e.last && d == n) {
		return true
	}
	if slices.Contains(e.lastOffsets, n-d) {
		return true
	}
	if e.lastWeekday || len(e.nearest) > 0 {
		weekday := wd != time.Saturday && wd != time.Sunday
		if e.lastWeekday && weekday && (d == n || (wd == time.Friday && d >= n-2)) {
			return true
		}
		for _, t := range e.nearest {
			if t <= n && nearestWeekday(y, m, t, n) == d {
				return true
			}
		}
	}
	return false
}

// nearestWeekday is the Quartz W rule: the weekday nearest to day t that
// stays in the month.
func nearestWeekday(y int, m time.Month, t, n int) int {
	switch tssim.Weekday(tssim.Days(y, m, t)) {
	case time.Saturday:
		if t > 1 {
			return t - 1
		}
		return t + 2
	case time.Sunday:
		if t < n {
			return t + 1
		}
		return t - 2
	}
	return t
}

func (e *Expr) dayMatchesNum(day int64) bool {
	y, m, d := tssim.Civil(day)
	return e.dayMatches(y, m, d, tssim.Weekday(day))
}

// MatchesWall reports whether the wall-clock minute of t (in t's Location)
// is one of the cron's times, ignoring DST.
func (e *Expr) MatchesWall(t time.Time) bool {
	if e.hours&(1<<t.Hour()) == 0 || e.minutes&(1<<t.Minute()) == 0 {
		return false
	}
	y, m, d := t.Date()
	return e.dayMatches(y, m, d, t.Weekday())
}

// Matches reports whether the cron fires at the minute that holds instant
// t, evaluated in t's Location under the Vixie DST rules: the wall-clock
// match, except that the second pass through a repeated wall minute does
// not match, and the minutes just after a spring-forward change also match
// for the skipped wall minutes they stand for. This is the gate's test.
func (e *Expr) Matches(t time.Time) bool {
	z := tssim.ZoneOf(t.Location())
	return e.firesAt(z, tssim.InstantOf(t))
}

func (e *Expr) wallMatches(w int64) bool {
	day := tssim.FloorDiv(w, 1440)
	tod := int(w - day*1440)
	if e.hours&(1<<(tod/60)) == 0 || e.minutes&(1<<(tod%60)) == 0 {
		return false
	}
	return e.dayMatchesNum(day)
}

func (e *Expr) firesAt(z *tssim.Zone, i int64) bool {
	w := z.Wall(i)
	if e.wallMatches(w) && z.Resolve(w).First == i {
		return true
	}
	// Minutes just after a gap stand for the skipped wall times.
	for _, tr := range z.Transitions(i-24*60, i+1) {
		if tr.Gap() && i >= tr.At && i < tr.At+int64(tr.After-tr.Before) {
			if sw := i + int64(tr.Before); e.wallMatches(sw) {
				return true
			}
		}
	}
	return false
}

// Next returns the first fire time strictly after t (at minute
// resolution), in t's Location, or the zero time if there is none within
// 28 years.
func (e *Expr) Next(t time.Time) time.Time {
	z := tssim.ZoneOf(t.Location())
	after := tssim.InstantOf(t)
	i, ok := e.next(z, after)
	if !ok {
		return time.Time{}
	}
	return tssim.TimeOf(i, t.Location())
}

func (e *Expr) next(z *tssim.Zone, after int64) (int64, bool) {
	start := tssim.FloorDiv(z.Wall(after), 1440) - 1
	best, found := int64(0), false
	for day := start; day < start+28*366; day++ {
		if found && day*1440-15*60 > best {
			break
		}
		if !e.dayMatchesNum(day) {
			continue
		}
		for _, tod := range e.times {
			i := canonical(z, day*1440+int64(tod))
			if i > after && (!found || i < best) {
				best, found = i, true
			}
		}
	}
	return best, found
}

// canonical is the instant a wall minute fires at under the Vixie rules.
func canonical(z *tssim.Zone, w int64) int64 {
	r := z.Resolve(w)
	if r.N == 0 {
		return r.Shifted
	}
	return r.First
}

// Fires returns the cron's fire times in [from, to) as instants (minutes
// since the epoch) in zone z, sorted and unique.
func (e *Expr) Fires(z *tssim.Zone, from, to int64) []int64 {
	days := int(tssim.FloorDiv(to-from, 1440)) + 3
	out := make([]int64, 0, min(days*len(e.times), 1<<22))
	sorted := true
	for day := tssim.FloorDiv(from+int64(z.OffsetAt(from)), 1440) - 1; day <= tssim.FloorDiv(to+int64(z.OffsetAt(to)), 1440)+1; day++ {
		if !e.dayMatchesNum(day) {
			continue
		}
		// Fast path: no offset change near this day.
		quiet := len(z.Transitions(day*1440-15*60, day*1440+39*60)) == 0
		off := int64(z.OffsetAt(day*1440 - 15*60))
		for _, tod := range e.times {
			var i int64
			if quiet {
				i = day*1440 + int64(tod) - off
			} else {
				i = canonical(z, day*1440+int64(tod))
			}
			if i >= from && i < to {
				if n := len(out); n > 0 && out[n-1] >= i {
					sorted = false
				}
				out = append(out, i)
			}
		}
	}
	if !sorted {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// FiresBetween is Fires for times: the fire times in [from, to) in loc.
func (e *Expr) FiresBetween(loc *time.Location, from, to time.Time) []time.Time {
	ms := e.Fires(tssim.ZoneOf(loc), tssim.InstantOf(from.Add(59*time.Second)), tssim.InstantOf(to.Add(59*time.Second)))
	out := make([]time.Time, len(ms))
	for k, m := range ms {
		out[k] = tssim.TimeOf(m, loc)
	}
	return out
}
