// Package definition reads, validates and writes task definitions: one JSON
// file per task in the store, validated in Go by every rule of the published
// JSON Schema (task.schema.json) plus rules that a schema cannot express. The
// schema is embedded for `orc-exec schema` and editors; only the tests link a
// JSON Schema library, to keep the two in step (schema_test.go).
package definition

// Task is one task definition. Field names are the JSON keys; every field
// not listed here is rejected (a typo must never be silently ignored).
type Task struct {
	Schema       string        `json:"$schema,omitempty"`
	Name         string        `json:"name"`
	Description  string        `json:"description,omitempty"`
	Enabled      *bool         `json:"enabled,omitempty"` // default true
	Schedule     *Schedule     `json:"schedule,omitempty"`
	Action       Action        `json:"action"`
	Timeout      Duration      `json:"timeout,omitempty"` // 0 = no timeout
	Retry        *Retry        `json:"retry,omitempty"`
	Overlap      Overlap       `json:"overlap,omitempty"` // default skip
	Dependencies *Dependencies `json:"dependencies,omitempty"`
	Notify       *Notify       `json:"notify,omitempty"`
	OutputCap    Size          `json:"outputCap,omitempty"` // default DefaultOutputCap
	RunAs        *RunAs        `json:"runAs,omitempty"`
	Heartbeat    *Heartbeat    `json:"heartbeat,omitempty"`
}

// IsEnabled reports whether the task should run; absent means enabled.
func (t *Task) IsEnabled() bool { return t.Enabled == nil || *t.Enabled }

// Schedule says when Task Scheduler starts the task. Exactly one of Cron,
// Startup, Logon, Once or Interval is set.
type Schedule struct {
	Cron     string   `json:"cron,omitempty"`
	Timezone string   `json:"timezone,omitempty"` // IANA zone for Cron; default the host's
	Startup  *Startup `json:"startup,omitempty"`
	Logon    *Logon   `json:"logon,omitempty"`
	Once     string   `json:"once,omitempty"`     // RFC 3339 time
	Interval Duration `json:"interval,omitempty"` // every N minutes/hours
	Jitter   Duration `json:"jitter,omitempty"`   // random delay before each start
	CatchUp  bool     `json:"catchUp,omitempty"`  // run missed starts when the host is back (StartWhenAvailable)
}

// Startup fires when the host boots.
type Startup struct {
	Delay Duration `json:"delay,omitempty"`
}

// Logon fires when a user logs on (any user when User is empty).
type Logon struct {
	User  string   `json:"user,omitempty"`
	Delay Duration `json:"delay,omitempty"`
}

// Action is the command a run executes.
type Action struct {
	Command          string            `json:"command"`
	Arguments        []string          `json:"arguments,omitempty"`
	WorkingDirectory string            `json:"workingDirectory,omitempty"`
	Environment      map[string]string `json:"environment,omitempty"`
	// Shell runs Command through the platform shell (sh -c / cmd.exe /c).
	// Off by default: arguments are passed as an array, never re-parsed.
	Shell bool `json:"shell,omitempty"`
}

// Retry says how often and how patiently a failed command is run again.
type Retry struct {
	Attempts           int      `json:"attempts"`                     // total attempts including the first, >= 1
	Delay              Duration `json:"delay,omitempty"`              // before the second attempt
	BackoffFactor      float64  `json:"backoffFactor,omitempty"`      // delay multiplier per attempt, default 1
	MaxDelay           Duration `json:"maxDelay,omitempty"`           // cap on the delay
	Jitter             Duration `json:"jitter,omitempty"`             // random extra delay up to this
	RetryableExitCodes []int    `json:"retryableExitCodes,omitempty"` // empty = any non-zero code
	RetryOnTimeout     bool     `json:"retryOnTimeout,omitempty"`
}

// Overlap says what a run does when another run of the same task is in progress.
type Overlap string

const (
	OverlapSkip         Overlap = "skip"          // record SKIPPED and exit
	OverlapQueue        Overlap = "queue"         // wait for the running one, then run
	OverlapParallel     Overlap = "parallel"      // run alongside
	OverlapStopPrevious Overlap = "stop-previous" // stop the running one, then run
)

// Dependencies are checks that must pass before the command runs.
type Dependencies struct {
	Policy          DependencyPolicy `json:"policy,omitempty"`          // default skip
	WaitTimeout     Duration         `json:"waitTimeout,omitempty"`     // policy wait: give up after this
	RecheckInterval Duration         `json:"recheckInterval,omitempty"` // policy wait: pause between rounds
	Checks          []Check          `json:"checks"`
}

// DependencyPolicy says what happens when a dependency is unmet.
type DependencyPolicy string

const (
	PolicySkip DependencyPolicy = "skip" // record SKIPPED with every reason
	PolicyFail DependencyPolicy = "fail" // record FAILED
	PolicyWait DependencyPolicy = "wait" // recheck until WaitTimeout, then fail
)

// CheckType names a kind of dependency check.
type CheckType string

const (
	CheckTask      CheckType = "task"      // another task's last run succeeded (within Within)
	CheckTCP       CheckType = "tcp"       // Address host:port accepts a connection
	CheckHTTP      CheckType = "http"      // URL answers with one of ExpectStatus (default 2xx)
	CheckDNS       CheckType = "dns"       // Host resolves
	CheckPath      CheckType = "path"      // Path exists (and is newer than MaxAge)
	CheckService   CheckType = "service"   // Windows service Service is running
	CheckProcess   CheckType = "process"   // a process named Process is running
	CheckInterface CheckType = "interface" // network interface Interface is up
	CheckCommand   CheckType = "command"   // Command exits 0
)

// Check is one dependency. Type selects which of the other fields apply.
type Check struct {
	Name    string    `json:"name,omitempty"` // for messages; default derived from the target
	Type    CheckType `json:"type"`
	Timeout Duration  `json:"timeout,omitempty"` // default DefaultCheckTimeout

	Task   string   `json:"task,omitempty"`
	Within Duration `json:"within,omitempty"`

	Address string `json:"address,omitempty"`

	URL          string `json:"url,omitempty"`
	ExpectStatus []int  `json:"expectStatus,omitempty"`

	Host string `json:"host,omitempty"`

	Path   string   `json:"path,omitempty"`
	MaxAge Duration `json:"maxAge,omitempty"`

	Service   string `json:"service,omitempty"`
	Process   string `json:"process,omitempty"`
	Interface string `json:"interface,omitempty"`

	Command   string   `json:"command,omitempty"`
	Arguments []string `json:"arguments,omitempty"`
}

// Notify is the per-task notification policy; package notify delivers it
// (one alert per incident, reminders, recovery; mail and webhook).
type Notify struct {
	On       []string `json:"on,omitempty"` // failure, timeout, skipped, retriesExhausted, success, recovery
	To       []string `json:"to,omitempty"`
	Webhook  bool     `json:"webhook,omitempty"`
	Reminder Duration `json:"reminder,omitempty"`
	Attach   bool     `json:"attachOutput,omitempty"`
}

// RunAs is the principal Task Scheduler runs the task as (used at registration).
type RunAs struct {
	Type      string `json:"type"`                // system | user | gmsa
	User      string `json:"user,omitempty"`      // DOMAIN\user, or DOMAIN\name$ for a gMSA
	LogonType string `json:"logonType,omitempty"` // s4u | password (type user)
	RunLevel  string `json:"runLevel,omitempty"`  // limited | highest
}

// Heartbeat pings a monitoring URL (healthchecks.io style) when the command
// starts and when the run ends. The URL usually embeds a secret: it is never
// logged, recorded or printed.
type Heartbeat struct {
	URL           string   `json:"url"`
	Method        string   `json:"method,omitempty"`        // GET (default) or POST
	StartSuffix   string   `json:"startSuffix,omitempty"`   // default "/start"
	SuccessSuffix string   `json:"successSuffix,omitempty"` // default "" (the URL itself)
	FailSuffix    string   `json:"failSuffix,omitempty"`    // default "/fail"
	Timeout       Duration `json:"timeout,omitempty"`       // per ping, default 5s, 100ms..30s
}
