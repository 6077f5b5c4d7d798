package cronplan_test

import (
	"time"

	"github.com/google/go-cmp/cmp"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
)

// planSchedule plans a definition's schedule the way orc-exec does: parsed
// (and checked) by definition, then planned.
func planSchedule(s *definition.Schedule, host *time.Location, now time.Time) (schedule.Plan, error) {
	sp, err := s.Spec()
	if err != nil {
		return schedule.Plan{}, err
	}
	return cronplan.PlanSchedule(sp, host, now)
}

func plan(x, zn string) schedule.Plan {
	p, err := planSchedule(&definition.Schedule{Cron: x}, zone(zn), planNow)
	Expect(err).NotTo(HaveOccurred())
	return p
}

func explain(x, zn string) []string { return cronplan.Explain(plan(x, zn)) }

var _ = Describe("PlanSchedule for cron", func() {
	DescribeTable("maps the seed examples to native triggers",
		func(x string, want ...string) {
			p := plan(x, "UTC")
			Expect(p.Gated).To(BeFalse(), p.Reason)
			Expect(cronplan.Explain(p)).To(Equal(want))
			Expect(p.Timezone).To(Equal("UTC"))
		},
		Entry(nil, "0 6 * * *", "daily at 06:00"),
		Entry(nil, "0 8 * * 1", "weekly on Mon at 08:00"),
		Entry(nil, "0 9 1 * *", "monthly on day 1 at 09:00"),
		Entry(nil, "*/30 * * * *", "daily at 00:00, then every 30m for 23h45m (48 starts)"),
		Entry(nil, "0 9-17 * * 1-5", "weekly on Mon-Fri at 09:00, then every 1h for 8h30m (9 starts)"),
		Entry(nil, "0 0 1,15 * 5", "monthly on day 1 and 15 at 00:00", "weekly on Fri at 00:00"),
		Entry(nil, "0 0 L * *", "monthly on the last day at 00:00"),
		Entry(nil, "0 0 * * 5#2", "monthly on the second Fri at 00:00"),
		Entry(nil, "0 0 * * 5L", "monthly on the last Fri at 00:00"),
		Entry(nil, "0 0 1 1,4,7,10 *", "monthly on day 1 in Jan, Apr, Jul and Oct at 00:00"),
		Entry(nil, "0 */2 * * *", "daily at 00:00, then every 2h for 23h (12 starts)"),
		Entry(nil, "0 0 31 * *", "monthly on the last day in Jan, Mar, May, Jul, Aug, Oct and Dec at 00:00"),
		Entry(nil, "@hourly", "daily at 00:00, then every 1h for 23h30m (24 starts)"),
	)

	It("plans */7 as nine triggers repeating hourly all day", func() {
		p := plan("*/7 * * * *", "UTC")
		Expect(p.Triggers).To(HaveLen(9))
		for k, t := range p.Triggers {
			Expect(t.Kind).To(Equal(schedule.Daily))
			Expect(t.Start.Minute()).To(Equal(7 * k))
			Expect(*t.Repetition).To(Equal(schedule.Repetition{Interval: time.Hour, Duration: 23*time.Hour + 30*time.Minute}))
		}
	})

	It("says which readings a native plan relies on", func() {
		Expect(plan("0 0 * * 5#2", "UTC").Assumes).To(Equal([]string{schedule.AssumeWeekOccurrence}))
		Expect(plan("0 0 */2 * *", "UTC").Assumes).To(Equal([]string{schedule.AssumeFeb29Skipped}))
		Expect(plan("0 0 28,L 2 *", "UTC").Assumes).To(BeEmpty())
		Expect(plan("0 0 31 * *", "UTC").Assumes).To(BeEmpty())
	})

	DescribeTable("gates what Task Scheduler cannot say, naming the construct",
		func(x, zn, reason string, superset ...string) {
			p := plan(x, zn)
			Expect(p.Gated).To(BeTrue())
			Expect(p.Reason).To(ContainSubstring(reason))
			Expect(cronplan.Explain(p)).To(Equal(superset))
		},
		Entry(nil, "0 0 15W * *", "UTC", `"15W": nW (nearest weekday)`, "daily at 00:00"),
		Entry(nil, "0 0 LW * *", "UTC", "LW (last weekday)", "daily at 00:00"),
		Entry(nil, "0 0 L-3 * *", "UTC", "L-n", "daily at 00:00"),
		Entry(nil, "0 0 * * 1#5", "UTC", "#5 (fifth weekday", "daily at 00:00"),
		Entry(nil, "0 0 */2 * 1", "UTC", "must both match", "daily at 00:00"),
	)

	It("gates when more than 48 triggers would be needed", func() {
		p := plan("0,1,3,7,12,20,30,31,33,37,42,50 0,1,3,7,12,20 1,5 * 1", "UTC")
		Expect(p.Gated).To(BeTrue())
		Expect(p.Reason).To(MatchRegexp(`needs \d+ native triggers and Task Scheduler allows 48`))
		Expect(len(p.Triggers)).To(BeNumerically("<=", 48))
	})

	It("keeps DST-change hours apart and says when a plan relies on Windows' DST rule", func() {
		Expect(plan("0 9 * * *", "Europe/Berlin").Assumes).To(BeEmpty())
		Expect(plan("0 2 * * 1-5", "Europe/Berlin").Assumes).To(BeEmpty(), "changes fall on Sundays")
		p := plan("30 2 * * *", "Europe/Berlin")
		Expect(p.Gated).To(BeFalse())
		Expect(p.Assumes).To(Equal([]string{schedule.AssumeDSTVixie}))
		// 00:00..23:00 every 6h would cross the 02:00-03:00 change: it is split there.
		Expect(explain("0 */6 * * *", "Europe/Berlin")).To(Equal([]string{
			"daily at 00:00", "daily at 06:00, then every 6h for 15h (3 starts)"}))
		Expect(explain("*/30 * * * *", "America/New_York")).To(Equal([]string{
			"daily at 00:00, then every 30m for 45m (2 starts)",
			"daily at 01:00, then every 30m for 45m (2 starts)",
			"daily at 02:00, then every 30m for 45m (2 starts)",
			"daily at 03:00, then every 30m for 20h45m (42 starts)"}))
	})

	It("gates a DST-touching plan with the moved times in its superset", func() {
		p := plan("30 2 */2 * 0", "Europe/Berlin") // odd-day Sundays: gated, and 29 March 2026 is one
		Expect(p.Gated).To(BeTrue())
		Expect(cronplan.Explain(p)).To(Equal([]string{"daily at 02:30", "daily at 03:30"}))
	})

	It("plans deterministically", func() {
		for _, x := range corpus(60, 3) {
			if _, err := cronplan.Parse(x); err != nil {
				continue
			}
			Expect(cmp.Diff(plan(x, "Europe/Berlin"), plan(x, "Europe/Berlin"))).To(BeEmpty())
		}
	})

	It("uses the host zone when timezone names it or an equivalent zone, and gates another", func() {
		p, err := planSchedule(&definition.Schedule{Cron: "0 9 * * *", Timezone: "Europe/Paris"}, zone("Europe/Berlin"), planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(p.Gated).To(BeFalse())
		Expect(p.Timezone).To(Equal("Europe/Paris"))
		p, err = planSchedule(&definition.Schedule{Cron: "0 9 * * *", Timezone: "America/New_York"}, zone("Europe/Berlin"), planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(p.Gated).To(BeTrue())
		Expect(p.Timezone).To(Equal("America/New_York"))
		Expect(p.Reason).To(ContainSubstring("orc-exec starts every 1h and the gate evaluates the cron in America/New_York"))
		Expect(p.Triggers).To(HaveLen(1))
		Expect(p.Triggers[0].Repetition.Duration).To(BeZero())
		_, err = planSchedule(&definition.Schedule{Cron: "0 9 * * *", Timezone: "Mars/Olympus"}, zone("UTC"), planNow)
		Expect(err).To(MatchError(ContainSubstring(`schedule.timezone: "Mars/Olympus" is not a known time zone`)))
	})
})

var _ = Describe("PlanSchedule for other schedules", func() {
	utc := time.UTC
	d := func(s string) definition.Duration {
		v, err := definition.ParseDuration(s)
		Expect(err).NotTo(HaveOccurred())
		return definition.Duration(v)
	}

	It("maps startup and logon with their delays", func() {
		p, err := planSchedule(&definition.Schedule{Startup: &definition.Startup{Delay: d("2m")}, CatchUp: true}, utc, planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(p.Triggers).To(Equal([]schedule.Trigger{{Kind: schedule.Boot, Delay: 2 * time.Minute}}))
		Expect(p.CatchUp).To(BeTrue())
		p, err = planSchedule(&definition.Schedule{Logon: &definition.Logon{User: `CORP\ana`, Delay: d("30s")}}, utc, planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(cronplan.Explain(p)).To(Equal([]string{`at logon of CORP\ana, after a delay of 30s`}))
	})

	It("refuses jitter on startup and logon (no RandomDelay there)", func() {
		_, err := planSchedule(&definition.Schedule{Startup: &definition.Startup{}, Jitter: d("1m")}, utc, planNow)
		Expect(err).To(MatchError(ContainSubstring("no random delay")))
	})

	It("maps once to an absolute time trigger", func() {
		p, err := planSchedule(&definition.Schedule{Once: "2026-05-01T09:00:00+02:00", Jitter: d("5m")}, zone("Europe/Berlin"), planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(cronplan.Explain(p)).To(Equal([]string{"once at 2026-05-01T09:00:00+02:00, with a random delay up to 5m"}))
		Expect(p.Triggers[0].Absolute).To(BeTrue())
		_, err = planSchedule(&definition.Schedule{Once: "tomorrow"}, utc, planNow)
		Expect(err).To(MatchError(ContainSubstring("not an RFC 3339 time")))
	})

	It("maps interval to a time trigger repeating indefinitely", func() {
		p, err := planSchedule(&definition.Schedule{Interval: d("4h")}, utc, planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(cronplan.Explain(p)).To(Equal([]string{"once at 2026-01-10T12:01:00Z, then every 4h indefinitely"}))
		for _, bad := range []string{"30s", "90s", "32d"} {
			_, err = planSchedule(&definition.Schedule{Interval: d(bad)}, utc, planNow)
			Expect(err).To(MatchError(ContainSubstring("schedule.interval: ")), bad)
		}
	})

	It("puts jitter on native triggers, and on the gate for gated plans", func() {
		p, err := planSchedule(&definition.Schedule{Cron: "0 6 * * *", Jitter: d("10m")}, utc, planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(p.Triggers[0].RandomDelay).To(Equal(10 * time.Minute))
		p, err = planSchedule(&definition.Schedule{Cron: "0 6 15W * *", Jitter: d("10m")}, utc, planNow)
		Expect(err).NotTo(HaveOccurred())
		Expect(p.Triggers[0].RandomDelay).To(BeZero())
		Expect(p.Jitter).To(Equal(10 * time.Minute))
	})

	It("wants exactly one kind of schedule", func() {
		_, err := planSchedule(&definition.Schedule{Cron: "0 6 * * *", Once: "2026-05-01T09:00:00Z"}, utc, planNow)
		Expect(err).To(MatchError(ContainSubstring("a task has one trigger")))
		_, err = cronplan.PlanSchedule(cronplan.Spec{}, utc, planNow)
		Expect(err).To(MatchError(ContainSubstring("exactly one")))
		_, err = planSchedule(&definition.Schedule{Interval: d("1h"), Timezone: "UTC"}, utc, planNow)
		Expect(err).To(MatchError(ContainSubstring("applies only to a cron schedule")))
	})
})
