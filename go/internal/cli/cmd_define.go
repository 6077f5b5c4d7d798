package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

const defineUsage = `Validate a task definition and store it, atomically, as tasks/<name>.json.
Storing an unchanged definition again changes nothing and says so
("changed": false). The PowerShell module's Register-OrcTask uses this.

With a task name, --set changes fields of the stored definition in place:
the path names a member (schedule.cron, dependencies.checks[1].path, and
checks[] appends), the value is JSON (quote strings; null removes the
member). The result is validated like any definition and written
atomically; only Go's JSON codec touches the values, so every other string
stays byte for byte. --export prints the stored definition's text as it is
(an orc.export/v1 record with --output json), for Export-OrcTask.

--exact stores the file's bytes as given rather than in the canonical form
(after the same validation); Register-OrcTask uses it to put back the
previous definition when the scheduler refuses a new one.

--files stores many definition files in one call (Sync-OrcTask uses it): a
file with one path per line ("-" for stdin). Each file gets its own
orc.define/v1 record, or an orc.validate/v1 record with its errors; one
invalid file does not stop the others, and the exit code is then 3.

Usage:
  orc-exec define --file <path|-> [--exact] [flags]
  orc-exec define --files <list|-> [flags]
  orc-exec define <task> --set <path>=<json> [--set ...] [flags]
  orc-exec define <task> --export [flags]

Examples:
  orc-exec define --file ./db-export.json
  Get-Content db-export.json -Raw | orc-exec define --file -
  orc-exec define db-export --set 'timeout="2h"' --set enabled=false
  orc-exec define db-export --set schedule.cron='"0 3 * * *"' --set schedule.interval=null
  orc-exec define db-export --export --output table > db-export.json
  printf '%s\n' ./a.json ./b.json | orc-exec define --files -
`

const undefineUsage = `Remove a task's definition from the store. Its history, output files and
logs stay, so past runs can still be read.

Usage:
  orc-exec undefine <task> [flags]

Examples:
  orc-exec undefine db-export
`

// DefineReport is what 'define' prints: schema orc.define/v1.
type DefineReport struct {
	Schema  string `json:"schema"`
	Task    string `json:"task"`
	File    string `json:"file"`
	Changed bool   `json:"changed"`
}

// UndefineReport is what 'undefine' prints: schema orc.undefine/v1.
type UndefineReport struct {
	Schema  string `json:"schema"`
	Task    string `json:"task"`
	Removed bool   `json:"removed"`
}

// ExportReport is what 'define <task> --export' prints with --output json:
// schema orc.export/v1. JSON is the stored file's text, unchanged.
type ExportReport struct {
	Schema string `json:"schema"`
	Task   string `json:"task"`
	File   string `json:"file"`
	JSON   string `json:"json"`
}

func cmdDefine(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("define", defineUsage)
	file := fs.String("file", "", "the definition to store (\"-\" = stdin)")
	exact := fs.Bool("exact", false, "with --file: store the bytes as given, not the canonical form")
	sets := fs.StringArray("set", nil, "with a task name: path=value (JSON) to change; repeatable")
	export := fs.Bool("export", false, "with a task name: print the stored definition")
	files := fs.String("files", "", "store every definition file listed in this file, one path per line (\"-\" = stdin)")
	if done, code := a.parse(fs, defineUsage, args); done {
		return code
	}
	if *files != "" {
		if *file != "" || fs.NArg() != 0 || len(*sets) > 0 || *export || *exact {
			return a.fail(exitcode.Usage, errors.New("--files takes no task name, --file, --set, --export or --exact"), "orc-exec define --files <list|->")
		}
		return defineFiles(a, *files)
	}
	if fs.NArg() == 1 && *file == "" && !*exact && (len(*sets) > 0) != *export {
		if *export {
			return exportDefinition(a, fs.Arg(0))
		}
		return editDefinition(a, fs.Arg(0), *sets)
	}
	if *file == "" || fs.NArg() != 0 || len(*sets) > 0 || *export {
		return a.fail(exitcode.Usage, errors.New("define takes either --file and no arguments, or a task name with --set or --export"),
			"orc-exec define --file <path|->, orc-exec define <task> --set path=value, or orc-exec define <task> --export")
	}
	var data []byte
	var err error
	if *file == "-" {
		data, err = io.ReadAll(io.LimitReader(a.io.Stdin, definition.MaxFileSize+1))
	} else {
		data, err = os.ReadFile(*file)
	}
	if err != nil {
		return a.fail(exitcode.Usage, err, "check the path")
	}
	// Files saved by Windows PowerShell 5.1 or Notepad may carry a BOM.
	data = definition.DecodeText(data)
	// The name decides the target file, and Parse checks it matches.
	var head struct {
		Name string `json:"name"`
	}
	_ = json.Unmarshal(data, &head)
	if err := definition.ValidName(head.Name); err != nil {
		writeJSONLine(a.io.Stdout, report("", *file, &definition.FieldError{File: *file, Field: "name", Problem: err.Error(), Fix: "set \"name\" to 1-64 letters, digits, '.', '_' or '-'"}))
		return a.fail(exitcode.Definition, fmt.Errorf("%s: name: %w", *file, err), "")
	}
	s, code := a.openStore()
	if s == nil {
		return code
	}
	target, _ := s.TaskFile(head.Name)
	return storeDefinition(a, head.Name, *file, target, data, *exact)
}

// defineFiles stores each file listed in list (one path per line), so that
// Sync-OrcTask stores any number of changed definitions with one process.
func defineFiles(a *app, list string) exitcode.Code {
	var data []byte
	var err error
	if list == "-" {
		data, err = io.ReadAll(a.io.Stdin)
	} else {
		data, err = os.ReadFile(list)
	}
	if err != nil {
		return a.fail(exitcode.Usage, fmt.Errorf("could not read --files: %w", err), "give a file with one definition path per line, or - for stdin")
	}
	s, code := a.openStore()
	if s == nil {
		return code
	}
	result := exitcode.Success
	for _, line := range strings.Split(string(data), "\n") {
		path := strings.TrimSpace(line)
		if path == "" {
			continue
		}
		if code := defineOne(a, s, path); code != exitcode.Success {
			result = code
		}
	}
	return result
}

// defineOne stores the definition file at path under its own name.
func defineOne(a *app, s *store.Store, path string) exitcode.Code {
	data, err := os.ReadFile(path)
	if err != nil {
		writeJSONLine(a.io.Stdout, report("", path, &definition.FieldError{File: path, Problem: err.Error(), Fix: "check the path"}))
		return a.fail(exitcode.Definition, fmt.Errorf("could not read %s: %w", path, err), "")
	}
	data = definition.DecodeText(data)
	var head struct {
		Name string `json:"name"`
	}
	_ = json.Unmarshal(data, &head)
	if err := definition.ValidName(head.Name); err != nil {
		writeJSONLine(a.io.Stdout, report("", path, &definition.FieldError{File: path, Field: "name", Problem: err.Error(), Fix: "set \"name\" to 1-64 letters, digits, '.', '_' or '-'"}))
		return a.fail(exitcode.Definition, fmt.Errorf("%s: name: %w", path, err), "")
	}
	target, _ := s.TaskFile(head.Name)
	return storeDefinition(a, head.Name, path, target, data, false)
}

// storeDefinition validates data as the definition in target and stores it
// unless the stored one is the same task; exact keeps data's bytes.
func storeDefinition(a *app, name, label, target string, data []byte, exact bool) exitcode.Code {
	t, err := definition.Parse(target, data)
	if err != nil {
		writeJSONLine(a.io.Stdout, report(name, label, err))
		return a.fail(exitcode.Definition, err, "fix the definition, then define it again")
	}
	rep := DefineReport{Schema: "orc.define/v1", Task: t.Name, File: target, Changed: true}
	old, oldErr := os.ReadFile(target)
	if oldErr == nil {
		if exact {
			rep.Changed = !bytes.Equal(old, data)
		} else if prev, err := definition.Parse(target, old); err == nil && sameTask(prev, t) {
			rep.Changed = false
		}
	}
	if rep.Changed {
		if exact {
			err = definition.SaveExact(target, data)
		} else {
			err = definition.Save(target, t)
		}
		if err != nil {
			return a.fail(exitcode.Internal, err, "check that you may write to the store's tasks folder")
		}
	}
	writeJSONLine(a.io.Stdout, rep)
	return exitcode.Success
}

// storedDefinition reads a task's stored file after the same checks as
// loadTask (it exists; only an admin could have written it), but does not
// validate it: an invalid definition must still be exportable and fixable.
func (a *app) storedDefinition(name string, create bool) (string, []byte, exitcode.Code) {
	if err := definition.ValidName(name); err != nil {
		return "", nil, a.fail(exitcode.Definition, err, "task names use letters, digits, '.', '_' and '-' only")
	}
	s, code := a.storeAt(create)
	if s == nil {
		return "", nil, code
	}
	file, _ := s.TaskFile(name)
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		return "", nil, a.fail(exitcode.NotFound, fmt.Errorf("task %q not found: %s does not exist", name, file), "run 'orc-exec list' to see the tasks, or register it first")
	}
	// Checked and read on one handle, as loadTask does: an exported or
	// edited definition is what the store's rules let run.
	data, err := s.ReadTask(name)
	if err != nil {
		code := exitcode.Internal
		if errors.Is(err, store.ErrInsecure) {
			code = exitcode.Insecure
		}
		return "", nil, a.fail(code, err, "only administrators (root) may be able to change task definitions")
	}
	return file, data, exitcode.Success
}

func exportDefinition(a *app, name string) exitcode.Code {
	file, data, code := a.storedDefinition(name, false)
	if data == nil {
		return code
	}
	if a.table() {
		_, _ = a.io.Stdout.Write(data)
		return exitcode.Success
	}
	writeJSONLine(a.io.Stdout, ExportReport{Schema: "orc.export/v1", Task: name, File: file, JSON: string(definition.DecodeText(data))})
	return exitcode.Success
}

func editDefinition(a *app, name string, sets []string) exitcode.Code {
	edits := make([]definition.Edit, 0, len(sets))
	for _, s := range sets {
		e, err := definition.ParseEdit(s)
		if err != nil {
			return a.fail(exitcode.Usage, err, `orc-exec define <task> --set 'path=<json>', e.g. --set 'timeout="2h"'`)
		}
		edits = append(edits, e)
	}
	file, data, code := a.storedDefinition(name, true)
	if data == nil {
		return code
	}
	edited, err := definition.ApplyEdits(data, edits)
	if err != nil {
		writeJSONLine(a.io.Stdout, report(name, file, &definition.FieldError{File: file, Problem: err.Error(), Fix: "name a member of the definition; `orc-exec schema` shows every field"}))
		return a.fail(exitcode.Definition, err, "")
	}
	return storeDefinition(a, name, file, file, edited, false)
}

// sameTask compares two definitions after defaults, so formatting and
// explicit defaults do not count as a change.
func sameTask(a, b *definition.Task) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func cmdUndefine(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("undefine", undefineUsage)
	if done, code := a.parse(fs, undefineUsage, args); done {
		return code
	}
	if fs.NArg() != 1 {
		return a.fail(exitcode.Usage, errArgs("undefine", "exactly one task name", fs.NArg()), "orc-exec undefine <task>")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	target, err := s.TaskFile(fs.Arg(0))
	if err != nil {
		return a.fail(exitcode.Definition, err, "")
	}
	rep := UndefineReport{Schema: "orc.undefine/v1", Task: fs.Arg(0), Removed: true}
	if err := os.Remove(target); errors.Is(err, os.ErrNotExist) {
		rep.Removed = false
	} else if err != nil {
		return a.fail(exitcode.Internal, err, "check that you may write to the store's tasks folder")
	}
	writeJSONLine(a.io.Stdout, rep)
	return exitcode.Success
}
