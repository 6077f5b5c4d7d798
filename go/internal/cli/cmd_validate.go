package cli

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

const validateUsage = `Validate task definitions against the schema and the semantic rules.
With no arguments, every definition in the store is validated.

Usage:
  orc-exec validate [<task>...] [flags]
  orc-exec validate --file <path> [--file <path>...]   (a file outside the store; "-" reads stdin)

Examples:
  orc-exec validate
  orc-exec validate db-export
  orc-exec validate --file ./db-export.json
  Get-Content db-export.json | orc-exec validate --file -
`

// ValidationReport is what 'validate' prints per file: schema orc.validate/v1.
type ValidationReport struct {
	Schema string              `json:"schema"`
	Task   string              `json:"task,omitempty"`
	File   string              `json:"file"`
	Valid  bool                `json:"valid"`
	Errors []ValidationProblem `json:"errors,omitempty"`
}

// ValidationProblem is one FieldError as data.
type ValidationProblem struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
	Fix     string `json:"fix"`
}

func cmdValidate(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("validate", validateUsage)
	files := fs.StringArray("file", nil, "validate this file instead of a stored task (\"-\" = stdin)")
	if done, code := a.parse(fs, validateUsage, args); done {
		return code
	}
	var reports []ValidationReport
	missing := 0
	if len(*files) > 0 {
		if fs.NArg() > 0 {
			return a.fail(exitcode.Usage, errors.New("give task names or --file, not both"), "orc-exec validate --file <path>")
		}
		for _, f := range *files {
			reports = append(reports, a.validateFile(f))
		}
	} else {
		s, code := a.readStore()
		if s == nil {
			return code
		}
		names := fs.Args()
		if len(names) == 0 {
			all, err := s.TaskNames()
			if err != nil {
				return a.fail(exitcode.Internal, err, "")
			}
			names = all
		}
		for _, n := range names {
			if err := definition.ValidName(n); err != nil {
				reports = append(reports, report(n, n, err))
				continue
			}
			f, _ := s.TaskFile(n)
			_, err := definition.Load(f)
			if errors.Is(err, os.ErrNotExist) {
				missing++
				err = &definition.FieldError{File: f, Field: "(file)", Problem: "task \"" + n + "\" not found", Fix: "run 'orc-exec list' to see the tasks"}
			}
			reports = append(reports, report(n, f, err))
		}
	}
	invalid := 0
	for _, r := range reports {
		if !r.Valid {
			invalid++
		}
	}
	if a.table() {
		tw := newTable(a.io.Stdout)
		tw.AppendHeader(table.Row{"File", "Valid", "Field", "Problem", "Fix"})
		for _, r := range reports {
			if r.Valid {
				tw.AppendRow(table.Row{r.File, "true", "", "", ""})
			}
			for _, e := range r.Errors {
				tw.AppendRow(table.Row{r.File, "false", e.Field, e.Problem, e.Fix})
			}
		}
		tw.Render()
	} else {
		for _, r := range reports {
			writeJSONLine(a.io.Stdout, r)
		}
	}
	if invalid > 0 {
		for _, r := range reports {
			for _, e := range r.Errors {
				a.fail(exitcode.Definition, errors.New(r.File+": "+e.Field+": "+e.Problem+"; fix: "+e.Fix), "")
			}
		}
		if missing == invalid {
			return exitcode.NotFound
		}
		return exitcode.Definition
	}
	return exitcode.Success
}

func (a *app) validateFile(f string) ValidationReport {
	var data []byte
	var err error
	name := f
	if f == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(a.io.Stdin, 1<<20))
	} else {
		data, err = os.ReadFile(f)
	}
	if err != nil {
		return report("", name, &definition.FieldError{File: name, Field: "(file)", Problem: err.Error(), Fix: "check the path"})
	}
	t, err := definition.Parse(name, data)
	task := ""
	if t != nil {
		task = t.Name
	}
	return report(task, name, err)
}

func report(task, file string, err error) ValidationReport {
	r := ValidationReport{Schema: "orc.validate/v1", Task: task, File: file, Valid: err == nil}
	if err == nil {
		return r
	}
	var fes definition.Errors
	var fe *definition.FieldError
	switch {
	case errors.As(err, &fes):
		for _, e := range fes {
			r.Errors = append(r.Errors, ValidationProblem{e.Field, e.Problem, e.Fix})
		}
	case errors.As(err, &fe):
		r.Errors = append(r.Errors, ValidationProblem{fe.Field, fe.Problem, fe.Fix})
	default:
		r.Errors = append(r.Errors, ValidationProblem{"name", err.Error(), "use letters, digits, '.', '_' and '-' only"})
	}
	return r
}
