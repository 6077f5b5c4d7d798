// Package importer turns foreign task lists into task definitions: a
// crontab (user or /etc/cron.d format), a task exported from Windows Task
// Scheduler as XML, and a plain JSON or CSV task list. Each source entry
// becomes one Entry: converted, with a definition that passed the same
// validation as 'orc-exec define' (definition.Parse), or refused, with the
// reason and the field. docs/import.md is the user's view.
package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// Status says what became of one source entry.
type Status string

const (
	Converted Status = "converted"
	Refused   Status = "refused"
)

// Entry is one source entry's result: one NDJSON line of 'orc-exec import'.
type Entry struct {
	Name       string          `json:"name,omitempty"`
	Source     string          `json:"source"` // file:line (or the file for a whole-file source)
	Status     Status          `json:"status"`
	Reason     string          `json:"reason,omitempty"`
	Field      string          `json:"field,omitempty"`
	Definition json.RawMessage `json:"definition,omitempty"`
}

// refuse is an Entry that did not convert.
func refuse(name, source, field, reason string) Entry {
	return Entry{Name: name, Source: source, Status: Refused, Field: field, Reason: reason}
}

// convert validates t exactly as 'define' does and returns the Entry.
func convert(t *definition.Task, source string) Entry {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // commands carry >, < and &
	enc.SetIndent("", "  ")
	if err := enc.Encode(t); err != nil {
		return refuse(t.Name, source, "", fmt.Sprintf("could not encode the definition: %v", err))
	}
	data := buf.Bytes()
	if _, err := definition.Parse(t.Name+".json", data); err != nil {
		var es definition.Errors
		if errors.As(err, &es) && len(es) > 0 {
			return refuse(t.Name, source, es[0].Field, es[0].Problem+"; fix: "+es[0].Fix)
		}
		return refuse(t.Name, source, "", err.Error())
	}
	return Entry{Name: t.Name, Source: source, Status: Converted, Definition: data}
}

// namer hands out task names: stable slugs, de-duplicated in source order.
type namer struct{ used map[string]bool }

func newNamer() *namer { return &namer{used: map[string]bool{}} }

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slug makes s a valid task name (or "" when nothing is left).
func slug(s string) string {
	s = strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(s) > 48 {
		s = strings.TrimRight(s[:48], "-")
	}
	if s != "" && definition.ValidName(s) != nil {
		s = "task-" + s // a Windows device name such as "con"
	}
	return s
}

// take returns want, or want-2, want-3 … when it is taken already.
func (n *namer) take(want string) string {
	name := want
	for k := 2; n.used[name]; k++ {
		name = want + "-" + strconv.Itoa(k)
	}
	n.used[name] = true
	return name
}
