package runner

import (
	"math"
	"math/rand/v2"
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

var _ = Describe("backoff at the edges", func() {
	// Before: a jitter of the longest duration panicked (rand.Int64N of an
	// overflowed bound), and a factor of 1e300 overflowed to no delay at all.
	longest := definition.Duration(math.MaxInt64)

	It("never panics and never goes below the delay, whatever the policy", func() {
		r := rand.New(rand.NewPCG(9, 9))
		pick := func(ds ...definition.Duration) definition.Duration { return ds[r.IntN(len(ds))] }
		for range 2000 {
			p := &definition.Retry{
				Attempts:      100,
				Delay:         pick(0, d("1ns"), d("1s"), d("1d"), longest),
				BackoffFactor: []float64{0, 1, 1.5, 2, 10, 1e300, math.MaxFloat64, math.Inf(1)}[r.IntN(8)],
				MaxDelay:      pick(0, d("1s"), d("1h"), longest),
				Jitter:        pick(0, d("1ns"), d("1d"), longest),
			}
			if p.MaxDelay != 0 && p.MaxDelay < p.Delay {
				p.MaxDelay = p.Delay
			}
			prev := time.Duration(0)
			for n := 1; n <= 100; n++ {
				var got time.Duration
				Expect(func() { got = backoff(p, n) }).NotTo(Panic(), "%+v attempt %d", p, n)
				Expect(got).To(BeNumerically(">=", p.Delay.D()), "%+v attempt %d", p, n)
				if p.Jitter == 0 {
					Expect(got).To(BeNumerically(">=", prev), "%+v: attempt %d waits less than the one before", p, n)
					if p.MaxDelay > 0 {
						Expect(got).To(BeNumerically("<=", p.MaxDelay.D()))
					}
				}
				prev = got
			}
		}
	})

	DescribeTable("saturates instead of overflowing",
		func(p *definition.Retry, n int, want time.Duration) {
			Expect(backoff(p, n)).To(Equal(want))
		},
		Entry("a factor of 1e300 grows to maxDelay", &definition.Retry{Attempts: 5, Delay: d("1s"), BackoffFactor: 1e300, MaxDelay: d("1h")}, 3, time.Hour),
		Entry("a factor of 1e300 without maxDelay saturates at the longest duration", &definition.Retry{Attempts: 5, Delay: d("1s"), BackoffFactor: 1e300}, 3, time.Duration(math.MaxInt64)),
		Entry("the longest delay stays the longest", &definition.Retry{Attempts: 5, Delay: longest, BackoffFactor: 2}, 4, time.Duration(math.MaxInt64)),
	)

	It("adds a jitter of the longest duration without panicking or wrapping around", func() {
		p := &definition.Retry{Attempts: 2, Delay: d("1h"), Jitter: longest}
		for range 100 {
			Expect(backoff(p, 1)).To(BeNumerically(">=", time.Hour))
		}
	})
})
