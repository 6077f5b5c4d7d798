package dashboard_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// FuzzAPI sends any method, path and body to the dashboard (with the CSRF
// token, so bodies reach the handlers) and asserts what the issue asks of
// bad input: an answer below 500 and a store nobody changed. Run it with
//
//	go test ./go/internal/dashboard -run '^$' -fuzz FuzzAPI -fuzztime 60s
func FuzzAPI(f *testing.F) {
	// Not f.TempDir(): its cleanup fails under Wine (see testutil.TempDir).
	dir, err := os.MkdirTemp("", "orc-dashboard-")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { testutil.RemoveTree(dir) })
	home := filepath.Join(dir, "home")
	s, err := store.Open(home)
	if err != nil {
		f.Fatal(err)
	}
	file, _ := s.TaskFile("keep")
	if err := os.WriteFile(file, []byte(`{"name":"keep","schedule":{"cron":"0 3 * * *"},"action":{"command":"/bin/true"}}`), 0o600); err != nil {
		f.Fatal(err)
	}
	srv, err := dashboard.New(dashboard.Options{Store: s})
	if err != nil {
		f.Fatal(err)
	}
	h := srv.Handler()
	before := tree(home)

	for _, seed := range []struct{ method, path, body string }{
		{"GET", "/api/v1/tasks", ""},
		{"GET", "/api/v1/tasks/keep", ""},
		{"GET", "/api/v1/tasks/keep/history?limit=2&before=1", ""},
		{"GET", "/api/v1/tasks/keep/runs/x/output", ""},
		{"GET", "/api/v1/cron/explain?expr=0+9+*+*+1-5", ""},
		{"GET", "/api/v1/scheduler", ""},
		{"POST", "/api/v1/tasks", `{"name":"n","action":{"command":"/bin/true"}}`},
		{"POST", "/api/v1/tasks", `{"name":"../x","action":{"command":1}}`},
		{"PUT", "/api/v1/tasks/keep", `{"name":"keep","action":{"command":"/bin/false"},"extra":[]}`},
		{"DELETE", "/api/v1/tasks/keep", ""},
		{"POST", "/api/v1/tasks/keep/run", "x"},
		{"POST", "/api/v1/validate", `{"name":"v","schedule":{"cron":"* * * * * *"}}`},
		{"GET", "/tasks/keep", ""},
		{"GET", "/tasks/..%2F..%2Fetc", ""},
		{"GET", "/", ""},
	} {
		f.Add(seed.method, seed.path, seed.body)
	}
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, method, "http://127.0.0.1"+path, strings.NewReader(body))
		if err != nil {
			return // not a request a client could send
		}
		req.Header.Set("X-CSRF-Token", srv.CSRFToken())
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: %d %s", method, path, body, rec.Code, rec.Body.String())
		}
		if after := tree(home); strings.Join(after, "\n") != strings.Join(before, "\n") {
			t.Fatalf("%s %s %q changed the store:\n%v\n%v", method, path, body, before, after)
		}
	})
}

func tree(home string) []string {
	var out []string
	_ = filepath.WalkDir(home, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		h := sha256.Sum256(b)
		out = append(out, p+" "+hex.EncodeToString(h[:]))
		return nil
	})
	sort.Strings(out)
	return out
}
