package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	runreport "github.com/orchestrator/orchestrator/go/internal/report"
)

const reportUsage = `Summarize every task's runs over a period: runs, successes, failures,
skips, last status, slowest run and next scheduled start. --send mails it
(HTML and text) to the configured recipients, or to --to.

Usage:
  orc-exec report [--since 24h] [--send] [--to <address>] [--output json|table|html]

With --output json (the default when not on a terminal) it prints one line
per task (schema orc.report/v1). To get the report every morning, define a
task whose command is orc-exec itself (see docs/notifications.md):

  {"name": "daily-report", "schedule": {"cron": "0 7 * * *"},
   "action": {"command": "C:\\Program Files\\Orchestrator\\orc-exec.exe",
              "arguments": ["report", "--since", "24h", "--send"]}}

Examples:
  orc-exec report --since 24h --output table
  orc-exec report --since 7d --output html > week.html
  orc-exec report --since 24h --send
`

func cmdReport(ctx context.Context, a *app, args []string) exitcode.Code {
	// "html" is a format only this command has: take it out before the
	// global --output check.
	asHTML := false
	args = append([]string(nil), args...)
	for i := 0; i < len(args); i++ {
		switch {
		case args[i] == "--output=html" || args[i] == "-o=html":
			args[i], asHTML = "--output=json", true
		case (args[i] == "--output" || args[i] == "-o") && i+1 < len(args) && args[i+1] == "html":
			args[i+1], asHTML = "json", true
		}
	}
	fs := a.flags("report", reportUsage)
	sinceFlag := fs.String("since", "24h", "the period: runs that ended within this long before now")
	send := fs.Bool("send", false, "mail the report (HTML and text)")
	to := fs.StringSlice("to", nil, "with --send: these recipients instead of the configured ones")
	if done, code := a.parse(fs, reportUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("report", "no arguments", fs.NArg()), "orc-exec report --since 24h")
	}
	d, err := definition.ParseDuration(*sinceFlag)
	if err != nil || d <= 0 {
		return a.fail(exitcode.Usage, fmt.Errorf("--since %q is not a positive duration", *sinceFlag), "write it like 24h, 7d or 90m")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	host, _ := os.Hostname()
	now := time.Now()
	rep, err := runreport.Build(s, host, now.Add(-d), now)
	if err != nil {
		return a.fail(exitcode.Internal, err, "")
	}
	switch {
	case asHTML:
		_, _ = io.WriteString(a.io.Stdout, rep.HTML())
	case a.table():
		_, _ = io.WriteString(a.io.Stdout, rep.Text())
	default:
		for _, t := range rep.Tasks {
			writeJSONLine(a.io.Stdout, t)
		}
	}
	if !*send {
		return exitcode.Success
	}
	n := notify.New(s, a.commandLog(s))
	m, err := n.SendContent(ctx, notify.Content{To: *to, Subject: rep.Subject(), Text: rep.Text(), HTML: rep.HTML(), Date: now})
	if err != nil {
		hint := "check the settings with 'orc-exec notify show'"
		if len(m.Raw) > 0 {
			if _, serr := notify.Spool(notify.PathsOf(s), notify.Item{Kind: notify.KindMail, Event: "report", Mail: &m, Attempts: 1, LastAttempt: now.UTC(), LastError: err.Error()}); serr == nil {
				hint = "the report is kept in the outbox; the next orc-exec run or 'orc-exec notify flush' sends it"
			}
		}
		return a.fail(exitcode.CommandFailed, fmt.Errorf("sending the report: %w", err), hint)
	}
	fmt.Fprintf(a.io.Stderr, "orc-exec: report sent to %s\n", strings.Join(m.To, ", "))
	return exitcode.Success
}
