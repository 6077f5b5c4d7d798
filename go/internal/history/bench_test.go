package history_test

// Benchmarks on a history of a million runs; run them with
//
//	go test -run=^$ -bench=History -benchtime=20x ./go/internal/history
//
// They live here rather than in bench/ at the repository root because Go's
// internal rule keeps packages outside go/ from importing go/internal/history.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

const bigRuns = 1_000_000

var big struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	if os.Getenv(appenderEnv) == "1" {
		os.Exit(appenderMain(os.Args[1:]))
	}
	code := m.Run()
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

// benchRecord is a realistic final record of about 300 bytes.
func benchRecord(i int, start time.Time) result.Record {
	status, exit := result.Success, 0
	if i%50 == 0 {
		status, exit = result.Failed, 2
	}
	end := start.Add(1234 * time.Millisecond)
	return result.Record{
		Schema: result.Schema, Task: "nightly-backup", RunID: fmt.Sprintf("0195b3c2-7d1e-7a40-9f3e-%012d", i),
		Trigger: result.Scheduled, Host: "SRV-APP01", Status: status,
		Start: start, End: end, DurationMs: 1234, ExitCode: exit, OrcExitCode: exit,
		Attempts:    []result.Attempt{{Number: 1, Start: start, End: end, DurationMs: 1234, ExitCode: exit}},
		OutputBytes: 5120,
	}
}

// bigHistory writes, once per process, a history of a million runs, one a
// minute, written the way Append writes them but without a million locks.
func bigHistory(b *testing.B) string {
	b.Helper()
	big.once.Do(func() {
		if big.dir, big.err = os.MkdirTemp("", "orc-bench-"); big.err != nil {
			return
		}
		big.path = filepath.Join(big.dir, "nightly-backup.ndjson")
		f, err := os.Create(big.path)
		if err != nil {
			big.err = err
			return
		}
		w := bufio.NewWriterSize(f, 1<<20)
		t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range bigRuns {
			line, err := json.Marshal(benchRecord(i, t0.Add(time.Duration(i)*time.Minute)))
			if err != nil {
				big.err = err
				return
			}
			w.Write(line)
			w.WriteByte('\n')
		}
		if big.err = w.Flush(); big.err == nil {
			big.err = f.Close()
		}
	})
	if big.err != nil {
		b.Fatalf("generate history: %v", big.err)
	}
	return big.path
}

func BenchmarkHistoryLast20(b *testing.B) {
	path := bigHistory(b)
	for b.Loop() {
		recs, err := history.Query(path, history.Filter{Limit: 20})
		if err != nil || len(recs) != 20 {
			b.Fatalf("got %d records, err %v", len(recs), err)
		}
	}
	if st, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(st.Size())/bigRuns, "B/record")
	}
}

// BenchmarkHistorySinceDay reads the last day: 1,441 runs (a run a minute,
// both ends included), a few chunks.
func BenchmarkHistorySinceDay(b *testing.B) {
	path := bigHistory(b)
	last, _, err := history.Latest(path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		recs, err := history.Query(path, history.Filter{Since: last.Start.Add(-24 * time.Hour)})
		if err != nil || len(recs) != 1441 {
			b.Fatalf("got %d records, err %v", len(recs), err)
		}
	}
}

// BenchmarkHistoryFullScanBaseline is the naive reader: scan every line,
// keep the last 20, decode them.
func BenchmarkHistoryFullScanBaseline(b *testing.B) {
	path := bigHistory(b)
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		var last [20][]byte
		n := 0
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			last[n%20] = append(last[n%20][:0], sc.Bytes()...)
			n++
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		recs := make([]result.Record, 0, 20)
		for i := n - 20; i < n; i++ {
			var r result.Record
			if err := json.Unmarshal(last[i%20], &r); err != nil {
				b.Fatal(err)
			}
			recs = append(recs, r)
		}
		if len(recs) != 20 {
			b.Fatalf("got %d records", len(recs))
		}
	}
}

// BenchmarkHistoryAppend includes the lock, the torn-line check and the
// pruning Append does every PruneEvery bytes.
func BenchmarkHistoryAppend(b *testing.B) {
	path := filepath.Join(b.TempDir(), "task.ndjson")
	t0 := time.Now().UTC()
	i := 0
	for b.Loop() {
		if err := history.Append(path, benchRecord(i, t0.Add(time.Duration(i)*time.Second))); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
