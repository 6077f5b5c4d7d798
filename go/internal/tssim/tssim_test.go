package tssim_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/tssim"
)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	Expect(err).NotTo(HaveOccurred())
	return loc
}

func at(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

// fires simulates over [from, to) and returns the starts as wall times in loc.
func fires(loc *time.Location, r tssim.Reading, from, to time.Time, ts ...schedule.Trigger) []string {
	var out []string
	for _, f := range tssim.Fires(ts, loc, from, to, r) {
		out = append(out, f.In(loc).Format("2006-01-02 15:04 MST"))
	}
	return out
}

var _ = Describe("civil dates", func() {
	It("round-trips day numbers and knows weekdays", func() {
		for day := int64(-800000); day < 800000; day += 37 {
			y, m, d := tssim.Civil(day)
			Expect(tssim.Days(y, m, d)).To(Equal(day))
			Expect(tssim.Weekday(day)).To(Equal(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday()))
		}
		Expect(tssim.Days(1970, 1, 1)).To(BeZero())
		Expect(tssim.MonthLen(2024, time.February)).To(Equal(29))
		Expect(tssim.MonthLen(2100, time.February)).To(Equal(28))
		Expect(tssim.MonthLen(2000, time.February)).To(Equal(29))
	})
})

var _ = Describe("Zone", func() {
	berlin := mustZone("Europe/Berlin")
	z := tssim.ZoneOf(berlin)
	wall := func(y int, m time.Month, d, h, min int) int64 { return tssim.Days(y, m, d)*1440 + int64(h*60+min) }

	It("has two changes a year in Berlin and none in UTC", func() {
		from := tssim.InstantOf(at(time.UTC, 2026, 1, 1, 0, 0))
		to := tssim.InstantOf(at(time.UTC, 2027, 1, 1, 0, 0))
		tr := z.Transitions(from, to)
		Expect(tr).To(HaveLen(2))
		Expect(tr[0].Gap()).To(BeTrue())
		Expect(tssim.TimeOf(tr[0].At, time.UTC)).To(Equal(at(time.UTC, 2026, 3, 29, 1, 0)))
		Expect(tr[1].Gap()).To(BeFalse())
		Expect(tssim.ZoneOf(time.UTC).Transitions(from, to)).To(BeEmpty())
	})

	It("resolves ordinary, skipped and repeated wall minutes", func() {
		r := z.Resolve(wall(2026, 6, 1, 12, 0))
		Expect(r.N).To(Equal(1))
		Expect(tssim.TimeOf(r.First, time.UTC)).To(Equal(at(time.UTC, 2026, 6, 1, 10, 0)))

		r = z.Resolve(wall(2026, 3, 29, 2, 30))
		Expect(r.N).To(Equal(0))
		Expect(tssim.TimeOf(r.Shifted, berlin).Format("15:04 MST")).To(Equal("03:30 CEST"))

		r = z.Resolve(wall(2026, 10, 25, 2, 30))
		Expect(r.N).To(Equal(2))
		Expect(tssim.TimeOf(r.First, berlin).Format("15:04 MST")).To(Equal("02:30 CEST"))
		Expect(tssim.TimeOf(r.Second, berlin).Format("15:04 MST")).To(Equal("02:30 CET"))
	})

	It("agrees with the time package on offsets", func() {
		for t := at(time.UTC, 2020, 1, 1, 0, 0); t.Year() < 2030; t = t.Add(97 * time.Hour) {
			_, off := t.In(berlin).Zone()
			Expect(z.OffsetAt(tssim.InstantOf(t))).To(BeEquivalentTo(off / 60))
		}
	})
})

var _ = Describe("Fires", func() {
	utc := time.UTC
	def := tssim.Reading{}

	It("starts a daily trigger every day at its time, from its StartBoundary on", func() {
		t := schedule.Trigger{Kind: schedule.Daily, DaysInterval: 1, Start: at(utc, 2026, 1, 2, 6, 0)}
		Expect(fires(utc, def, at(utc, 2026, 1, 1, 0, 0), at(utc, 2026, 1, 4, 0, 0), t)).To(Equal([]string{
			"2026-01-02 06:00 UTC", "2026-01-03 06:00 UTC"}))
	})

	It("starts a weekly trigger on its days, every WeeksInterval weeks", func() {
		t := schedule.Trigger{Kind: schedule.Weekly, WeeksInterval: 2, DaysOfWeek: []time.Weekday{time.Monday}, Start: at(utc, 2026, 1, 4, 8, 0)}
		Expect(fires(utc, def, at(utc, 2026, 1, 1, 0, 0), at(utc, 2026, 2, 1, 0, 0), t)).To(Equal([]string{
			"2026-01-05 08:00 UTC", "2026-01-19 08:00 UTC"}))
	})

	It("ends repetitions before Duration, or at it under the inclusive reading", func() {
		t := schedule.Trigger{Kind: schedule.Daily, DaysInterval: 1, Start: at(utc, 2026, 1, 1, 9, 0),
			Repetition: &schedule.Repetition{Interval: time.Hour, Duration: 8 * time.Hour}}
		from, to := at(utc, 2026, 1, 1, 0, 0), at(utc, 2026, 1, 2, 0, 0)
		Expect(fires(utc, def, from, to, t)).To(HaveLen(8))
		Expect(fires(utc, tssim.Reading{DurationEnd: tssim.EndInclusive}, from, to, t)).To(HaveLen(9))
		t.Repetition.Duration = 8*time.Hour + 30*time.Minute
		Expect(fires(utc, def, from, to, t)).To(HaveLen(9))
		Expect(fires(utc, tssim.Reading{DurationEnd: tssim.EndInclusive}, from, to, t)).To(HaveLen(9))
	})

	It("repeats indefinitely from a once trigger, across days", func() {
		t := schedule.Trigger{Kind: schedule.Once, Start: at(utc, 2026, 1, 1, 0, 10), Absolute: true,
			Repetition: &schedule.Repetition{Interval: 6 * time.Hour}}
		Expect(fires(utc, def, at(utc, 2026, 1, 3, 0, 0), at(utc, 2026, 1, 4, 0, 0), t)).To(Equal([]string{
			"2026-01-03 00:10 UTC", "2026-01-03 06:10 UTC", "2026-01-03 12:10 UTC", "2026-01-03 18:10 UTC"}))
	})

	It("skips or clamps a day the month lacks", func() {
		t := schedule.Trigger{Kind: schedule.Monthly, DaysOfMonth: []int{31}, Start: at(utc, 2026, 1, 1, 0, 0)}
		from, to := at(utc, 2026, 4, 1, 0, 0), at(utc, 2026, 5, 1, 0, 0)
		Expect(fires(utc, def, from, to, t)).To(BeEmpty())
		Expect(fires(utc, tssim.Reading{MissingDay: tssim.MissingClamp}, from, to, t)).To(Equal([]string{"2026-04-30 00:00 UTC"}))
	})

	It("reads MonthlyDOW weeks as occurrences or as calendar weeks", func() {
		// August 2026 starts on a Saturday: its first Friday is the 7th, in calendar week 2.
		t := schedule.Trigger{Kind: schedule.MonthlyDOW, Weeks: []int{1}, DaysOfWeek: []time.Weekday{time.Friday}, Start: at(utc, 2026, 1, 1, 0, 0)}
		from, to := at(utc, 2026, 8, 1, 0, 0), at(utc, 2026, 9, 1, 0, 0)
		Expect(fires(utc, def, from, to, t)).To(Equal([]string{"2026-08-07 00:00 UTC"}))
		Expect(fires(utc, tssim.Reading{Week: tssim.WeekCalendar}, from, to, t)).To(BeEmpty())
		t.Weeks = []int{schedule.LastWeek}
		Expect(fires(utc, def, from, to, t)).To(Equal([]string{"2026-08-28 00:00 UTC"}))
	})

	It("starts on the last day of the month and only in the months given", func() {
		t := schedule.Trigger{Kind: schedule.Monthly, LastDayOfMonth: true, Months: []time.Month{time.February}, Start: at(utc, 2026, 1, 1, 0, 0)}
		Expect(fires(utc, def, at(utc, 2026, 1, 1, 0, 0), at(utc, 2029, 1, 1, 0, 0), t)).To(Equal([]string{
			"2026-02-28 00:00 UTC", "2027-02-28 00:00 UTC", "2028-02-29 00:00 UTC"}))
	})

	Context("across DST in Europe/Berlin", func() {
		berlin := mustZone("Europe/Berlin")
		daily := schedule.Trigger{Kind: schedule.Daily, DaysInterval: 1, Start: at(berlin, 2026, 1, 1, 2, 30)}

		It("shifts or skips a start in the spring-forward gap", func() {
			from, to := at(berlin, 2026, 3, 29, 0, 0), at(berlin, 2026, 3, 30, 0, 0)
			Expect(fires(berlin, def, from, to, daily)).To(Equal([]string{"2026-03-29 03:30 CEST"}))
			Expect(fires(berlin, tssim.Reading{Gap: tssim.GapSkip}, from, to, daily)).To(BeEmpty())
		})

		It("starts once or twice in the fall-back overlap", func() {
			from, to := at(berlin, 2026, 10, 25, 0, 0), at(berlin, 2026, 10, 26, 0, 0)
			Expect(fires(berlin, def, from, to, daily)).To(Equal([]string{"2026-10-25 02:30 CEST"}))
			Expect(fires(berlin, tssim.Reading{Overlap: tssim.OverlapBoth}, from, to, daily)).To(Equal([]string{
				"2026-10-25 02:30 CEST", "2026-10-25 02:30 CET"}))
		})

		It("counts repetitions in elapsed time", func() {
			t := schedule.Trigger{Kind: schedule.Daily, DaysInterval: 1, Start: at(berlin, 2026, 1, 1, 1, 0),
				Repetition: &schedule.Repetition{Interval: time.Hour, Duration: 2*time.Hour + 30*time.Minute}}
			Expect(fires(berlin, def, at(berlin, 2026, 3, 29, 0, 0), at(berlin, 2026, 3, 30, 0, 0), t)).To(Equal([]string{
				"2026-03-29 01:00 CET", "2026-03-29 03:00 CEST", "2026-03-29 04:00 CEST"}))
		})
	})

	It("never fires boot and logon triggers", func() {
		Expect(fires(utc, def, at(utc, 2026, 1, 1, 0, 0), at(utc, 2027, 1, 1, 0, 0),
			schedule.Trigger{Kind: schedule.Boot}, schedule.Trigger{Kind: schedule.Logon})).To(BeEmpty())
	})

	It("lists 32 readings and only the relevant ones for a plan", func() {
		Expect(tssim.Readings()).To(HaveLen(32))
		z := tssim.ZoneOf(time.UTC)
		daily := []schedule.Trigger{{Kind: schedule.Daily, Start: at(utc, 2026, 1, 1, 6, 0)}}
		Expect(tssim.Relevant(daily, z, 0, 1e8)).To(Equal([]tssim.Reading{{}}))
		zb := tssim.ZoneOf(mustZone("Europe/Berlin"))
		Expect(tssim.Relevant(daily, zb, 0, 1e8)).To(HaveLen(4))
		monthly := []schedule.Trigger{{Kind: schedule.Monthly, DaysOfMonth: []int{30}, Start: at(utc, 2026, 1, 1, 6, 0),
			Repetition: &schedule.Repetition{Interval: time.Hour, Duration: 90 * time.Minute}}}
		Expect(tssim.Relevant(monthly, z, 0, 1e8)).To(HaveLen(4))
		Expect(tssim.Readings()[0].String()).To(Equal("end=exclusive missing=skip week=occurrence gap=shift overlap=first"))
	})
})

var _ = Describe("a daily repetition for a fixed Duration on DST days", func() {
	// Repetitions count elapsed time, so a series from a daily start covers
	// the wall clock an hour short on the 25-hour day and an hour long on
	// the 23-hour one. This is what made gated supersets miss cron minutes
	// (2027-10-31 08:09 and 16:09 for `9,55 */8 */2 10 5` in Berlin); the
	// planner now splits them around every DST change.
	berlin := mustZone("Europe/Berlin")
	every8h := schedule.Trigger{Kind: schedule.Daily, DaysInterval: 1, Start: at(berlin, 2027, 1, 1, 0, 9),
		Repetition: &schedule.Repetition{Interval: 8 * time.Hour, Duration: 20 * time.Hour}}

	It("starts at 00:09, 07:09 and 15:09 on the day clocks fall back", func() {
		Expect(fires(berlin, tssim.Reading{}, at(berlin, 2027, 10, 31, 0, 0), at(berlin, 2027, 11, 1, 0, 0), every8h)).
			To(Equal([]string{"2027-10-31 00:09 CEST", "2027-10-31 07:09 CET", "2027-10-31 15:09 CET"}))
	})

	It("starts at 00:09, 09:09 and 17:09 on the day clocks spring forward", func() {
		Expect(fires(berlin, tssim.Reading{}, at(berlin, 2027, 3, 28, 0, 0), at(berlin, 2027, 3, 29, 0, 0), every8h)).
			To(Equal([]string{"2027-03-28 00:09 CET", "2027-03-28 09:09 CEST", "2027-03-28 17:09 CEST"}))
	})

	It("starts at the wall times when the series begins after the change", func() {
		after := every8h
		after.Start = at(berlin, 2027, 1, 1, 8, 9)
		after.Repetition = &schedule.Repetition{Interval: 8 * time.Hour, Duration: 12 * time.Hour}
		Expect(fires(berlin, tssim.Reading{}, at(berlin, 2027, 10, 31, 0, 0), at(berlin, 2027, 11, 1, 0, 0), after)).
			To(Equal([]string{"2027-10-31 08:09 CET", "2027-10-31 16:09 CET"}))
	})
})
