package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

const renderUsage = `Print the Task Scheduler XML for a task: its schedule planned as native
triggers, the orc-exec action, principal and settings. The PowerShell module
registers it with Register-ScheduledTask -Xml under \Orchestrator\Orc_<task>.

The XML has no declaration and is UTF-8: read it as a string and pass it to
-Xml as is. To save it for schtasks /Create /XML, write it as UTF-16 with a BOM.

Usage:
  orc-exec render <task> [--exec-path PATH] [--author NAME] [flags]
  orc-exec render --file <def.json> [--exec-path PATH] [flags]

Examples:
  orc-exec render db-export --exec-path "C:\Program Files\Orchestrator\orc-exec.exe"
  orc-exec render --file ./db-export.json > db-export.xml
`

func cmdRender(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("render", renderUsage)
	execPath := fs.String("exec-path", "", "path of orc-exec.exe on the target host (default: this binary)")
	file := fs.String("file", "", "render this definition file instead of a stored task")
	author := fs.String("author", "", "RegistrationInfo/Author, e.g. DOMAIN\\admin (default: none)")
	if done, code := a.parse(fs, renderUsage, args); done {
		return code
	}
	var t *definition.Task
	switch {
	case *file != "" && fs.NArg() <= 1:
		var err error
		if t, err = definition.Load(*file); err != nil {
			return a.fail(exitcode.Definition, err, "fix the definition, then check it with 'orc-exec validate --file "+*file+"'")
		}
		if fs.NArg() == 1 && fs.Arg(0) != t.Name {
			return a.fail(exitcode.Usage, fmt.Errorf("%s defines task %q, not %q", *file, t.Name, fs.Arg(0)), "give the task's own name, or only --file")
		}
	case *file == "" && fs.NArg() == 1:
		s, code := a.readStore()
		if s == nil {
			return code
		}
		if t, code = a.loadTask(s, fs.Arg(0)); t == nil {
			return code
		}
	default:
		return a.fail(exitcode.Usage, errArgs("render", "one task name or --file", fs.NArg()), "orc-exec render <task>")
	}

	o := taskxml.Options{ExecPath: *execPath, Home: a.explicitHome(), Author: *author, Now: time.Now()}
	if o.ExecPath == "" {
		exe, err := os.Executable()
		if err != nil {
			return a.fail(exitcode.Internal, fmt.Errorf("finding orc-exec's own path: %w", err), "pass --exec-path")
		}
		o.ExecPath = exe
	}
	p := schedule.Plan{} // no schedule: on-demand only
	sp, err := t.Schedule.Spec()
	if err != nil {
		return a.fail(exitcode.Definition, err, "fix the definition, then check it with 'orc-exec validate'")
	}
	if !sp.None() {
		if p, err = cronplan.PlanSchedule(sp, time.Local, o.Now); err != nil {
			return a.fail(exitcode.Definition, fmt.Errorf("planning the schedule of %s: %w", t.Name, err), "simplify the schedule; 'orc-exec validate' explains each field")
		}
	}
	out, err := taskxml.Render(t, p, o)
	if err != nil {
		var es taskxml.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				a.fail(exitcode.Definition, e, "")
			}
			return a.fail(exitcode.Definition, fmt.Errorf("task %s cannot be registered as rendered", t.Name), "fix the fields above")
		}
		return a.fail(exitcode.Internal, err, "")
	}
	_, _ = a.io.Stdout.Write(out)
	return exitcode.Success
}

// explicitHome is the store as an absolute path when it was chosen with
// --home or ORC_HOME, else "". The process Task Scheduler starts sees
// neither the registering shell's flags nor its environment, so an explicit
// store is passed on the command line; the platform default needs nothing.
func (a *app) explicitHome() string {
	h := a.g.home
	if h == "" {
		h = os.Getenv("ORC_HOME")
	}
	if h == "" {
		return ""
	}
	if abs, err := filepath.Abs(h); err == nil {
		return abs
	}
	return h
}
