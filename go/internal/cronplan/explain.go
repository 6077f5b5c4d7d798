package cronplan

import (
	"fmt"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/schedule"
)

// Assumption says an Assume* code of schedule.Plan.Assumes in plain words.
func Assumption(code string) string {
	switch code {
	case schedule.AssumeWeekOccurrence:
		return "Task Scheduler's week n of a month is the nth occurrence of the weekday (days 7n-6..7n) and its last week the last 7 days"
	case schedule.AssumeFeb29Skipped:
		return "a monthly trigger on day 29 does not run on 28 February in common years"
	case schedule.AssumeDSTVixie:
		return "on DST-change days Task Scheduler runs a start the clock skips right after the change and a start in the repeated hour once"
	}
	return code
}

// Explain says each trigger of a plan in plain words, one line per trigger.
func Explain(p schedule.Plan) []string {
	out := make([]string, 0, len(p.Triggers))
	for _, t := range p.Triggers {
		out = append(out, explainTrigger(t))
	}
	return out
}

func explainTrigger(t schedule.Trigger) string {
	var b strings.Builder
	at := t.Start.Format("15:04")
	switch t.Kind {
	case schedule.Boot:
		b.WriteString("at startup")
	case schedule.Logon:
		if t.UserID == "" {
			b.WriteString("at logon of any user")
		} else {
			fmt.Fprintf(&b, "at logon of %s", t.UserID)
		}
	case schedule.Once:
		if t.Absolute {
			fmt.Fprintf(&b, "once at %s", t.Start.Format(time.RFC3339))
		} else {
			fmt.Fprintf(&b, "once at %s", t.Start.Format("2006-01-02 15:04"))
		}
	case schedule.Daily:
		if t.DaysInterval > 1 {
			fmt.Fprintf(&b, "every %d days at %s", t.DaysInterval, at)
		} else {
			fmt.Fprintf(&b, "daily at %s", at)
		}
	case schedule.Weekly:
		every := "weekly"
		if t.WeeksInterval > 1 {
			every = fmt.Sprintf("every %d weeks", t.WeeksInterval)
		}
		fmt.Fprintf(&b, "%s on %s at %s", every, weekdays(t.DaysOfWeek), at)
	case schedule.Monthly:
		var days []string
		for _, d := range t.DaysOfMonth {
			days = append(days, fmt.Sprint(d))
		}
		switch {
		case len(days) > 0 && t.LastDayOfMonth:
			fmt.Fprintf(&b, "monthly on day %s and the last day", join(days))
		case len(days) > 0:
			fmt.Fprintf(&b, "monthly on day %s", join(days))
		default:
			b.WriteString("monthly on the last day")
		}
		fmt.Fprintf(&b, "%s at %s", months(t.Months), at)
	case schedule.MonthlyDOW:
		var ws []string
		for _, w := range t.Weeks {
			ws = append(ws, ordinal(w))
		}
		fmt.Fprintf(&b, "monthly on the %s %s%s at %s", join(ws), weekdays(t.DaysOfWeek), months(t.Months), at)
	default:
		fmt.Fprintf(&b, "%s trigger", t.Kind)
	}
	if r := t.Repetition; r != nil && r.Interval > 0 {
		if r.Duration == 0 {
			fmt.Fprintf(&b, ", then every %s indefinitely", fmtDur(r.Interval))
		} else {
			n := int((r.Duration-time.Second)/r.Interval) + 1
			fmt.Fprintf(&b, ", then every %s for %s (%d starts)", fmtDur(r.Interval), fmtDur(r.Duration), n)
		}
	}
	if t.Delay > 0 {
		fmt.Fprintf(&b, ", after a delay of %s", fmtDur(t.Delay))
	}
	if t.RandomDelay > 0 {
		fmt.Fprintf(&b, ", with a random delay up to %s", fmtDur(t.RandomDelay))
	}
	return b.String()
}

var dayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// weekdays names days, folding runs of three or more into ranges (Mon-Fri).
func weekdays(ds []time.Weekday) string {
	var parts []string
	for k := 0; k < len(ds); {
		j := k
		for j+1 < len(ds) && ds[j+1] == ds[j]+1 {
			j++
		}
		if j-k >= 2 {
			parts = append(parts, dayNames[ds[k]]+"-"+dayNames[ds[j]])
		} else {
			for i := k; i <= j; i++ {
				parts = append(parts, dayNames[ds[i]])
			}
		}
		k = j + 1
	}
	return join(parts)
}

func months(ms []time.Month) string {
	if len(ms) == 0 {
		return ""
	}
	var parts []string
	for _, m := range ms {
		parts = append(parts, m.String()[:3])
	}
	return " in " + join(parts)
}

func ordinal(w int) string {
	switch w {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	case 4:
		return "fourth"
	case schedule.LastWeek:
		return "last"
	}
	return fmt.Sprint(w)
}

func join(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// fmtDur writes 1h30m rather than 1h30m0s.
func fmtDur(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	var b strings.Builder
	if days := d / (24 * time.Hour); days > 0 && d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", days)
	}
	if h := d / time.Hour; h > 0 {
		fmt.Fprintf(&b, "%dh", h)
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		fmt.Fprintf(&b, "%dm", m)
		d -= m * time.Minute
	}
	if d > 0 {
		fmt.Fprintf(&b, "%gs", d.Seconds())
	}
	return b.String()
}
