package tssim

import (
	"sort"
	"sync"
	"time"
)

// Time is counted in whole minutes. An instant is minutes since the Unix
// epoch (UTC); a wall time is minutes since 1970-01-01 00:00 on the local
// clock, that is Days(y, m, d)*1440 + hour*60 + minute.

// Days returns the number of days from 1970-01-01 to the civil date y-m-d
// (proleptic Gregorian; m and d must be in range).
func Days(y int, m time.Month, d int) int64 {
	yy := int64(y)
	mm := int64(m)
	if mm <= 2 {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400
	mp := (mm + 9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Civil is the inverse of Days.
func Civil(days int64) (y int, m time.Month, d int) {
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	yy := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	mm := mp + 3
	if mm > 12 {
		mm -= 12
	}
	if mm <= 2 {
		yy++
	}
	return int(yy), time.Month(mm), int(dd)
}

// Weekday is the day of the week of a day number.
func Weekday(days int64) time.Weekday {
	w := (days + 4) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// MonthLen is the number of days in month m of year y.
func MonthLen(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// FloorDiv divides rounding toward negative infinity.
func FloorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// InstantOf returns t as an instant in minutes (seconds are dropped).
func InstantOf(t time.Time) int64 { return FloorDiv(t.Unix(), 60) }

// WallOf returns t's wall-clock time in its own Location, in minutes.
func WallOf(t time.Time) int64 {
	y, m, d := t.Date()
	return Days(y, m, d)*1440 + int64(t.Hour()*60+t.Minute())
}

// TimeOf returns the instant i as a time.Time in loc.
func TimeOf(i int64, loc *time.Location) time.Time { return time.Unix(i*60, 0).In(loc) }

// Transition is one change of a zone's UTC offset.
type Transition struct {
	At     int64 // instant of the change
	Before int32 // offset in minutes before At
	After  int32 // offset in minutes from At on
}

// Gap reports whether the clock jumps forward (some wall times do not exist).
func (t Transition) Gap() bool { return t.After > t.Before }

// Window returns the wall-clock range [lo, hi) that the change skips (gap)
// or repeats (overlap).
func (t Transition) Window() (lo, hi int64) {
	a, b := t.At+int64(t.Before), t.At+int64(t.After)
	if a < b {
		return a, b
	}
	return b, a
}

// Zone is a time zone's offset history as a table, for fast wall-clock
// arithmetic. It covers 1900..2200; outside that the nearest offset holds.
type Zone struct {
	Loc   *time.Location
	trans []Transition
	first int32 // offset before the first transition
}

var zones sync.Map // *time.Location -> *Zone

// ZoneOf returns the (cached) table for loc.
func ZoneOf(loc *time.Location) *Zone {
	if loc == nil {
		loc = time.UTC
	}
	if z, ok := zones.Load(loc); ok {
		return z.(*Zone)
	}
	z := &Zone{Loc: loc}
	t := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).In(loc)
	_, off := t.Zone()
	z.first = int32(off / 60)
	stop := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	prev := z.first
	for t.Before(stop) {
		_, end := t.ZoneBounds()
		if end.IsZero() {
			break
		}
		if !end.After(t) {
			// Go reports a year's end as a zone bound under a TZ rule,
			// and at that instant the same bound again: step past it.
			t = t.Add(time.Hour)
			continue
		}
		_, off := end.Zone()
		o := int32(off / 60)
		if o != prev {
			z.trans = append(z.trans, Transition{At: InstantOf(end), Before: prev, After: o})
			prev = o
		}
		t = end
	}
	v, _ := zones.LoadOrStore(loc, z)
	return v.(*Zone)
}

// OffsetAt is the UTC offset in minutes at instant i.
func (z *Zone) OffsetAt(i int64) int32 {
	n := sort.Search(len(z.trans), func(k int) bool { return z.trans[k].At > i })
	if n == 0 {
		return z.first
	}
	return z.trans[n-1].After
}

// Wall is the wall-clock time of instant i.
func (z *Zone) Wall(i int64) int64 { return i + int64(z.OffsetAt(i)) }

// Transitions returns the changes with from <= At < to.
func (z *Zone) Transitions(from, to int64) []Transition {
	lo := sort.Search(len(z.trans), func(k int) bool { return z.trans[k].At >= from })
	hi := sort.Search(len(z.trans), func(k int) bool { return z.trans[k].At >= to })
	return z.trans[lo:hi]
}

// Resolution is what a wall-clock minute is in a zone.
type Resolution struct {
	// N is 1 for an ordinary minute, 2 in an overlap (First < Second), 0 in a gap.
	N             int
	First, Second int64
	// Shifted is, for a gap, the instant the wall time means when read with
	// the offset before the change (the same wall time moved forward by the
	// gap's length): 02:30 on a spring-forward day becomes 03:30.
	Shifted int64
}

// Resolve maps wall-clock minute w to instants.
func (z *Zone) Resolve(w int64) Resolution {
	// Candidate offsets: the offsets in force 14 hours either side cover
	// every transition that can make w ambiguous or missing.
	o1 := z.OffsetAt(w - 14*60)
	o2 := z.OffsetAt(w + 14*60)
	if o1 == o2 {
		// Rare: two changes within a day that cancel. Fall back to a check.
		i := w - int64(o1)
		if z.OffsetAt(i) == o1 {
			return Resolution{N: 1, First: i}
		}
		o2 = z.OffsetAt(i)
	}
	var r Resolution
	for _, o := range [2]int32{o1, o2} {
		i := w - int64(o)
		if z.OffsetAt(i) == o {
			switch {
			case r.N == 0:
				r.First = i
				r.N = 1
			case i != r.First:
				if i < r.First {
					r.First, r.Second = i, r.First
				} else {
					r.Second = i
				}
				r.N = 2
			}
		}
	}
	if r.N == 0 {
		before := o1
		if o2 < before {
			before = o2
		}
		r.Shifted = w - int64(before)
	}
	return r
}
