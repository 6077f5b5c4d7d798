package definition

import (
	"strconv"
	"strings"
)

// FieldError is one problem in one definition file. Every error names the
// file, the field and a fix, because the reader is an admin looking at a
// failed scheduled task, not at the code.
type FieldError struct {
	File string // file as given to Parse/Load
	// Field is the JSON path of the offending value, like "retry.delay" or
	// "dependencies.checks[2].address". For malformed JSON, where no path is
	// known, it is "line L, column C"; for a problem with the whole file
	// (too large, empty) it is "".
	Field   string
	Problem string // what is wrong, quoting the value
	Fix     string // what to do about it
}

func (e *FieldError) Error() string {
	if e.Field == "" { // a problem with the whole file (size, emptiness)
		return e.File + ": " + e.Problem + "; fix: " + e.Fix
	}
	return e.File + ": " + e.Field + ": " + e.Problem + "; fix: " + e.Fix
}

// Errors is every problem found in one definition, in document order where
// known. A nil or empty Errors is never returned as an error.
type Errors []*FieldError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find an individual *FieldError.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Field returns the first error for the given JSON path, or nil.
func (es Errors) Field(path string) *FieldError {
	for _, e := range es {
		if e.Field == path {
			return e
		}
	}
	return nil
}

// errs accumulates FieldErrors for one file.
type errs struct {
	file string
	list Errors
	// doc is the file as decoded generically, when known; given consults
	// it to tell an explicit zero value ("overlap": "") from an omitted one.
	doc map[string]any
}

// given reports whether the member at keys (strings for members, ints for
// array indices) is present in the file, even with a zero value. Without
// the document (Validate on a Task built in Go) nothing counts as given.
func (c *errs) given(keys ...any) bool {
	_, ok := c.member(keys...)
	return ok
}

// member returns the value at keys in the file (see given).
func (c *errs) member(keys ...any) (any, bool) {
	var cur any = c.doc
	if c.doc == nil {
		return nil, false
	}
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, _ := cur.(map[string]any)
			v, ok := m[k]
			if !ok {
				return nil, false
			}
			cur = v
		case int:
			l, _ := cur.([]any)
			if k < 0 || k >= len(l) {
				return nil, false
			}
			cur = l[k]
		}
	}
	return cur, true
}

// covers reports whether a problem is already reported for field, or for
// a field containing it or contained in it.
func (c *errs) covers(field string) bool {
	for _, e := range c.list {
		if e.Field == field || within(field, e.Field) || within(e.Field, field) {
			return true
		}
	}
	return false
}

// within reports whether path lies inside parent: "a.b" and "a[1]" lie in "a".
func within(path, parent string) bool {
	return parent == "" || strings.HasPrefix(path, parent) && len(path) > len(parent) &&
		(path[len(parent)] == '.' || path[len(parent)] == '[')
}

func (c *errs) add(field, problem, fix string) {
	for _, e := range c.list {
		// One line per field and problem is enough.
		if e.Field == field && e.Problem == problem {
			return
		}
	}
	c.list = append(c.list, &FieldError{File: c.file, Field: field, Problem: problem, Fix: fix})
}

func (c *errs) err() error {
	if len(c.list) == 0 {
		return nil
	}
	return c.list
}

// join appends a child to a dotted path.
func join(parent, child string) string {
	if parent == "" {
		return child
	}
	return parent + "." + child
}

func index(parent string, i int) string { return parent + "[" + strconv.Itoa(i) + "]" }

// closest returns the known name nearest to s by edit distance, if it is
// close enough to be a plausible typo ("retyr" -> "retry").
func closest(s string, known []string) string {
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := distance(strings.ToLower(s), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= 2 || (bestD <= 3 && len(s) > 7) {
		return best
	}
	return ""
}

// distance is the optimal-string-alignment edit distance, so a swap of two
// adjacent letters ("retyr") counts as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
