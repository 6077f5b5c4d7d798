// Package result defines the record orc-exec prints for every run (one JSON
// object per line) and appends to history: schema "orc.result/v1".
package result

import "time"

// Schema versions the record; readers must ignore fields they do not know.
const Schema = "orc.result/v1"

// Status is the outcome of one invocation of orc-exec for a task.
type Status string

const (
	Success  Status = "SUCCESS"
	Failed   Status = "FAILED"
	Timeout  Status = "TIMEOUT"
	Skipped  Status = "SKIPPED"  // dependencies unmet with policy "skip", or overlap "skip"
	Disabled Status = "DISABLED" // the definition has enabled=false
	Error    Status = "ERROR"    // orc-exec could not run the command at all
	Running  Status = "RUNNING"  // only in the start marker written before the command runs
	Stopped  Status = "STOPPED"  // orc-exec was stopped (signal, Stop-ScheduledTask, overlap stop-previous)
)

// Trigger says who started the run.
type Trigger string

const (
	Scheduled Trigger = "scheduled"
	Manual    Trigger = "manual"
)

// Attempt is one execution of the command.
type Attempt struct {
	Number     int       `json:"number"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	DurationMs int64     `json:"durationMs"`
	ExitCode   int       `json:"exitCode"`
	TimedOut   bool      `json:"timedOut,omitempty"`
	// Signal names the signal that ended the command ("SIGKILL"); ExitCode
	// is then -1. Unix only.
	Signal string `json:"signal,omitempty"`
	// Escaped counts processes that had left the command's process group
	// (setsid) and were found and killed after it; EscapedMayRemain says
	// such processes could not be looked for and may still be running.
	Escaped          int    `json:"escaped,omitempty"`
	EscapedMayRemain bool   `json:"escapedMayRemain,omitempty"`
	Error            string `json:"error,omitempty"`
}

// Dependency is the outcome of one dependency check.
type Dependency struct {
	Name       string `json:"name"`
	Type       string `json:"type"`
	Met        bool   `json:"met"`
	Reason     string `json:"reason"`
	DurationMs int64  `json:"durationMs"`
}

// Record is one run's result.
type Record struct {
	Schema       string       `json:"schema"`
	Task         string       `json:"task"`
	RunID        string       `json:"runId"`
	Trigger      Trigger      `json:"trigger"`
	Host         string       `json:"host"`
	Status       Status       `json:"status"`
	Reason       string       `json:"reason,omitempty"` // why SKIPPED / ERROR, in words
	Start        time.Time    `json:"start"`
	End          time.Time    `json:"end"`
	DurationMs   int64        `json:"durationMs"`
	ExitCode     int          `json:"exitCode"`         // the command's last exit code (-1 if it never ran or a signal ended it)
	Signal       string       `json:"signal,omitempty"` // the signal that ended the last attempt, if one did
	OrcExitCode  int          `json:"orcExitCode"`      // orc-exec's own exit code for this run
	Attempts     []Attempt    `json:"attempts"`
	Dependencies []Dependency `json:"dependencies,omitempty"`
	OutputFile   string       `json:"outputFile,omitempty"`
	OutputBytes  int64        `json:"outputBytes"`
	OutputTail   string       `json:"outputTail,omitempty"`
	Error        string       `json:"error,omitempty"`
}
