package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/importer"
)

const importUsage = `Convert a foreign task list into task definitions, without storing them:
one JSON line per source entry, either
  {"name":…,"source":"file:line","status":"converted","definition":{…}}
or
  {"name":…,"source":…,"status":"refused","field":…,"reason":…}.
Every definition printed passed the same validation as 'define'. The
PowerShell module's Import-OrcTask writes them to a folder. Exit code 0
when every entry converted, 3 when some were refused. docs/import.md has
the formats and what is refused and why.

Sources:
  crontab   a user crontab; --system (or a file under /etc/cron.d, or
            /etc/crontab) reads the user column of the system format
  taskxml   one task exported from Windows Task Scheduler (UTF-16 or UTF-8)
  list      a JSON array or a CSV file of name, cron, command, arguments,
            workingDirectory, dependencies, retries, timeout, notify

Usage:
  orc-exec import --from crontab|taskxml|list [--format json|csv] [--system] <file|->

Examples:
  crontab -l | orc-exec import --from crontab -
  orc-exec import --from crontab /etc/cron.d/backup
  orc-exec import --from taskxml '.\Nightly Backup.xml'
  orc-exec import --from list --format csv poller-tasks.csv
`

// maxImportSize bounds what is read from stdin; a task list is kilobytes.
const maxImportSize = 64 << 20

func cmdImport(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("import", importUsage)
	from := fs.String("from", "", "the source: crontab, taskxml or list")
	format := fs.String("format", "", "for --from list: json or csv (default: by the file's extension)")
	system := fs.Bool("system", false, "for --from crontab: the /etc/crontab and /etc/cron.d format, with a user column")
	if done, code := a.parse(fs, importUsage, args); done {
		return code
	}
	if fs.NArg() != 1 {
		return a.fail(exitcode.Usage, errArgs("import", "one file", fs.NArg()), "orc-exec import --from crontab <file>")
	}
	switch *from {
	case "crontab", "taskxml", "list":
	default:
		return a.fail(exitcode.Usage, fmt.Errorf("--from %q is not a source", *from), "use --from crontab, --from taskxml or --from list")
	}
	file := fs.Arg(0)
	var data []byte
	var err error
	if file == "-" {
		data, err = io.ReadAll(io.LimitReader(a.io.Stdin, maxImportSize))
		file = "stdin"
	} else {
		data, err = os.ReadFile(file)
	}
	if err != nil {
		return a.fail(exitcode.Usage, fmt.Errorf("could not read the source: %w", err), "give the path of an existing file")
	}
	var entries []importer.Entry
	switch *from {
	case "crontab":
		clean := filepath.ToSlash(filepath.Clean(file))
		sys := *system || strings.HasPrefix(clean, "/etc/cron.d/") || clean == "/etc/crontab"
		entries = importer.Crontab(data, file, importer.CrontabOptions{System: sys})
	case "taskxml":
		entries = importer.TaskXML(data, file)
	case "list":
		f := strings.ToLower(*format)
		if f == "" {
			f = strings.TrimPrefix(strings.ToLower(filepath.Ext(file)), ".")
		}
		switch f {
		case "json":
			entries = importer.ListJSON(data, file)
		case "csv":
			entries = importer.ListCSV(data, file)
		default:
			return a.fail(exitcode.Usage, fmt.Errorf("--format %q is not a task list format", f), "use --format json or --format csv")
		}
	}
	refused := 0
	// Commands carry >, < and &: keep them readable in the definitions.
	enc := json.NewEncoder(a.io.Stdout)
	enc.SetEscapeHTML(false)
	for _, e := range entries {
		if err := enc.Encode(e); err != nil {
			return a.fail(exitcode.Internal, fmt.Errorf("could not write the result: %w", err), "")
		}
		if e.Status == importer.Refused {
			refused++
		}
	}
	if refused > 0 {
		return exitcode.Definition
	}
	return exitcode.Success
}
