package dashboard_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// env is one dashboard over a fresh store, served by httptest.
type env struct {
	store *store.Store
	srv   *dashboard.Server
	http  *httptest.Server
	csrf  string
}

func newEnv(opt dashboard.Options) *env {
	home := filepath.Join(testutil.TempDir(), "home")
	s, err := store.Open(home)
	Expect(err).NotTo(HaveOccurred())
	opt.Store = s
	if opt.Poll == 0 {
		opt.Poll = 50 * time.Millisecond
	}
	srv, err := dashboard.New(opt)
	Expect(err).NotTo(HaveOccurred())
	hs := httptest.NewServer(srv.Handler())
	DeferCleanup(hs.Close)
	return &env{store: s, srv: srv, http: hs, csrf: srv.CSRFToken()}
}

// define writes a definition file straight into the store.
func (e *env) define(name, body string) {
	f, err := e.store.TaskFile(name)
	Expect(err).NotTo(HaveOccurred())
	Expect(os.WriteFile(f, []byte(body), 0o600)).To(Succeed())
}

func (e *env) defineTask(name, command string, args ...string) {
	a, _ := json.Marshal(args)
	c, _ := json.Marshal(command)
	e.define(name, `{"name":"`+name+`","schedule":{"cron":"0 3 * * *"},"action":{"command":`+string(c)+`,"arguments":`+string(a)+`}}`)
}

// record appends one finished run to a task's history.
func (e *env) record(name, runID string, status result.Status, start time.Time, tail string) {
	f, err := e.store.HistoryFile(name)
	Expect(err).NotTo(HaveOccurred())
	Expect(history.Append(f, result.Record{Schema: result.Schema, Task: name, RunID: runID, Status: status, Trigger: result.Scheduled,
		Start: start, End: start.Add(1500 * time.Millisecond), DurationMs: 1500, OutputTail: tail})).To(Succeed())
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json() map[string]any {
	var m map[string]any
	Expect(json.Unmarshal(r.body, &m)).To(Succeed(), string(r.body))
	return m
}

// apiError is the "error" object of a reply.
func (r reply) apiError() map[string]any {
	m := r.json()
	Expect(m).To(HaveKey("error"), string(r.body))
	return m["error"].(map[string]any)
}

func (e *env) do(method, path string, body string, header ...string) reply {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.http.URL+path, rd)
	Expect(err).NotTo(HaveOccurred())
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], strings.ReplaceAll(header[i+1], "<csrf>", e.csrf))
	}
	res, err := e.http.Client().Do(req)
	Expect(err).NotTo(HaveOccurred())
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	Expect(err).NotTo(HaveOccurred())
	return reply{res.StatusCode, res.Header, b}
}

func (e *env) get(path string) reply { return e.do(http.MethodGet, path, "") }

// change sends a state change the way the dashboard's pages do.
func (e *env) change(method, path, body string) reply {
	return e.do(method, path, body, "X-CSRF-Token", e.csrf, "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json")
}

// snapshot is every file of the store with a hash of its content, to show
// that a refused request changed nothing.
func (e *env) snapshot() []string {
	var out []string
	_ = filepath.WalkDir(e.store.Home, func(p string, d os.DirEntry, err error) error {
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

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o600) }

func ctx() context.Context { return context.Background() }
