package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
)

const cronUsage = `Explain a cron expression: the Task Scheduler triggers it becomes (native,
or a superset gated by 'orc-exec run --cron-gate', and why), the readings
of Windows behaviour the plan relies on, and its next fire times. The plan
is made for a host whose zone is --tz (default: this machine's zone), and
the cron is evaluated in that zone; docs/schedules.md has the rules.

Usage:
  orc-exec cron explain '<expr>' [--tz ZONE] [--from TIME] [--next N] [--output json]

Examples:
  orc-exec cron explain '0 9-17 * * 1-5'
  orc-exec cron explain '*/30 * * * *' --tz Europe/Berlin --next 10
  orc-exec cron explain '0 0 L * *' --from 2026-02-01T00:00:00Z --output json
`

// CronExplain is what 'cron explain --output json' prints: schema orc.cronplan/v1.
type CronExplain struct {
	Schema   string `json:"schema"`
	Cron     string `json:"cron"`
	Timezone string `json:"timezone"`
	Native   bool   `json:"native"`
	Gated    bool   `json:"gated"`
	Reason   string `json:"reason,omitempty"`
	// Notes say what the expression means where that differs from how it
	// is written (a step as large as its range runs on its first value).
	Notes    []string          `json:"notes,omitempty"`
	Assumes  []CronAssumption  `json:"assumes,omitempty"`
	Triggers []CronTriggerView `json:"triggers"`
	From     time.Time         `json:"from"`
	Next     []string          `json:"next"`
}

// CronAssumption is one reading of Windows behaviour a plan relies on.
type CronAssumption struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

// CronTriggerView is one trigger: its plain words and its fields.
type CronTriggerView struct {
	Explain string `json:"explain"`
	// Interval and Duration repeat the trigger's repetition as XML
	// durations (the Trigger's own time.Duration fields are nanoseconds).
	Interval string           `json:"interval,omitempty"`
	Duration string           `json:"duration,omitempty"`
	Trigger  schedule.Trigger `json:"trigger"`
}

func cmdCron(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("cron", cronUsage)
	tz := fs.String("tz", "", "the host's (and the cron's) IANA time zone, e.g. Europe/Berlin (default: this machine's zone)")
	from := fs.String("from", "", "list fire times after this RFC 3339 time (default: now)")
	next := fs.Int("next", 5, "how many fire times to list (0-1000)")
	if done, code := a.parse(fs, cronUsage, args); done {
		return code
	}
	if fs.NArg() != 2 || fs.Arg(0) != "explain" {
		return a.fail(exitcode.Usage, errArgs("cron", "'explain' and one expression", fs.NArg()), "orc-exec cron explain '0 9 * * 1-5' (quote the expression)")
	}
	if *next < 0 || *next > 1000 {
		return a.fail(exitcode.Usage, fmt.Errorf("--next %d is out of range", *next), "use --next 0 to 1000")
	}
	loc := time.Local
	if *tz != "" {
		l, err := time.LoadLocation(*tz)
		if err != nil {
			return a.fail(exitcode.Usage, fmt.Errorf("--tz %q is not a time zone: %v", *tz, err), "use an IANA name such as UTC, Europe/Berlin or America/New_York")
		}
		loc = l
	}
	now := time.Now()
	start := now
	if *from != "" {
		t, err := time.Parse(time.RFC3339, *from)
		if err != nil {
			return a.fail(exitcode.Usage, fmt.Errorf("--from %q is not an RFC 3339 time", *from), "use a time such as 2026-11-01T09:00:00Z")
		}
		start = t
	}
	expr := fs.Arg(1)
	e, err := cronplan.Parse(expr)
	if err != nil {
		return a.fail(exitcode.Definition, err, "see docs/schedules.md for the cron syntax Task Scheduler can serve")
	}
	p, err := cronplan.PlanSchedule(cronplan.Spec{Cron: e}, loc, now)
	if err != nil {
		return a.fail(exitcode.Definition, err, "")
	}
	v := CronExplain{Schema: "orc.cronplan/v1", Cron: expr, Timezone: loc.String(), Native: !p.Gated, Gated: p.Gated,
		Reason: p.Reason, Notes: e.Notes(), From: start.In(loc), Next: []string{}, Triggers: []CronTriggerView{}}
	for _, c := range p.Assumes {
		v.Assumes = append(v.Assumes, CronAssumption{c, cronplan.Assumption(c)})
	}
	for k, line := range cronplan.Explain(p) {
		tv := CronTriggerView{Explain: line, Trigger: p.Triggers[k]}
		if r := p.Triggers[k].Repetition; r != nil {
			tv.Interval = isoDuration(r.Interval)
			if r.Duration > 0 {
				tv.Duration = isoDuration(r.Duration)
			}
		}
		v.Triggers = append(v.Triggers, tv)
	}
	t := start.In(loc)
	for range *next {
		t = e.Next(t)
		if t.IsZero() {
			break
		}
		v.Next = append(v.Next, t.Format(time.RFC3339))
	}
	if a.g.output == "json" {
		writeJSONLine(a.io.Stdout, v)
		return exitcode.Success
	}
	w := a.io.Stdout
	if p.Gated {
		fmt.Fprintf(w, "%s in %s: gated, %d trigger(s) start a superset and 'orc-exec run --cron-gate' keeps the cron's minutes\n  why: %s\n", expr, v.Timezone, len(p.Triggers), p.Reason)
	} else {
		fmt.Fprintf(w, "%s in %s: native, %d trigger(s)\n", expr, v.Timezone, len(p.Triggers))
	}
	for _, n := range v.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	for _, tr := range v.Triggers {
		fmt.Fprintf(w, "  - %s\n", tr.Explain)
	}
	for _, as := range v.Assumes {
		fmt.Fprintf(w, "  assumes: %s\n", as.Text)
	}
	if len(v.Next) > 0 {
		fmt.Fprintf(w, "next %d after %s:\n", len(v.Next), v.From.Format(time.RFC3339))
		for _, n := range v.Next {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	return exitcode.Success
}

// isoDuration writes d as an XML duration: PT8H30M, P1D, PT59M30S.
func isoDuration(d time.Duration) string {
	out := "P"
	if days := d / (24 * time.Hour); days > 0 {
		out += fmt.Sprintf("%dD", days)
		d -= days * 24 * time.Hour
	}
	if d == 0 {
		return out
	}
	out += "T"
	if h := d / time.Hour; h > 0 {
		out += fmt.Sprintf("%dH", h)
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		out += fmt.Sprintf("%dM", m)
		d -= m * time.Minute
	}
	if d > 0 {
		out += fmt.Sprintf("%gS", d.Seconds())
	}
	return out
}
