package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/metrics"
)

const observeUsage = `Show or change this host's observability settings: the Prometheus
textfile (orchestrator.prom, rewritten after every run), the Windows Event
Log entries, and the outbox size from which each run warns.

Usage:
  orc-exec observe show
  orc-exec observe set [--metrics=true|false] [--metrics-dir <absolute folder>]
                       [--eventlog=true|false] [--outbox-backlog <n>]

'set' changes only the settings you pass. Point --metrics-dir at the folder
windows_exporter reads (--collector.textfile.directories) or node_exporter
reads (--collector.textfile.directory); by default the file is in the
store's metrics folder. ORC_METRICS_DIR overrides the folder for a process.

Examples:
  orc-exec observe set --metrics-dir 'C:\Program Files\windows_exporter\textfile_inputs'
  orc-exec observe set --metrics-dir /var/lib/prometheus/node-exporter
  orc-exec observe set --eventlog=false
  orc-exec observe show --output json
`

// ObserveShow is what 'observe show' and 'observe set' print: schema
// orc.observe-show/v1, the settings in effect.
type ObserveShow struct {
	Schema        string           `json:"schema"`
	Metrics       bool             `json:"metrics"`
	MetricsFile   string           `json:"metricsFile"`
	EventLog      bool             `json:"eventLog"`
	OutboxBacklog int              `json:"outboxBacklog"`
	Settings      string           `json:"settings"`
	Stored        *ObserveSettings `json:"stored"`
}

func cmdObserve(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("observe", observeUsage)
	metricsOn := fs.Bool("metrics", true, "rewrite orchestrator.prom after every run")
	dir := fs.String("metrics-dir", "", "absolute folder for orchestrator.prom (\"\" for the store's metrics folder)")
	eventLog := fs.Bool("eventlog", true, "write an Event Log entry per run (Windows)")
	backlog := fs.Int("outbox-backlog", DefaultOutboxBacklog, "warn in the Event Log from this many waiting notifications")
	if done, code := a.parse(fs, observeUsage, args); done {
		return code
	}
	if fs.NArg() != 1 || (fs.Arg(0) != "show" && fs.Arg(0) != "set") {
		return a.fail(exitcode.Usage, errArgs("observe", "show or set", fs.NArg()), "orc-exec observe show|set [flags]")
	}
	s, code := a.openStore()
	if s == nil {
		return code
	}
	o, err := loadObserveSettings(s)
	if err != nil {
		return a.fail(exitcode.Insecure, err, "fix or delete "+filepath.Join(s.StateDir(), ObserveSettingsFile)+", then set the settings again")
	}
	path := filepath.Join(s.StateDir(), ObserveSettingsFile)
	if fs.Arg(0) == "set" {
		if fs.Changed("metrics") {
			o.Metrics = metricsOn
		}
		if fs.Changed("metrics-dir") {
			if *dir != "" && !filepath.IsAbs(*dir) {
				return a.fail(exitcode.Usage, fmt.Errorf("--metrics-dir %q is not an absolute path", *dir), "give the exporter's folder as an absolute path")
			}
			o.MetricsDir = *dir
		}
		if fs.Changed("eventlog") {
			o.EventLog = eventLog
		}
		if fs.Changed("outbox-backlog") {
			if *backlog < 1 {
				return a.fail(exitcode.Usage, fmt.Errorf("--outbox-backlog %d is below 1", *backlog), "give a count of 1 or more")
			}
			o.OutboxBacklog = *backlog
		}
		data, err := json.MarshalIndent(o, "", "  ")
		if err != nil {
			return a.fail(exitcode.Internal, fmt.Errorf("could not encode the settings: %w", err), "report this as a bug")
		}
		if err := writeFileAtomic(path, append(data, '\n')); err != nil {
			return a.fail(exitcode.Internal, err, "check the permissions of the store's state folder")
		}
	}
	show := ObserveShow{Schema: "orc.observe-show/v1", Metrics: o.metricsOn(), MetricsFile: filepath.Join(o.metricsDir(s), metrics.FileName),
		EventLog: o.eventLogOn(), OutboxBacklog: o.backlog(), Settings: path, Stored: o}
	if a.g.output == "json" {
		writeJSONLine(a.io.Stdout, show)
		return exitcode.Success
	}
	fmt.Fprintf(a.io.Stdout, "Metrics:        %v (%s)\nEvent Log:      %v\nOutbox warning: from %d waiting notifications\nSettings:       %s\n",
		show.Metrics, show.MetricsFile, show.EventLog, show.OutboxBacklog, show.Settings)
	return exitcode.Success
}

// writeFileAtomic replaces path through a temporary file and a rename.
func writeFileAtomic(path string, data []byte) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("could not create %s: %w", filepath.Dir(path), err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	return nil
}
