package definition

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Edit is one field change of `orc-exec define <task> --set path=value`:
// Path is a JSON path like "timeout", "schedule.cron" or
// "dependencies.checks[2].path" ("[]" at the end appends to an array), and
// Value is JSON text; the JSON null removes the member or array element.
type Edit struct {
	Path  string
	Value json.RawMessage
}

// ParseEdit splits "path=value" and checks that value is one JSON value.
// Values are JSON-typed so that "2h" and 2 and true mean what they say:
// a string needs its quotes (--set 'description="Nightly"').
func ParseEdit(s string) (Edit, error) {
	path, value, ok := strings.Cut(s, "=")
	if !ok || path == "" {
		return Edit{}, fmt.Errorf("could not read --set %q: want path=value, like timeout=\"2h\"", s)
	}
	if !json.Valid([]byte(value)) {
		return Edit{}, fmt.Errorf("could not read --set %s: %q is not a JSON value (quote strings: %s='\"...\"')", path, value, path)
	}
	if _, err := splitPath(path); err != nil {
		return Edit{}, err
	}
	return Edit{Path: path, Value: json.RawMessage(value)}, nil
}

// ApplyEdits applies edits in order to the JSON object in data and returns
// the edited document. Only Go's JSON codec touches the values, so every
// string survives byte for byte and numbers stay exact (PowerShell 7's
// ConvertFrom-Json, by contrast, turns date-like strings into DateTime).
// Members come out sorted; the caller validates the result (Parse) and
// stores it in the canonical form (Save), like any definition. Missing
// objects on the way to a member are created.
func ApplyEdits(data []byte, edits []Edit) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(DecodeText(data)))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("could not read the stored definition: %w", err)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, errors.New("could not edit the stored definition: it is not a JSON object")
	}
	for _, e := range edits {
		vdec := json.NewDecoder(bytes.NewReader(e.Value))
		vdec.UseNumber()
		var v any
		if err := vdec.Decode(&v); err != nil {
			return nil, fmt.Errorf("could not read the value of %s: %w", e.Path, err)
		}
		segs, err := splitPath(e.Path)
		if err != nil {
			return nil, err
		}
		var out any
		if out, err = set(root, segs, v, e.Path); err != nil {
			return nil, err
		}
		root = out.(map[string]any)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("could not encode the edited definition: %w", err)
	}
	return buf.Bytes(), nil
}

// step is one path segment: a member name, an index, or append (index -1).
type step struct {
	key    string
	index  int
	isElem bool
}

func splitPath(path string) ([]step, error) {
	var out []step
	for _, part := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name == "" {
			return nil, fmt.Errorf("could not read path %q: empty member name (write a.b[0].c)", path)
		}
		out = append(out, step{key: name})
		for rest != "" {
			inner, after, ok := strings.Cut(rest, "]")
			if !ok {
				return nil, fmt.Errorf("could not read path %q: missing ']'", path)
			}
			i := -1
			if inner != "" {
				n, err := strconv.Atoi(inner)
				if err != nil || n < 0 {
					return nil, fmt.Errorf("could not read path %q: [%s] is not an index (use [0], [1], ... or [] to append)", path, inner)
				}
				i = n
			}
			out = append(out, step{index: i, isElem: true})
			if after != "" && !strings.HasPrefix(after, "[") {
				return nil, fmt.Errorf("could not read path %q: unexpected %q after ']'", path, after)
			}
			rest = strings.TrimPrefix(after, "[")
		}
	}
	for i, s := range out {
		if s.isElem && s.index < 0 && i != len(out)-1 {
			return nil, fmt.Errorf("could not read path %q: [] (append) must come last", path)
		}
	}
	return out, nil
}

// set returns node with segs set to v (v == nil removes it).
func set(node any, segs []step, v any, path string) (any, error) {
	s := segs[0]
	last := len(segs) == 1
	if !s.isElem {
		obj, ok := node.(map[string]any)
		if node == nil {
			if v == nil {
				return nil, nil
			}
			obj, ok = map[string]any{}, true
		}
		if !ok {
			return nil, fmt.Errorf("could not set %s: the value before %q is not an object", path, s.key)
		}
		if last {
			if v == nil {
				delete(obj, s.key)
			} else {
				obj[s.key] = v
			}
			return obj, nil
		}
		child, err := set(obj[s.key], segs[1:], v, path)
		if err != nil {
			return nil, err
		}
		if child != nil {
			obj[s.key] = child
		}
		return obj, nil
	}
	arr, ok := node.([]any)
	if node == nil {
		if v == nil {
			return nil, nil
		}
		arr, ok = []any{}, true
	}
	if !ok {
		return nil, fmt.Errorf("could not set %s: the value before [] is not an array", path)
	}
	if s.index < 0 {
		if v == nil {
			return arr, nil
		}
		return append(arr, v), nil
	}
	if s.index >= len(arr) {
		return nil, fmt.Errorf("could not set %s: index %d is past the end (the array has %d elements)", path, s.index, len(arr))
	}
	if last {
		if v == nil {
			return append(arr[:s.index:s.index], arr[s.index+1:]...), nil
		}
		arr[s.index] = v
		return arr, nil
	}
	child, err := set(arr[s.index], segs[1:], v, path)
	if err != nil {
		return nil, err
	}
	arr[s.index] = child
	return arr, nil
}

// SaveExact validates data exactly as Load would and writes those bytes to
// path atomically, unlike Save, which writes the canonical form. It puts
// back a previous definition as it was (a failed registration's rollback).
func SaveExact(path string, data []byte) error {
	if _, err := Parse(path, data); err != nil {
		return err
	}
	return writeAtomic(path, data, 0o600)
}
