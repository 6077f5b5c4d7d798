package runner

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/proc"
)

// retryable reports whether outcome o of an attempt may be retried under p.
func retryable(p *definition.Retry, o proc.Outcome) bool {
	if p == nil {
		return false
	}
	if o.TimedOut {
		return p.RetryOnTimeout
	}
	if len(p.RetryableExitCodes) == 0 {
		return true
	}
	for _, c := range p.RetryableExitCodes {
		if c == o.ExitCode {
			return true
		}
	}
	return false
}

// longest is the largest time.Duration; every sum and product here
// saturates at it rather than wrapping around to a negative delay.
const longest = time.Duration(math.MaxInt64)

// backoff is the delay after attempt n (1-based): Delay × BackoffFactor^(n-1),
// capped at MaxDelay, plus a random jitter up to Jitter. Validation bounds
// every input (see docs/tasks.md), but the arithmetic saturates anyway: a
// policy built in Go, or a bound raised later, must never panic or turn an
// overflow into no delay at all.
func backoff(p *definition.Retry, n int) time.Duration {
	limit := longest
	if p.MaxDelay > 0 {
		limit = p.MaxDelay.D()
	}
	f := p.BackoffFactor
	if !(f >= 1) { // also NaN
		f = 1
	}
	d := float64(p.Delay.D())
	for i := 1; i < n && d < float64(limit); i++ {
		d *= f // +Inf at worst, which the clamp below handles
	}
	out := limit
	// float64(limit) rounds MaxInt64 up to 2^63, so compare before converting.
	if d < float64(limit) {
		out = time.Duration(d)
	}
	out = max(out, min(p.Delay.D(), limit))
	if j := p.Jitter.D(); j > 0 {
		// Int64N(j+1) would overflow at the longest jitter; j is then close
		// enough.
		r := time.Duration(rand.Int64N(int64(min(j, longest-1)) + 1))
		if out > longest-r {
			return longest
		}
		out += r
	}
	return out
}
