package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Event is one Server-Sent Event: a run started or ended ("run"), a
// definition changed ("changed"), the scheduler's view was read again
// ("scheduler").
type Event struct {
	Type   string     `json:"Type"`
	Task   string     `json:"Task,omitempty"`
	RunId  string     `json:"RunId,omitempty"` //nolint:revive // the PowerShell property's name
	Status string     `json:"Status,omitempty"`
	Start  *time.Time `json:"Start,omitempty"`
	End    *time.Time `json:"End,omitempty"`
}

// hub fans events out to every open /api/v1/events stream. A slow reader
// loses events rather than holding up the others; pages reload what they
// show on any event, so a lost one costs nothing lasting.
type hub struct {
	mu   sync.Mutex
	subs map[chan Event]struct{}
}

func newHub() *hub { return &hub{subs: map[chan Event]struct{}{}} }

func (h *hub) subscribe() (chan Event, func()) {
	c := make(chan Event, 64)
	h.mu.Lock()
	h.subs[c] = struct{}{}
	h.mu.Unlock()
	return c, func() {
		h.mu.Lock()
		delete(h.subs, c)
		h.mu.Unlock()
	}
}

func (h *hub) publish(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- e:
		default:
		}
	}
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		writeError(w, internal(fmt.Errorf("could not stream events: the connection cannot flush")))
		return
	}
	c, cancel := s.events.subscribe()
	defer cancel()
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": orchestrator events\n\n")
	fl.Flush()
	beat := time.NewTicker(15 * time.Second)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-beat.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case e := <-c:
			b, _ := json.Marshal(e)
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Type, b)
		}
		fl.Flush()
	}
}

// fileStamp is what the watcher compares: a history file changes size or
// time with every record appended.
type fileStamp struct {
	size int64
	mod  time.Time
}

type runState struct {
	runID  string
	status string
}

// watch polls the store's history and tasks folders (one directory read
// each per tick, a stat per file) and publishes a run's start and end as
// soon as its record lands. Only a history file that changed is read, and
// only its tail.
func (s *Server) watch(ctx context.Context) {
	hdir := filepath.Join(s.opt.Store.Home, store.HistoryDir)
	tdir := filepath.Join(s.opt.Store.Home, store.TasksDir)
	stamps := map[string]fileStamp{}
	runs := map[string]runState{}
	var tasksStamp fileStamp
	first := true
	// Parse every definition once now, so the first page is as quick as the rest.
	_, _ = s.listTasks()
	tick := time.NewTicker(s.opt.Poll)
	defer tick.Stop()
	for {
		if st, err := os.Stat(tdir); err == nil {
			ts := fileStamp{st.Size(), st.ModTime()}
			if !first && ts != tasksStamp {
				s.events.publish(Event{Type: "changed"})
			}
			tasksStamp = ts
		}
		entries, _ := os.ReadDir(hdir)
		for _, e := range entries {
			name, ok := strings.CutSuffix(e.Name(), ".jsonl")
			if !ok {
				continue
			}
			info, err := e.Info()
			if err != nil {
				continue
			}
			fs := fileStamp{info.Size(), info.ModTime()}
			if old, seen := stamps[name]; seen && old == fs {
				continue
			}
			stamps[name] = fs
			p, err := s.opt.Store.For(name)
			if err != nil {
				continue
			}
			// Through the cache, so the list reads what the watcher just read.
			rp := s.cache.latest(p)
			if rp == nil {
				continue
			}
			rec := *rp
			rs := runState{rec.RunID, string(rec.Status)}
			if runs[name] == rs {
				continue
			}
			runs[name] = rs
			if first {
				continue
			}
			ev := Event{Type: "run", Task: name, RunId: rec.RunID, Status: string(rec.Status)}
			start := rec.Start
			ev.Start = &start
			if !rec.End.IsZero() {
				end := rec.End
				ev.End = &end
			}
			s.events.publish(ev)
		}
		first = false
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
