package dashboard

import (
	"embed"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/notify"
)

//go:embed assets/*
var assets embed.FS

type pages struct{ t map[string]*template.Template }

var funcs = template.FuncMap{
	"when": func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return ""
		}
		return t.Local().Format("2006-01-02 15:04:05")
	},
	"at": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Local().Format("2006-01-02 15:04:05")
	},
	"iso": func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	},
	"join":  strings.Join,
	"lower": strings.ToLower,
}

func newPages() (*pages, error) {
	p := &pages{t: map[string]*template.Template{}}
	for _, name := range []string{"list", "task", "scheduler"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "assets/layout.html", "assets/"+name+".html")
		if err != nil {
			return nil, err
		}
		p.t[name] = t
	}
	return p, nil
}

type pageData struct {
	Title    string
	Page     string
	CSRF     string
	ReadOnly bool
	Data     any
}

func (s *Server) render(w http.ResponseWriter, name, title string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.pages.t[name].Execute(w, pageData{Title: title, Page: name, CSRF: s.csrf, ReadOnly: s.opt.ReadOnly || !s.ps.available(), Data: data}); err != nil {
		http.Error(w, "could not render the page", http.StatusInternalServerError)
	}
}

// firstRows is how many rows the list page carries: a browser paints a
// 1,000-row table in about 350 ms and 100 rows in about 300; 50 rows keep the first
// paint under the 300 ms target. The script adds the rest from /api/v1/tasks right after.
const firstRows = 50

// listPage is the list page's data: the first rows, and how many in all.
type listPage struct {
	Rows  []Task
	Total int
}

func (s *Server) pageList(w http.ResponseWriter, _ *http.Request) {
	tasks, err := s.listTasks()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	page := listPage{Rows: tasks, Total: len(tasks)}
	if len(tasks) > firstRows {
		page.Rows = tasks[:firstRows]
	}
	s.render(w, "list", "Tasks", page)
}

// taskPage is what the task page shows besides the task.
type taskPage struct {
	New           bool
	Task          Task
	DefinitionRaw string
	Cron          *CronExplain
	CronError     string
	History       []*TaskResult
	Notifications []notify.Item
	// Incident is the task's failure episode: whether and how often an
	// alert or reminder was sent for it (notifications sent).
	Incident *notify.Incident
}

func (s *Server) pageNew(w http.ResponseWriter, _ *http.Request) {
	s.render(w, "task", "New task", taskPage{New: true, DefinitionRaw: "{}", Task: Task{Enabled: true}})
}

func (s *Server) pageTask(w http.ResponseWriter, r *http.Request) {
	t, ok := s.task(w, r, true)
	if !ok {
		return
	}
	tp := taskPage{Task: t, DefinitionRaw: "{}"}
	if t.Definition != nil {
		if b, err := json.MarshalIndent(t.Definition, "", "  "); err == nil {
			tp.DefinitionRaw = string(b)
		}
		if sch := t.Definition.Schedule; sch != nil && sch.Cron != "" {
			v, e := explainCron(sch.Cron, sch.Timezone, "10")
			if e != nil {
				tp.CronError = e.Message
			} else {
				tp.Cron = &v
			}
		}
	}
	if p, err := s.opt.Store.For(t.Name); err == nil {
		if recs, err := history.Query(p.History, history.Filter{Limit: 50}); err == nil {
			for i := len(recs) - 1; i >= 0; i-- {
				tp.History = append(tp.History, toResult(recs[i]))
			}
		}
	}
	if inc, err := notify.LoadIncident(notify.PathsOf(s.opt.Store), t.Name); err == nil && (inc.Open || inc.Notices > 0 || !inc.ClosedAt.IsZero()) {
		tp.Incident = &inc
	}
	for _, it := range outboxItems(s.opt.Store) {
		if it.Task == t.Name {
			tp.Notifications = append(tp.Notifications, it)
		}
	}
	s.render(w, "task", t.Name, tp)
}

func (s *Server) pageScheduler(w http.ResponseWriter, _ *http.Request) {
	st, err := s.status()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.render(w, "scheduler", "Scheduler", st)
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var ctype string
	switch name {
	case "app.js":
		ctype = "text/javascript; charset=utf-8"
	case "app.css":
		ctype = "text/css; charset=utf-8"
	default:
		http.NotFound(w, r)
		return
	}
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "max-age=300")
	_, _ = w.Write(b)
}

// Assets are the embedded templates, script and style (for specs that
// check them all).
func Assets() fs.FS { return assets }
