package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/eventlog"
	"github.com/orchestrator/orchestrator/go/internal/heartbeat"
	"github.com/orchestrator/orchestrator/go/internal/metrics"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// ObserveSettingsFile is the store's observability settings (state/), set
// with 'orc-exec observe set'. Absent means the defaults: metrics into the
// store's metrics/ folder, events into the Event Log on Windows.
const ObserveSettingsFile = "observability.json"

// MetricsDirEnv overrides the metrics folder for one process (specs, or a
// machine-wide variable where a settings file is not wanted).
const MetricsDirEnv = "ORC_METRICS_DIR"

// DefaultOutboxBacklog is the outbox size from which each run warns.
const DefaultOutboxBacklog = 20

// ObserveSettings is schema orc.observe/v1.
type ObserveSettings struct {
	Schema        string `json:"schema"`
	Metrics       *bool  `json:"metrics,omitempty"`       // default true
	MetricsDir    string `json:"metricsDir,omitempty"`    // default <store>/metrics
	EventLog      *bool  `json:"eventLog,omitempty"`      // default true (Windows only)
	OutboxBacklog int    `json:"outboxBacklog,omitempty"` // default 20
}

func (o *ObserveSettings) metricsOn() bool  { return o.Metrics == nil || *o.Metrics }
func (o *ObserveSettings) eventLogOn() bool { return o.EventLog == nil || *o.EventLog }

func (o *ObserveSettings) metricsDir(s *store.Store) string {
	if d := os.Getenv(MetricsDirEnv); d != "" {
		return d
	}
	if o.MetricsDir != "" {
		return o.MetricsDir
	}
	return filepath.Join(s.Home, metrics.DirName)
}

func (o *ObserveSettings) backlog() int {
	if o.OutboxBacklog > 0 {
		return o.OutboxBacklog
	}
	return DefaultOutboxBacklog
}

// loadObserveSettings reads the settings through the store's trust rules:
// they decide where files are written.
func loadObserveSettings(s *store.Store) (*ObserveSettings, error) {
	o := &ObserveSettings{Schema: "orc.observe/v1"}
	data, err := s.ReadTrusted(filepath.Join(s.StateDir(), ObserveSettingsFile), 64<<10)
	if errors.Is(err, os.ErrNotExist) {
		return o, nil
	}
	if err != nil {
		return o, fmt.Errorf("could not read the observability settings: %w", err)
	}
	if err := json.Unmarshal(data, o); err != nil {
		return o, fmt.Errorf("could not read the observability settings: %w", err)
	}
	return o, nil
}

// openEventSink is the Event Log seam; specs replace it with a recorder.
var openEventSink = eventlog.Open

// observer is the run's runner.Observer: the Event Log entry, the metrics
// textfile and the heartbeat pings. Nothing it does changes the result or
// fails the run; problems go to the task's log.
type observer struct {
	log      zerolog.Logger
	settings *ObserveSettings
	store    *store.Store
	beat     *heartbeat.Pinger
}

func newObserver(s *store.Store, t *definition.Task, log zerolog.Logger) *observer {
	o, err := loadObserveSettings(s)
	if err != nil {
		log.Warn().Err(err).Msg("Observability settings ignored; using the defaults")
	}
	return &observer{log: log, settings: o, store: s, beat: heartbeat.New(t.Heartbeat, log)}
}

func (o *observer) Started(ctx context.Context, _ *definition.Task, _ result.Record) {
	o.beat.Start(ctx)
}

func (o *observer) Finished(ctx context.Context, _ *definition.Task, rec result.Record) {
	outbox := -1
	var sink eventlog.Sink
	if o.settings.eventLogOn() {
		s, err := openEventSink(eventlog.Source)
		if err != nil {
			o.log.Warn().Err(err).Msg("Could not open the Event Log")
		} else {
			sink = s
			defer func() { _ = s.Close() }()
			if err := s.Outcome(rec); err != nil {
				o.log.Warn().Err(err).Msg("Could not write the run's event")
			}
		}
	}
	if o.settings.metricsOn() || sink != nil {
		outbox = outboxSize(notify.PathsOf(o.store).Outbox)
	}
	if o.settings.metricsOn() {
		w := &metrics.Writer{Dir: o.settings.metricsDir(o.store), StateDir: o.store.StateDir()}
		if err := w.Update(ctx, rec, outbox); err != nil {
			o.log.Warn().Err(err).Msg("Could not update the metrics file")
		}
	}
	if sink != nil && outbox >= o.settings.backlog() {
		msg := fmt.Sprintf("%d notifications wait in the outbox (warning from %d on): mail or webhook delivery is failing; check 'orc-exec notify show' and the task logs", outbox, o.settings.backlog())
		if err := sink.Warning(eventlog.IDOutboxBacklog, msg, strconv.Itoa(outbox)); err != nil {
			o.log.Warn().Err(err).Msg("Could not write the outbox warning event")
		}
	}
	o.beat.Finish(ctx, rec)
}

// outboxSize counts the outbox's items with one directory read (the
// notify package's file naming: <created>-<id>.json, temporaries dotted).
func outboxSize(dir string) int {
	d, err := os.Open(dir)
	if err != nil {
		return 0
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	n := 0
	for _, name := range names {
		if strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") {
			n++
		}
	}
	return n
}
