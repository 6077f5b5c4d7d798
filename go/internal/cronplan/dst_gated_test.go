package cronplan_test

import (
	"fmt"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/tssim"
)

// dailySuperset reports whether gated plan p, whose triggers fire daily,
// starts at every one of the cron's times of day on every day in [from, to)
// under every reading: what a daily superset promises, whatever the day
// fields select. The gate then keeps the cron's days.
func dailySuperset(x string, p schedule.Plan, loc *time.Location, from, to time.Time) error {
	f := strings.Fields(x)
	daily, err := cronplan.Parse(f[0] + " " + f[1] + " * * *")
	if err != nil {
		return err
	}
	z := tssim.ZoneOf(loc)
	fi, ti := tssim.InstantOf(from), tssim.InstantOf(to)
	want := daily.Fires(z, fi, ti)
	for _, r := range tssim.Relevant(p.Triggers, z, fi, ti) {
		got := tssim.Minutes(p.Triggers, z, fi, ti, r)
		if m, ok := missing(got, want); !ok {
			return fmt.Errorf("%s in %s (gated: %s), reading %s: no start at %s", x, loc, p.Reason, r, tssim.TimeOf(m, loc))
		}
	}
	return nil
}

// allDaily reports whether every trigger of p starts daily.
func allDaily(p schedule.Plan) bool {
	for _, t := range p.Triggers {
		if t.Kind != schedule.Daily {
			return false
		}
	}
	return len(p.Triggers) > 0
}

// Gated supersets must start at every cron time under every reading,
// including repetitions counted in elapsed time on the 25-hour day clocks
// fall back. Before, a superset repeating from a daily start for a fixed
// Duration ended an hour early on that day when the cron itself did not run
// on it: harmless for the cron's own days, but a superset that holds only
// for them is one day-semantics slip away from missing runs, and these are
// the misses the adversarial sweep reported.
var _ = Describe("gated plans across DST changes", func() {
	DescribeTable("start at every cron time of day on every day, DST days included, under every reading",
		func(expr, zone string) {
			e, err := cronplan.Parse(expr)
			Expect(err).NotTo(HaveOccurred())
			loc, err := time.LoadLocation(zone)
			Expect(err).NotTo(HaveOccurred())
			p := cronplan.Plan(e, loc, planNow)
			Expect(p.Gated).To(BeTrue(), "the expression must be gated to test the gated superset")
			Expect(allDaily(p)).To(BeTrue(), "the superset is daily")
			from := time.Date(2026, 3, 1, 0, 0, 0, 0, loc)
			Expect(dailySuperset(expr, p, loc, from, from.AddDate(3, 0, 0))).To(Succeed())
			_, err = checkPlan(e, p, loc, loc, from, from.AddDate(3, 0, 0))
			Expect(err).NotTo(HaveOccurred())
		},
		Entry("reported: missed 08:09, 08:55, 16:09, 16:55 on 2027-10-31 and in 2028", "9,55 */8 */2 10 5", "Europe/Berlin"),
		Entry("reported: missed 2 runs", "0 */8 */10 */3 2#3", "Europe/Berlin"),
		Entry("reported: missed 23:30 on 2027-10-31", "30 * */5 * 1#2", "Europe/Berlin"),
		Entry("the first in New York", "9,55 */8 */2 10 5", "America/New_York"),
		Entry("every 20 minutes on the nearest weekday", "*/20 * 15W * *", "Europe/Berlin"),
		Entry("hourly on the last weekday", "0 * LW * *", "America/New_York"),
		Entry("every 7 minutes on the fifth Sunday (runs on some DST days)", "*/7 * * * 0#5", "Europe/Berlin"),
		Entry("at 02:30 on the nearest weekday (in the DST hours)", "30 2 1W * *", "Europe/Berlin"),
	)

	It("holds for every gated expression of the corpus with a daily superset, in zones with DST", func() {
		n := 0
		for _, zone := range []string{"Europe/Berlin", "America/New_York"} {
			loc, err := time.LoadLocation(zone)
			Expect(err).NotTo(HaveOccurred())
			for _, x := range corpus(320, 1) {
				e, err := cronplan.Parse(x)
				if err != nil || strings.HasPrefix(x, "@") {
					continue
				}
				p := cronplan.Plan(e, loc, planNow)
				if !p.Gated || !allDaily(p) {
					continue
				}
				n++
				Expect(dailySuperset(x, p, loc, planNow, planNow.AddDate(propertyYears, 0, 0))).To(Succeed())
			}
		}
		Expect(n).To(BeNumerically(">=", 20), "gated expressions with a daily superset in the corpus")
		fmt.Fprintf(GinkgoWriter, "%d gated daily supersets checked\n", n)
	})
})
