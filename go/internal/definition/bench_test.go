package definition

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkParse measures a warm Parse of the full example definition: the
// per-trigger cost once the schema is compiled.
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

// TestColdParseCost reports the first Parse in a process (schema compile
// included), which is what orc-exec pays on every trigger. It only logs:
// timing assertions would be flaky on a shared CI runner.
func TestColdParseCost(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "db-export.json"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := compiled(); err != nil {
		t.Fatal(err)
	}
	compile := time.Since(start)
	start = time.Now()
	if _, err := Parse("db-export.json", data); err != nil {
		t.Fatal(err)
	}
	t.Logf("schema compile %v, first parse %v", compile, time.Since(start))
}
