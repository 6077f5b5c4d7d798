package dashboard_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// BenchmarkListTasks is the target: GET /api/v1/tasks over 1,000
// tasks and 1,000,000 history records (1,000 per task) within 100 ms.
//
//	go test ./go/internal/dashboard -run '^$' -bench ListTasks -benchtime 20x
func BenchmarkListTasks(b *testing.B) {
	// Not b.TempDir(): its cleanup fails under Wine (see testutil.TempDir).
	dir, err := os.MkdirTemp("", "orc-dashboard-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { testutil.RemoveTree(dir) })
	home := filepath.Join(dir, "home")
	s, err := store.Open(home)
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 1000 {
		name := fmt.Sprintf("task-%04d", i)
		f, _ := s.TaskFile(name)
		def := fmt.Sprintf(`{"name":%q,"description":"benchmark task","schedule":{"cron":"%d 3 * * *"},"action":{"command":"/bin/echo","arguments":["a","b"]},"timeout":"10m"}`, name, i%60)
		if err := os.WriteFile(f, []byte(def), 0o600); err != nil {
			b.Fatal(err)
		}
		hf, _ := s.HistoryFile(name)
		out, err := os.OpenFile(hf, os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(out)
		for j := range 1000 {
			st := t0.Add(time.Duration(j) * time.Hour)
			line, _ := json.Marshal(result.Record{Schema: result.Schema, Task: name, RunID: fmt.Sprintf("%s-%d", name, j), Status: result.Success,
				Trigger: result.Scheduled, Host: "bench", Start: st, End: st.Add(time.Second), DurationMs: 1000, OutputTail: "done\n",
				Attempts: []result.Attempt{{Number: 1, Start: st, End: st.Add(time.Second), DurationMs: 1000}}})
			_, _ = w.Write(append(line, '\n'))
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		_ = out.Close()
	}
	srv, err := dashboard.New(dashboard.Options{Store: s})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/tasks", nil))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
