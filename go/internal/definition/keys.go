package definition

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

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
