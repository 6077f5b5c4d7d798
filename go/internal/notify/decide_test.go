package notify_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

var _ = Describe("Decide: one alert per incident", func() {
	t := task("job", nil)

	step := func(n *definition.Notify, inc notify.Incident, st result.Status, id string, at time.Time) (notify.Incident, *notify.Notice) {
		r := rec("job", st, id)
		r.End = at
		return notify.Decide(t, n, inc, r, "h", at)
	}

	It("alerts on the first failure, stays silent while failing, then tells the recovery", func() {
		n := &definition.Notify{}
		inc, nt := step(n, notify.Incident{}, result.Failed, "r1", clock)
		Expect(nt).NotTo(BeNil())
		Expect(nt.Event).To(Equal(notify.EventFailure))
		Expect(inc.Open).To(BeTrue())
		inc, nt = step(n, inc, result.Timeout, "r2", clock.Add(time.Minute))
		Expect(nt).To(BeNil())
		inc, nt = step(n, inc, result.Failed, "r3", clock.Add(2*time.Minute))
		Expect(nt).To(BeNil())
		Expect(inc.Failures).To(Equal(3))
		inc, nt = step(n, inc, result.Success, "r4", clock.Add(3*time.Minute))
		Expect(nt).NotTo(BeNil())
		Expect(nt.Event).To(Equal(notify.EventRecovery))
		Expect(nt.Incident.Failures).To(Equal(3))
		Expect(nt.Subject()).To(Equal("[Orchestrator] RECOVERED: job on h"))
		Expect(inc.Open).To(BeFalse())
		_, nt = step(n, inc, result.Success, "r5", clock.Add(4*time.Minute))
		Expect(nt).To(BeNil())
	})

	It("reminds after the reminder interval while the incident stays open", func() {
		n := &definition.Notify{Reminder: definition.Duration(time.Hour)}
		inc, nt := step(n, notify.Incident{}, result.Failed, "r1", clock)
		Expect(nt).NotTo(BeNil())
		inc, nt = step(n, inc, result.Failed, "r2", clock.Add(59*time.Minute))
		Expect(nt).To(BeNil())
		inc, nt = step(n, inc, result.Failed, "r3", clock.Add(61*time.Minute))
		Expect(nt).NotTo(BeNil())
		Expect(nt.Reminder).To(BeTrue())
		Expect(nt.Subject()).To(Equal("[Orchestrator] STILL FAILED (3 runs): job on h"))
		_, nt = step(n, inc, result.Failed, "r4", clock.Add(90*time.Minute))
		Expect(nt).To(BeNil())
	})

	It("notifies successes only when asked, and skips only when asked", func() {
		_, nt := step(&definition.Notify{}, notify.Incident{}, result.Success, "r1", clock)
		Expect(nt).To(BeNil())
		_, nt = step(&definition.Notify{On: []string{"success"}}, notify.Incident{}, result.Success, "r1", clock)
		Expect(nt.Event).To(Equal(notify.EventSuccess))
		inc, nt := step(&definition.Notify{}, notify.Incident{}, result.Skipped, "r1", clock)
		Expect(nt).To(BeNil())
		Expect(inc.Open).To(BeFalse())
		inc, nt = step(&definition.Notify{On: []string{"skipped"}}, notify.Incident{}, result.Skipped, "r1", clock)
		Expect(nt.Event).To(Equal(notify.EventSkipped))
		Expect(inc.Open).To(BeTrue())
	})

	It("ignores disabled and stopped runs", func() {
		for _, st := range []result.Status{result.Disabled, result.Stopped} {
			inc, nt := step(&definition.Notify{}, notify.Incident{}, st, "r", clock)
			Expect(nt).To(BeNil())
			Expect(inc.Open).To(BeFalse())
		}
	})

	It("tells retriesExhausted apart when every attempt was used", func() {
		rt := &definition.Task{Name: "job", Retry: &definition.Retry{Attempts: 3}}
		r := rec("job", result.Failed, "r1")
		r.Attempts = []result.Attempt{{Number: 1}, {Number: 2}, {Number: 3}}
		_, nt := notify.Decide(rt, &definition.Notify{On: []string{"retriesExhausted"}}, notify.Incident{}, r, "h", clock)
		Expect(nt).NotTo(BeNil())
		Expect(nt.Event).To(Equal(notify.EventRetriesExhausted))
		Expect(nt.Subject()).To(Equal("[Orchestrator] FAILED after 3 attempts: job on h"))
		r.Attempts = r.Attempts[:1]
		_, nt = notify.Decide(rt, &definition.Notify{On: []string{"retriesExhausted"}}, notify.Incident{}, r, "h", clock)
		Expect(nt).To(BeNil())
	})
})
