package importer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// ListItem is one task of a plain task list (docs/import.md): what a
// custom poller's configuration is exported to.
type ListItem struct {
	Name             string   `json:"name"`
	Cron             string   `json:"cron"`
	Timezone         string   `json:"timezone,omitempty"`
	Command          string   `json:"command"`
	Arguments        []string `json:"arguments,omitempty"`
	WorkingDirectory string   `json:"workingDirectory,omitempty"`
	// Dependencies are task names, or typed checks written type:target:
	// "tcp:db:5432", "path:/data/ready", "http://host/health", "dns:host",
	// "service:Spooler", "process:postgres".
	Dependencies []string `json:"dependencies,omitempty"`
	Retries      int      `json:"retries,omitempty"` // attempts after the first
	Timeout      string   `json:"timeout,omitempty"` // "90s", "2h", "1d"
	Notify       []string `json:"notify,omitempty"`  // mail addresses told of failures
}

// listColumns are the CSV header's names (any order; name, cron and
// command are required).
var listColumns = []string{"name", "cron", "timezone", "command", "arguments", "workingDirectory", "dependencies", "retries", "timeout", "notify"}

// ListJSON converts a JSON task list: an array of ListItem objects.
func ListJSON(data []byte, file string) []Entry {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return []Entry{refuse("", file, "", fmt.Sprintf("is not a JSON array of tasks: %v; fix: write [{\"name\": …, \"cron\": …, \"command\": …}, …]", err))}
	}
	names := newNamer()
	var out []Entry
	for k, r := range raw {
		src := fmt.Sprintf("%s:[%d]", file, k)
		var it ListItem
		dec := json.NewDecoder(bytes.NewReader(r))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			out = append(out, refuse("", src, "", fmt.Sprintf("could not read the task: %v; fix: use only the fields %s", err, strings.Join(listColumns, ", "))))
			continue
		}
		out = append(out, listEntry(it, src, names))
	}
	return out
}

// ListCSV converts a CSV task list with a header row of listColumns.
// arguments are split at blanks (double quotes group), dependencies and
// notify at ';'.
func ListCSV(data []byte, file string) []Entry {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return []Entry{refuse("", file, "", fmt.Sprintf("could not read the CSV header: %v; fix: start with the line name,cron,command,…", err))}
	}
	col := map[string]int{}
	for k, h := range header {
		h = strings.TrimSpace(h)
		known := false
		for _, c := range listColumns {
			if strings.EqualFold(h, c) {
				col[c], known = k, true
			}
		}
		if !known {
			return []Entry{refuse("", file+":1", h, fmt.Sprintf("%q is not a column; fix: use %s", h, strings.Join(listColumns, ", ")))}
		}
	}
	for _, c := range []string{"name", "cron", "command"} {
		if _, ok := col[c]; !ok {
			return []Entry{refuse("", file+":1", c, fmt.Sprintf("the header has no %q column; fix: add it", c))}
		}
	}
	names := newNamer()
	var out []Entry
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		src := fmt.Sprintf("%s:%d", file, line)
		if err != nil {
			out = append(out, refuse("", src, "", fmt.Sprintf("could not read the row: %v", err)))
			continue
		}
		get := func(c string) string {
			if k, ok := col[c]; ok && k < len(rec) {
				return strings.TrimSpace(rec[k])
			}
			return ""
		}
		it := ListItem{Name: get("name"), Cron: get("cron"), Timezone: get("timezone"), Command: get("command"),
			Arguments: splitArgs(get("arguments")), WorkingDirectory: get("workingDirectory"),
			Dependencies: splitList(get("dependencies")), Timeout: get("timeout"), Notify: splitList(get("notify"))}
		if s := get("retries"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				out = append(out, refuse(it.Name, src, "retries", fmt.Sprintf("%q is not a whole number; fix: write the attempts after the first, e.g. 2", s)))
				continue
			}
			it.Retries = n
		}
		out = append(out, listEntry(it, src, names))
	}
	return out
}

func listEntry(it ListItem, src string, names *namer) Entry {
	if it.Name == "" {
		return refuse("", src, "name", "is required; fix: give every task a name such as \"db-export\"")
	}
	if names.used[it.Name] {
		return refuse(it.Name, src, "name", "is used by an earlier task in the list; fix: give each task its own name")
	}
	names.take(it.Name)
	if it.Cron == "" {
		return refuse(it.Name, src, "cron", "is required; fix: write a 5-field cron expression such as \"0 2 * * *\"")
	}
	t := &definition.Task{Name: it.Name, Description: "imported from " + src,
		Schedule: &definition.Schedule{Cron: it.Cron, Timezone: it.Timezone},
		Action:   definition.Action{Command: it.Command, Arguments: it.Arguments, WorkingDirectory: it.WorkingDirectory}}
	if it.Timeout != "" {
		d, err := definition.ParseDuration(it.Timeout)
		if err != nil {
			return refuse(it.Name, src, "timeout", fmt.Sprintf("%q is not a duration; fix: write e.g. \"90s\", \"2h\" or \"1d\"", it.Timeout))
		}
		t.Timeout = definition.Duration(d)
	}
	if it.Retries < 0 {
		return refuse(it.Name, src, "retries", fmt.Sprintf("%d is negative; fix: write the attempts after the first, 0 or more", it.Retries))
	}
	if it.Retries > 0 {
		t.Retry = &definition.Retry{Attempts: it.Retries + 1}
	}
	if len(it.Dependencies) > 0 {
		t.Dependencies = &definition.Dependencies{}
		for _, d := range it.Dependencies {
			t.Dependencies.Checks = append(t.Dependencies.Checks, dependencyCheck(d))
		}
	}
	if len(it.Notify) > 0 {
		t.Notify = &definition.Notify{On: []string{"failure"}, To: it.Notify}
	}
	e := convert(t, src)
	e.Field = listField(e.Field)
	return e
}

// listField names a definition field as the list calls it.
func listField(f string) string {
	switch {
	case f == "schedule.cron":
		return "cron"
	case f == "schedule.timezone":
		return "timezone"
	case f == "action.command":
		return "command"
	case strings.HasPrefix(f, "action.arguments"):
		return "arguments"
	case f == "action.workingDirectory":
		return "workingDirectory"
	case strings.HasPrefix(f, "dependencies"):
		return "dependencies"
	case strings.HasPrefix(f, "retry"):
		return "retries"
	case strings.HasPrefix(f, "notify"):
		return "notify"
	}
	return f
}

// dependencyCheck reads one dependency of a list: a task name, a URL, or
// type:target.
func dependencyCheck(d string) definition.Check {
	if strings.HasPrefix(d, "http://") || strings.HasPrefix(d, "https://") {
		return definition.Check{Type: definition.CheckHTTP, URL: d}
	}
	kind, target, ok := strings.Cut(d, ":")
	if !ok {
		return definition.Check{Type: definition.CheckTask, Task: d}
	}
	switch definition.CheckType(kind) {
	case definition.CheckTCP:
		return definition.Check{Type: definition.CheckTCP, Address: target}
	case definition.CheckPath:
		return definition.Check{Type: definition.CheckPath, Path: target}
	case definition.CheckDNS:
		return definition.Check{Type: definition.CheckDNS, Host: target}
	case definition.CheckService:
		return definition.Check{Type: definition.CheckService, Service: target}
	case definition.CheckProcess:
		return definition.Check{Type: definition.CheckProcess, Process: target}
	case definition.CheckTask:
		return definition.Check{Type: definition.CheckTask, Task: target}
	}
	// Validation names the unknown type and the fix.
	return definition.Check{Type: definition.CheckType(kind)}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitArgs splits at blanks; double quotes group, "" inside quotes is one ".
func splitArgs(s string) []string {
	var out []string
	var cur strings.Builder
	in, have := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' && in && i+1 < len(s) && s[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			in, have = !in, true
		case (c == ' ' || c == '\t') && !in:
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(c)
			have = true
		}
	}
	if have {
		out = append(out, cur.String())
	}
	return out
}
