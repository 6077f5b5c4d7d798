package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

const renderUsage = `Print the Task Scheduler XML for a task: its schedule planned as native
triggers, the orc-exec action, principal and settings. The PowerShell module
registers it with Register-ScheduledTask -Xml under \Orchestrator\Orc_<task>.

The XML has no declaration and is UTF-8: read it as a string and pass it to
-Xml as is. To save it for schtasks /Create /XML, write it as UTF-16 with a BOM.

With --all, every valid stored task is rendered in one call, one
orc.render/v1 JSON line each ({"task","xml"}, or "error"). With --registered,
the XML Task Scheduler holds for each task (NDJSON lines {"task","xml"} or
one JSON array of them, "-" for stdin) is compared with what would be
rendered now, and each record names the parts that differ in "drift"
(Triggers, Principal, Settings, Actions), ignoring what Task Scheduler
rewrites on registration.

With --dir, the definitions in a folder (every *.json, or one file) are
rendered instead of the stored ones, for Sync-OrcTask and Test-OrcTaskState:
each record also carries the file, the definition, its hash and "stored"
(same, different or missing: how the store's definition of that name
compares), and every stored task the folder lacks gets a record with
"extra": true. Nothing is written. --no-xml leaves the XML out (the cron
backend compares crontab lines, not XML).

Usage:
  orc-exec render <task> [--exec-path PATH] [--author NAME] [flags]
  orc-exec render --file <def.json> [--exec-path PATH] [flags]
  orc-exec render --all [--exec-path PATH] [--registered FILE|-] --output json
  orc-exec render --dir <folder|file.json> [--exec-path PATH] [--registered FILE|-] [--no-xml] --output json

Examples:
  orc-exec render db-export --exec-path "C:\Program Files\Orchestrator\orc-exec.exe"
  orc-exec render --file ./db-export.json > db-export.xml
  orc-exec render --all --registered exported.ndjson --output json
  orc-exec render --dir ./tasks --registered - --output json < registered.ndjson
`

func cmdRender(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("render", renderUsage)
	execPath := fs.String("exec-path", "", "path of orc-exec.exe on the target host (default: this binary)")
	file := fs.String("file", "", "render this definition file instead of a stored task")
	author := fs.String("author", "", "RegistrationInfo/Author, e.g. DOMAIN\\admin (default: none)")
	all := fs.Bool("all", false, "render every valid stored task, one orc.render/v1 line each")
	registered := fs.String("registered", "", "with --all or --dir: NDJSON {task, xml} of the registered tasks to compare with (- for stdin)")
	dir := fs.String("dir", "", "render the definitions in this folder (or file) and compare them with the store")
	noXML := fs.Bool("no-xml", false, "with --dir: compare with the store only, render no XML (the cron backend needs none)")
	if done, code := a.parse(fs, renderUsage, args); done {
		return code
	}
	var t *definition.Task
	switch {
	case *all && *file == "" && *dir == "" && fs.NArg() == 0:
		return a.renderAll(*execPath, *author, *registered)
	case *dir != "" && !*all && *file == "" && fs.NArg() == 0:
		return a.renderDir(*dir, *execPath, *author, *registered, *noXML)
	case *all || *registered != "" || *dir != "" || *noXML:
		return a.fail(exitcode.Usage, errors.New("--all and --dir take no task name and no --file, only one of them is given, and --registered needs one"),
			"orc-exec render --all|--dir <folder> [--registered FILE] --output json")
	case *file != "" && fs.NArg() <= 1:
		var err error
		if t, err = definition.Load(*file); err != nil {
			return a.fail(exitcode.Definition, err, "fix the definition, then check it with 'orc-exec validate --file "+*file+"'")
		}
		if fs.NArg() == 1 && fs.Arg(0) != t.Name {
			return a.fail(exitcode.Usage, fmt.Errorf("%s defines task %q, not %q", *file, t.Name, fs.Arg(0)), "give the task's own name, or only --file")
		}
	case *file == "" && fs.NArg() == 1:
		s, code := a.readStore()
		if s == nil {
			return code
		}
		if t, code = a.loadTask(s, fs.Arg(0)); t == nil {
			return code
		}
	default:
		return a.fail(exitcode.Usage, errArgs("render", "one task name or --file", fs.NArg()), "orc-exec render <task>")
	}

	o, code := a.renderOptions(*execPath, *author)
	if code != exitcode.Success {
		return code
	}
	out, err := renderTask(t, o)
	var plan *planError
	if errors.As(err, &plan) {
		return a.fail(exitcode.Definition, err, "simplify the schedule; 'orc-exec validate' explains each field")
	}
	if err != nil {
		var es taskxml.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				a.fail(exitcode.Definition, e, "")
			}
			return a.fail(exitcode.Definition, fmt.Errorf("task %s cannot be registered as rendered", t.Name), "fix the fields above")
		}
		return a.fail(exitcode.Internal, err, "")
	}
	_, _ = a.io.Stdout.Write(out)
	return exitcode.Success
}

// explicitHome is the store as an absolute path when it was chosen with
// --home or ORC_HOME, else "". The process Task Scheduler starts sees
// neither the registering shell's flags nor its environment, so an explicit
// store is passed on the command line; the platform default needs nothing.
func (a *app) explicitHome() string {
	h := a.g.home
	if h == "" {
		h = os.Getenv("ORC_HOME")
	}
	if h == "" {
		return ""
	}
	if abs, err := filepath.Abs(h); err == nil {
		return abs
	}
	return h
}

func (a *app) renderOptions(execPath, author string) (taskxml.Options, exitcode.Code) {
	o := taskxml.Options{ExecPath: execPath, Home: a.explicitHome(), Author: author, Now: time.Now()}
	if o.ExecPath == "" {
		exe, err := os.Executable()
		if err != nil {
			return o, a.fail(exitcode.Internal, fmt.Errorf("could not find orc-exec's own path: %w", err), "pass --exec-path")
		}
		o.ExecPath = exe
	}
	return o, exitcode.Success
}

type planError struct{ err error }

func (e *planError) Error() string { return e.err.Error() }
func (e *planError) Unwrap() error { return e.err }

// renderTask plans t's schedule (none: on demand only) and renders its XML.
func renderTask(t *definition.Task, o taskxml.Options) ([]byte, error) {
	p := schedule.Plan{} // no schedule: on-demand only
	sp, err := t.Schedule.Spec()
	if err != nil {
		return nil, &planError{err}
	}
	if !sp.None() {
		if p, err = cronplan.PlanSchedule(sp, time.Local, o.Now); err != nil {
			return nil, &planError{fmt.Errorf("could not plan the schedule of %s: %w", t.Name, err)}
		}
	}
	return taskxml.Render(t, p, o)
}

// RenderRecord is one line of 'render --all --output json': schema orc.render/v1.
type RenderRecord struct {
	Schema string `json:"schema"`
	Task   string `json:"task"`
	XML    string `json:"xml,omitempty"`
	// Compared says the task's registered XML was given; Drift then lists
	// the parts that differ (none: in sync).
	Compared bool     `json:"compared,omitempty"`
	Drift    []string `json:"drift,omitempty"`
	Error    string   `json:"error,omitempty"`
	// With --dir: the definition file, the definition and its hash, how the
	// store's definition of the same name compares (same, different,
	// missing), and Extra for a stored task the folder does not have.
	File           string           `json:"file,omitempty"`
	Definition     *definition.Task `json:"definition,omitempty"`
	DefinitionHash string           `json:"definitionHash,omitempty"`
	Stored         string           `json:"stored,omitempty"`
	Extra          bool             `json:"extra,omitempty"`
}

// renderAll renders every stored task in one process, so that Get-OrcTask
// compares a thousand registrations with one orc-exec call; an invalid task
// gets a record with its error rather than stopping the others.
func (a *app) renderAll(execPath, author, registeredFrom string) exitcode.Code {
	if a.table() {
		return a.fail(exitcode.Usage, errors.New("render --all prints JSON lines only"), "add --output json")
	}
	o, code := a.renderOptions(execPath, author)
	if code != exitcode.Success {
		return code
	}
	registered := map[string]string{}
	if registeredFrom != "" {
		var err error
		if registered, err = a.readRegistered(registeredFrom); err != nil {
			return a.fail(exitcode.Usage, err, `give NDJSON lines {"task":"<name>","xml":"<Export-ScheduledTask output>"}`)
		}
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	names, err := s.TaskNames()
	if err != nil {
		return a.fail(exitcode.Internal, err, "")
	}
	for _, n := range names {
		rec := RenderRecord{Schema: "orc.render/v1", Task: n}
		var out []byte
		p, err := s.For(n)
		var t *definition.Task
		if err == nil {
			t, err = definition.Load(p.Task)
		}
		if err == nil {
			out, err = renderTask(t, o)
		}
		if err != nil {
			rec.Error = err.Error()
			writeJSONLine(a.io.Stdout, rec)
			continue
		}
		rec.XML = string(out)
		if reg, ok := registered[n]; ok {
			rec.Compared = true
			if rec.Drift, err = taskxml.Diff([]byte(reg), out); err != nil {
				rec.Error = err.Error()
			}
		}
		writeJSONLine(a.io.Stdout, rec)
	}
	return exitcode.Success
}

func (a *app) readRegistered(from string) (map[string]string, error) {
	var r io.Reader = a.io.Stdin
	if from != "-" {
		f, err := os.Open(from)
		if err != nil {
			return nil, fmt.Errorf("could not open --registered: %w", err)
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReader(r)
	out := map[string]string{}
	// A JSON array of the same objects is accepted too: PowerShell writes
	// one with a single ConvertTo-Json, much cheaper than one per task.
	if first, err := peekNonSpace(br); err == nil && first == '[' {
		var recs []struct {
			Task string `json:"task"`
			XML  string `json:"xml"`
		}
		if err := json.NewDecoder(br).Decode(&recs); err != nil {
			return nil, fmt.Errorf("could not read --registered: not a JSON array of {\"task\",\"xml\"} objects: %w", err)
		}
		for i, rec := range recs {
			if rec.Task == "" {
				return nil, fmt.Errorf("could not read --registered item %d: it has no \"task\"", i+1)
			}
			out[rec.Task] = rec.XML
		}
		return out, nil
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var rec struct {
			Task string `json:"task"`
			XML  string `json:"xml"`
		}
		if err := json.Unmarshal([]byte(text), &rec); err != nil || rec.Task == "" {
			return nil, fmt.Errorf("could not read --registered line %d: not a {\"task\",\"xml\"} object", line)
		}
		out[rec.Task] = rec.XML
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("could not read --registered: %w", err)
	}
	return out, nil
}

// peekNonSpace skips leading white space (and a UTF-8 byte order mark) and
// returns the next byte without consuming it.
func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			_, _ = br.ReadByte()
			continue
		case 0xEF:
			if bom, err := br.Peek(3); err == nil && string(bom) == "\xEF\xBB\xBF" {
				_, _ = br.Discard(3)
				continue
			}
		}
		return b[0], nil
	}
}

// renderDir renders the definitions in dir (every *.json, or dir itself when
// it is a file) and compares each with the store and, when given, with its
// registration, in one process: Sync-OrcTask decides what to do for a
// thousand definitions with this one call. It writes nothing; an invalid
// file gets a record with its error rather than stopping the others.
func (a *app) renderDir(dir, execPath, author, registeredFrom string, noXML bool) exitcode.Code {
	if a.table() {
		return a.fail(exitcode.Usage, errors.New("render --dir prints JSON lines only"), "add --output json")
	}
	files, err := definitionFiles(dir)
	if err != nil {
		return a.fail(exitcode.Usage, err, "give a folder of <task>.json files or one such file")
	}
	o, code := a.renderOptions(execPath, author)
	if code != exitcode.Success {
		return code
	}
	registered := map[string]string{}
	if registeredFrom != "" {
		if registered, err = a.readRegistered(registeredFrom); err != nil {
			return a.fail(exitcode.Usage, err, `give NDJSON lines {"task":"<name>","xml":"<Export-ScheduledTask output>"}`)
		}
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		seen[name] = true
		rec := RenderRecord{Schema: "orc.render/v1", Task: name, File: f}
		t, err := definition.Load(f)
		var out []byte
		if err == nil && !noXML {
			out, err = renderTask(t, o)
		}
		if err != nil {
			rec.Error = err.Error()
			writeJSONLine(a.io.Stdout, rec)
			continue
		}
		rec.XML, rec.Definition, rec.DefinitionHash = string(out), t, taskxml.DefinitionHash(t)
		rec.Stored = storedState(s, t)
		if reg, ok := registered[name]; ok {
			rec.Compared = true
			if rec.Drift, err = taskxml.Diff([]byte(reg), out); err != nil {
				rec.Error = err.Error()
			}
		}
		writeJSONLine(a.io.Stdout, rec)
	}
	names, err := s.TaskNames()
	if err != nil {
		return a.fail(exitcode.Internal, err, "")
	}
	for _, n := range names {
		if !seen[n] {
			writeJSONLine(a.io.Stdout, RenderRecord{Schema: "orc.render/v1", Task: n, Extra: true})
		}
	}
	return exitcode.Success
}

// definitionFiles lists the *.json files in dir (not its sub-folders), or
// dir itself when it is a file.
func definitionFiles(dir string) ([]string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("could not read --dir: %w", err)
	}
	if !info.IsDir() {
		return []string{dir}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("could not list --dir: %w", err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	return files, nil
}

// storedState says how the store's definition of t's name compares with t:
// "same" after defaults (as define decides "changed"), "different" (also
// when the stored one no longer loads), or "missing".
func storedState(s *store.Store, t *definition.Task) string {
	file, err := s.TaskFile(t.Name)
	if err != nil {
		return "different"
	}
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		return "missing"
	}
	prev, err := definition.Load(file)
	if err != nil || !sameTask(prev, t) {
		return "different"
	}
	return "same"
}
