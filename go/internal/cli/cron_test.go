package cli_test

import (
	"encoding/json"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("orc-exec cron explain", func() {
	Context("when a step is as large as its range", func() {
		DescribeTable("accepts it and notes that only the first value runs", func(expr, note, next string) {
			o := newOrc()
			inv := o.run("cron", "explain", expr, "--tz", "UTC", "--from", "2026-01-10T12:34:00Z", "--next", "1")
			Expect(inv.code).To(Equal(0), inv.stderr)
			Expect(inv.stdout).To(ContainSubstring("  note: " + note + "\n"))
			Expect(inv.stdout).To(ContainSubstring(next))

			inv = o.run("cron", "explain", expr, "--tz", "UTC", "--from", "2026-01-10T12:34:00Z", "--next", "1", "--output", "json")
			Expect(inv.code).To(Equal(0), inv.stderr)
			var v struct {
				Notes []string `json:"notes"`
				Next  []string `json:"next"`
			}
			Expect(json.Unmarshal([]byte(inv.stdout), &v)).To(Succeed())
			Expect(v.Notes).To(Equal([]string{note}))
			Expect(v.Next).To(Equal([]string{next}))
		},
			Entry(nil, "*/60 * * * *", "*/60 in minute means minute 0 (step ≥ range: first value only)", "2026-01-10T13:00:00Z"),
			Entry(nil, "0 */24 * * *", "*/24 in hour means hour 0 (step ≥ range: first value only)", "2026-01-11T00:00:00Z"),
			Entry(nil, "0 0 1 */12 *", "*/12 in month means month 1 (step ≥ range: first value only)", "2027-01-01T00:00:00Z"),
			Entry(nil, "0 15-15/3 * * *", "15-15/3 in hour means hour 15 (step ≥ range: first value only)", "2026-01-10T15:00:00Z"),
		)

		It("prints no note for an ordinary step", func() {
			inv := newOrc().run("cron", "explain", "*/59 * * * *", "--tz", "UTC", "--output", "json")
			Expect(inv.code).To(Equal(0), inv.stderr)
			Expect(inv.stdout).NotTo(ContainSubstring(`"notes"`))
		})
	})
})
