package logging

// Field keys, defined once so every log line spells them the same way
// (camelCase, matching the result record's JSON keys).
const (
	KeyTask       = "task"
	KeyRunID      = "runId"
	KeyTrigger    = "trigger"
	KeyAttempt    = "attempt"
	KeyAttempts   = "attempts"
	KeyExitCode   = "exitCode"
	KeyStatus     = "status"
	KeyDurationMs = "durationMs"
	KeyDelayMs    = "delayMs"
	KeyCheck      = "check"
	KeyMet        = "met"
	KeyReason     = "reason"
	KeyPath       = "path"
	KeyPID        = "pid"
	KeyCommand    = "command"
	KeyArgCount   = "argCount"
	KeyPolicy     = "policy"
	KeyVersion    = "version"
)
