package definition_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

var _ = DescribeTable("Schedule.Text says a schedule in one line",
	func(s *definition.Schedule, want string) {
		Expect(s.Text()).To(Equal(want))
	},
	Entry("no schedule", nil, "on demand"),
	Entry("cron", &definition.Schedule{Cron: "0 3 * * *"}, "0 3 * * *"),
	Entry("cron in a zone", &definition.Schedule{Cron: "0 3 * * *", Timezone: "Europe/Berlin"}, "0 3 * * * (Europe/Berlin)"),
	Entry("at startup", &definition.Schedule{Startup: &definition.Startup{}}, "at startup"),
	Entry("once", &definition.Schedule{Once: "2026-12-24T18:00:00+01:00"}, "once at 2026-12-24T18:00:00+01:00"),
	Entry("an interval", &definition.Schedule{Interval: definition.Duration(90 * time.Minute)}, "every 1h30m"),
)
