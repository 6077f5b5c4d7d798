package importer

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/tssim"
)

type tsTask struct {
	RegistrationInfo struct {
		URI         string `xml:"URI"`
		Description string `xml:"Description"`
	} `xml:"RegistrationInfo"`
	Triggers struct {
		List []tsTrigger `xml:",any"`
	} `xml:"Triggers"`
	Principals struct {
		List []struct {
			UserID    string `xml:"UserId"`
			GroupID   string `xml:"GroupId"`
			LogonType string `xml:"LogonType"`
			RunLevel  string `xml:"RunLevel"`
		} `xml:"Principal"`
	} `xml:"Principals"`
	Settings struct {
		Enabled            string `xml:"Enabled"`
		ExecutionTimeLimit string `xml:"ExecutionTimeLimit"`
	} `xml:"Settings"`
	Actions struct {
		List []tsAction `xml:",any"`
	} `xml:"Actions"`
}

type tsAction struct {
	XMLName          xml.Name
	Command          string `xml:"Command"`
	Arguments        string `xml:"Arguments"`
	WorkingDirectory string `xml:"WorkingDirectory"`
}

type tsNames struct {
	List []struct{ XMLName xml.Name } `xml:",any"`
}

func (n *tsNames) names() []string {
	if n == nil {
		return nil
	}
	var out []string
	for _, e := range n.List {
		out = append(out, e.XMLName.Local)
	}
	return out
}

type tsTrigger struct {
	XMLName    xml.Name
	Enabled    string `xml:"Enabled"`
	Start      string `xml:"StartBoundary"`
	End        string `xml:"EndBoundary"`
	Random     string `xml:"RandomDelay"`
	Delay      string `xml:"Delay"`
	UserID     string `xml:"UserId"`
	Repetition *struct {
		Interval string `xml:"Interval"`
		Duration string `xml:"Duration"`
	} `xml:"Repetition"`
	ByDay *struct {
		DaysInterval int `xml:"DaysInterval"`
	} `xml:"ScheduleByDay"`
	ByWeek *struct {
		WeeksInterval int      `xml:"WeeksInterval"`
		DaysOfWeek    *tsNames `xml:"DaysOfWeek"`
	} `xml:"ScheduleByWeek"`
	ByMonth *struct {
		DaysOfMonth struct {
			Day []string `xml:"Day"`
		} `xml:"DaysOfMonth"`
		Months *tsNames `xml:"Months"`
	} `xml:"ScheduleByMonth"`
	ByMonthDOW *struct {
		Weeks struct {
			Week []string `xml:"Week"`
		} `xml:"Weeks"`
		DaysOfWeek *tsNames `xml:"DaysOfWeek"`
		Months     *tsNames `xml:"Months"`
	} `xml:"ScheduleByMonthDayOfWeek"`
}

// envRef is a %VAR% reference, which Task Scheduler expands in an Exec
// action.
var envRef = regexp.MustCompile(`%[A-Za-z_][A-Za-z0-9_()]*%`)

var weekdayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var monthNames = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// TaskXML converts one task exported from Task Scheduler (UTF-16 with a
// BOM, as Windows writes it, or UTF-8). The Exec action becomes the
// definition's action, which orc-exec then runs; the trigger becomes a
// cron schedule only when the cron starts at exactly the trigger's times
// (checked by simulating both over four years under every reading of
// Windows' undocumented behaviour), a boot or logon trigger becomes
// startup or logon, and anything else is refused with the reason.
func TaskXML(data []byte, file string) []Entry {
	src := file
	var t tsTask
	dec := xml.NewDecoder(bytes.NewReader(utf8Text(data)))
	// The text is UTF-8 by now whatever the declaration says.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&t); err != nil {
		return []Entry{refuse("", src, "", fmt.Sprintf("is not a Task Scheduler task XML: %v; fix: export the task with 'Export-ScheduledTask' or taskschd.msc", err))}
	}
	base := t.RegistrationInfo.URI
	if i := strings.LastIndexAny(base, `\/`); i >= 0 {
		base = base[i+1:]
	}
	if base == "" {
		base = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	name := slug(base)
	if name == "" {
		name = "task"
	}
	if len(t.Actions.List) != 1 {
		return []Entry{refuse(name, src, "Actions", fmt.Sprintf("has %d actions; a definition runs one command; fix: split the task into one task per action", len(t.Actions.List)))}
	}
	a := t.Actions.List[0]
	if a.XMLName.Local != "Exec" {
		return []Entry{refuse(name, src, "Actions", fmt.Sprintf("the action is %s, not Exec (a program); orc-exec runs programs only", a.XMLName.Local))}
	}
	for _, v := range []struct{ field, value string }{{"Command", a.Command}, {"Arguments", a.Arguments}, {"WorkingDirectory", a.WorkingDirectory}} {
		if m := envRef.FindString(v.value); m != "" {
			return []Entry{refuse(name, src, "Actions.Exec."+v.field, fmt.Sprintf("uses %s, which Task Scheduler expands and orc-exec does not; fix: write the value out (e.g. C:\\Windows for %%windir%%) and export again, or edit the definition after import", m))}
		}
	}
	d := &definition.Task{Name: name, Description: "imported from " + filepath.Base(file),
		Action: definition.Action{Command: a.Command, Arguments: splitWindowsArgs(a.Arguments), WorkingDirectory: a.WorkingDirectory}}
	if desc := strings.TrimSpace(t.RegistrationInfo.Description); desc != "" {
		// A long description is no reason to refuse the task: keep its start.
		if r := []rune(desc); len(r) > definition.MaxDescriptionLen {
			desc = string(r[:definition.MaxDescriptionLen-1]) + "…"
		}
		d.Description = desc
	}
	if len(t.Principals.List) > 0 {
		p := t.Principals.List[0]
		r, field, reason := runAs(p.UserID, p.GroupID, p.LogonType, p.RunLevel)
		if reason != "" {
			return []Entry{refuse(name, src, "Principals.Principal"+field, reason)}
		}
		d.RunAs = r
	}
	if strings.EqualFold(t.Settings.Enabled, "false") {
		d.Enabled = new(bool)
	}
	if lim := t.Settings.ExecutionTimeLimit; lim != "" && lim != "PT0S" {
		dur, err := xsDuration(lim)
		if err != nil {
			return []Entry{refuse(name, src, "Settings.ExecutionTimeLimit", err.Error())}
		}
		d.Timeout = definition.Duration(dur)
	}
	if len(t.Triggers.List) > 0 {
		s, field, reason := triggersSchedule(t.Triggers.List)
		if reason != "" {
			return []Entry{refuse(name, src, field, reason)}
		}
		d.Schedule = s
	}
	return []Entry{convert(d, src)}
}

// utf8Text returns data as UTF-8: UTF-16 (by its BOM) is decoded, a UTF-8
// BOM dropped.
func utf8Text(data []byte) []byte {
	var be bool
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		be = true
	default:
		return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	}
	data = data[2:]
	u := make([]uint16, len(data)/2)
	for k := range u {
		if be {
			u[k] = uint16(data[2*k])<<8 | uint16(data[2*k+1])
		} else {
			u[k] = uint16(data[2*k+1])<<8 | uint16(data[2*k])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// triggersSchedule maps the triggers to one schedule, or says why it
// cannot: a boot or logon trigger alone becomes startup or logon; calendar
// and repeating time triggers become one cron when a cron starts at
// exactly the minutes all of them start at.
func triggersSchedule(list []tsTrigger) (*definition.Schedule, string, string) {
	if len(list) == 1 {
		switch tr := list[0]; tr.XMLName.Local {
		case "BootTrigger", "LogonTrigger":
			f := "Triggers." + tr.XMLName.Local
			if strings.EqualFold(tr.Enabled, "false") {
				return nil, f + ".Enabled", "the trigger is disabled; a definition's schedule is always on; fix: enable it, or set the task's enabled to false after import"
			}
			delay, err := xsDuration(tr.Delay)
			if err != nil {
				return nil, f + ".Delay", err.Error()
			}
			if tr.XMLName.Local == "BootTrigger" {
				return &definition.Schedule{Startup: &definition.Startup{Delay: definition.Duration(delay)}}, "", ""
			}
			return &definition.Schedule{Logon: &definition.Logon{User: tr.UserID, Delay: definition.Duration(delay)}}, "", ""
		}
	}
	var trigs []schedule.Trigger
	var jitter time.Duration
	for k, tr := range list {
		t, j, field, reason := calendarTrigger(tr)
		if reason != "" {
			if len(list) > 1 {
				field = strings.Replace(field, tr.XMLName.Local, fmt.Sprintf("%s[%d]", tr.XMLName.Local, k), 1)
			}
			return nil, field, reason
		}
		if k > 0 && j != jitter {
			return nil, "Triggers", "its triggers have different random delays; a schedule has one jitter"
		}
		jitter = j
		trigs = append(trigs, t)
	}
	at := "Triggers"
	if len(list) == 1 {
		at += "." + list[0].XMLName.Local
	}
	cron, field, reason := cronFor(trigs)
	if reason != "" {
		return nil, at + field, reason
	}
	if reason := sameStarts(trigs, cron); reason != "" {
		return nil, at, reason
	}
	return &definition.Schedule{Cron: cron, Jitter: definition.Duration(jitter)}, "", ""
}

// calendarTrigger reads a calendar or time trigger, or says why it
// cannot become part of a cron.
func calendarTrigger(tr tsTrigger) (schedule.Trigger, time.Duration, string, string) {
	f := "Triggers." + tr.XMLName.Local
	var none schedule.Trigger
	switch tr.XMLName.Local {
	case "CalendarTrigger", "TimeTrigger":
	case "BootTrigger", "LogonTrigger":
		return none, 0, f, fmt.Sprintf("a %s beside other triggers; a definition has one schedule; fix: import it as one task per trigger", tr.XMLName.Local)
	default:
		return none, 0, f, fmt.Sprintf("a %s has no cron equivalent (cron only knows times of day and dates)", tr.XMLName.Local)
	}
	if strings.EqualFold(tr.Enabled, "false") {
		return none, 0, f + ".Enabled", "the trigger is disabled; a definition's schedule is always on; fix: enable it, or set the task's enabled to false after import"
	}
	if tr.End != "" {
		return none, 0, f + ".EndBoundary", "the trigger expires (EndBoundary); a cron schedule has no end date"
	}
	jitter, err := xsDuration(tr.Random)
	if err != nil {
		return none, 0, f + ".RandomDelay", err.Error()
	}
	st, err := time.Parse("2006-01-02T15:04:05", tr.Start)
	if err != nil {
		return none, 0, f + ".StartBoundary", fmt.Sprintf("%q is not a local date and time; a StartBoundary with a UTC offset (synchronize across time zones) or none cannot become a cron on the host's clock", tr.Start)
	}
	if st.Second() != 0 {
		return none, 0, f + ".StartBoundary", fmt.Sprintf("%q starts at a second other than :00; cron runs on whole minutes", tr.Start)
	}
	t, field, reason := simTrigger(tr, st)
	if reason != "" {
		return none, 0, f + field, reason
	}
	return t, jitter, "", ""
}

// simTrigger is the trigger in the simulator's model.
func simTrigger(tr tsTrigger, st time.Time) (schedule.Trigger, string, string) {
	t := schedule.Trigger{Start: st}
	if r := tr.Repetition; r != nil && r.Interval != "" {
		iv, err := xsDuration(r.Interval)
		if err != nil {
			return t, ".Repetition.Interval", err.Error()
		}
		du, err := xsDuration(r.Duration)
		if err != nil {
			return t, ".Repetition.Duration", err.Error()
		}
		t.Repetition = &schedule.Repetition{Interval: iv, Duration: du}
	}
	switch {
	case tr.XMLName.Local == "TimeTrigger":
		if t.Repetition == nil {
			return t, "", "a one-time trigger at local time has no cron equivalent; fix: write schedule.once with a UTC offset by hand"
		}
		// Repeating indefinitely from a start: the same as daily from that start.
		t.Kind, t.DaysInterval = schedule.Daily, 1
	case tr.ByDay != nil:
		if tr.ByDay.DaysInterval > 1 {
			return t, ".ScheduleByDay.DaysInterval", fmt.Sprintf("every %d days counts from the start date; cron's day steps restart each month", tr.ByDay.DaysInterval)
		}
		t.Kind, t.DaysInterval = schedule.Daily, 1
	case tr.ByWeek != nil:
		if tr.ByWeek.WeeksInterval > 1 {
			return t, ".ScheduleByWeek.WeeksInterval", fmt.Sprintf("every %d weeks counts from the start date; cron has no week step", tr.ByWeek.WeeksInterval)
		}
		t.Kind, t.WeeksInterval = schedule.Weekly, 1
		for _, n := range tr.ByWeek.DaysOfWeek.names() {
			t.DaysOfWeek = append(t.DaysOfWeek, time.Weekday(slices.Index(weekdayNames, n)))
		}
	case tr.ByMonth != nil:
		t.Kind = schedule.Monthly
		for _, d := range tr.ByMonth.DaysOfMonth.Day {
			if strings.EqualFold(d, "Last") {
				t.LastDayOfMonth = true
				continue
			}
			n, err := strconv.Atoi(d)
			if err != nil || n < 1 || n > 31 {
				return t, ".ScheduleByMonth.DaysOfMonth", fmt.Sprintf("%q is not a day of the month", d)
			}
			t.DaysOfMonth = append(t.DaysOfMonth, n)
		}
		t.Months = months(tr.ByMonth.Months)
	case tr.ByMonthDOW != nil:
		t.Kind = schedule.MonthlyDOW
		for _, w := range tr.ByMonthDOW.Weeks.Week {
			if strings.EqualFold(w, "Last") {
				t.Weeks = append(t.Weeks, schedule.LastWeek)
				continue
			}
			n, err := strconv.Atoi(w)
			if err != nil || n < 1 || n > 4 {
				return t, ".ScheduleByMonthDayOfWeek.Weeks", fmt.Sprintf("%q is not a week of the month", w)
			}
			t.Weeks = append(t.Weeks, n)
		}
		for _, n := range tr.ByMonthDOW.DaysOfWeek.names() {
			t.DaysOfWeek = append(t.DaysOfWeek, time.Weekday(slices.Index(weekdayNames, n)))
		}
		t.Months = months(tr.ByMonthDOW.Months)
	default:
		return t, "", "the calendar trigger has no schedule (ScheduleByDay, ByWeek, ByMonth or ByMonthDayOfWeek)"
	}
	return t, "", ""
}

func months(n *tsNames) []time.Month {
	var out []time.Month
	for _, m := range n.names() {
		out = append(out, time.Month(slices.Index(monthNames, m)))
	}
	return out
}

// cronFor writes the cron the triggers stand for: their times of day (the
// start, and the repetitions within a day) as minutes x hours, and their
// days. Triggers on the same days may differ in times; daily and weekly
// triggers at the same times may differ in days.
func cronFor(ts []schedule.Trigger) (string, string, string) {
	all := map[int]bool{}
	var sets []map[int]bool
	var days [][3]string
	for _, t := range ts {
		times, field, reason := timesOfDay(t)
		if reason != "" {
			return "", field, reason
		}
		set := map[int]bool{}
		for _, m := range times {
			set[m], all[m] = true, true
		}
		sets = append(sets, set)
		days = append(days, dayFields(t))
	}
	day := days[0]
	for k := 1; k < len(days); k++ {
		if days[k] == day {
			continue
		}
		if !maps.Equal(sets[k], sets[0]) || !weekdaysOnly(days[k]) || !weekdaysOnly(day) {
			return "", "", "its triggers differ in both days and times of day, which one cron cannot say; fix: import it as one task per trigger"
		}
		day[2] = unionWeekdays(day[2], days[k][2])
	}
	mins, hours := map[int]bool{}, map[int]bool{}
	for m := range all {
		mins[m%60], hours[m/60] = true, true
	}
	if len(mins)*len(hours) != len(all) {
		return "", ".Repetition", "its times of day are not every listed minute of every listed hour, which is what a cron says"
	}
	return fmt.Sprintf("%s %s %s %s %s", fieldList(mins, 0, 59), fieldList(hours, 0, 23), day[0], day[1], day[2]), "", ""
}

// timesOfDay lists the minutes of the day a trigger starts at.
func timesOfDay(t schedule.Trigger) ([]int, string, string) {
	start := t.Start.Hour()*60 + t.Start.Minute()
	r := t.Repetition
	if r == nil {
		return []int{start}, "", ""
	}
	iv := int(r.Interval / time.Minute)
	if r.Interval%time.Minute != 0 || iv < 1 {
		return nil, ".Repetition.Interval", "repeats at an interval that is not whole minutes"
	}
	span := 1440
	if r.Duration > 0 && r.Duration < 24*time.Hour {
		span = int((r.Duration + time.Minute - 1) / time.Minute)
	} else if 1440%iv != 0 {
		return nil, ".Repetition.Interval", fmt.Sprintf("repeats every %s across midnight, which does not divide a day; cron restarts each day", r.Interval)
	}
	var times []int
	for k := 0; k*iv < span; k++ {
		times = append(times, (start+k*iv)%1440)
	}
	return times, "", ""
}

// dayFields are the day-of-month, month and day-of-week fields of a trigger.
func dayFields(t schedule.Trigger) [3]string {
	dom, mon, dow := "*", "*", "*"
	switch t.Kind {
	case schedule.Weekly:
		dow = list(weekdaySet(t.DaysOfWeek))
	case schedule.Monthly:
		var ds []string
		for _, d := range t.DaysOfMonth {
			ds = append(ds, strconv.Itoa(d))
		}
		if t.LastDayOfMonth {
			ds = append(ds, "L")
		}
		dom = strings.Join(ds, ",")
		mon = monthList(t.Months)
	case schedule.MonthlyDOW:
		var ds []string
		for _, w := range t.Weeks {
			for _, wd := range t.DaysOfWeek {
				if w == schedule.LastWeek {
					ds = append(ds, fmt.Sprintf("%d#L", wd))
				} else {
					ds = append(ds, fmt.Sprintf("%d#%d", wd, w))
				}
			}
		}
		dow = strings.Join(ds, ",")
		mon = monthList(t.Months)
	}
	return [3]string{dom, mon, dow}
}

// weekdaysOnly reports whether day fields are a daily or weekly trigger's.
func weekdaysOnly(d [3]string) bool {
	return d[0] == "*" && d[1] == "*" && !strings.Contains(d[2], "#")
}

func unionWeekdays(a, b string) string {
	if a == "*" || b == "*" {
		return "*"
	}
	set := map[int]bool{}
	for _, p := range strings.Split(a+","+b, ",") {
		n, _ := strconv.Atoi(p)
		set[n] = true
	}
	if len(set) == 7 {
		return "*"
	}
	return list(set)
}

// sameStarts reports "" when the cron starts at exactly the trigger's
// starts for four years in every relevant reading of Windows' behaviour
// that orc-exec's plans do not already assume, else why not.
func sameStarts(ts []schedule.Trigger, cron string) string {
	e, err := cronplan.Parse(cron)
	if err != nil {
		return fmt.Sprintf("the triggers read as cron %q, which orc-exec cannot schedule: %v", cron, err)
	}
	z := tssim.ZoneOf(time.UTC)
	// From the latest start: before it, some trigger had not begun yet.
	start := ts[0].Start
	for _, t := range ts {
		if t.Start.After(start) {
			start = t.Start
		}
	}
	from := tssim.InstantOf(start)
	to := tssim.InstantOf(start.AddDate(4, 0, 0))
	want := e.Fires(z, from, to)
	for _, r := range tssim.Relevant(ts, z, from, to) {
		// orc-exec's own plans rely on these two readings (docs/schedules.md,
		// schedule.AssumeWeekOccurrence and AssumeFeb29Skipped); an import
		// relies on them no more and no less.
		if r.Week != tssim.WeekOccurrence || r.MissingDay != tssim.MissingSkip {
			continue
		}
		if got := tssim.Minutes(ts, z, from, to, r); !slices.Equal(got, want) {
			if r.DurationEnd == tssim.EndInclusive {
				return fmt.Sprintf("no cron starts at exactly its times: its repetition Duration is a whole number of Intervals, and Windows does not document whether a start falls at its end (%q matches only if none does); fix: in Task Scheduler set the Duration just under, e.g. PT23H59M instead of P1D, and export again", cron)
			}
			return fmt.Sprintf("no cron starts at exactly its times (the nearest, %q, differs under Windows' reading %s)", cron, r)
		}
	}
	return ""
}

// fieldList writes a cron field: * for the whole range, a-b/s for an
// arithmetic progression of three or more values, else a list.
func fieldList(set map[int]bool, lo, hi int) string {
	if len(set) == hi-lo+1 {
		return "*"
	}
	var ks []int
	for k := range set {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	if n := len(ks); n >= 3 {
		step := ks[1] - ks[0]
		ap := true
		for k := 2; k < n; k++ {
			ap = ap && ks[k]-ks[k-1] == step
		}
		if ap && step == 1 {
			return fmt.Sprintf("%d-%d", ks[0], ks[n-1])
		}
		if ap {
			return fmt.Sprintf("%d-%d/%d", ks[0], ks[n-1], step)
		}
	}
	return list(set)
}

func list(set map[int]bool) string {
	var ks []int
	for k := range set {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	var out []string
	for _, k := range ks {
		out = append(out, strconv.Itoa(k))
	}
	return strings.Join(out, ",")
}

func weekdaySet(ws []time.Weekday) map[int]bool {
	out := map[int]bool{}
	for _, w := range ws {
		out[int(w)] = true
	}
	return out
}

func monthList(ms []time.Month) string {
	if len(ms) == 0 || len(ms) == 12 {
		return "*"
	}
	set := map[int]bool{}
	for _, m := range ms {
		set[int(m)] = true
	}
	return list(set)
}

// xsDuration reads an XML duration (PnDTnHnMnS, no years or months); ""
// is 0.
func xsDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	bad := fmt.Errorf("%q is not a duration such as PT15M, PT1H or P1D", s)
	rest, ok := strings.CutPrefix(s, "P")
	if !ok || rest == "" {
		return 0, bad
	}
	var d time.Duration
	inTime := false
	num := ""
	for _, c := range rest {
		switch {
		case c >= '0' && c <= '9' || c == '.':
			num += string(c)
			continue
		case c == 'T':
			inTime = true
			continue
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return 0, bad
		}
		num = ""
		unit := map[rune]time.Duration{'D': 24 * time.Hour, 'W': 7 * 24 * time.Hour}
		if inTime {
			unit = map[rune]time.Duration{'H': time.Hour, 'M': time.Minute, 'S': time.Second}
		}
		u, ok := unit[c]
		if !ok {
			return 0, bad
		}
		d += time.Duration(v * float64(u))
	}
	if num != "" {
		return 0, bad
	}
	return d, nil
}

// splitWindowsArgs splits a command line the way CommandLineToArgvW and
// the C runtime do: blanks separate, double quotes group, 2n backslashes
// before a quote are n backslashes, 2n+1 are n and a literal quote.
func splitWindowsArgs(s string) []string {
	var out []string
	var cur strings.Builder
	in, have := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			n := 0
			for i < len(s) && s[i] == '\\' {
				n++
				i++
			}
			if i < len(s) && s[i] == '"' {
				cur.WriteString(strings.Repeat(`\`, n/2))
				if n%2 == 1 {
					cur.WriteByte('"')
				} else {
					in = !in
				}
			} else {
				cur.WriteString(strings.Repeat(`\`, n))
				i--
			}
			have = true
		case c == '"':
			if in && i+1 < len(s) && s[i+1] == '"' {
				cur.WriteByte('"')
				i++
			} else {
				in = !in
			}
			have = true
		case (c == ' ' || c == '\t') && !in:
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(c)
			have = true
		}
	}
	if have {
		out = append(out, cur.String())
	}
	return out
}

// runAs maps a task's principal as taskxml renders one, the other way
// round; a principal a definition cannot say is refused rather than run
// with other rights.
func runAs(user, group, logon, level string) (*definition.RunAs, string, string) {
	if group != "" {
		return nil, ".GroupId", fmt.Sprintf("the task runs for the group %q; a definition runs as SYSTEM, a user or a gMSA; fix: set runAs after import", group)
	}
	r := &definition.RunAs{}
	switch strings.ToUpper(user) {
	case "S-1-5-18", "SYSTEM", `NT AUTHORITY\SYSTEM`:
		r.Type = "system"
		if level == "LeastPrivilege" {
			r.RunLevel = "limited"
		}
		return r, "", ""
	case "S-1-5-19", "S-1-5-20", `NT AUTHORITY\LOCAL SERVICE`, `NT AUTHORITY\NETWORK SERVICE`, "LOCAL SERVICE", "NETWORK SERVICE":
		return nil, ".UserId", fmt.Sprintf("the task runs as %s; a definition runs as SYSTEM, a user or a gMSA; fix: set runAs after import", user)
	case "":
		return nil, ".UserId", "the principal names no user; fix: set runAs after import"
	}
	if level == "HighestAvailable" {
		r.RunLevel = "highest"
	}
	switch logon {
	case "Password":
		if strings.HasSuffix(user, "$") {
			r.Type, r.User = "gmsa", user
		} else {
			r.Type, r.User, r.LogonType = "user", user, "password"
		}
	case "S4U":
		r.Type, r.User, r.LogonType = "user", user, "s4u"
	default:
		return nil, ".LogonType", fmt.Sprintf("the task runs as %s only while that user is logged on (%s); a definition runs whether the user is logged on or not; fix: choose 'Run whether user is logged on or not' and export again, or set runAs after import", user, logonOr(logon))
	}
	return r, "", ""
}

func logonOr(l string) string {
	if l == "" {
		return "InteractiveToken"
	}
	return l
}
