package runner

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/proc"
)

func d(s string) definition.Duration {
	v, err := definition.ParseDuration(s)
	Expect(err).NotTo(HaveOccurred())
	return definition.Duration(v)
}

var _ = Describe("backoff", func() {
	It("multiplies the delay by the factor per attempt and caps it at maxDelay", func() {
		p := &definition.Retry{Attempts: 6, Delay: d("1s"), BackoffFactor: 3, MaxDelay: d("20s")}
		Expect([]time.Duration{backoff(p, 1), backoff(p, 2), backoff(p, 3), backoff(p, 4)}).
			To(Equal([]time.Duration{time.Second, 3 * time.Second, 9 * time.Second, 20 * time.Second}))
	})

	It("keeps a constant delay without a factor", func() {
		p := &definition.Retry{Attempts: 3, Delay: d("2s")}
		Expect(backoff(p, 1)).To(Equal(2 * time.Second))
		Expect(backoff(p, 5)).To(Equal(2 * time.Second))
	})

	It("adds at most the jitter", func() {
		p := &definition.Retry{Attempts: 3, Delay: d("1s"), Jitter: d("500ms")}
		for range 200 {
			Expect(backoff(p, 1)).To(And(BeNumerically(">=", time.Second), BeNumerically("<=", 1500*time.Millisecond)))
		}
	})
})

var _ = Describe("retryable", func() {
	DescribeTable("decides from the policy and the outcome",
		func(p *definition.Retry, o proc.Outcome, want bool) {
			Expect(retryable(p, o)).To(Equal(want))
		},
		Entry("no policy", nil, proc.Outcome{ExitCode: 1}, false),
		Entry("any non-zero code", &definition.Retry{Attempts: 2}, proc.Outcome{ExitCode: 7}, true),
		Entry("listed code", &definition.Retry{Attempts: 2, RetryableExitCodes: []int{75}}, proc.Outcome{ExitCode: 75}, true),
		Entry("unlisted code", &definition.Retry{Attempts: 2, RetryableExitCodes: []int{75}}, proc.Outcome{ExitCode: 1}, false),
		Entry("timeout without retryOnTimeout", &definition.Retry{Attempts: 2}, proc.Outcome{ExitCode: -1, TimedOut: true}, false),
		Entry("timeout with retryOnTimeout", &definition.Retry{Attempts: 2, RetryOnTimeout: true}, proc.Outcome{ExitCode: -1, TimedOut: true}, true),
	)
})
