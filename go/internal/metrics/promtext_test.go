package metrics_test

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// A strict reader of the Prometheus text exposition format (version 0.0.4),
// for what orchestrator.prom uses: HELP and TYPE at most once per family and
// before its samples, a family's samples together, valid metric and label
// names, escaped label values, no duplicate series, float values, counters
// named *_total, one trailing newline.

var (
	metricName = regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*$`)
	labelName  = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)
	types      = map[string]bool{"counter": true, "gauge": true, "histogram": true, "summary": true, "untyped": true}
)

type sample struct {
	name   string
	labels map[string]string
	value  float64
}

type exposition struct {
	types   map[string]string
	help    map[string]string
	samples []sample
}

// value returns the sample's value for name and labels ("k=v" pairs),
// failing the spec when there is none.
func (e *exposition) value(name string, labels ...string) float64 {
	GinkgoHelper()
	v, ok := e.lookup(name, labels...)
	Expect(ok).To(BeTrue(), "no sample %s %v", name, labels)
	return v
}

func (e *exposition) lookup(name string, labels ...string) (float64, bool) {
	for _, s := range e.samples {
		if s.name != name || len(s.labels) != len(labels) {
			continue
		}
		match := true
		for _, kv := range labels {
			k, v, _ := strings.Cut(kv, "=")
			if s.labels[k] != v {
				match = false
			}
		}
		if match {
			return s.value, true
		}
	}
	return 0, false
}

func parseExposition(text string) (*exposition, error) {
	if text == "" {
		return nil, fmt.Errorf("empty exposition")
	}
	if !strings.HasSuffix(text, "\n") {
		return nil, fmt.Errorf("the last line does not end with a newline")
	}
	e := &exposition{types: map[string]string{}, help: map[string]string{}}
	seenSeries := map[string]bool{}
	closed := map[string]bool{} // families whose samples have ended
	current := ""
	family := func(name string) string {
		// Only counters and gauges are written; their samples carry the
		// family's name.
		return name
	}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		at := fmt.Sprintf("line %d", i+1)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			f := strings.SplitN(line, " ", 4)
			if len(f) < 3 || (f[1] != "HELP" && f[1] != "TYPE") {
				continue // a comment
			}
			name := f[2]
			if !metricName.MatchString(name) {
				return nil, fmt.Errorf("%s: invalid metric name %q", at, name)
			}
			if closed[name] || (current == name && f[1] == "TYPE" && anySample(e, name)) {
				return nil, fmt.Errorf("%s: %s for %s after its samples", at, f[1], name)
			}
			switch f[1] {
			case "HELP":
				if _, dup := e.help[name]; dup {
					return nil, fmt.Errorf("%s: second HELP for %s", at, name)
				}
				if len(f) < 4 {
					return nil, fmt.Errorf("%s: HELP for %s has no text", at, name)
				}
				e.help[name] = f[3]
			case "TYPE":
				if _, dup := e.types[name]; dup {
					return nil, fmt.Errorf("%s: second TYPE for %s", at, name)
				}
				if len(f) != 4 || !types[f[3]] {
					return nil, fmt.Errorf("%s: invalid TYPE line %q", at, line)
				}
				e.types[name] = f[3]
			}
			if current != "" && current != name {
				closed[current] = true
			}
			current = name
			continue
		}
		s, err := parseSample(line)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		fam := family(s.name)
		if closed[fam] {
			return nil, fmt.Errorf("%s: sample of %s apart from the rest of its family", at, fam)
		}
		if current != "" && current != fam {
			closed[current] = true
		}
		current = fam
		if _, ok := e.types[fam]; !ok {
			return nil, fmt.Errorf("%s: %s has no TYPE before its samples", at, fam)
		}
		if e.types[fam] == "counter" && !strings.HasSuffix(fam, "_total") {
			return nil, fmt.Errorf("%s: counter %s is not named *_total", at, fam)
		}
		if e.types[fam] == "counter" && s.value < 0 {
			return nil, fmt.Errorf("%s: counter %s is negative", at, fam)
		}
		key := seriesKey(s)
		if seenSeries[key] {
			return nil, fmt.Errorf("%s: duplicate series %s", at, key)
		}
		seenSeries[key] = true
		e.samples = append(e.samples, s)
	}
	return e, nil
}

func anySample(e *exposition, fam string) bool {
	for _, s := range e.samples {
		if s.name == fam {
			return true
		}
	}
	return false
}

func seriesKey(s sample) string {
	keys := make([]string, 0, len(s.labels))
	for k := range s.labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(s.name)
	for _, k := range keys {
		b.WriteString("|" + k + "=" + s.labels[k])
	}
	return b.String()
}

func parseSample(line string) (sample, error) {
	s := sample{labels: map[string]string{}}
	i := 0
	for i < len(line) && line[i] != '{' && line[i] != ' ' {
		i++
	}
	s.name = line[:i]
	if !metricName.MatchString(s.name) {
		return s, fmt.Errorf("invalid metric name %q", s.name)
	}
	if i < len(line) && line[i] == '{' {
		i++
		for {
			if i < len(line) && line[i] == '}' {
				i++
				break
			}
			j := i
			for j < len(line) && line[j] != '=' {
				j++
			}
			name := line[i:j]
			if !labelName.MatchString(name) || strings.HasPrefix(name, "__") {
				return s, fmt.Errorf("invalid label name %q", name)
			}
			if _, dup := s.labels[name]; dup {
				return s, fmt.Errorf("label %s twice", name)
			}
			if j+1 >= len(line) || line[j+1] != '"' {
				return s, fmt.Errorf("label %s: value not quoted", name)
			}
			i = j + 2
			var v strings.Builder
			for {
				if i >= len(line) {
					return s, fmt.Errorf("label %s: unterminated value", name)
				}
				c := line[i]
				if c == '"' {
					i++
					break
				}
				if c == '\\' {
					if i+1 >= len(line) {
						return s, fmt.Errorf("label %s: dangling backslash", name)
					}
					switch line[i+1] {
					case '\\':
						v.WriteByte('\\')
					case '"':
						v.WriteByte('"')
					case 'n':
						v.WriteByte('\n')
					default:
						return s, fmt.Errorf("label %s: invalid escape \\%c", name, line[i+1])
					}
					i += 2
					continue
				}
				v.WriteByte(c)
				i++
			}
			s.labels[name] = v.String()
			if i < len(line) && line[i] == ',' {
				i++
				continue
			}
			if i < len(line) && line[i] == '}' {
				i++
				break
			}
			return s, fmt.Errorf("label %s: expected , or } after the value", name)
		}
	}
	if i >= len(line) || line[i] != ' ' {
		return s, fmt.Errorf("no space before the value")
	}
	rest := strings.Split(line[i+1:], " ")
	if len(rest) < 1 || len(rest) > 2 || rest[0] == "" {
		return s, fmt.Errorf("expected a value and an optional timestamp, got %q", line[i+1:])
	}
	v, err := parseFloat(rest[0])
	if err != nil {
		return s, err
	}
	s.value = v
	if len(rest) == 2 {
		if _, err := strconv.ParseInt(rest[1], 10, 64); err != nil {
			return s, fmt.Errorf("invalid timestamp %q", rest[1])
		}
	}
	return s, nil
}

func parseFloat(s string) (float64, error) {
	switch s {
	case "+Inf", "-Inf", "NaN":
		f, _ := strconv.ParseFloat(s, 64)
		return f, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "_xXpP") || strings.EqualFold(s, "inf") || strings.EqualFold(s, "infinity") {
		return 0, fmt.Errorf("invalid value %q", s)
	}
	return f, nil
}
