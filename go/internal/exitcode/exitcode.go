// Package exitcode is the one table of orc-exec's process exit codes.
//
// Task Scheduler shows orc-exec's exit code as LastTaskResult, and the
// PowerShell module maps each code to an error ID, so the numbers are a public
// contract: never renumber, only add. docs/exit-codes.md documents them.
package exitcode

// Code is an orc-exec process exit code.
type Code int

const (
	Success         Code = 0   // the command ran and succeeded (or only checks ran and passed)
	CommandFailed   Code = 1   // the command ran and failed after every attempt
	Usage           Code = 2   // bad command line: unknown command, flag or argument
	Definition      Code = 3   // the task definition is missing, malformed or invalid
	Insecure        Code = 4   // the definition or store is writable by non-admins
	Timeout         Code = 5   // the command hit its timeout and its tree was killed
	DependencyUnmet Code = 6   // a dependency was unmet and the policy said skip or fail
	OverlapSkipped  Code = 7   // another run of the task was in progress and overlap is "skip"
	Disabled        Code = 8   // the task is disabled
	Gated           Code = 9   // reserved: the cron gate exited 9 on a minute not in the schedule until it exited 0
	NotFound        Code = 10  // the task has no definition in the store
	Unhealthy       Code = 11  // 'doctor' found a failing check
	Internal        Code = 70  // orc-exec itself failed (I/O, bug); see the log
	Interrupted     Code = 130 // orc-exec was interrupted (Ctrl-C, Stop-ScheduledTask)
)

// Name is the stable symbolic name of a code, used in results and by the
// PowerShell module's error IDs.
func (c Code) Name() string {
	switch c {
	case Success:
		return "Success"
	case CommandFailed:
		return "CommandFailed"
	case Usage:
		return "Usage"
	case Definition:
		return "InvalidDefinition"
	case Insecure:
		return "InsecureDefinition"
	case Timeout:
		return "Timeout"
	case DependencyUnmet:
		return "DependencyUnmet"
	case OverlapSkipped:
		return "OverlapSkipped"
	case Disabled:
		return "Disabled"
	case Gated:
		return "Gated"
	case NotFound:
		return "TaskNotFound"
	case Unhealthy:
		return "Unhealthy"
	case Internal:
		return "Internal"
	case Interrupted:
		return "Interrupted"
	}
	return "Unknown"
}

// All lists every code, in numeric order, for docs and tests.
func All() []Code {
	return []Code{Success, CommandFailed, Usage, Definition, Insecure, Timeout, DependencyUnmet, OverlapSkipped, Disabled, Gated, NotFound, Unhealthy, Internal, Interrupted}
}
