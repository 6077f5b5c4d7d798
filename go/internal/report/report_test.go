package report_test

import (
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/report"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("Build", func() {
	var (
		s   *store.Store
		now = time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)
	)
	BeforeEach(func() {
		var err error
		s, err = store.Open(filepath.Join(testutil.TempDir(), "home"))
		Expect(err).NotTo(HaveOccurred())
	})
	define := func(name, body string) {
		p, _ := s.TaskFile(name)
		Expect(os.WriteFile(p, []byte(`{"name":"`+name+`","action":{"command":"x"}`+body+`}`), 0o600)).To(Succeed())
	}
	run := func(name string, st result.Status, end time.Time, ms int64) {
		p, _ := s.HistoryFile(name)
		Expect(history.Append(p, result.Record{Schema: result.Schema, Task: name, RunID: name + end.Format("150405"), Status: st,
			Start: end.Add(-time.Duration(ms) * time.Millisecond), End: end, DurationMs: ms, Attempts: []result.Attempt{}})).To(Succeed())
	}

	It("counts each task's runs in the period, its last status, slowest run and next start", func() {
		define("db-export", `,"schedule":{"cron":"30 2 * * *","timezone":"UTC"}`)
		define("idle", `,"enabled":false,"schedule":{"cron":"0 * * * *"}`)
		run("db-export", result.Success, now.Add(-30*time.Hour), 99000) // before the period
		run("db-export", result.Failed, now.Add(-20*time.Hour), 5000)
		run("db-export", result.Timeout, now.Add(-10*time.Hour), 60000)
		run("db-export", result.Skipped, now.Add(-5*time.Hour), 1)
		run("db-export", result.Success, now.Add(-1*time.Hour), 7000)
		run("gone", result.Failed, now.Add(-2*time.Hour), 10)

		rep, err := report.Build(s, "host-1", now.Add(-24*time.Hour), now)
		Expect(err).NotTo(HaveOccurred())
		Expect(rep.Tasks).To(HaveLen(3))
		db := rep.Tasks[0]
		Expect(db.Task).To(Equal("db-export"))
		Expect(db.Runs).To(Equal(4))
		Expect(db.Successes).To(Equal(1))
		Expect(db.Failures).To(Equal(2))
		Expect(db.Skips).To(Equal(1))
		Expect(db.LastStatus).To(Equal(result.Success))
		Expect(db.Slowest.DurationMs).To(Equal(int64(60000)))
		Expect(db.Slowest.Status).To(Equal(result.Timeout))
		Expect(*db.NextRun).To(BeTemporally("==", time.Date(2025, 6, 3, 2, 30, 0, 0, time.UTC)))
		Expect(rep.Tasks[1].Task).To(Equal("gone"))
		Expect(rep.Tasks[1].Defined).To(BeFalse())
		idle := rep.Tasks[2]
		Expect(idle.Enabled).To(BeFalse())
		Expect(idle.NextRun).To(BeNil())
		Expect(idle.Runs).To(BeZero())

		runs, ok, failed, skipped := rep.Totals()
		Expect([]int{runs, ok, failed, skipped}).To(Equal([]int{5, 1, 3, 1}))
		Expect(rep.Subject()).To(HavePrefix("[Orchestrator] Report for host-1: 5 run(s), 3 failure(s)"))
		Expect(rep.Text()).To(And(ContainSubstring("db-export"), ContainSubstring("gone (removed)"), ContainSubstring("idle (disabled)"), ContainSubstring("1m0s")))
		Expect(rep.HTML()).To(And(HavePrefix("<!DOCTYPE html>"), ContainSubstring("<table"), ContainSubstring("db-export")))
	})

	It("knows the next start of cron and once schedules only", func() {
		Expect(report.NextRun(&definition.Schedule{Once: "2025-06-02T09:00:00Z"}, now)).To(HaveValue(BeTemporally("==", now.Add(time.Hour))))
		Expect(report.NextRun(&definition.Schedule{Once: "2025-06-01T09:00:00Z"}, now)).To(BeNil())
		Expect(report.NextRun(&definition.Schedule{Interval: definition.Duration(time.Hour)}, now)).To(BeNil())
		Expect(report.NextRun(nil, now)).To(BeNil())
	})
})
