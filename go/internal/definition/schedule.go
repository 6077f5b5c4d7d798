package definition

import (
	"fmt"
	"strings"
	"time"
	// Windows hosts have no zoneinfo database; embed Go's so that
	// schedule.timezone validates the same everywhere (about 450 KB).
	_ "time/tzdata"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
)

// Spec returns the schedule parsed into typed values (cron expression,
// zone, instant) for the planner, the gate and next-run times. It applies
// exactly the rules Parse applies to the schedule, so for a loaded
// definition it never fails; a nil or empty schedule gives a zero Spec
// (on demand). The errors are Errors naming the schedule's fields.
func (s *Schedule) Spec() (cronplan.Spec, error) {
	c := &errs{}
	sp := scheduleSpec(c, s)
	if err := c.err(); err != nil {
		return cronplan.Spec{}, err
	}
	return sp, nil
}

// scheduleSpec checks the schedule and parses it; the one place that reads
// a schedule's strings. Every refusal the planner could make is made here,
// by field, so a definition that loads is valid for every command.
func scheduleSpec(c *errs, s *Schedule) cronplan.Spec {
	if s == nil {
		return cronplan.Spec{}
	}
	sp := cronplan.Spec{Jitter: s.Jitter.D(), CatchUp: s.CatchUp}
	var kinds []string
	if s.Cron != "" {
		kinds = append(kinds, "cron")
	}
	if s.Startup != nil {
		kinds = append(kinds, "startup")
	}
	if s.Logon != nil {
		kinds = append(kinds, "logon")
	}
	if s.Once != "" {
		kinds = append(kinds, "once")
	}
	if s.Interval != 0 {
		kinds = append(kinds, "interval")
	}
	if len(kinds) > 1 {
		c.add("schedule", "sets "+strings.Join(kinds, " and ")+"; a task has one trigger",
			"keep one of cron, startup, logon, once or interval, and make a second task for another trigger")
	}
	if s.Cron != "" && validateCron(c, s.Cron) {
		e, err := cronplan.Parse(s.Cron)
		if err != nil {
			c.add("schedule.cron", err.Error(), "correct the expression; 'orc-exec cron explain' shows how one is read and planned")
		}
		sp.Cron = e
	}
	if s.Timezone != "" {
		if s.Cron == "" {
			c.add("schedule.timezone", "applies only to a cron schedule", "remove it, or add \"cron\"")
		} else if l, err := time.LoadLocation(s.Timezone); err != nil || s.Timezone == "Local" {
			c.add("schedule.timezone", fmt.Sprintf("%q is not a known time zone", s.Timezone),
				"use an IANA zone name such as \"Europe/Berlin\" or \"UTC\", or omit it for the host's zone")
		} else {
			sp.Zone = l
		}
	}
	if s.Once != "" {
		t, err := time.Parse(time.RFC3339, s.Once)
		if err != nil {
			c.add("schedule.once", fmt.Sprintf("%q is not an RFC 3339 time", s.Once),
				"write date, time and offset, e.g. \"2025-07-01T02:00:00+02:00\" or \"2025-07-01T00:00:00Z\"")
		}
		sp.Once = t
	}
	if d := s.Interval.D(); d != 0 {
		switch {
		case d < time.Minute:
			c.add("schedule.interval", fmt.Sprintf("%s is shorter than 1m", FormatDuration(d)),
				"use at least \"1m\"; Task Scheduler cannot repeat more often")
		case d%time.Minute != 0:
			c.add("schedule.interval", fmt.Sprintf("%s is not a whole number of minutes", FormatDuration(d)),
				fmt.Sprintf("Task Scheduler repeats in whole minutes; use e.g. %q", FormatDuration(d.Round(time.Minute))))
		case d > cronplan.MaxInterval:
			c.add("schedule.interval", fmt.Sprintf("%s is longer than 31d", FormatDuration(d)),
				"use at most \"31d\" (Task Scheduler's longest repetition), or a cron schedule such as \"0 0 1 */2 *\"")
		}
		sp.Interval = d
	}
	if s.Startup != nil {
		sp.Startup, sp.Delay = true, s.Startup.Delay.D()
	}
	if s.Logon != nil {
		sp.Logon, sp.User, sp.Delay = true, s.Logon.User, s.Logon.Delay.D()
	}
	if (sp.Startup || sp.Logon) && sp.Jitter > 0 {
		c.add("schedule.jitter", "cannot apply to a "+kinds[0]+" trigger: Task Scheduler's boot and logon triggers have no random delay",
			"remove it, and use \""+kinds[0]+"\": {\"delay\": ...} for a fixed delay")
	}
	return sp
}

// validateCron checks the shape of a cron expression: 5 fields of cron
// characters, or a descriptor, with messages written for this check;
// cronplan.Parse then reads what each field means. It reports whether the
// shape is right.
func validateCron(c *errs, expr string) bool {
	if d := strings.TrimSpace(expr); strings.HasPrefix(d, "@") {
		switch strings.ToLower(d) {
		case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly":
			return true
		}
		c.add("schedule.cron", fmt.Sprintf("%q is not a known descriptor", expr),
			"use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly, or five fields")
		return false
	}
	fields := strings.Fields(expr)
	if len(fields) != 5 {
		c.add("schedule.cron", fmt.Sprintf("%q has %d fields, not 5", expr, len(fields)),
			"write minute hour day-of-month month day-of-week, e.g. \"30 2 * * 1-5\" for 02:30 on weekdays")
		return false
	}
	names := [5]string{"minute", "hour", "day-of-month", "month", "day-of-week"}
	for i, f := range fields {
		for _, r := range f {
			if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune("*,-/?#", r) {
				continue
			}
			c.add("schedule.cron", fmt.Sprintf("the %s field %q contains %q", names[i], f, r),
				"use digits, names (JAN, MON), and * , - / ? # (L and W after a number) only")
			return false
		}
	}
	return true
}

// Text says a schedule in one short line, as 'orc-exec list' and the
// dashboard show it: the cron expression (with its zone), or the kind of
// trigger. A nil schedule is "on demand".
func (s *Schedule) Text() string {
	switch {
	case s == nil:
		return "on demand"
	case s.Cron != "":
		if s.Timezone != "" {
			return s.Cron + " (" + s.Timezone + ")"
		}
		return s.Cron
	case s.Startup != nil:
		return "at startup"
	case s.Logon != nil:
		return "at logon"
	case s.Once != "":
		return "once at " + s.Once
	case s.Interval > 0:
		return "every " + FormatDuration(s.Interval.D())
	}
	return ""
}
