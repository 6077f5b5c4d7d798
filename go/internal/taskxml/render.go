// Package taskxml renders a task definition and its trigger plan as the XML
// that Register-ScheduledTask -Xml (or schtasks /Create /XML) registers.
//
// Every limit Task Scheduler enforces on what Render writes is checked here
// first, with an error naming the field and the fix (see Errors), so a bad
// plan fails in `orc-exec render` and its specs, not at registration with
// an HRESULT. The output validates against the dahall XSD
// (shared/schemas/task-scheduler) and follows Windows' export order.
//
// Encoding: the XML has no declaration and is UTF-8 bytes. PowerShell reads
// orc-exec's stdout into a string (UTF-16 in memory) and passes that string
// to Register-ScheduledTask -Xml; a declaration saying encoding="UTF-8" in
// that string makes Task Scheduler fail with "switch from current encoding"
// (and one saying UTF-16 would make the bytes themselves mislabelled for
// every other XML reader, xmllint included). With no declaration the bytes
// are valid UTF-8 XML and the string is valid UTF-16 XML. To write a file
// for schtasks /XML, save it as UTF-16LE with a BOM (Out-File -Encoding
// Unicode in Windows PowerShell 5.1).
package taskxml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
)

// Limits Task Scheduler enforces (XSD and documented behaviour).
const (
	MaxTriggers        = 48
	MaxPath            = 260 // Exec Command and WorkingDirectory, in characters
	MaxCommandLine     = 32767 - 1
	MinInterval        = time.Minute
	MaxInterval        = 31 * 24 * time.Hour
	MaxDaysInterval    = 365
	MaxWeeksInterval   = 52
	TaskFolder         = `\Orchestrator\`
	TaskNamePrefix     = "Orc_"
	SchemaVersion      = "1.4" // Windows 8 / Server 2012 and later; matches their exports
	PrincipalID        = "Author"
	SystemSID          = "S-1-5-18"
	Source             = "Orchestrator"
	executionMargin    = 5 * time.Minute
	maxExecutionLimit  = 365 * 24 * time.Hour
	stopPreviousMargin = 30 * time.Second
)

// Options are the host-specific inputs of Render.
type Options struct {
	// ExecPath is the absolute path of orc-exec.exe on the target host; it
	// becomes the Exec Command. Environment variables (%ProgramFiles%) are
	// allowed: Task Scheduler expands them.
	ExecPath string
	// Home is the store, passed to the action as --home when not empty.
	// Pass it whenever the store was chosen explicitly (--home or ORC_HOME):
	// the process Task Scheduler starts sees neither the registering
	// shell's flags nor its environment. Empty means the platform default
	// (%ProgramData%\Orchestrator), which needs no flag.
	Home string
	// Author is RegistrationInfo/Author (omitted when empty).
	Author string
	// Now is RegistrationInfo/Date (omitted when zero), written as local
	// wall-clock time like Windows does.
	Now time.Time
}

// URI is the task's path in Task Scheduler: \Orchestrator\Orc_<name>.
func URI(name string) string { return TaskFolder + TaskNamePrefix + name }

// Render returns the task XML for t scheduled by p, or Errors listing every
// limit the inputs break. t must be a validated definition (definition.Load
// or Parse); Render still re-checks what reaches the XML.
func Render(t *definition.Task, p schedule.Plan, o Options) ([]byte, error) {
	c := &errs{}
	if t == nil {
		c.add("task", "is nil", "pass a loaded definition")
		return nil, c.err()
	}
	if err := definition.ValidName(t.Name); err != nil || strings.HasPrefix(t.Name, "-") {
		c.add("name", fmt.Sprintf("%q cannot be a task name", t.Name), "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
	}
	exec := renderExec(c, t.Name, p.Gated, o)
	triggers := renderTriggers(c, p.Triggers)
	principal := renderPrincipal(c, t.RunAs)
	settings := renderSettings(c, t, p)
	if err := c.err(); err != nil {
		return nil, err
	}

	doc := xTask{
		Version: SchemaVersion,
		RegistrationInfo: xRegistrationInfo{
			Author:        o.Author,
			Description:   t.Description,
			URI:           URI(t.Name),
			Source:        Source,
			Documentation: Documentation(DefinitionHash(t)),
		},
		Triggers:   xTriggers{List: triggers},
		Principals: xPrincipals{Principal: principal},
		Settings:   settings,
		Actions:    xActions{Context: PrincipalID, Exec: []xExec{exec}},
	}
	if !o.Now.IsZero() {
		doc.RegistrationInfo.Date = xsDateTime(o.Now)
	}
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("rendering task XML for %s: %w", t.Name, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Arguments is the Exec Arguments string: `run <name>`, then `--home <store>`
// when home is set, then `--cron-gate` for a gated plan. Every value is
// quoted with QuoteArg, so no name or path can become a second argument.
func Arguments(name, home string, gated bool) string {
	args := []string{"run", name}
	if home != "" {
		args = append(args, "--home", home)
	}
	if gated {
		args = append(args, "--cron-gate")
	}
	return JoinArgs(args...)
}

func renderExec(c *errs, name string, gated bool, o Options) xExec {
	cmd := o.ExecPath
	switch n := utf8.RuneCountInString(cmd); {
	case strings.TrimSpace(cmd) == "":
		c.add("options.execPath", "is empty", `pass the path of orc-exec.exe on the target host, e.g. "C:\Program Files\Orchestrator\orc-exec.exe"`)
	case n > MaxPath:
		c.add("options.execPath", fmt.Sprintf("is %d characters, more than Task Scheduler's %d", n, MaxPath), "install orc-exec in a shorter folder, e.g. %ProgramFiles%\\Orchestrator")
	case strings.ContainsAny(cmd, "\"\r\n\t"):
		c.add("options.execPath", fmt.Sprintf("%q contains a quote or a control character", cmd), "pass the bare path, without quotes")
	}
	if o.Home != "" {
		switch n := utf8.RuneCountInString(o.Home); {
		case strings.ContainsAny(o.Home, "%\"\r\n\t\v"):
			c.add("options.home", fmt.Sprintf("%q contains '%%', a quote or a control character", o.Home),
				"use a store folder without them: Task Scheduler expands %VARIABLES% in arguments")
		case n > MaxPath:
			c.add("options.home", fmt.Sprintf("is %d characters, more than %d", n, MaxPath), "use a shorter store folder")
		}
	}
	args := Arguments(name, o.Home, gated)
	if n := utf8.RuneCountInString(cmd) + 3 + utf8.RuneCountInString(args); n > MaxCommandLine {
		c.add("options", fmt.Sprintf("the command line is %d characters, more than Windows' %d", n, MaxCommandLine), "use shorter paths")
	}
	// No WorkingDirectory: orc-exec uses absolute paths only and applies the
	// definition's action.workingDirectory itself, so a missing folder is a
	// recorded, explained failure instead of a launch error (0x8007010B)
	// that never reaches history. orc-exec then starts in Task Scheduler's
	// default, %windir%\system32, like any task without one.
	return xExec{Command: cmd, Arguments: args}
}

// renderPrincipal maps runAs (default SYSTEM) to the one Principal.
//
//	system: UserId S-1-5-18, no LogonType (how Windows exports it), RunLevel
//	        HighestAvailable unless runLevel is "limited".
//	user:   UserId DOMAIN\user, LogonType S4U (default: no stored password,
//	        no network credentials) or Password (registration must then
//	        supply the password), RunLevel LeastPrivilege unless "highest".
//	gmsa:   UserId DOMAIN\name$, LogonType Password (Windows fetches the
//	        managed password itself; none is given), RunLevel as for user.
func renderPrincipal(c *errs, r *definition.RunAs) xPrincipal {
	p := xPrincipal{ID: PrincipalID}
	kind, level := "system", ""
	if r != nil {
		kind, level = r.Type, r.RunLevel
	}
	highest := level == "highest"
	switch kind {
	case "system":
		p.UserID = SystemSID
		highest = level != "limited"
	case "user":
		p.UserID = r.User
		switch r.LogonType {
		case "", "s4u":
			p.LogonType = "S4U"
		case "password":
			p.LogonType = "Password"
		default:
			c.add("runAs.logonType", fmt.Sprintf("%q is not s4u or password", r.LogonType), `use "s4u" or "password"`)
		}
		if strings.TrimSpace(r.User) == "" {
			c.add("runAs.user", "is empty", `set it to DOMAIN\user`)
		}
	case "gmsa":
		p.UserID = r.User
		p.LogonType = "Password"
		if !strings.HasSuffix(r.User, "$") || len(r.User) < 2 {
			c.add("runAs.user", fmt.Sprintf("%q is not a gMSA account name", r.User), `use the account name ending in $, e.g. "CORP\svc-orc$"`)
		}
	default:
		c.add("runAs.type", fmt.Sprintf("%q is not system, user or gmsa", kind), `use "system", "user" or "gmsa"`)
	}
	switch level {
	case "", "limited", "highest":
	default:
		c.add("runAs.runLevel", fmt.Sprintf("%q is not limited or highest", level), `use "limited" or "highest"`)
	}
	p.RunLevel = "LeastPrivilege"
	if highest {
		p.RunLevel = "HighestAvailable"
	}
	return p
}

// renderSettings maps the task-wide settings.
//
// MultipleInstancesPolicy mirrors overlap, and orc-exec enforces overlap
// again with its own lock. The two layers meet like this: Task Scheduler
// only sees its own instances, so it decides for scheduled starts and
// Start-ScheduledTask; orc-exec's lock also covers `orc-exec run` from a
// console or Invoke-OrcTask. skip→IgnoreNew: Windows drops the new start
// (event 322) and nothing is recorded; a console run that overlaps is
// SKIPPED by orc-exec. queue→Queue: Windows starts the next instance when
// the previous one ends; orc-exec's wait covers console runs. parallel→
// Parallel: neither layer holds anything back. stop-previous→StopExisting:
// Windows terminates the running orc-exec (its job object takes the
// command's tree with it) before starting the new one; the new run, once
// it holds the lock, records the killed run as STOPPED (runner's
// closeAbandoned). A console run uses orc-exec's own stop-previous.
func renderSettings(c *errs, t *definition.Task, p schedule.Plan) xSettings {
	policy := ""
	switch t.Overlap {
	case "", definition.OverlapSkip:
		policy = "IgnoreNew"
	case definition.OverlapQueue:
		policy = "Queue"
	case definition.OverlapParallel:
		policy = "Parallel"
	case definition.OverlapStopPrevious:
		policy = "StopExisting"
	default:
		c.add("overlap", fmt.Sprintf("%q is not an overlap policy", t.Overlap), `use "skip", "queue", "parallel" or "stop-previous"`)
	}
	return xSettings{
		MultipleInstancesPolicy:    policy,
		DisallowStartIfOnBatteries: false,
		StopIfGoingOnBatteries:     false,
		AllowHardTerminate:         true,
		StartWhenAvailable:         p.CatchUp,
		RunOnlyIfNetworkAvailable:  false,
		AllowStartOnDemand:         true,
		Enabled:                    t.IsEnabled(),
		Hidden:                     false,
		RunOnlyIfIdle:              false,
		WakeToRun:                  false,
		ExecutionTimeLimit:         xsDuration(ExecutionTimeLimit(t)),
		Priority:                   7, // Windows' default (below normal CPU, low I/O); written so it is visible
	}
}

// ExecutionTimeLimit is the task-level backstop Task Scheduler applies to a
// scheduled start (it ignores it for on-demand starts). orc-exec enforces
// the definition's timeout itself and kills the command's tree, so the
// backstop only catches an orc-exec that hangs, and must never fire first:
//
//	timeout × attempts + the longest retry delays + the dependency checks
//	(with policy wait: waitTimeout + recheckInterval + the slowest check)
//	+ 30s for stop-previous + a margin of 5 min or 10%, whichever is larger,
//	rounded up to a whole minute.
//
// No timeout means no backstop: 0, written PT0S (unlimited) rather than
// Windows' default PT72H, which would kill a legitimately long run. A
// backstop beyond 365 days is also written as unlimited.
func ExecutionTimeLimit(t *definition.Task) time.Duration {
	if t.Timeout <= 0 {
		return 0
	}
	var total sat
	attempts := 1
	if t.Retry != nil && t.Retry.Attempts > 1 {
		attempts = t.Retry.Attempts
	}
	total.add(mulSat(t.Timeout.D(), attempts))
	if r := t.Retry; r != nil {
		f := r.BackoffFactor
		if f < 1 {
			f = 1
		}
		d := float64(r.Delay.D())
		for n := 1; n < attempts && !total.over; n++ {
			step := d
			if r.MaxDelay > 0 && step > float64(r.MaxDelay.D()) {
				step = float64(r.MaxDelay.D())
			}
			if step > float64(maxExecutionLimit) {
				total.over = true
				break
			}
			total.add(time.Duration(step) + r.Jitter.D())
			d *= f
		}
	}
	if dp := t.Dependencies; dp != nil {
		var slowest time.Duration
		for _, ck := range dp.Checks {
			to := ck.Timeout.D()
			if to == 0 {
				to = definition.DefaultCheckTimeout.D()
			}
			slowest = max(slowest, to)
		}
		total.add(slowest)
		if dp.Policy == definition.PolicyWait {
			total.add(dp.WaitTimeout.D())
			total.add(dp.RecheckInterval.D())
		}
	}
	if t.Overlap == definition.OverlapStopPrevious {
		total.add(stopPreviousMargin)
	}
	total.add(max(executionMargin, total.d/10))
	if total.over || total.d > maxExecutionLimit {
		return 0
	}
	if r := total.d % time.Minute; r != 0 {
		total.d += time.Minute - r
	}
	return total.d
}

// sat is a saturating sum of durations.
type sat struct {
	d    time.Duration
	over bool
}

func (s *sat) add(d time.Duration) {
	if d < 0 || s.over {
		return
	}
	if s.d > maxExecutionLimit || d > maxExecutionLimit {
		s.over = true
		return
	}
	s.d += d
}

func mulSat(d time.Duration, n int) time.Duration {
	if n > 0 && d > maxExecutionLimit/time.Duration(n) {
		return maxExecutionLimit + 1
	}
	return d * time.Duration(n)
}

// renderTriggers maps the plan's triggers, checking each limit.
func renderTriggers(c *errs, ts []schedule.Trigger) []any {
	if len(ts) > MaxTriggers {
		c.add("plan.triggers", fmt.Sprintf("has %d triggers, more than Task Scheduler's %d", len(ts), MaxTriggers),
			"simplify the schedule (fewer hour/minute combinations), or let the planner gate a coarser trigger set")
	}
	out := make([]any, 0, len(ts))
	for i, t := range ts {
		f := "plan.triggers[" + strconv.Itoa(i) + "]"
		base := xBase{Enabled: true}
		base.Repetition = renderRepetition(c, f+".repetition", t.Repetition)
		// A wall time has no offset (host-local, follows DST); an absolute
		// start keeps its offset so it means the same instant everywhere.
		boundary := xsDateTime
		if t.Absolute {
			boundary = xsInstant
		}
		if !t.End.IsZero() {
			base.EndBoundary = boundary(t.End)
			if !t.Start.IsZero() && !t.End.After(t.Start) {
				c.add(f+".end", fmt.Sprintf("%s is not after the start %s", xsDateTime(t.End), xsDateTime(t.Start)), "set an end after the start, or none")
			}
		}
		if !t.Start.IsZero() {
			base.StartBoundary = boundary(t.Start)
			checkYear(c, f+".start", t.Start)
		}
		if !t.End.IsZero() {
			checkYear(c, f+".end", t.End)
		}
		checkDelay(c, f+".randomDelay", t.RandomDelay)
		checkDelay(c, f+".delay", t.Delay)
		timed := t.Kind != schedule.Boot && t.Kind != schedule.Logon
		if timed {
			if t.Start.IsZero() {
				c.add(f+".start", "is missing; a "+string(t.Kind)+" trigger needs a StartBoundary", "set the trigger's first start time")
			}
			if t.Delay != 0 {
				c.add(f+".delay", "applies only to boot and logon triggers", "use randomDelay for a "+string(t.Kind)+" trigger")
			}
		} else if t.RandomDelay != 0 {
			c.add(f+".randomDelay", "does not apply to "+string(t.Kind)+" triggers", "use delay (a fixed delay after boot or logon)")
		}
		if t.UserID != "" && t.Kind != schedule.Logon {
			c.add(f+".userId", "applies only to logon triggers", "remove it")
		}
		rd, dl := optDuration(t.RandomDelay), optDuration(t.Delay)
		switch t.Kind {
		case schedule.Once:
			out = append(out, xTimeTrigger{xBase: base, RandomDelay: rd})
		case schedule.Daily:
			if t.DaysInterval < 0 || t.DaysInterval > MaxDaysInterval {
				c.add(f+".daysInterval", fmt.Sprintf("%d is outside 1..%d", t.DaysInterval, MaxDaysInterval), "use 1 (every day) to 365, or 0 for the default 1")
			}
			out = append(out, xCalendarTrigger{xBase: base, RandomDelay: rd, ScheduleByDay: &xByDay{DaysInterval: max(t.DaysInterval, 1)}})
		case schedule.Weekly:
			if t.WeeksInterval < 0 || t.WeeksInterval > MaxWeeksInterval {
				c.add(f+".weeksInterval", fmt.Sprintf("%d is outside 1..%d", t.WeeksInterval, MaxWeeksInterval), "use 1 (every week) to 52, or 0 for the default 1")
			}
			out = append(out, xCalendarTrigger{xBase: base, RandomDelay: rd, ScheduleByWeek: &xByWeek{
				WeeksInterval: max(t.WeeksInterval, 1),
				DaysOfWeek:    daysOfWeek(c, f+".daysOfWeek", t.DaysOfWeek),
			}})
		case schedule.Monthly:
			out = append(out, xCalendarTrigger{xBase: base, RandomDelay: rd, ScheduleByMonth: &xByMonth{
				DaysOfMonth: daysOfMonth(c, f, t.DaysOfMonth, t.LastDayOfMonth),
				Months:      months(c, f+".months", t.Months),
			}})
		case schedule.MonthlyDOW:
			out = append(out, xCalendarTrigger{xBase: base, RandomDelay: rd, ScheduleByMonthDayOfWeek: &xByMonDOW{
				Weeks:      weeks(c, f+".weeks", t.Weeks),
				DaysOfWeek: daysOfWeek(c, f+".daysOfWeek", t.DaysOfWeek),
				Months:     months(c, f+".months", t.Months),
			}})
		case schedule.Boot:
			out = append(out, xBootTrigger{xBase: base, Delay: dl})
		case schedule.Logon:
			out = append(out, xLogonTrigger{xBase: base, UserID: t.UserID, Delay: dl})
		default:
			c.add(f+".kind", fmt.Sprintf("%q is not a trigger kind", t.Kind), "use once, daily, weekly, monthly, monthlyDOW, boot or logon")
		}
	}
	return out
}

func renderRepetition(c *errs, f string, r *schedule.Repetition) *xRepetition {
	if r == nil {
		return nil
	}
	if r.Interval < MinInterval || r.Interval > MaxInterval {
		c.add(f+".interval", fmt.Sprintf("%s is outside Task Scheduler's PT1M..P31D", xsDuration(r.Interval)),
			"repeat every 1 minute to 31 days; for shorter intervals run a loop inside the command")
	}
	x := &xRepetition{Interval: xsDuration(r.Interval), StopAtDurationEnd: r.StopAtDurationEnd}
	switch {
	case r.Duration < 0:
		c.add(f+".duration", "is negative", "use 0 for indefinitely, or at least 1 minute")
	case r.Duration == 0:
		// Indefinitely: the element is omitted. Never write MaxValue
		// (P99999999DT23H59M59S): Windows rejects it with 0x80041318.
		if r.StopAtDurationEnd {
			c.add(f+".stopAtDurationEnd", "is set but the duration is indefinite", "set a duration, or clear stopAtDurationEnd")
		}
	case r.Duration < MinInterval:
		c.add(f+".duration", fmt.Sprintf("%s is shorter than PT1M", xsDuration(r.Duration)), "use at least 1 minute, or 0 for indefinitely")
	case r.Duration < r.Interval:
		c.add(f+".duration", fmt.Sprintf("%s is shorter than the interval %s", xsDuration(r.Duration), xsDuration(r.Interval)),
			"make the duration at least the interval, or 0 for indefinitely")
	default:
		x.Duration = xsDuration(r.Duration)
	}
	return x
}

func checkDelay(c *errs, f string, d time.Duration) {
	if d < 0 {
		c.add(f, "is negative", "use 0 or a positive duration")
	}
}

func checkYear(c *errs, f string, t time.Time) {
	if y := t.Year(); y < 1 || y > 9999 {
		c.add(f, fmt.Sprintf("year %d is outside 1..9999", y), "use a real date")
	}
}

func optDuration(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	return xsDuration(d)
}

func daysOfWeek(c *errs, f string, ds []time.Weekday) *xDaysOfWeek {
	if len(ds) == 0 {
		c.add(f, "is empty", "list at least one day of the week")
	}
	x := &xDaysOfWeek{}
	slots := [7]**empty{&x.Sunday, &x.Monday, &x.Tuesday, &x.Wednesday, &x.Thursday, &x.Friday, &x.Saturday}
	for _, d := range ds {
		if d < time.Sunday || d > time.Saturday {
			c.add(f, fmt.Sprintf("%d is not a day of the week", d), "use time.Sunday..time.Saturday")
			continue
		}
		*slots[d] = &empty{}
	}
	return x
}

// months renders the months; none listed means every month, written out in
// full because a ScheduleByMonth without Months is not dependable on Windows.
func months(c *errs, f string, ms []time.Month) *xMonths {
	x := &xMonths{}
	slots := [12]**empty{&x.January, &x.February, &x.March, &x.April, &x.May, &x.June,
		&x.July, &x.August, &x.September, &x.October, &x.November, &x.December}
	if len(ms) == 0 {
		for _, s := range slots {
			*s = &empty{}
		}
		return x
	}
	for _, m := range ms {
		if m < time.January || m > time.December {
			c.add(f, fmt.Sprintf("%d is not a month", m), "use 1..12")
			continue
		}
		*slots[m-1] = &empty{}
	}
	return x
}

func daysOfMonth(c *errs, f string, days []int, last bool) *xDaysOfMonth {
	if len(days) == 0 && !last {
		c.add(f+".daysOfMonth", "is empty and lastDayOfMonth is false", "list at least one day 1..31, or set lastDayOfMonth")
	}
	seen := map[int]bool{}
	var sorted []int
	for _, d := range days {
		if d < 1 || d > 31 {
			c.add(f+".daysOfMonth", fmt.Sprintf("%d is outside 1..31", d), "use days 1..31, and lastDayOfMonth for the last day")
			continue
		}
		if !seen[d] {
			seen[d] = true
			sorted = append(sorted, d)
		}
	}
	sort.Ints(sorted)
	x := &xDaysOfMonth{}
	for _, d := range sorted {
		x.Day = append(x.Day, strconv.Itoa(d))
	}
	if last {
		x.Day = append(x.Day, "Last")
	}
	return x
}

// weeks renders the weeks of the month. An empty list is refused rather
// than left out: Windows has turned "all weeks" into weeks 1-4 (dahall#774);
// a plan must say which weeks, or use a weekly trigger.
func weeks(c *errs, f string, ws []int) *xWeeks {
	if len(ws) == 0 {
		c.add(f, "is empty", "list the weeks 1..4 and/or schedule.LastWeek, or use a weekly trigger for every week")
	}
	seen := map[int]bool{}
	var sorted []int
	for _, w := range ws {
		if w < 1 || w > schedule.LastWeek {
			c.add(f, fmt.Sprintf("%d is outside 1..4 and LastWeek (%d)", w, schedule.LastWeek), "use weeks 1..4, or schedule.LastWeek for the last week")
			continue
		}
		if !seen[w] {
			seen[w] = true
			sorted = append(sorted, w)
		}
	}
	sort.Ints(sorted)
	x := &xWeeks{}
	for _, w := range sorted {
		if w == schedule.LastWeek {
			x.Week = append(x.Week, "Last")
		} else {
			x.Week = append(x.Week, strconv.Itoa(w))
		}
	}
	return x
}
