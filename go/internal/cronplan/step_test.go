package cronplan_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	robfig "github.com/robfig/cron/v3"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
)

// Real crontabs carry steps as large as their range. Vixie cron, cronie,
// robfig/cron and gronx run them on the range's first value only, so an
// import must never fail on one.
var _ = Describe("Parse with a step as large as its range", func() {
	from := time.Date(2026, 1, 10, 12, 34, 0, 0, time.UTC)

	DescribeTable("runs on the range's first value only, like Vixie cron, and says so",
		func(x, same, note string) {
			e, err := cronplan.Parse(x)
			Expect(err).NotTo(HaveOccurred())
			Expect(e.String()).To(Equal(x), "String keeps the expression as written")
			Expect(nexts(x, from, 8)).To(Equal(nexts(same, from, 8)))
			Expect(e.Notes()).To(ConsistOf(note))
		},
		Entry("*/60 in minute", "*/60 * * * *", "0 * * * *", "*/60 in minute means minute 0 (step ≥ range: first value only)"),
		Entry("*/24 in hour", "0 */24 * * *", "0 0 * * *", "*/24 in hour means hour 0 (step ≥ range: first value only)"),
		Entry("*/12 in month", "0 0 1 */12 *", "0 0 1 1 *", "*/12 in month means month 1 (step ≥ range: first value only)"),
		Entry("a one-value range", "0 15-15/3 * * *", "0 15 * * *", "15-15/3 in hour means hour 15 (step ≥ range: first value only)"),
		Entry("a range shorter than its step", "1-5/10 * * * *", "1 * * * *", "1-5/10 in minute means minute 1 (step ≥ range: first value only)"),
		Entry("a start with a step past the end", "50/15 * * * *", "50 * * * *", "50/15 in minute means minute 50 (step ≥ range: first value only)"),
		Entry("*/31 in day-of-month", "0 0 */31 * *", "0 0 1 * *", "*/31 in day-of-month means day-of-month 1 (step ≥ range: first value only)"),
		Entry("named weekdays", "0 0 * * MON-FRI/7", "0 0 * * 1", "MON-FRI/7 in day-of-week means day-of-week 1 (step ≥ range: first value only)"),
		Entry("named months", "0 0 1 JAN-MAR/5 *", "0 0 1 1 *", "JAN-MAR/5 in month means month 1 (step ≥ range: first value only)"),
		Entry("a wrap-around range", "0 22-1/9 * * *", "0 22 * * *", "22-1/9 in hour means hour 22 (step ≥ range: first value only)"),
		Entry("one part of a list", "0 0,*/99 * * *", "0 0 * * *", "*/99 in hour means hour 0 (step ≥ range: first value only)"),
	)

	It("keeps Vixie's day rule for a day field that starts with *: both day fields must match", func() {
		// 2026-06-01 is the first 1st of a month after 10 January that is a Monday.
		Expect(nexts("0 0 */31 * 1", from, 1)).To(Equal([]string{"2026-06-01 00:00 UTC"}))
	})

	DescribeTable("leaves a step smaller than its range alone (no note)", func(x string) {
		e, err := cronplan.Parse(x)
		Expect(err).NotTo(HaveOccurred())
		Expect(e.Notes()).To(BeEmpty())
	},
		Entry(nil, "*/59 * * * *"), Entry(nil, "0 */23 * * *"), Entry(nil, "0 0 */30 * *"), Entry(nil, "0 0 1 */11 *"),
		Entry(nil, "0-1/1 * * * *"), Entry(nil, "15-15 * * * *"), Entry(nil, "0 0 * * */7"), Entry(nil, "1-5/4 * * * *"),
	)

	It("still refuses a zero step and a step on a bad range", func() {
		for _, x := range []string{"*/0 * * * *", "61-70/100 * * * *", "0 0 * * X-Y/9"} {
			_, err := cronplan.Parse(x)
			Expect(err).To(HaveOccurred(), x)
		}
	})

	It("agrees with robfig/cron on random steps at or past the range (property)", func() {
		r := rand.New(rand.NewPCG(11, 60))
		rp := robfig.NewParser(robfig.Minute | robfig.Hour | robfig.Dom | robfig.Month | robfig.Dow)
		bounds := [5][2]int{{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}}
		for range 300 {
			f := [5]string{"*", "*", "*", "*", "*"}
			k := r.IntN(4) // the day-of-week and robfig differ on 7; Vixie and robfig agree elsewhere
			if k == 2 {
				k = 3 // robfig ORs */n day-of-month with *, Vixie does not; keep the comparison exact
			}
			lo, hi := bounds[k][0], bounds[k][1]
			a := lo + r.IntN(hi-lo+1)
			b := a + r.IntN(hi-a+1)
			step := b - a + 1 + r.IntN(70)
			switch r.IntN(3) {
			case 0:
				f[k] = fmt.Sprintf("%d-%d/%d", a, b, step)
			case 1:
				f[k] = fmt.Sprintf("*/%d", hi-lo+1+r.IntN(40))
			default:
				f[k] = fmt.Sprintf("%d/%d", a, hi-a+1+r.IntN(40))
			}
			if k != 0 {
				f[0] = fmt.Sprint(r.IntN(60))
			}
			x := fmt.Sprintf("%s %s %s %s %s", f[0], f[1], f[2], f[3], f[4])
			e, err := cronplan.Parse(x)
			Expect(err).NotTo(HaveOccurred(), x)
			Expect(e.Notes()).To(HaveLen(1), x)
			rs, err := rp.Parse(x)
			Expect(err).NotTo(HaveOccurred(), x)
			t := from
			for range 6 {
				want := rs.Next(t)
				Expect(e.Next(t)).To(Equal(want), "%q after %s", x, t)
				t = want
			}
		}
	})
})
