package definition

import (
	"fmt"
	"strings"
	"time"
)

// Day is 24 hours, the unit of the duration limits.
const Day = 24 * time.Hour

// MaxDuration bounds every duration field without a tighter limit of its
// own (durationLimits): a year and a day. Nothing orc-exec waits for
// should take longer, and sums of bounded durations (the backstop time
// limit: timeout × 100 attempts + delays) stay far from overflowing.
const MaxDuration = 366 * Day

// MaxBackoffFactor bounds retry.backoffFactor; beyond it the delay reaches
// any maxDelay within a few attempts anyway.
const MaxBackoffFactor = 10

type durationLimit struct{ min, max time.Duration }

// durationLimits are the duration fields with limits of their own, by JSON
// path with "[]" for any array index. A zero value ("0") always means
// "omitted": the default applies, so min does not apply to it. Each bound
// is documented in docs/tasks.md and in the field's description in
// task.schema.json.
var durationLimits = map[string]durationLimit{
	// Task Scheduler's longest repetition.
	"schedule.interval": {max: 31 * Day},
	// Waits between or before attempts: longer is a schedule, not a delay.
	"schedule.jitter":        {max: Day},
	"schedule.startup.delay": {max: 31 * Day},
	"schedule.logon.delay":   {max: 31 * Day},
	"retry.delay":            {max: Day},
	"retry.maxDelay":         {max: Day},
	"retry.jitter":           {max: Day},
	// Below a second the wait policy spins through checks (28,644 rounds
	// in 3 s at 1ns).
	"dependencies.recheckInterval": {min: time.Second, max: Day},
	// One check is a probe; the wait policy is for longer outages.
	"dependencies.checks[].timeout": {max: time.Hour},
}

// limitAt returns the limit for the duration at path segs.
func limitAt(segs []seg) durationLimit {
	var b strings.Builder
	for _, s := range segs {
		if s.isIdx {
			b.WriteString("[]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	if l, ok := durationLimits[b.String()]; ok {
		return l
	}
	return durationLimit{max: MaxDuration}
}

// checkLimit reports a duration v outside the limit of its field.
func (w *walker) checkLimit(s string, v time.Duration) {
	l := limitAt(w.at)
	switch {
	case v == 0:
	case v < l.min:
		w.add(fmt.Sprintf("%s is shorter than %s", display(s), FormatDays(l.min)), fmt.Sprintf("use at least %q, or omit it for the default", FormatDays(l.min)))
	case v > l.max:
		w.add(fmt.Sprintf("%s is longer than %s", display(s), FormatDays(l.max)), fmt.Sprintf("use at most %q", FormatDays(l.max)))
	}
}

// FormatDays is FormatDuration with whole days written as days ("31d").
func FormatDays(d time.Duration) string {
	if d >= Day && d%Day == 0 {
		return fmt.Sprintf("%dd", d/Day)
	}
	return FormatDuration(d)
}
