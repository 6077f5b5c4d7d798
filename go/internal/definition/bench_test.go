package definition

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkParse measures a warm Parse of the full example definition: the
// cost of every Parse after the first in a process.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "db-export.json"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Parse("db-export.json", data); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("db-export.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseInvalid measures a Parse that fails in every stage it can
// reach: the error path, which also reads descriptions from the schema.
func BenchmarkParseInvalid(b *testing.B) {
	data := []byte(`{"name": "db-export", "action": {"command": 7}, "retyr": {}, "overlap": "x"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("db-export.json", data); err == nil {
			b.Fatal("accepted")
		}
	}
}

// TestColdParseCost reports the first Parse in a process, which is what
// orc-exec pays on every trigger; run it alone (-run TestColdParseCost) in a
// fresh process for a true cold figure. It only logs: timing assertions
// would be flaky on a shared CI runner.
func TestColdParseCost(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "db-export.json"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := Parse("db-export.json", data); err != nil {
		t.Fatal(err)
	}
	first := time.Since(start)
	start = time.Now()
	if _, err := Parse("db-export.json", data); err != nil {
		t.Fatal(err)
	}
	t.Logf("first parse %v, second parse %v", first, time.Since(start))
}
