// Package cli is orc-exec's command line: it parses flags (pflag), wires the
// store, logger and runner together, and maps every outcome to one of the
// documented exit codes. Nothing else in orc-exec exits the process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

// Build identifies this binary; main fills it from ldflags.
type Build struct {
	Version string
	Commit  string
}

// IO is where a command reads and writes; tests pass buffers.
type IO struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

type command struct {
	name    string
	summary string
	usage   string
	run     func(ctx context.Context, a *app, args []string) exitcode.Code
}

// app is the state shared by one invocation's command.
type app struct {
	build Build
	io    IO
	g     globalOptions
}

type globalOptions struct {
	home    string
	output  string
	verbose bool
}

func (g *globalOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&g.home, "home", "", "the store folder (default: $ORC_HOME, else %ProgramData%\\Orchestrator, /var/lib/orchestrator as root, or $XDG_DATA_HOME/orchestrator)")
	fs.StringVarP(&g.output, "output", "o", "auto", "output format: json (one object per line), table, or auto (table on a terminal, json otherwise)")
	fs.BoolVarP(&g.verbose, "verbose", "v", false, "log to stderr as well as to the task's log file")
}

func commands() []command {
	return []command{
		{"run", "run a task once: checks, command, retries, result", runUsage, cmdRun},
		{"stop", "stop a task's runs in progress, recording them as STOPPED", stopUsage, cmdStop},
		{"check", "run only a task's dependency checks", checkUsage, cmdCheck},
		{"render", "print a task's Task Scheduler XML", renderUsage, cmdRender},
		{"validate", "validate task definitions", validateUsage, cmdValidate},
		{"define", "validate a definition and store it", defineUsage, cmdDefine},
		{"undefine", "remove a task's definition", undefineUsage, cmdUndefine},
		{"import", "convert a crontab, Task Scheduler XML or task list to definitions", importUsage, cmdImport},
		{"list", "list tasks with their last result", listUsage, cmdList},
		{"history", "show run history", historyUsage, cmdHistory},
		{"cron", "explain a cron expression: triggers, gate, next times", cronUsage, cmdCron},
		{"notify", "configure, show and test notifications", notifyUsage, cmdNotify},
		{"report", "summarize every task's runs (and mail it)", reportUsage, cmdReport},
		{"init", "create the store (or check it) and print where it is", initUsage, cmdInit},
		{"doctor", "check this installation and say what to fix", doctorUsage, cmdDoctor},
		{"dashboard", "serve the web dashboard and JSON API until stopped", dashboardUsage, cmdDashboard},
		{"schema", "print the JSON Schema for task definitions", schemaUsage, cmdSchema},
		{"cleanup", "close abandoned runs, drop expired outbox items and old run output", cleanupUsage, cmdCleanup},
		{"version", "print the version", versionUsage, cmdVersion},
		{"eventlog", "register or remove the Windows Event Log source", eventlogUsage, cmdEventlog},
		{"observe", "show or change the metrics file and Event Log settings", observeUsage, cmdObserve},
	}
}

// Main runs orc-exec with args (without the program name) and returns the
// process exit code.
func Main(ctx context.Context, args []string, b Build, stdio IO) int {
	a := &app{build: b, io: stdio}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					fmt.Fprint(stdio.Stdout, c.usage)
					return 0
				}
			}
		}
		a.mainUsage(stdio.Stdout)
		if len(args) == 0 {
			return int(exitcode.Usage)
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return int(c.run(ctx, a, args[1:]))
		}
	}
	return int(a.fail(exitcode.Usage, fmt.Errorf("unknown command %q", args[0]), "run 'orc-exec help' to see the commands"))
}

func (a *app) mainUsage(w io.Writer) {
	fmt.Fprintf(w, "orc-exec %s: runs one Orchestrator task per trigger.\n\nUsage:\n  orc-exec <command> [flags] [args]\n\nCommands:\n", a.build.Version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'orc-exec <command> --help' for a command's flags and examples.\nExit codes are documented in docs/exit-codes.md.\n")
}

// flags builds a command's flag set with the global flags on it.
func (a *app) flags(name, usage string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.g.addFlags(fs)
	fs.Usage = func() {}
	_ = usage
	return fs
}

// parse parses flags; it returns done=true with the exit code when the
// command should stop (help asked, or bad flags).
func (a *app) parse(fs *pflag.FlagSet, usage string, args []string) (bool, exitcode.Code) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(a.io.Stdout, usage)
			fmt.Fprintf(a.io.Stdout, "\nFlags:\n%s", fs.FlagUsages())
			return true, exitcode.Success
		}
		return true, a.fail(exitcode.Usage, err, fmt.Sprintf("run 'orc-exec %s --help' for the flags", fs.Name()))
	}
	switch a.g.output {
	case "auto", "json", "table":
	default:
		return true, a.fail(exitcode.Usage, fmt.Errorf("--output %q is not a format", a.g.output), "use --output json, table or auto")
	}
	return false, exitcode.Success
}

// fail prints an error and a hint the way every orc-exec error looks.
func (a *app) fail(code exitcode.Code, err error, hint string) exitcode.Code {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(a.io.Stderr, "orc-exec: error: %s\n", line)
	}
	if hint != "" {
		fmt.Fprintf(a.io.Stderr, "orc-exec: hint: %s\n", hint)
	}
	return code
}

// table reports whether to print a table rather than JSON lines.
func (a *app) table() bool {
	switch a.g.output {
	case "table":
		return true
	case "json":
		return false
	}
	return isTerminal(a.io.Stdout)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && termIsTerminal(f)
}
