package cronplan_test

import (
	"testing"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
)

// The fuzz targets run their seed corpus (testdata/fuzz and the f.Add
// seeds) as ordinary tests; `go test -fuzz FuzzPlan ./go/internal/cronplan`
// explores further.

var fuzzZones = []string{"UTC", "Europe/Berlin", "America/New_York"}

func FuzzParse(f *testing.F) {
	for _, x := range realWorld {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x string) {
		e, err := cronplan.Parse(x)
		if err != nil {
			return
		}
		from := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
		n := e.Next(from)
		if n.IsZero() {
			return
		}
		if !n.After(from) || !e.Matches(n) {
			t.Fatalf("%q: Next(%s) = %s does not match", x, from, n)
		}
	})
}

func FuzzPlan(f *testing.F) {
	for k, x := range realWorld {
		f.Add(x, uint8(k))
	}
	f.Fuzz(func(t *testing.T, x string, zi uint8) {
		e, err := cronplan.Parse(x)
		if err != nil {
			return
		}
		loc, err := time.LoadLocation(fuzzZones[int(zi)%len(fuzzZones)])
		if err != nil {
			t.Fatal(err)
		}
		p := cronplan.Plan(e, loc, planNow)
		if _, err := checkPlan(e, p, loc, loc, planNow, planNow.AddDate(0, 4, 0)); err != nil {
			t.Fatal(err)
		}
		if len(cronplan.Explain(p)) != len(p.Triggers) {
			t.Fatal("Explain: one line per trigger")
		}
	})
}
