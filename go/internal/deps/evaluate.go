package deps

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// Defaults for policy "wait".
const (
	DefaultWaitTimeout     = 10 * time.Minute
	DefaultRecheckInterval = 30 * time.Second
)

// Outcome is the verdict on a task's dependencies.
type Outcome struct {
	Results []result.Dependency // the last round, in definition order
	Met     bool                // every check of the last round was met
	Rounds  int                 // rounds run; 0 when there was nothing to check
	Reason  string              // every unmet reason, "; "-joined; empty when Met
}

// Evaluate applies the dependency policy. With no dependencies it is met
// at once. Policies "skip" and "fail" run one round; what an unmet outcome
// means for the run is the caller's decision. Policy "wait" runs a round
// every RecheckInterval until all checks are met or WaitTimeout has passed;
// the last round starts at WaitTimeout, so giving up can take up to one
// check timeout longer. Cancelling ctx stops the wait (unmet).
func Evaluate(ctx context.Context, d *definition.Dependencies, env Env) Outcome {
	if d == nil || len(d.Checks) == 0 {
		return Outcome{Met: true}
	}
	if d.Policy != definition.PolicyWait {
		return round(ctx, d.Checks, env, 1)
	}

	waitFor := or(d.WaitTimeout.D(), DefaultWaitTimeout)
	every := or(d.RecheckInterval.D(), DefaultRecheckInterval)
	deadline := time.Now().Add(waitFor)
	for n := 1; ; n++ {
		o := round(ctx, d.Checks, env, n)
		if o.Met {
			return o
		}
		if ctx.Err() != nil {
			o.Reason = fmt.Sprintf("cancelled while waiting (%d %s): %s", n, plural(n, "round"), o.Reason)
			return o
		}
		left := time.Until(deadline)
		if left <= 0 {
			o.Reason = fmt.Sprintf("still unmet after waiting %s (%d %s): %s",
				definition.FormatDuration(waitFor), n, plural(n, "round"), o.Reason)
			return o
		}
		if env.OnRound != nil {
			env.OnRound(n, o.Results)
		}
		pause := time.NewTimer(min(every, left))
		select {
		case <-ctx.Done():
			pause.Stop()
			o.Reason = fmt.Sprintf("cancelled while waiting (%d %s): %s", n, plural(n, "round"), o.Reason)
			return o
		case <-pause.C:
		}
	}
}

func round(ctx context.Context, checks []definition.Check, env Env, n int) Outcome {
	o := Outcome{Results: CheckAll(ctx, checks, env), Met: true, Rounds: n}
	var reasons []string
	for _, r := range o.Results {
		if !r.Met {
			o.Met = false
			reasons = append(reasons, r.Name+": "+r.Reason)
		}
	}
	o.Reason = strings.Join(reasons, "; ")
	return o
}

func or(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
