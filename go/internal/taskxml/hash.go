package taskxml

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strconv"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// RenderVersion numbers the layout Render produces. It goes into the
// registered task (see Documentation) beside the definition hash, so the
// PowerShell module can tell a task rendered by an older orc-exec, whose
// XML may differ for the same definition, and re-register it.
const RenderVersion = 1

// DefinitionHash is the hex SHA-256 of the definition's canonical JSON:
// the Task with its defaults applied, "$schema" and "enabled" dropped
// (enabling and disabling toggle the registration in place, so they are not
// drift), marshalled by encoding/json (fields in declaration
// order, map keys sorted, durations in their canonical string form, no
// HTML escaping). Two definitions that run the same way hash the same
// however they were formatted; any change to what runs changes the hash.
// Render stores it in the task's RegistrationInfo/Documentation so drift
// between the store and Task Scheduler can be detected (see Documentation).
func DefinitionHash(t *definition.Task) string {
	sum := sha256.Sum256(canonicalJSON(t))
	return hex.EncodeToString(sum[:])
}

func canonicalJSON(t *definition.Task) []byte {
	// A deep copy through JSON, so ApplyDefaults cannot touch the caller's task.
	raw, err := json.Marshal(t)
	if err != nil {
		return nil // a Task always marshals; keep the hash total anyway
	}
	var c definition.Task
	if err := json.Unmarshal(raw, &c); err != nil {
		return raw
	}
	c.Schema = ""
	c.Enabled = nil
	c.ApplyDefaults()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(&c)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// Documentation is the RegistrationInfo/Documentation text Render writes.
// Task Scheduler stores it verbatim and returns it from Export-ScheduledTask
// and Get-ScheduledTask (.Documentation); it is not shown in the Task
// Scheduler console's General tab, so it can hold machine data without
// cluttering the admin's view (the Description stays the definition's).
func Documentation(hash string) string {
	return "Managed by Orchestrator: change the task definition and register it again, not this task. " +
		"definition-sha256=" + hash + " render=" + strconv.Itoa(RenderVersion)
}

var docPattern = regexp.MustCompile(`definition-sha256=([0-9a-f]{64}) render=([0-9]+)`)

// ParseDocumentation reads back what Documentation wrote: the definition
// hash and the render version. ok is false for a task Orchestrator did not
// render (or whose Documentation someone edited).
func ParseDocumentation(doc string) (hash string, render int, ok bool) {
	m := docPattern.FindStringSubmatch(doc)
	if m == nil {
		return "", 0, false
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		return "", 0, false
	}
	return m[1], n, true
}
