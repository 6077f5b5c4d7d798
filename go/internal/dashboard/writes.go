package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// readDefinition reads a request body that is a task definition and
// validates it with the validator 'orc-exec validate' uses (unknown fields,
// types and every semantic rule, each named by field).
func readDefinition(w http.ResponseWriter, r *http.Request) ([]byte, *definition.Task, bool) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, &apiError{Status: http.StatusRequestEntityTooLarge, Code: "Orc.Usage", Message: fmt.Sprintf("the body is larger than %d bytes", maxBody), Fix: "send one task definition"})
			return nil, nil, false
		}
		writeError(w, badRequest("", "could not read the body: "+err.Error(), "send the definition as JSON"))
		return nil, nil, false
	}
	if len(bytes.TrimSpace(body)) == 0 {
		writeError(w, badRequest("", "the body is empty", "send the task definition as JSON, e.g. {\"name\":\"x\",\"action\":{\"command\":\"/bin/true\"}}"))
		return nil, nil, false
	}
	// The validator checks the name against the file's; the request has
	// no file, so it is named after the name it carries.
	var named struct {
		Name any `json:"name"`
	}
	file := "request.json"
	if json.Unmarshal(body, &named) == nil {
		if n, ok := named.Name.(string); ok && definition.ValidName(n) == nil {
			file = n + ".json"
		}
	}
	t, err := definition.Parse(file, body)
	if err != nil {
		writeError(w, validation(err))
		return nil, nil, false
	}
	return body, t, true
}

func (s *Server) apiValidate(w http.ResponseWriter, r *http.Request) {
	if _, t, ok := readDefinition(w, r); ok {
		writeJSON(w, http.StatusOK, map[string]any{"Valid": true, "Name": t.Name})
	}
}

func (s *Server) apiCreate(w http.ResponseWriter, r *http.Request) {
	body, t, ok := readDefinition(w, r)
	if !ok {
		return
	}
	if f, err := s.opt.Store.TaskFile(t.Name); err == nil {
		if _, err := os.Stat(f); err == nil {
			writeError(w, &apiError{Status: http.StatusConflict, Code: "Orc.FileExists", Field: "name", Message: "task '" + t.Name + "' already exists",
				Fix: "PUT /api/v1/tasks/" + t.Name + " changes it, or choose another name"})
			return
		}
	}
	s.register(w, r, body, t, http.StatusCreated)
}

func (s *Server) apiUpdate(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if err := definition.ValidName(name); err != nil {
		writeError(w, badRequest("name", err.Error(), "task names use letters, digits, '.', '_' and '-' only"))
		return
	}
	body, t, ok := readDefinition(w, r)
	if !ok {
		return
	}
	if t.Name != name {
		writeError(w, &apiError{Status: http.StatusUnprocessableEntity, Code: "Orc.InvalidDefinition", Field: "name",
			Message: fmt.Sprintf("the definition's name %q is not the task %q in the URL", t.Name, name), Fix: "a task cannot be renamed: create the new name, then delete the old one"})
		return
	}
	f, _ := s.opt.Store.TaskFile(name)
	if _, err := os.Stat(f); errors.Is(err, os.ErrNotExist) {
		writeError(w, notFound(name))
		return
	}
	s.register(w, r, body, t, http.StatusOK)
}

// register hands the definition to Register-OrcTask -Path … -Force: the
// cmdlet stores and schedules it exactly as from the console.
func (s *Server) register(w http.ResponseWriter, r *http.Request, body []byte, t *definition.Task, status int) {
	dir, err := os.MkdirTemp("", "orc-dashboard-")
	if err != nil {
		writeError(w, internal(fmt.Errorf("could not stage the definition: %w", err)))
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, t.Name+".json")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		writeError(w, internal(fmt.Errorf("could not stage the definition: %w", err)))
		return
	}
	name := t.Name
	if _, e := s.ps.call(r.Context(), psRequest{Action: "register", Path: path}); e != nil {
		s.afterChange(name)
		writeError(w, e)
		return
	}
	s.afterChange(name)
	s.reply(w, t.Name, "register", status)
}

func (s *Server) apiDelete(w http.ResponseWriter, r *http.Request) {
	s.act(w, r, "unregister")
}

func (s *Server) apiAction(w http.ResponseWriter, r *http.Request) {
	switch a := r.PathValue("action"); a {
	case "run", "stop", "enable", "disable":
		s.act(w, r, a)
	default:
		writeError(w, &apiError{Status: http.StatusNotFound, Code: "Orc.Usage", Field: "action", Message: fmt.Sprintf("%q is not an action", a), Fix: "use run, stop, enable or disable"})
	}
}

func (s *Server) act(w http.ResponseWriter, r *http.Request, action string) {
	name := r.PathValue("name")
	if err := definition.ValidName(name); err != nil {
		writeError(w, badRequest("name", err.Error(), "task names use letters, digits, '.', '_' and '-' only"))
		return
	}
	if _, err := io.Copy(io.Discard, r.Body); err != nil {
		writeError(w, &apiError{Status: http.StatusRequestEntityTooLarge, Code: "Orc.Usage", Message: "the body is too large", Fix: "actions take no body"})
		return
	}
	f, _ := s.opt.Store.TaskFile(name)
	if _, err := os.Stat(f); errors.Is(err, os.ErrNotExist) && action != "unregister" {
		writeError(w, notFound(name))
		return
	}
	if _, e := s.ps.call(r.Context(), psRequest{Action: action, Name: name}); e != nil {
		s.afterChange(name)
		writeError(w, e)
		return
	}
	s.afterChange(name)
	if action == "unregister" {
		writeJSON(w, http.StatusOK, ActionResult{Name: name, Action: action, Ok: true})
		return
	}
	s.reply(w, name, action, http.StatusOK)
}

// ActionResult is what every change returns.
type ActionResult struct {
	Name   string `json:"Name"`
	Action string `json:"Action"`
	Ok     bool   `json:"Ok"`
	Task   *Task  `json:"Task,omitempty"`
}

func (s *Server) reply(w http.ResponseWriter, name, action string, status int) {
	res := ActionResult{Name: name, Action: action, Ok: true}
	if t, err := s.cache.readTask(s.opt.Store, name, time.Now(), true); err == nil {
		m, _, _, ok := s.sched.snapshot()
		s.sched.merge(&t, m, ok)
		res.Task = &t
	}
	writeJSON(w, status, res)
}

// afterChange refreshes the scheduler's view in the background and tells
// the pages when it is done.
func (s *Server) afterChange(name string) {
	s.sched.invalidate(name)
	s.events.publish(Event{Type: "changed"})
	go func() {
		_ = s.sched.refresh(context.Background())
		s.events.publish(Event{Type: "scheduler"})
	}()
}
