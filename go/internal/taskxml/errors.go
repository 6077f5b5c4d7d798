package taskxml

import "strings"

// Error is one reason a task cannot be rendered: the field (a path into the
// plan, the definition or the options), what is wrong with it and the fix.
// Render reports these before Task Scheduler would, so an admin sees the
// field by name instead of HRESULT 0x80041318 at registration.
type Error struct {
	Field   string // e.g. "plan.triggers[2].repetition.interval", "options.execPath"
	Problem string // what is wrong, quoting the value
	Fix     string // what to do about it
}

func (e *Error) Error() string { return e.Field + ": " + e.Problem + "; fix: " + e.Fix }

// Errors is every problem Render found, in the order it checks.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find an individual *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Field returns the first error for the given field, or nil.
func (es Errors) Field(field string) *Error {
	for _, e := range es {
		if e.Field == field {
			return e
		}
	}
	return nil
}

type errs struct{ list Errors }

func (c *errs) add(field, problem, fix string) {
	c.list = append(c.list, &Error{Field: field, Problem: problem, Fix: fix})
}

func (c *errs) err() error {
	if len(c.list) == 0 {
		return nil
	}
	return c.list
}
