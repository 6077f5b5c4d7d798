package notify

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// Event is why a notification is sent; the first six are the values of a
// definition's notify.on.
type Event string

const (
	EventFailure          Event = "failure"
	EventTimeout          Event = "timeout"
	EventSkipped          Event = "skipped"
	EventRetriesExhausted Event = "retriesExhausted"
	EventSuccess          Event = "success"
	EventRecovery         Event = "recovery"
	EventTest             Event = "test"
)

// TailChars caps the output tail quoted in a message body.
const TailChars = 2000

// Notice is one notification about one run.
type Notice struct {
	Event    Event
	Reminder bool // the incident is still open and the reminder interval passed
	Host     string
	Record   result.Record
	Incident Incident // the incident after this run
}

// Subject is "[Orchestrator] <WHAT>: <task> on <host>".
func (n Notice) Subject() string {
	what := string(n.Record.Status)
	switch {
	case n.Event == EventRecovery:
		what = "RECOVERED"
	case n.Reminder:
		what = fmt.Sprintf("STILL %s (%d runs)", what, n.Incident.Failures)
	case n.Event == EventRetriesExhausted:
		what = fmt.Sprintf("%s after %d attempts", what, len(n.Record.Attempts))
	}
	return fmt.Sprintf("[Orchestrator] %s: %s on %s", what, n.Record.Task, n.Host)
}

// Headline is the first sentence of the bodies.
func (n Notice) Headline() string {
	r := n.Record
	switch {
	case n.Event == EventRecovery:
		return fmt.Sprintf("Task %s succeeded again on %s after %d unsuccessful run(s) since %s.", r.Task, n.Host, n.Incident.Failures, stamp(n.Incident.Since))
	case n.Reminder:
		return fmt.Sprintf("Task %s is still not succeeding on %s: %d unsuccessful run(s) since %s.", r.Task, n.Host, n.Incident.Failures, stamp(n.Incident.Since))
	case r.Status == result.Success:
		return fmt.Sprintf("Task %s succeeded on %s.", r.Task, n.Host)
	}
	s := fmt.Sprintf("Task %s ended %s on %s", r.Task, r.Status, n.Host)
	if r.Reason != "" {
		s += ": " + r.Reason
	}
	return s + "."
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04:05 MST")
}

// facts is the run table: one row per fact.
func (n Notice) facts() table.Writer {
	r := n.Record
	t := table.NewWriter()
	t.AppendHeader(table.Row{"", ""})
	t.AppendRow(table.Row{"Task", r.Task})
	t.AppendRow(table.Row{"Host", n.Host})
	t.AppendRow(table.Row{"Status", r.Status})
	if r.Reason != "" {
		t.AppendRow(table.Row{"Reason", r.Reason})
	}
	t.AppendRow(table.Row{"Start", stamp(r.Start)})
	t.AppendRow(table.Row{"End", stamp(r.End)})
	t.AppendRow(table.Row{"Duration", (time.Duration(r.DurationMs) * time.Millisecond).String()})
	t.AppendRow(table.Row{"Attempts", len(r.Attempts)})
	t.AppendRow(table.Row{"Exit code", r.ExitCode})
	for _, d := range r.Dependencies {
		met := "met"
		if !d.Met {
			met = "UNMET"
		}
		t.AppendRow(table.Row{"Dependency " + d.Name, met + ": " + d.Reason})
	}
	if r.Error != "" {
		t.AppendRow(table.Row{"Error", r.Error})
	}
	t.AppendRow(table.Row{"Trigger", r.Trigger})
	t.AppendRow(table.Row{"Run ID", r.RunID})
	if r.OutputFile != "" {
		t.AppendRow(table.Row{"Output file", fmt.Sprintf("%s (%d bytes)", r.OutputFile, r.OutputBytes)})
	}
	return t
}

func (n Notice) tail() string {
	tail := n.Record.OutputTail
	if r := []rune(tail); len(r) > TailChars {
		tail = "…" + string(r[len(r)-TailChars:])
	}
	return tail
}

// Text is the plain-text body.
func (n Notice) Text() string {
	var b strings.Builder
	b.WriteString(n.Headline() + "\n\n")
	t := n.facts()
	t.SetStyle(table.StyleLight)
	t.ResetHeaders()
	b.WriteString(t.Render() + "\n")
	if tail := n.tail(); tail != "" {
		b.WriteString("\nEnd of the output:\n\n" + tail)
		if !strings.HasSuffix(tail, "\n") {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n-- \norc-exec, Orchestrator\n")
	return b.String()
}

// HTML is the HTML body.
func (n Notice) HTML() string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(n.Subject()) + "</title></head>\n<body style=\"font-family:sans-serif\">\n")
	b.WriteString("<p>" + html.EscapeString(n.Headline()) + "</p>\n")
	t := n.facts()
	t.ResetHeaders()
	t.Style().HTML.CSSClass = "orc-run"
	b.WriteString(t.RenderHTML() + "\n")
	if tail := n.tail(); tail != "" {
		b.WriteString("<p>End of the output:</p>\n<pre style=\"background:#f4f4f4;padding:8px\">" + html.EscapeString(tail) + "</pre>\n")
	}
	b.WriteString("<p style=\"color:#888\">orc-exec, Orchestrator</p>\n</body></html>\n")
	return b.String()
}
