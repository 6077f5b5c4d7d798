package definition

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Day is 24 hours, the unit of the duration limits.
const Day = 24 * time.Hour

// MaxDuration bounds every duration field without a tighter limit of its
// own (durationLimits): a year and a day. Nothing orc-exec waits for
// should take longer, and sums of bounded durations (the backstop time
// limit: timeout × 100 attempts + delays) stay far from overflowing.
const MaxDuration = 366 * Day

// MaxBackoffFactor bounds retry.backoffFactor; beyond it the delay reaches
// any maxDelay within a few attempts anyway.
const MaxBackoffFactor = 10

type durationLimit struct{ min, max time.Duration }

// durationLimits are the duration fields with limits of their own, by JSON
// path with "[]" for any array index. A zero value ("0") always means
// "omitted": the default applies, so min does not apply to it. Each bound
// is documented in docs/tasks.md and in the field's description in
// task.schema.json.
var durationLimits = map[string]durationLimit{
	// Task Scheduler's longest repetition.
	"schedule.interval": {max: 31 * Day},
	// Waits between or before attempts: longer is a schedule, not a delay.
	"schedule.jitter":        {max: Day},
	"schedule.startup.delay": {max: 31 * Day},
	"schedule.logon.delay":   {max: 31 * Day},
	"retry.delay":            {max: Day},
	"retry.maxDelay":         {max: Day},
	"retry.jitter":           {max: Day},
	// Below a second the wait policy spins through checks (28,644 rounds
	// in 3 s at 1ns).
	"dependencies.recheckInterval": {min: time.Second, max: Day},
	// One check is a probe; the wait policy is for longer outages.
	"dependencies.checks[].timeout": {max: time.Hour},
}

// limitAt returns the limit for the duration at path segs.
func limitAt(segs []seg) durationLimit {
	var b strings.Builder
	for _, s := range segs {
		if s.isIdx {
			b.WriteString("[]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	if l, ok := durationLimits[b.String()]; ok {
		return l
	}
	return durationLimit{max: MaxDuration}
}

// checkLimit reports a duration v outside the limit of its field.
func (w *walker) checkLimit(s string, v time.Duration) {
	l := limitAt(w.at)
	switch {
	case v == 0:
	case v < l.min:
		w.add(fmt.Sprintf("%s is shorter than %s", display(s), FormatDays(l.min)), fmt.Sprintf("use at least %q, or omit it for the default", FormatDays(l.min)))
	case v > l.max:
		w.add(fmt.Sprintf("%s is longer than %s", display(s), FormatDays(l.max)), fmt.Sprintf("use at most %q", FormatDays(l.max)))
	}
}

// FormatDays is FormatDuration with whole days written as days ("31d").
func FormatDays(d time.Duration) string {
	if d >= Day && d%Day == 0 {
		return fmt.Sprintf("%dd", d/Day)
	}
	return FormatDuration(d)
}

// duplicateKeys reports every member that appears more than once in one
// object. encoding/json keeps the last and most editors the first, so the
// definition an admin reads is not the one that would run. data has passed
// syntax already. The scan is by hand and allocates only to report: seeing
// every key through json.Decoder.Token doubled the cost of Parse, which
// runs at every trigger.
func duplicateKeys(c *errs, data []byte) {
	s := dupScan{c: c, data: data}
	s.value()
}

type dupScan struct {
	c    *errs
	data []byte
	i    int
	path []dupSeg // where the scan is, for messages
}

type dupSeg struct {
	key   []byte // raw member name, quotes included
	index int    // array index, when key is nil
}

func (s *dupScan) ws() {
	for s.i < len(s.data) && (s.data[s.i] == ' ' || s.data[s.i] == '\t' || s.data[s.i] == '\n' || s.data[s.i] == '\r') {
		s.i++
	}
}

// next skips white space and reports whether the byte there is b, taking it.
func (s *dupScan) next(b byte) bool {
	s.ws()
	if s.i < len(s.data) && s.data[s.i] == b {
		s.i++
		return true
	}
	return false
}

func (s *dupScan) value() {
	s.ws()
	if s.i >= len(s.data) {
		return
	}
	switch s.data[s.i] {
	case '{':
		s.i++
		if s.next('}') {
			return
		}
		var keys [][]byte // names in this object, decoded; objects are small
		var twice [][]byte
		for s.i < len(s.data) {
			s.ws()
			raw := s.str()
			k := unquote(raw)
			switch n := countKey(keys, k); n {
			case 0:
			case 1:
				twice = append(twice, k)
			}
			keys = append(keys, k)
			s.next(':')
			s.path = append(s.path, dupSeg{key: k})
			s.value()
			s.path = s.path[:len(s.path)-1]
			if !s.next(',') {
				s.next('}')
				break
			}
		}
		for _, k := range twice {
			at := s.segs()
			at = append(at, seg{key: string(k)})
			s.c.add(pathOf(at), fmt.Sprintf("%s appears %d times in one object", display(string(k)), countKey(keys, k)),
				"keep one: orc-exec would use the last, while an editor may show you the first")
		}
	case '[':
		s.i++
		if s.next(']') {
			return
		}
		for n := 0; s.i < len(s.data); n++ {
			s.path = append(s.path, dupSeg{index: n})
			s.value()
			s.path = s.path[:len(s.path)-1]
			if !s.next(',') {
				s.next(']')
				break
			}
		}
	case '"':
		s.str()
	default: // number, true, false, null
		for s.i < len(s.data) && !strings.ContainsRune(",]} \t\r\n", rune(s.data[s.i])) {
			s.i++
		}
	}
}

// segs is the scan's path as the segments of a message.
func (s *dupScan) segs() []seg {
	out := make([]seg, 0, len(s.path)+1)
	for _, p := range s.path {
		if p.key == nil {
			out = append(out, seg{index: p.index, isIdx: true})
		} else {
			out = append(out, seg{key: string(p.key)})
		}
	}
	return out
}

// str reads the string at s.i and returns it raw, quotes included.
func (s *dupScan) str() []byte {
	start := s.i
	for s.i++; s.i < len(s.data) && s.data[s.i] != '"'; s.i++ {
		if s.data[s.i] == '\\' {
			s.i++
		}
	}
	s.i++
	return s.data[start:min(s.i, len(s.data))]
}

// unquote returns the value of the JSON string raw: without escapes, the
// bytes between the quotes; "\u0041" and "A" are one key.
func unquote(raw []byte) []byte {
	if len(raw) < 2 {
		return nil
	}
	if !bytes.ContainsRune(raw, '\\') {
		return raw[1 : len(raw)-1]
	}
	var v string
	_ = json.Unmarshal(raw, &v)
	return []byte(v)
}

func countKey(keys [][]byte, k []byte) int {
	n := 0
	for _, x := range keys {
		if bytes.Equal(x, k) {
			n++
		}
	}
	return n
}

// validateEnvironment checks the names and values of action.environment
// as the operating system takes them: a name with '=' or NUL, or an empty
// one, would be cut or refused when the command starts.
func validateEnvironment(c *errs, env map[string]string) {
	for _, k := range sortedKeys(env) {
		v := env[k]
		switch {
		case k == "":
			c.add("action.environment", "a variable name is empty", "remove the \"\" member, or give it a name such as \"EXPORT_LEVEL\"")
		case strings.ContainsRune(k, '='):
			c.add("action.environment", fmt.Sprintf("the variable name %q contains '='", k),
				"a name cannot hold '=' (it separates name from value); write \"NAME\": \"value\"")
		case strings.ContainsRune(k, 0):
			c.add("action.environment", fmt.Sprintf("the variable name %q contains NUL", k), "remove the \\u0000 from the name")
		}
		if strings.ContainsRune(v, 0) {
			c.add("action.environment", fmt.Sprintf("the value of %q contains NUL", k), "remove the \\u0000 from the value; the OS would cut it there")
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Document order is lost in a map; sorted keeps messages stable.
	slices.Sort(keys)
	return keys
}
