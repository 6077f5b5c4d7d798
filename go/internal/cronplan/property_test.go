package cronplan_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
)

var _ = Describe("plans (property: simulated starts = cron's times)", func() {
	exprs := corpus(320, 1)
	const chunks = 4

	It("has a corpus of at least 300 expressions that parse", func() {
		n := 0
		for _, x := range exprs {
			if _, err := cronplan.Parse(x); err == nil {
				n++
			}
		}
		Expect(n).To(BeNumerically(">=", 300))
	})

	for _, zone := range []string{"UTC", "Europe/Berlin", "America/New_York"} {
		for c := range chunks {
			It(fmt.Sprintf("holds in %s for corpus part %d/%d over %d years under every reading", zone, c+1, chunks, propertyYears), func() {
				loc, err := time.LoadLocation(zone)
				Expect(err).NotTo(HaveOccurred())
				from, to := planNow, planNow.AddDate(propertyYears, 0, 0)
				var native, gated, assuming, runs int
				for k := c; k < len(exprs); k += chunks {
					e, err := cronplan.Parse(exprs[k])
					if err != nil {
						continue
					}
					p := cronplan.Plan(e, loc, planNow)
					n, err := checkPlan(e, p, loc, loc, from, to)
					Expect(err).NotTo(HaveOccurred())
					runs += n
					switch {
					case p.Gated:
						gated++
					case len(p.Assumes) > 0:
						assuming++
					default:
						native++
					}
				}
				fmt.Fprintf(GinkgoWriter, "%s: %d native (%d with an assumption), %d gated, %d simulations\n", zone, native+assuming, assuming, gated, runs)
			})
		}
	}

	It("holds for a cron zone other than the host's (gated)", func() {
		pairs := [][2]string{{"America/New_York", "Europe/Berlin"}, {"Europe/Berlin", "America/New_York"}, {"Asia/Kolkata", "UTC"}, {"Europe/Paris", "Europe/Berlin"}}
		for k, x := range exprs[:40] {
			e, err := cronplan.Parse(x)
			if err != nil {
				continue
			}
			pr := pairs[k%len(pairs)]
			cronLoc, _ := time.LoadLocation(pr[0])
			host, _ := time.LoadLocation(pr[1])
			p, err := planSchedule(&definition.Schedule{Cron: x, Timezone: pr[0]}, host, planNow)
			Expect(err).NotTo(HaveOccurred())
			if pr[0] == "Europe/Paris" {
				Expect(p.Reason).NotTo(ContainSubstring("timezone"), "Paris and Berlin keep the same clock")
			} else {
				Expect(p.Gated).To(BeTrue())
			}
			_, err = checkPlan(e, p, cronLoc, host, planNow, planNow.AddDate(0, 6, 0))
			Expect(err).NotTo(HaveOccurred())
		}
	})
})
