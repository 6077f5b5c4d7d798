package deps_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/deps"
)

const depDelay = 500 * time.Millisecond

// benchDeps runs n HTTP checks against a local server whose handler takes
// depDelay, so the figure is the cost of running n checks side by side.
func benchDeps(b *testing.B, n int) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(depDelay):
		case <-r.Context().Done():
		}
	}))
	b.Cleanup(s.Close)
	checks := make([]definition.Check, n)
	for i := range checks {
		checks[i] = definition.Check{Type: definition.CheckHTTP, URL: s.URL}
	}

	b.ResetTimer()
	for b.Loop() {
		for _, r := range deps.CheckAll(context.Background(), checks, deps.Env{}) {
			if !r.Met {
				b.Fatalf("%s: %s", r.Name, r.Reason)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(depDelay), "x-one-check")
}

// BenchmarkDeps1x500ms is the baseline: one check taking 500ms.
func BenchmarkDeps1x500ms(b *testing.B) { benchDeps(b, 1) }

// BenchmarkDeps8x500ms runs eight such checks; concurrent checks keep it
// close to the baseline (target <= 1.3x).
func BenchmarkDeps8x500ms(b *testing.B) { benchDeps(b, 8) }
