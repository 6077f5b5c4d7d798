package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/orchestrator/orchestrator/go/internal/eventlog"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

const eventlogUsage = `Register or remove the "Orchestrator" event source in the Windows
Application log, or say whether it is registered. Install and uninstall run
this (elevated); every 'orc-exec run' then writes one event per outcome
(docs/observability.md lists the event IDs). Installing a registered source
or removing a missing one is not an error.

Usage:
  orc-exec eventlog install|remove|status

Examples:
  orc-exec eventlog install
  orc-exec eventlog status --output json
  orc-exec eventlog remove
`

// EventLogStatus is what 'eventlog' prints: schema orc.eventlog/v1.
type EventLogStatus struct {
	Schema     string `json:"schema"`
	Source     string `json:"source"`
	Registered bool   `json:"registered"`
}

func cmdEventlog(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("eventlog", eventlogUsage)
	if done, code := a.parse(fs, eventlogUsage, args); done {
		return code
	}
	if fs.NArg() != 1 {
		return a.fail(exitcode.Usage, errArgs("eventlog", "one of install, remove, status", fs.NArg()), "orc-exec eventlog install|remove|status")
	}
	var err error
	switch fs.Arg(0) {
	case "install":
		err = eventlog.Install(eventlog.Source)
	case "remove":
		err = eventlog.Remove(eventlog.Source)
	case "status":
	default:
		return a.fail(exitcode.Usage, fmt.Errorf("unknown eventlog action %q", fs.Arg(0)), "orc-exec eventlog install|remove|status")
	}
	if errors.Is(err, eventlog.ErrUnsupported) {
		return a.fail(exitcode.Usage, err, "on Linux and macOS use the task logs and the metrics file (docs/observability.md)")
	}
	if err != nil {
		return a.fail(exitcode.Internal, err, "run it from an elevated prompt (the source is registered under HKLM)")
	}
	ok, err := eventlog.Installed(eventlog.Source)
	if err != nil {
		return a.fail(exitcode.Internal, err, "run it from an elevated prompt")
	}
	st := EventLogStatus{Schema: "orc.eventlog/v1", Source: eventlog.Source, Registered: ok}
	if a.g.output == "json" {
		writeJSONLine(a.io.Stdout, st)
		return exitcode.Success
	}
	word := "is registered"
	if !ok {
		word = "is not registered"
	}
	fmt.Fprintf(a.io.Stdout, "Event source %s %s in the Application log\n", st.Source, word)
	return exitcode.Success
}
