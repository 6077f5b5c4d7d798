package definition

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// checkShape is stage 3 of Parse: it walks the generically decoded document
// (numbers as json.Number) alongside the Task type and reports, with the JSON
// path of each:
//
//   - members the Go type does not have (json tags, matched exactly, so
//     "Name" is refused where encoding/json would accept it), with the
//     closest known field as a suggestion;
//   - members without ",omitempty" in their json tag that are missing: these
//     are the schema's "required" fields;
//   - values of the wrong JSON type, naming the type expected;
//   - Duration and Size strings that do not have the schema's exact form,
//     and integers that encoding/json would not decode exactly.
//
// Value rules (enums, ranges, cross-field rules) are (*Task).Validate's.
func checkShape(c *errs, doc any) {
	w := walker{c: c, at: make([]seg, 0, 8)}
	w.value(doc, taskType)
}

var (
	taskType     = reflect.TypeFor[Task]()
	durationType = reflect.TypeFor[Duration]()
	sizeType     = reflect.TypeFor[Size]()
)

type walker struct {
	c  *errs
	at []seg // path of the value being checked
}

func (w *walker) push(s seg) { w.at = append(w.at, s) }
func (w *walker) pop()       { w.at = w.at[:len(w.at)-1] }

func (w *walker) add(problem, fix string) { w.c.add(pathOf(w.at), problem, fix) }

func (w *walker) value(v any, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case durationType:
		w.duration(v)
		return
	case sizeType:
		w.size(v)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		w.object(v, t)
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			w.typeError(v, "object")
			return
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			w.push(seg{key: k})
			w.value(m[k], t.Elem())
			w.pop()
		}
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok {
			w.typeError(v, "array")
			return
		}
		for i, item := range list {
			w.push(seg{index: i, isIdx: true})
			w.value(item, t.Elem())
			w.pop()
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			w.typeError(v, "string")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			w.typeError(v, "boolean")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.integer(v, t.Bits(), false)
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			w.typeError(v, "number")
			return
		}
		if _, err := strconv.ParseFloat(n.String(), t.Bits()); err != nil {
			w.add(fmt.Sprintf("%s is out of range", n), describeAt(w.at))
		}
	default:
		// A Go type with no JSON form in the schema: a bug in this package,
		// caught by the specs; refuse rather than accept unchecked.
		w.add("has a type orc-exec cannot check ("+t.String()+")", "report this as a bug")
	}
}

// object checks a JSON object against struct type t: every member known,
// every required member present, and each member's value.
func (w *walker) object(v any, t reflect.Type) {
	m, ok := v.(map[string]any)
	if !ok {
		w.typeError(v, "object")
		return
	}
	si := structOf(t)
	seen := 0
	for _, f := range si.fields {
		fv, ok := m[f.name]
		if !ok {
			if f.required {
				w.push(seg{key: f.name})
				w.add("is required but missing", fmt.Sprintf("add %q: %s", f.name, describeAt(w.at)))
				w.pop()
			}
			continue
		}
		seen++
		w.push(seg{key: f.name})
		w.value(fv, f.typ)
		w.pop()
	}
	if seen == len(m) {
		return
	}
	var unknown []string
	for k := range m {
		if _, ok := si.index[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	known := strings.Join(si.known, ", ")
	for _, k := range unknown {
		fix := "remove it or check the spelling (known fields: " + known + ")"
		if s := closest(k, si.known); s != "" {
			fix = fmt.Sprintf("did you mean %q? otherwise remove it (known fields: %s)", s, known)
		}
		w.push(seg{key: k})
		w.add(fmt.Sprintf("%q is not a known field", k), fix)
		w.pop()
	}
}

// integer checks that v is a JSON integer that fits bits and is written so
// encoding/json decodes it: "3.0" and "1e2" are integers to JSON Schema but
// not to encoding/json. With nonNegative, it must also be >= 0.
func (w *walker) integer(v any, bits int, nonNegative bool, want ...string) {
	n, ok := v.(json.Number)
	if !ok {
		w.typeError(v, append([]string{"integer"}, want...)...)
		return
	}
	s := n.String()
	if i, err := strconv.ParseInt(s, 10, bits); err == nil {
		if nonNegative && i < 0 {
			w.add(fmt.Sprintf("%s is negative", s), sizeFix)
		}
		return
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err == nil && f != math.Trunc(f):
		w.add(fmt.Sprintf("%s is a number, not an integer", s), "write a whole number; "+describeAt(w.at))
	case err == nil && math.Abs(f) < 1<<53:
		w.add(fmt.Sprintf("%s is not written as a whole number", s),
			fmt.Sprintf("write it as %d, without a decimal point or exponent", int64(f)))
	default:
		w.add(fmt.Sprintf("%s is out of range", s), describeAt(w.at))
	}
}

const (
	durationFix = `use a number with a unit, e.g. "90s", "5m", "1h30m" or "2d"`
	sizeFix     = `use a number of bytes or a unit, e.g. "512KiB", "10MB" or "1MiB"`
)

func (w *walker) duration(v any) {
	s, ok := v.(string)
	if !ok {
		w.typeError(v, "string")
		return
	}
	if !durationSyntax(s) {
		w.add(fmt.Sprintf("%s is not a duration", display(s)), durationFix)
		return
	}
	d, err := ParseDuration(s)
	if err != nil {
		w.add(fmt.Sprintf("%s is too long", display(s)), fmt.Sprintf("use at most %dd (about 292 years)", MaxDurationDays))
		return
	}
	w.checkLimit(s, d)
}

func (w *walker) size(v any) {
	s, ok := v.(string)
	if !ok {
		w.integer(v, 64, true, "string")
		return
	}
	if !sizeSyntax(s) {
		w.add(fmt.Sprintf("%s is not a size", display(s)), sizeFix)
		return
	}
	if _, err := ParseSize(s); err != nil {
		w.add(fmt.Sprintf("%s is too large", display(s)), sizeFix)
	}
}

// typeError reports v, of the wrong JSON type, where one of want belongs.
func (w *walker) typeError(v any, want ...string) {
	got := "null"
	switch x := v.(type) {
	case string:
		got = "string"
	case bool:
		got = "boolean"
	case json.Number:
		got = "number"
		if _, err := strconv.ParseInt(x.String(), 10, 64); err == nil {
			got = "integer"
		}
	case map[string]any:
		got = "object"
	case []any:
		got = "array"
	}
	subject := display(v) + " is "
	switch got {
	case "object", "array", "null":
		subject = "is " // "a list is an array" says nothing
	}
	wants := make([]string, len(want))
	for i, t := range want {
		wants[i] = article(t)
	}
	gotText := article(got)
	if got == "null" {
		gotText = "null"
	}
	fix := typeFix(want, describeAt(w.at))
	if len(want) == 2 && want[0] == "integer" && want[1] == "string" { // a Size
		fix = sizeFix
	}
	if len(w.at) > 0 && got == "null" {
		fix = "remove the field, or " + fix
	}
	w.add(subject+gotText+", not "+strings.Join(wants, " or "), fix)
}

// structInfo is what checkShape needs to know about a struct type.
type structInfo struct {
	fields []fieldInfo     // in declaration order, so errors come out in a stable order
	index  map[string]bool // JSON member names
	known  []string        // member names, sorted, for messages
}

type fieldInfo struct {
	name     string
	typ      reflect.Type
	required bool // no ",omitempty": the member must be present
}

var structInfos sync.Map // reflect.Type -> *structInfo

func structOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{index: map[string]bool{}}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		omit := false
		for o := range strings.SplitSeq(opts, ",") {
			omit = omit || o == "omitempty" || o == "omitzero"
		}
		si.fields = append(si.fields, fieldInfo{name: name, typ: f.Type, required: !omit})
		si.index[name] = true
		si.known = append(si.known, name)
	}
	sort.Strings(si.known)
	actual, _ := structInfos.LoadOrStore(t, si)
	return actual.(*structInfo)
}
