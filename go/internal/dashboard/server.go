package dashboard

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Options configure a Server.
type Options struct {
	Store    *store.Store
	ReadOnly bool
	// Token, when set, must come with every request (Authorization: Bearer,
	// or the session cookie a ?token= link sets). Required off loopback.
	Token string
	// Module and Pwsh run the cmdlets for every change and the scheduler's
	// view; without them the dashboard only reads the store.
	Module, Pwsh string
	// ExecPath is this orc-exec, shown on the scheduler page. The cmdlets
	// use the module's own (or $env:ORC_EXEC_PATH, inherited), so a task is
	// never registered with the path of whatever binary served the page.
	ExecPath string
	Version  string
	// PwshTimeout bounds one cmdlet call (default 2 minutes).
	PwshTimeout time.Duration
	// Poll is how often the event watcher looks at the store (default 250 ms).
	Poll time.Duration
}

// Server is the dashboard: pages, API and events over one store.
type Server struct {
	opt    Options
	csrf   string
	ps     *cmdlets
	sched  *schedView
	events *hub
	cache  *taskCache
	mux    *http.ServeMux
	pages  *pages
}

// New builds a Server; call Run (or Watch) to start the event watcher.
func New(opt Options) (*Server, error) {
	if opt.PwshTimeout <= 0 {
		opt.PwshTimeout = 2 * time.Minute
	}
	if opt.Poll <= 0 {
		opt.Poll = 250 * time.Millisecond
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	ps := &cmdlets{pwsh: opt.Pwsh, module: opt.Module, home: opt.Store.Home, timeout: opt.PwshTimeout}
	p, err := newPages()
	if err != nil {
		return nil, err
	}
	s := &Server{opt: opt, csrf: hex.EncodeToString(b), ps: ps, sched: newSchedView(ps), events: newHub(), cache: newTaskCache(), pages: p}
	s.routes()
	return s, nil
}

// Handler is the whole dashboard behind its security checks.
func (s *Server) Handler() http.Handler { return s.secure(s.mux) }

// CSRFToken is the token every change must carry in X-CSRF-Token.
func (s *Server) CSRFToken() string { return s.csrf }

// Refresh reads the scheduler's view (one batched Get-OrcTask) now.
func (s *Server) Refresh(ctx context.Context) error {
	if e := s.sched.refresh(ctx); e != nil {
		return e
	}
	s.events.publish(Event{Type: "scheduler"})
	return nil
}

// Watch runs the event watcher until ctx ends.
func (s *Server) Watch(ctx context.Context) { s.watch(ctx) }

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.pageList)
	m.HandleFunc("GET /tasks/new", s.pageNew)
	m.HandleFunc("GET /tasks/{name}", s.pageTask)
	m.HandleFunc("GET /scheduler", s.pageScheduler)
	m.HandleFunc("GET /assets/{file}", s.asset)
	// Browsers ask for it on every page; no icon, and no 404 in their console.
	m.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })

	m.HandleFunc("GET /api/v1/tasks", s.apiList)
	m.HandleFunc("POST /api/v1/tasks", s.apiCreate)
	m.HandleFunc("GET /api/v1/tasks/{name}", s.apiGet)
	m.HandleFunc("PUT /api/v1/tasks/{name}", s.apiUpdate)
	m.HandleFunc("DELETE /api/v1/tasks/{name}", s.apiDelete)
	m.HandleFunc("POST /api/v1/tasks/{name}/{action}", s.apiAction)
	m.HandleFunc("GET /api/v1/tasks/{name}/history", s.apiHistory)
	m.HandleFunc("GET /api/v1/tasks/{name}/runs/{runId}/output", s.apiOutput)
	m.HandleFunc("POST /api/v1/validate", s.apiValidate)
	m.HandleFunc("GET /api/v1/scheduler", s.apiScheduler)
	m.HandleFunc("POST /api/v1/scheduler/refresh", s.apiRefresh)
	m.HandleFunc("GET /api/v1/cron/explain", s.apiCronExplain)
	m.HandleFunc("GET /api/v1/events", s.apiEvents)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &apiError{Status: http.StatusNotFound, Code: "Orc.Usage", Message: r.Method + " " + r.URL.Path + " is not an API endpoint", Fix: "see docs/api.md for the endpoints and their methods"})
	})
	s.mux = m
}
