package taskxml

import (
	"strconv"
	"strings"
	"time"
)

// xsDuration writes d as an xs:duration the way Task Scheduler does:
// "PT0S", "PT90S" is "PT1M30S", "PT72H" is "P3D", "P1DT2H". Sub-second parts
// are rounded up to the next whole second (Task Scheduler keeps seconds);
// the limit checks look at the unrounded value. d must not be negative.
func xsDuration(d time.Duration) string {
	secs := int64(d / time.Second)
	if d%time.Second != 0 {
		secs++
	}
	if secs <= 0 {
		return "PT0S"
	}
	days, secs := secs/86400, secs%86400
	h, secs := secs/3600, secs%3600
	m, s := secs/60, secs%60
	var b strings.Builder
	b.WriteByte('P')
	if days > 0 {
		b.WriteString(strconv.FormatInt(days, 10) + "D")
	}
	if h+m+s > 0 {
		b.WriteByte('T')
		if h > 0 {
			b.WriteString(strconv.FormatInt(h, 10) + "H")
		}
		if m > 0 {
			b.WriteString(strconv.FormatInt(m, 10) + "M")
		}
		if s > 0 {
			b.WriteString(strconv.FormatInt(s, 10) + "S")
		}
	}
	return b.String()
}

// xsDateTime writes a wall-clock time without an offset: Task Scheduler
// reads it as the host's local time and follows its DST rules.
func xsDateTime(t time.Time) string { return t.Format("2006-01-02T15:04:05") }

// xsInstant is an xs:dateTime with its UTC offset ("Z" for UTC).
func xsInstant(t time.Time) string { return t.Format("2006-01-02T15:04:05Z07:00") }
