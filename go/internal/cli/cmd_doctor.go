package cli

import (
	"context"
	"os"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/doctor"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

const doctorUsage = `Check this installation and say what to fix: the store's and secrets'
permissions, the definitions, notification settings and the SMTP server,
the executor's version, time zone data and the clock, free disk space, the
outbox and the Event Log source. Nothing is changed.

Each check prints ok, warn, fail or skip with a fix. The exit code is 11
(Unhealthy) when any check fails, 0 otherwise (warnings included).
Test-OrcEnvironment runs this and adds the scheduler's side.

Usage:
  orc-exec doctor [flags]

Examples:
  orc-exec doctor
  orc-exec doctor --smtp-connect --output json
  orc-exec doctor --module-version 1.2.0
`

func cmdDoctor(ctx context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("doctor", doctorUsage)
	moduleVersion := fs.String("module-version", "", "the module's version: an older orc-exec is reported as stale")
	connect := fs.Bool("smtp-connect", false, "connect to the SMTP server and read its greeting (default: only resolve its name)")
	timeout := fs.Duration("timeout", 5*time.Second, "time allowed for each network check")
	if done, code := a.parse(fs, doctorUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("doctor", "no arguments", fs.NArg()), "orc-exec doctor [--smtp-connect]")
	}
	// readStore: doctor must not create the store it is checking.
	s, code := a.readStore()
	if s == nil {
		return code
	}
	exe, _ := os.Executable()
	checks := doctor.Run(ctx, doctor.Options{
		Store:           s,
		ExecutorPath:    exe,
		ExecutorVersion: a.build.Version,
		ModuleVersion:   *moduleVersion,
		SMTPConnect:     *connect,
		Timeout:         *timeout,
	})
	if a.table() {
		tw := newTable(a.io.Stdout)
		tw.AppendHeader(table.Row{"Check", "Status", "Detail", "Fix"})
		for _, c := range checks {
			tw.AppendRow(table.Row{c.Name, c.Status, c.Detail, c.Fix})
		}
		tw.Render()
	} else {
		for _, c := range checks {
			writeJSONLine(a.io.Stdout, c)
		}
	}
	if doctor.Worst(checks) == doctor.Fail {
		return exitcode.Unhealthy
	}
	return exitcode.Success
}
