package cronplan_test

import (
	"testing"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

// BenchmarkPlan plans 10,000 definitions per iteration and reports the
// time per task and the share served natively: "corpus" is the property
// corpus (hand-picked list plus seeded random expressions that use every
// field form, gate-only ones included; those Parse rejects are dropped),
// "realworld" the hand-picked list repeated; each on a UTC and a
// Europe/Berlin host.
func BenchmarkPlan(b *testing.B) {
	var defs []definition.Schedule
	for seed := uint64(1); len(defs) < 10000; seed++ {
		for _, x := range corpus(2000, seed) {
			if _, err := cronplan.Parse(x); err == nil && len(defs) < 10000 {
				defs = append(defs, definition.Schedule{Cron: x})
			}
		}
	}
	var real []definition.Schedule
	for len(real) < 10000 {
		for _, x := range realWorld {
			real = append(real, definition.Schedule{Cron: x})
		}
	}
	real = real[:10000]
	for _, c := range []struct {
		name string
		defs []definition.Schedule
	}{{"corpus", defs}, {"realworld", real}} {
		for _, zone := range []string{"UTC", "Europe/Berlin"} {
			host, err := time.LoadLocation(zone)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(c.name+"/host="+zone, func(b *testing.B) { benchPlan(b, c.defs, host) })
		}
	}
}

func benchPlan(b *testing.B, defs []definition.Schedule, host *time.Location) {
	now := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	native := 0
	for b.Loop() {
		native = 0
		for k := range defs {
			p, err := planSchedule(&defs[k], host, now)
			if err != nil {
				b.Fatal(err)
			}
			if !p.Gated {
				native++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(defs)), "ns/task")
	b.ReportMetric(100*float64(native)/float64(len(defs)), "%native")
}

// BenchmarkPlanRender is the registration path for 10,000 definitions: plan
// each schedule and render the whole task XML, as 'orc-exec render' does.
func BenchmarkPlanRender(b *testing.B) {
	var tasks []*definition.Task
	for len(tasks) < 10000 {
		for _, x := range realWorld {
			tasks = append(tasks, &definition.Task{
				Name:     "bench",
				Schedule: &definition.Schedule{Cron: x},
				Action:   definition.Action{Command: `C:\Tools\export.exe`, Arguments: []string{"--all"}},
				Timeout:  definition.Duration(time.Hour),
			})
		}
	}
	tasks = tasks[:10000]
	host, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	opts := taskxml.Options{ExecPath: `C:\Program Files\Orchestrator\orc-exec.exe`, Now: now}
	for b.Loop() {
		for _, t := range tasks {
			p, err := planSchedule(t.Schedule, host, now)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := taskxml.Render(t, p, opts); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks)), "ns/task")
}
