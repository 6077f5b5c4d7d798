package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

const defineUsage = `Validate a task definition and store it, atomically, as tasks/<name>.json.
Storing an unchanged definition again changes nothing and says so
("changed": false). The PowerShell module's Register-OrcTask uses this.

Usage:
  orc-exec define --file <path|-> [flags]

Examples:
  orc-exec define --file ./db-export.json
  Get-Content db-export.json -Raw | orc-exec define --file -
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

func cmdDefine(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("define", defineUsage)
	file := fs.String("file", "", "the definition to store (\"-\" = stdin)")
	if done, code := a.parse(fs, defineUsage, args); done {
		return code
	}
	if *file == "" || fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errors.New("define takes --file and no arguments"), "orc-exec define --file <path|->")
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
	t, err := definition.Parse(target, data)
	if err != nil {
		writeJSONLine(a.io.Stdout, report(head.Name, *file, err))
		return a.fail(exitcode.Definition, err, "fix the definition, then define it again")
	}
	rep := DefineReport{Schema: "orc.define/v1", Task: t.Name, File: target, Changed: true}
	if old, err := os.ReadFile(target); err == nil {
		if prev, err := definition.Parse(target, old); err == nil && sameTask(prev, t) {
			rep.Changed = false
		}
	}
	if rep.Changed {
		if err := definition.Save(target, t); err != nil {
			return a.fail(exitcode.Internal, err, "check that you may write to the store's tasks folder")
		}
	}
	writeJSONLine(a.io.Stdout, rep)
	return exitcode.Success
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
