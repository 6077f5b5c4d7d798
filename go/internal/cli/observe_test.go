package cli_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cli"
	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/eventlog"
	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// eventRecorder is the Event Log seen from the specs.
type eventRecorder struct {
	mu     sync.Mutex
	events []eventlog.Event
	source string
}

func (r *eventRecorder) Outcome(rec result.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, eventlog.OutcomeEvent(rec))
	return nil
}

func (r *eventRecorder) Warning(id uint32, msg string, fields ...string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, eventlog.WarningEvent(id, msg, fields...))
	return nil
}

func (r *eventRecorder) Close() error { return nil }

func (r *eventRecorder) seen() []eventlog.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]eventlog.Event(nil), r.events...)
}

func installRecorder() *eventRecorder {
	r := &eventRecorder{}
	DeferCleanup(cli.SetEventSink(func(source string) (eventlog.Sink, error) {
		r.mu.Lock()
		r.source = source
		r.mu.Unlock()
		return r, nil
	}))
	return r
}

func (o *orc) metricsText() string {
	GinkgoHelper()
	data, err := os.ReadFile(filepath.Join(o.home, "metrics", "orchestrator.prom"))
	Expect(err).NotTo(HaveOccurred())
	return string(data)
}

var _ = Describe("orc-exec run's observability", func() {
	var (
		o   *orc
		rec *eventRecorder
	)
	BeforeEach(func() {
		o = newOrc()
		rec = installRecorder()
	})

	type outcomeCase struct {
		status result.Status
		id     uint32
		setup  func(o *orc) context.Context
	}
	DescribeTable("writes one event with the outcome's ID and counts the run in orchestrator.prom",
		func(c outcomeCase) {
			ctx := c.setup(o)
			inv := o.main(ctx, "", "run", "t", "--output", "json")
			r := record(inv)
			Expect(r.Status).To(Equal(c.status), inv.stderr)
			events := rec.seen()
			Expect(events).To(HaveLen(1))
			Expect(events[0].ID).To(Equal(c.id))
			Expect(events[0].Strings[1:4]).To(Equal([]string{"t", r.RunID, string(c.status)}))
			Expect(rec.source).To(Equal("Orchestrator"))
			Expect(o.metricsText()).To(ContainSubstring(`orchestrator_task_runs_total{task="t",status="` + string(c.status) + `"} 1` + "\n"))
			Expect(o.metricsText()).To(ContainSubstring(`orchestrator_task_last_status{task="t",status="` + string(c.status) + `"} 1` + "\n"))
		},
		Entry("SUCCESS", outcomeCase{result.Success, eventlog.IDSuccess, func(o *orc) context.Context {
			o.define("t", "ok", nil)
			return context.Background()
		}}),
		Entry("FAILED (the command)", outcomeCase{result.Failed, eventlog.IDFailed, func(o *orc) context.Context {
			o.define("t", "exit-2-unknown-mode", nil)
			return context.Background()
		}}),
		Entry("TIMEOUT", outcomeCase{result.Timeout, eventlog.IDTimeout, func(o *orc) context.Context {
			o.define("t", "block", map[string]any{"timeout": "1s"})
			return context.Background()
		}}),
		Entry("FAILED (dependencies, policy fail)", outcomeCase{result.Failed, eventlog.IDDepsFailed, func(o *orc) context.Context {
			o.define("t", "ok", map[string]any{"dependencies": map[string]any{"policy": "fail",
				"checks": []any{map[string]any{"type": "path", "path": filepath.Join(o.dir, "absent")}}}})
			return context.Background()
		}}),
		Entry("SKIPPED (dependencies)", outcomeCase{result.Skipped, eventlog.IDDepsSkipped, func(o *orc) context.Context {
			o.define("t", "ok", map[string]any{"dependencies": map[string]any{
				"checks": []any{map[string]any{"type": "path", "path": filepath.Join(o.dir, "absent")}}}})
			return context.Background()
		}}),
		Entry("SKIPPED (overlap)", outcomeCase{result.Skipped, eventlog.IDOverlapSkip, func(o *orc) context.Context {
			o.define("t", "ok", nil)
			other := lock.New(filepath.Join(o.home, "locks", "t.lock"))
			Expect(other.TryAcquire(lock.Self("other-run"))).To(Succeed())
			DeferCleanup(other.Release)
			return context.Background()
		}}),
		Entry("DISABLED", outcomeCase{result.Disabled, eventlog.IDDisabled, func(o *orc) context.Context {
			o.define("t", "ok", map[string]any{"enabled": false})
			return context.Background()
		}}),
		Entry("STOPPED", outcomeCase{result.Stopped, eventlog.IDStopped, func(o *orc) context.Context {
			o.define("t", "ok", nil)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}}),
		Entry("ERROR (the command cannot start)", outcomeCase{result.Error, eventlog.IDError, func(o *orc) context.Context {
			o.define("t", "ok", map[string]any{"action": map[string]any{"command": filepath.Join(o.dir, "no-such-program")}})
			return context.Background()
		}}),
	)

	Context("when the outbox holds at least the backlog threshold", func() {
		It("adds a warning event with the outbox size, and the size is in orchestrator.prom", func() {
			o.define("t", "ok", nil)
			Expect(o.run("run", "t").code).To(Equal(0)) // creates the store's state folder
			outbox := filepath.Join(o.home, "state", "outbox")
			Expect(os.MkdirAll(outbox, 0o700)).To(Succeed())
			for _, n := range []string{"a.json", "b.json", "c.json", ".tmp-d.json"} {
				Expect(os.WriteFile(filepath.Join(outbox, n), []byte("{}"), 0o600)).To(Succeed())
			}
			Expect(o.run("observe", "set", "--outbox-backlog", "3").code).To(Equal(0))
			Expect(o.run("run", "t").code).To(Equal(0))
			events := rec.seen()
			Expect(events).To(HaveLen(3))
			Expect(events[2].ID).To(Equal(eventlog.IDOutboxBacklog))
			Expect(events[2].Level).To(Equal(eventlog.Warn))
			Expect(events[2].Strings).To(HaveExactElements(ContainSubstring("3 notifications wait in the outbox"), "3"))
			Expect(o.metricsText()).To(ContainSubstring("orchestrator_outbox_messages 3\n"))
		})
	})

	Context("when metrics and the Event Log are turned off", func() {
		It("writes neither", func() {
			o.define("t", "ok", nil)
			Expect(o.run("observe", "set", "--metrics=false", "--eventlog=false").code).To(Equal(0))
			Expect(o.run("run", "t").code).To(Equal(0))
			Expect(rec.seen()).To(BeEmpty())
			Expect(filepath.Join(o.home, "metrics", "orchestrator.prom")).NotTo(BeAnExistingFile())
		})
	})

	Context("when the metrics folder is set (an exporter's textfile folder)", func() {
		It("writes orchestrator.prom there", func() {
			dir := filepath.Join(o.dir, "textfile")
			o.define("t", "ok", nil)
			inv := o.run("observe", "set", "--metrics-dir", dir)
			Expect(inv.code).To(Equal(0), inv.stderr)
			Expect(o.run("run", "t").code).To(Equal(0))
			Expect(filepath.Join(dir, "orchestrator.prom")).To(BeAnExistingFile())
			show := o.run("observe", "show", "--output", "json")
			Expect(show.stdout).To(ContainSubstring(`"metricsDir"`))
		})
	})

	Context("with a heartbeat", func() {
		const secret = "5b0c1d7e-4a8f-4a8e-9f3d-2c1b0a9f8e7d"
		var (
			mu    sync.Mutex
			pings []string
		)
		monitor := func(hang chan struct{}) string {
			mu.Lock()
			pings = nil
			mu.Unlock()
			srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				mu.Lock()
				pings = append(pings, r.URL.Path)
				mu.Unlock()
				if hang != nil {
					<-hang
				}
			}))
			DeferCleanup(srv.Close)
			return srv.URL + "/ping/" + secret
		}
		seen := func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), pings...) }

		It("pings start and success, and the URL is in no output, history, log or metrics", func() {
			o.define("t", "ok", map[string]any{"heartbeat": map[string]any{"url": monitor(nil)}})
			inv := o.run("run", "t", "-v", "--output", "json")
			Expect(record(inv).Status).To(Equal(result.Success))
			Expect(seen()).To(Equal([]string{"/ping/" + secret + "/start", "/ping/" + secret}))
			Expect(inv.stdout + inv.stderr).NotTo(ContainSubstring(secret))
			for _, dir := range []string{"history", "logs", "runs", "metrics"} {
				_ = filepath.WalkDir(filepath.Join(o.home, dir), func(p string, d os.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						data, _ := os.ReadFile(p)
						Expect(string(data)).NotTo(ContainSubstring(secret), p)
					}
					return nil
				})
			}
			Expect(o.run("history", "t", "--output", "json").stdout).NotTo(ContainSubstring(secret))
		})

		It("pings fail for a failed run", func() {
			o.define("t", "exit-2-unknown-mode", map[string]any{"heartbeat": map[string]any{"url": monitor(nil)}})
			Expect(record(o.run("run", "t", "--output", "json")).Status).To(Equal(result.Failed))
			Expect(seen()).To(Equal([]string{"/ping/" + secret + "/start", "/ping/" + secret + "/fail"}))
		})

		It("keeps the run's status and bounds its end when the monitor hangs", func() {
			hang := make(chan struct{})
			url := monitor(hang)
			// Registered after the server's Close, so it runs first and
			// lets the hanging handlers return.
			DeferCleanup(func() { close(hang) })
			o.define("t", "ok", map[string]any{"heartbeat": map[string]any{"url": url, "timeout": "300ms"}})
			began := time.Now()
			inv := o.run("run", "t", "--output", "json")
			Expect(record(inv).Status).To(Equal(result.Success))
			Expect(inv.code).To(Equal(0))
			Expect(time.Since(began)).To(BeNumerically("<", 5*time.Second))
			Expect(strings.Join(seen(), " ")).To(ContainSubstring("/start"))
		})
	})
})

var _ = Describe("orc-exec run --cron-gate's missed-minute warning", func() {
	var (
		o   *orc
		rec *eventRecorder
	)
	BeforeEach(func() {
		o = newOrc()
		rec = installRecorder()
		o.define("g", "ok", map[string]any{"schedule": map[string]any{"cron": "* * * * *", "timezone": "UTC"}})
	})

	seedGate := func(lastClaimed time.Time) {
		dir := filepath.Join(o.home, "state", "gate")
		Expect(os.MkdirAll(dir, 0o700)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(dir, "g.json"),
			[]byte(`{"lastClaimed":"`+lastClaimed.UTC().Format(time.RFC3339)+`","passed":1,"skipped":0}`), 0o600)).To(Succeed())
	}

	Context("when cron minutes passed with no start since the last one (host off, asleep)", func() {
		It("writes warning 200 with the number of missed minutes, then the run's outcome", func() {
			now := time.Now().UTC().Truncate(time.Minute)
			seedGate(now.Add(-10 * time.Minute))
			inv := o.run("run", "g", "--cron-gate", "--output", "json")
			Expect(record(inv).Status).To(Equal(result.Success), inv.stderr)
			events := rec.seen()
			Expect(events).To(HaveLen(2))
			Expect(events[0].ID).To(Equal(eventlog.IDGateMissed))
			Expect(events[0].Level).To(Equal(eventlog.Warn))
			Expect(events[0].Strings[1]).To(Equal("g"))
			// 9, or 10 if the minute turned between seeding and the run.
			Expect(events[0].Strings[2]).To(BeElementOf("9", "10"))
			Expect(events[1].ID).To(Equal(eventlog.IDSuccess))
		})
	})

	Context("when the previous cron minute was run", func() {
		It("writes no warning", func() {
			seedGate(time.Now().UTC().Truncate(time.Minute).Add(-time.Minute))
			Expect(o.run("run", "g", "--cron-gate").code).To(Equal(0))
			Expect(rec.seen()).To(HaveExactElements(HaveField("ID", eventlog.IDSuccess)))
		})
	})
})

var _ = Describe("counting missed cron minutes", func() {
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		Expect(err).NotTo(HaveOccurred())
		return t
	}
	DescribeTable("counts the schedule's minutes strictly between the last start and this one",
		func(expr, prev, minute string, want int) {
			e, err := cronplan.Parse(expr)
			Expect(err).NotTo(HaveOccurred())
			var p time.Time
			if prev != "" {
				p = at(prev)
			}
			Expect(cli.GateMisses(e, time.UTC, p, at(minute))).To(Equal(want))
		},
		Entry("none before the first start", "* * * * *", "", "2026-11-30T10:00:00Z", 0),
		Entry("none for consecutive minutes", "* * * * *", "2026-11-30T09:59:00Z", "2026-11-30T10:00:00Z", 0),
		Entry("nine in a ten-minute gap of an every-minute schedule", "* * * * *", "2026-11-30T09:50:00Z", "2026-11-30T10:00:00Z", 9),
		Entry("three hourly starts missed overnight", "0 * * * *", "2026-11-30T01:00:00Z", "2026-11-30T05:00:00Z", 3),
		Entry("a missed weekday run over a weekend", "0 3 * * 1-5", "2026-11-26T03:00:00Z", "2026-12-01T03:00:00Z", 2),
		Entry("capped for a very long outage", "* * * * *", "2000-01-01T00:00:00Z", "2026-11-30T10:00:00Z", 10000),
	)
})

var _ = Describe("orc-exec observe and eventlog, given bad input", func() {
	var o *orc
	BeforeEach(func() { o = newOrc() })

	DescribeTable("refuse it with exit 2, naming the flag and the fix, and change nothing",
		func(args []string, says string) {
			inv := o.run(args...)
			Expect(inv.code).To(Equal(2))
			Expect(inv.stderr).To(ContainSubstring(says))
			Expect(inv.stderr).To(ContainSubstring("hint:"))
			Expect(filepath.Join(o.home, "state", "observability.json")).NotTo(BeAnExistingFile())
		},
		Entry("a relative metrics folder", []string{"observe", "set", "--metrics-dir", "metrics"}, `--metrics-dir "metrics" is not an absolute path`),
		Entry("an outbox backlog below 1", []string{"observe", "set", "--outbox-backlog", "0"}, "--outbox-backlog 0 is below 1"),
		Entry("an unknown observe action", []string{"observe", "enable"}, "show or set"),
		Entry("an unknown eventlog action", []string{"eventlog", "add"}, `unknown eventlog action "add"`),
	)

	It("eventlog install says where there is no Event Log (exit 2) rather than pretending", func() {
		if runtime.GOOS == "windows" {
			Skip("Windows has an Event Log: the eventlog package's Windows specs install a source")
		}
		inv := o.run("eventlog", "install")
		Expect(inv.code).To(Equal(2))
		Expect(inv.stderr).To(ContainSubstring("only on Windows"))
	})
})
