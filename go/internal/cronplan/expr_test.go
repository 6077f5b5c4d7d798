package cronplan_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/adhocore/gronx"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	robfig "github.com/robfig/cron/v3"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/tssim"
)

func zone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	Expect(err).NotTo(HaveOccurred())
	return loc
}

func mustParse(x string) *cronplan.Expr {
	e, err := cronplan.Parse(x)
	Expect(err).NotTo(HaveOccurred())
	return e
}

// nexts returns n successive fire times after t, formatted in t's zone.
func nexts(x string, t time.Time, n int) []string {
	e := mustParse(x)
	var out []string
	for range n {
		t = e.Next(t)
		out = append(out, t.Format("2006-01-02 15:04 MST"))
	}
	return out
}

var _ = Describe("Parse", func() {
	DescribeTable("accepts", func(x string) {
		_, err := cronplan.Parse(x)
		Expect(err).NotTo(HaveOccurred())
	},
		Entry(nil, "* * * * *"), Entry(nil, "0,15,30,45 0-23/2 1-31 1-12 0-6"), Entry(nil, "0 9 * JAN-MAR mon-FRI"),
		Entry(nil, "0 0 * * 7"), Entry(nil, "0 0 ? * *"), Entry(nil, "@hourly"), Entry(nil, "@Weekly"),
		Entry(nil, "0 0 L * *"), Entry(nil, "0 0 L-2 * *"), Entry(nil, "0 0 LW * *"), Entry(nil, "0 0 15W * *"),
		Entry(nil, "0 0 * * 5#2"), Entry(nil, "0 0 * * FRI#L"), Entry(nil, "0 0 * * 5L"), Entry(nil, "0 0 * * friL"),
		Entry(nil, "  0 0 * * *  "), Entry(nil, "0 22-2 * * *"), Entry(nil, "5/15 * * * *"),
	)

	DescribeTable("rejects, naming the construct", func(x, msg string) {
		_, err := cronplan.Parse(x)
		Expect(err).To(MatchError(ContainSubstring(msg)))
		Expect(err.Error()).To(HavePrefix(fmt.Sprintf("cron %q: ", x)))
	},
		Entry("seconds", "*/5 * * * * *", "6 fields (seconds) cannot be scheduled by Task Scheduler; use 5 fields"),
		Entry("year", "0 0 0 1 1 * 2030", "7 fields (seconds and year)"),
		Entry("too few", "0 0 * *", "4 fields; use 5 fields"),
		Entry("empty", "  ", "empty expression"),
		Entry("reboot", "@reboot", "use a startup schedule"),
		Entry("every", "@every 5m", "use an interval schedule"),
		Entry("unknown descriptor", "@fortnightly", "unknown descriptor"),
		Entry("hash", "H * * * *", "hashed values (H)"),
		Entry("time zone prefix", "TZ=UTC 0 0 * * *", "set the schedule's timezone"),
		Entry("L in hours", "0 L * * *", "L, W and # are only valid in the day fields"),
		Entry("minute out of range", "60 * * * *", "above maximum"),
		Entry("no such day", "0 0 30 2 *", "matches no day"),
		Entry("bad name", "0 0 * * funday", "funday"),
	)

	It("follows Vixie cron: day-of-month OR day-of-week, unless a field starts with *", func() {
		// 2026-03: Sun 1, Fri 6, Sun 15, Fri 20.
		from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		Expect(nexts("0 0 1,15 * 5", from.Add(-time.Minute), 4)).To(Equal([]string{
			"2026-03-01 00:00 UTC", "2026-03-06 00:00 UTC", "2026-03-13 00:00 UTC", "2026-03-15 00:00 UTC"}))
		// */2 starts with *: both must match (odd days that are Mondays).
		Expect(nexts("0 0 */2 * 1", from, 2)).To(Equal([]string{"2026-03-09 00:00 UTC", "2026-03-23 00:00 UTC"}))
	})

	It("knows L, W, #n, #L and nL", func() {
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		Expect(nexts("0 0 L * *", from, 2)).To(Equal([]string{"2026-01-31 00:00 UTC", "2026-02-28 00:00 UTC"}))
		Expect(nexts("0 0 L-2 * *", from, 1)).To(Equal([]string{"2026-01-29 00:00 UTC"}))
		Expect(nexts("0 0 LW * *", from, 2)).To(Equal([]string{"2026-01-30 00:00 UTC", "2026-02-27 00:00 UTC"}))
		Expect(nexts("0 0 1W * *", from.Add(-time.Minute), 3)).To(Equal([]string{"2026-01-01 00:00 UTC", "2026-02-02 00:00 UTC", "2026-03-02 00:00 UTC"}))
		Expect(nexts("0 0 * * 5#2", from, 2)).To(Equal([]string{"2026-01-09 00:00 UTC", "2026-02-13 00:00 UTC"}))
		Expect(nexts("0 0 * * 5L", from, 2)).To(Equal([]string{"2026-01-30 00:00 UTC", "2026-02-27 00:00 UTC"}))
	})

	Context("across DST (Vixie rules)", func() {
		berlin := zone("Europe/Berlin")
		It("runs a time skipped by spring-forward once, moved forward by the gap", func() {
			Expect(nexts("30 2 * * *", time.Date(2026, 3, 28, 12, 0, 0, 0, berlin), 3)).To(Equal([]string{
				"2026-03-29 03:30 CEST", "2026-03-30 02:30 CEST", "2026-03-31 02:30 CEST"}))
			Expect(nexts("*/30 * * * *", time.Date(2026, 3, 29, 1, 15, 0, 0, berlin), 3)).To(Equal([]string{
				"2026-03-29 01:30 CET", "2026-03-29 03:00 CEST", "2026-03-29 03:30 CEST"}))
		})
		It("runs a time repeated by fall-back once, at its first occurrence", func() {
			Expect(nexts("30 2 * * *", time.Date(2026, 10, 24, 12, 0, 0, 0, berlin), 2)).To(Equal([]string{
				"2026-10-25 02:30 CEST", "2026-10-26 02:30 CET"}))
			Expect(nexts("*/30 * * * *", time.Date(2026, 10, 25, 1, 45, 0, 0, berlin), 4)).To(Equal([]string{
				"2026-10-25 02:00 CEST", "2026-10-25 02:30 CEST", "2026-10-25 03:00 CET", "2026-10-25 03:30 CET"}))
		})
	})

	It("Matches exactly the minutes Fires lists, DST days included (the gate's test)", func() {
		for _, zn := range []string{"UTC", "Europe/Berlin", "America/New_York"} {
			loc := zone(zn)
			z := tssim.ZoneOf(loc)
			for _, x := range []string{"30 2 * * *", "*/7 * * * *", "0 1-3 * * *", "15 2 25-31 3,10 0", "0 0 15W * *", "*/20 0-4 * * 0", "59 1 * * *", "0 3 * * *"} {
				e := mustParse(x)
				for _, day := range []time.Time{time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)} {
					from := tssim.InstantOf(day) - 12*60
					to := from + 48*60
					fires := e.Fires(z, from, to)
					for i := from; i < to; i++ {
						_, in := slices.BinarySearch(fires, i)
						Expect(e.Matches(tssim.TimeOf(i, loc))).To(Equal(in), "%s in %s at %s", x, zn, tssim.TimeOf(i, loc))
					}
				}
			}
		}
	})

	It("returns the zero time when nothing fires within 28 years", func() {
		Expect(mustParse("0 0 29 2 1").Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero()).To(BeFalse())
	})
})

// comparable keeps expressions whose meaning robfig/cron shares: no L, W or
// #, no 7 for Sunday, and no day field that starts with * but is not * (Vixie
// then requires both day fields; robfig ORs them).
func comparable(x string) bool {
	e, err := cronplan.Parse(x)
	if err != nil || x[0] == '@' {
		return false
	}
	var f [5]string
	if n, _ := fmt.Sscan(x, &f[0], &f[1], &f[2], &f[3], &f[4]); n != 5 {
		return false
	}
	for _, s := range f {
		for _, c := range s {
			if c == 'L' || c == 'W' || c == '#' || c == '?' {
				return false
			}
		}
	}
	for _, s := range []string{f[2], f[4]} {
		if len(s) > 1 && s[0] == '*' {
			return false
		}
	}
	_ = e
	return !slices.ContainsFunc([]rune(f[4]), func(r rune) bool { return r == '7' })
}

var _ = Describe("differential: Parse/Next against robfig/cron and gronx", func() {
	It("finds the same fire times for expressions all three read alike", func() {
		rp := robfig.NewParser(robfig.Minute | robfig.Hour | robfig.Dom | robfig.Month | robfig.Dow)
		compared := 0
		for _, x := range corpus(600, 7) {
			if !comparable(x) {
				continue
			}
			rs, err := rp.Parse(x)
			if err != nil || !gronx.IsValid(x) {
				continue
			}
			e := mustParse(x)
			t := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
			for range 12 {
				want := e.Next(t)
				Expect(rs.Next(t)).To(Equal(want), "robfig, %q after %s", x, t)
				g, err := gronx.NextTickAfter(x, t, false)
				Expect(err).NotTo(HaveOccurred())
				Expect(g.UTC()).To(Equal(want), "gronx, %q after %s", x, t)
				t = want
			}
			compared++
		}
		fmt.Fprintf(GinkgoWriter, "compared %d expressions\n", compared)
		Expect(compared).To(BeNumerically(">=", 100))
	})
})
