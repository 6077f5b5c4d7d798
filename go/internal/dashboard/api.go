package dashboard

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/history"
)

// listTasks reads every task from the store and lays the cached scheduler
// view over it. A scheduled task the store does not define shows too, as
// RegisteredWithoutDefinition, as in Get-OrcTask.
func (s *Server) listTasks() ([]Task, error) {
	names, err := s.opt.Store.TaskNames()
	if err != nil {
		return nil, fmt.Errorf("could not list tasks: %w", err)
	}
	m, _, _, ok := s.sched.snapshot()
	now := time.Now()
	out := make([]Task, 0, len(names))
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		t, err := s.cache.readTask(s.opt.Store, n, now, false)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		s.sched.merge(&t, m, ok)
		seen[n] = true
		out = append(out, t)
	}
	for n, e := range m {
		// A task deleted since the view was read is not "registered
		// without definition": its registration went with it.
		if !seen[n] && !s.sched.stale(n) {
			reg := true
			out = append(out, Task{Name: n, State: e.State, Drift: e.Drift, Arguments: []string{}, Registered: &reg, Backend: e.Backend, RegisteredHash: e.RegisteredHash})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (s *Server) apiList(w http.ResponseWriter, _ *http.Request) {
	tasks, err := s.listTasks()
	if err != nil {
		writeError(w, internal(err))
		return
	}
	writeJSON(w, http.StatusOK, tasks)
}

// task reads one task by the {name} in the path; ok is false when the
// error was written.
func (s *Server) task(w http.ResponseWriter, r *http.Request, full bool) (Task, bool) {
	name := r.PathValue("name")
	if err := definition.ValidName(name); err != nil {
		writeError(w, badRequest("name", err.Error(), "task names use letters, digits, '.', '_' and '-' only"))
		return Task{}, false
	}
	t, err := s.cache.readTask(s.opt.Store, name, time.Now(), full)
	if errors.Is(err, os.ErrNotExist) {
		writeError(w, notFound(name))
		return Task{}, false
	}
	if err != nil {
		writeError(w, internal(err))
		return Task{}, false
	}
	m, _, _, ok := s.sched.snapshot()
	s.sched.merge(&t, m, ok)
	return t, true
}

func (s *Server) apiGet(w http.ResponseWriter, r *http.Request) {
	if t, ok := s.task(w, r, true); ok {
		writeJSON(w, http.StatusOK, t)
	}
}

// HistoryPage is one page of runs, newest first. Next is the Before value
// of the following page ("" on the last).
type HistoryPage struct {
	Runs []*TaskResult `json:"Runs"`
	Next string        `json:"Next,omitempty"`
}

const (
	maxHistoryLimit = 500
	// maxHistorySkip bounds how far back paging reads: each page is a
	// backward read of skip+limit runs.
	maxHistorySkip = 1_000_000
)

func (s *Server) apiHistory(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	p, err := s.opt.Store.For(name)
	if err != nil {
		writeError(w, badRequest("name", err.Error(), "task names use letters, digits, '.', '_' and '-' only"))
		return
	}
	q := r.URL.Query()
	limit := 20
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxHistoryLimit {
			writeError(w, badRequest("limit", fmt.Sprintf("limit %q is not a number from 1 to %d", v, maxHistoryLimit), "use ?limit=20"))
			return
		}
		limit = n
	}
	// before is a position (the count of newer runs to skip), so paging
	// never depends on run times being in order along the file.
	skip := 0
	if v := q.Get("before"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxHistorySkip {
			writeError(w, badRequest("before", fmt.Sprintf("before %q is not a page position", v), "pass the Next value of the previous page"))
			return
		}
		skip = n
	}
	if _, err := os.Stat(p.Task); errors.Is(err, os.ErrNotExist) {
		if _, err := os.Stat(p.History); errors.Is(err, os.ErrNotExist) {
			writeError(w, notFound(name))
			return
		}
	}
	recs, err := history.Query(p.History, history.Filter{Limit: skip + limit + 1})
	if err != nil {
		writeError(w, internal(err))
		return
	}
	// Query returns oldest first; the page is newest first.
	page := HistoryPage{Runs: []*TaskResult{}}
	for i := len(recs) - 1 - skip; i >= 0 && len(page.Runs) < limit; i-- {
		page.Runs = append(page.Runs, toResult(recs[i]))
	}
	if len(recs) > skip+limit {
		page.Next = strconv.Itoa(skip + limit)
	}
	writeJSON(w, http.StatusOK, page)
}

// maxTail is how much of a run's output the API returns: its end.
const maxTail = 64 << 10

func (s *Server) apiOutput(w http.ResponseWriter, r *http.Request) {
	name, runID := r.PathValue("name"), r.PathValue("runId")
	f, err := s.opt.Store.OutputFile(name, runID)
	if err != nil {
		writeError(w, badRequest("runId", err.Error(), "use a task name and a RunId from the task's history"))
		return
	}
	file, err := os.Open(f)
	if errors.Is(err, os.ErrNotExist) {
		writeError(w, &apiError{Status: http.StatusNotFound, Code: "Orc.TaskNotFound", Field: "runId", Message: "run " + runID + " of task '" + name + "' kept no output",
			Fix: "the output of old runs is pruned; GET /api/v1/tasks/" + name + "/history shows each run's OutputTail"})
		return
	}
	if err != nil {
		writeError(w, internal(err))
		return
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		writeError(w, internal(err))
		return
	}
	off := max(st.Size()-maxTail, 0)
	b, err := io.ReadAll(io.NewSectionReader(file, off, st.Size()-off))
	if err != nil {
		writeError(w, internal(err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"Task": name, "RunId": runID, "Size": st.Size(), "Truncated": off > 0, "OutputTail": string(b)})
}

// SchedulerStatus is GET /api/v1/scheduler.
type SchedulerStatus struct {
	Backend          string    `json:"Backend"`
	StorePath        string    `json:"StorePath"`
	StoreSecure      bool      `json:"StoreSecure"`
	StoreSecurity    string    `json:"StoreSecurity,omitempty"`
	ExecutorVersion  string    `json:"ExecutorVersion"`
	ExecutorPath     string    `json:"ExecutorPath"`
	TasksDefined     int       `json:"TasksDefined"`
	TasksRegistered  *int      `json:"TasksRegistered,omitempty"`
	Drift            []string  `json:"Drift"`
	OutboxBacklog    int       `json:"OutboxBacklog"`
	Running          []string  `json:"Running"`
	ReadOnly         bool      `json:"ReadOnly"`
	CanChange        bool      `json:"CanChange"`
	SchedulerViewAt  time.Time `json:"SchedulerViewAt,omitzero"`
	SchedulerError   string    `json:"SchedulerError,omitempty"`
	CsrfToken        string    `json:"CsrfToken"`
	DashboardVersion string    `json:"DashboardVersion"`
}

func (s *Server) status() (SchedulerStatus, error) {
	tasks, err := s.listTasks()
	if err != nil {
		return SchedulerStatus{}, err
	}
	st := SchedulerStatus{Backend: backendName(), StorePath: s.opt.Store.Home, ExecutorVersion: s.opt.Version, ExecutorPath: s.opt.ExecPath,
		Drift: []string{}, Running: []string{}, ReadOnly: s.opt.ReadOnly, CanChange: !s.opt.ReadOnly && s.ps.available(),
		CsrfToken: s.csrf, DashboardVersion: s.opt.Version}
	st.StoreSecure, st.StoreSecurity = storeSecurity(s.opt.Store.Home)
	_, at, serr, ok := s.sched.snapshot()
	st.SchedulerViewAt = at
	if serr != nil {
		st.SchedulerError = serr.Message
	}
	reg := 0
	for _, t := range tasks {
		if t.File != "" {
			st.TasksDefined++
		}
		if t.Registered != nil && *t.Registered {
			reg++
		}
		if len(t.Drift) > 0 {
			st.Drift = append(st.Drift, t.Name)
		}
		if t.Running {
			st.Running = append(st.Running, t.Name)
		}
	}
	if ok {
		st.TasksRegistered = &reg
	}
	st.OutboxBacklog = outboxBacklog(s.opt.Store)
	return st, nil
}

func (s *Server) apiScheduler(w http.ResponseWriter, _ *http.Request) {
	st, err := s.status()
	if err != nil {
		writeError(w, internal(err))
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) apiRefresh(w http.ResponseWriter, r *http.Request) {
	if e := s.sched.refresh(r.Context()); e != nil {
		writeError(w, e)
		return
	}
	s.apiScheduler(w, r)
}

// CronExplain is GET /api/v1/cron/explain: the schedule in words and its
// next start times.
type CronExplain struct {
	Cron     string   `json:"Cron"`
	Timezone string   `json:"Timezone"`
	Native   bool     `json:"Native"`
	Gated    bool     `json:"Gated"`
	Reason   string   `json:"Reason,omitempty"`
	Explain  []string `json:"Explain"`
	Next     []string `json:"Next"`
}

func (s *Server) apiCronExplain(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v, e := explainCron(q.Get("expr"), q.Get("tz"), q.Get("next"))
	if e != nil {
		writeError(w, e)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func explainCron(expr, tz, next string) (CronExplain, *apiError) {
	if expr == "" {
		return CronExplain{}, badRequest("expr", "expr is missing", "pass ?expr=0+9+*+*+1-5 (URL-encoded)")
	}
	loc := time.Local
	if tz != "" {
		l, err := time.LoadLocation(tz)
		if err != nil {
			return CronExplain{}, badRequest("tz", fmt.Sprintf("tz %q is not a time zone", tz), "use an IANA name such as UTC or Europe/Berlin")
		}
		loc = l
	}
	n := 10
	if next != "" {
		v, err := strconv.Atoi(next)
		if err != nil || v < 0 || v > 100 {
			return CronExplain{}, badRequest("next", fmt.Sprintf("next %q is not a number from 0 to 100", next), "use ?next=10")
		}
		n = v
	}
	ex, err := cronplan.Parse(expr)
	if err != nil {
		return CronExplain{}, &apiError{Status: http.StatusBadRequest, Code: "Orc.InvalidDefinition", Field: "schedule.cron", Message: err.Error(), Fix: "see docs/schedules.md for the cron syntax"}
	}
	now := time.Now()
	p, err := cronplan.PlanSchedule(cronplan.Spec{Cron: ex, Zone: loc}, loc, now)
	if err != nil {
		return CronExplain{}, &apiError{Status: http.StatusBadRequest, Code: "Orc.InvalidDefinition", Field: "schedule.cron", Message: err.Error(), Fix: "see docs/schedules.md for the cron syntax"}
	}
	v := CronExplain{Cron: expr, Timezone: loc.String(), Native: !p.Gated, Gated: p.Gated, Reason: p.Reason, Explain: cronplan.Explain(p), Next: []string{}}
	t := now.In(loc)
	for range n {
		t = ex.Next(t)
		if t.IsZero() {
			break
		}
		v.Next = append(v.Next, t.Format(time.RFC3339))
	}
	return v, nil
}

// validation turns a definition's parse error into the API error, every
// field's problem listed, as 'orc-exec validate' prints them.
func validation(err error) *apiError {
	e := &apiError{Status: http.StatusUnprocessableEntity, Code: "Orc.InvalidDefinition"}
	var fes definition.Errors
	var fe *definition.FieldError
	switch {
	case errors.As(err, &fes):
		for _, f := range fes {
			e.Errors = append(e.Errors, fieldProblem{f.Field, f.Problem, f.Fix})
		}
	case errors.As(err, &fe):
		e.Errors = append(e.Errors, fieldProblem{fe.Field, fe.Problem, fe.Fix})
	default:
		e.Errors = append(e.Errors, fieldProblem{"name", err.Error(), "use letters, digits, '.', '_' and '-' only"})
	}
	e.Field, e.Message, e.Fix = e.Errors[0].Field, e.Errors[0].Problem, e.Errors[0].Fix
	if len(e.Errors) > 1 {
		e.Message = fmt.Sprintf("%s (and %d more problems)", e.Message, len(e.Errors)-1)
	}
	return e
}
