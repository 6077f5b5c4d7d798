package dashboard

import (
	"encoding/json"
	"net/http"
)

// apiError is every error the API returns, as
// {"error":{"code":"Orc.…","field":"…","message":"…","fix":"…"}}. Code is
// one of the module's stable Orc.* error IDs, so scripts can treat an
// error from the API and one from the cmdlets alike.
type apiError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
	// Errors lists every field's problem when a definition does not
	// validate (the first one is also in Field/Message/Fix).
	Errors []fieldProblem `json:"errors,omitempty"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

// fieldProblem is one definition.FieldError as data, named like the
// output of 'orc-exec validate'.
type fieldProblem struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
	Fix     string `json:"fix"`
}

func badRequest(field, msg, fix string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "Orc.Usage", Field: field, Message: msg, Fix: fix}
}

func notFound(name string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: "Orc.TaskNotFound", Field: "name",
		Message: "task '" + name + "' was not found", Fix: "GET /api/v1/tasks lists the tasks; POST /api/v1/tasks creates one"}
}

func writeError(w http.ResponseWriter, e *apiError) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(struct {
		Error *apiError `json:"error"`
	}{e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
