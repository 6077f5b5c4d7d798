package taskxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Sections are the parts of a task Diff compares, in the order it reports
// them. RegistrationInfo is left out: Task Scheduler rewrites its Date,
// Author and URI, and the definition hash in it is compared on its own.
var Sections = []string{"Triggers", "Principal", "Settings", "Actions"}

// Diff reports the Sections in which a registered task (Export-ScheduledTask
// output, or the XML read back from Task Scheduler) differs from a rendered
// one, after normalising both for what Task Scheduler rewrites when it
// registers a task: whitespace and indentation, the XML declaration and its
// encoding, element order inside xs:all groups, default-valued elements it
// drops or adds, letter case of booleans, equivalent durations ("PT72H" and
// "P3D"), the principal's id and the actions' Context, and the spellings of
// the SYSTEM account. An empty result means no section differs.
func Diff(registered, rendered []byte) ([]string, error) {
	a, err := canonicalSections(registered)
	if err != nil {
		return nil, fmt.Errorf("could not read the registered task XML: %w", err)
	}
	b, err := canonicalSections(rendered)
	if err != nil {
		return nil, fmt.Errorf("could not read the rendered task XML: %w", err)
	}
	var differ []string
	for _, s := range Sections {
		if a[s] != b[s] {
			differ = append(differ, s)
		}
	}
	return differ, nil
}

type xnode struct {
	name     string
	attrs    []string // "name=value", sorted
	text     string
	children []*xnode
}

func parseTree(doc []byte) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	// The text is already decoded (PowerShell hands over a string); an export
	// still declares encoding="UTF-16", which must not stop the parser.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *xnode
	var stack []*xnode
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name.Local}
			for _, at := range t.Attr {
				if at.Name.Space == "xmlns" || at.Name.Local == "xmlns" {
					continue
				}
				n.attrs = append(n.attrs, at.Name.Local+"="+at.Value)
			}
			sort.Strings(n.attrs)
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil || root.name != "Task" {
		return nil, errors.New("no <Task> element")
	}
	return root, nil
}

func canonicalSections(doc []byte) (map[string]string, error) {
	root, err := parseTree(doc)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, c := range root.children {
		switch c.name {
		case "Triggers":
			var ts []string
			for _, t := range c.children {
				ts = append(ts, canon(t, triggerDefaults, true))
			}
			// A task fires on the union of its triggers: their order is not behaviour.
			sort.Strings(ts)
			out["Triggers"] = strings.Join(ts, "")
		case "Principals":
			for _, p := range c.children {
				out["Principal"] = canon(normalPrincipal(p), principalDefaults, true)
			}
		case "Settings":
			out["Settings"] = canon(c, settingsDefaults, true)
		case "Actions":
			c.attrs = dropAttr(c.attrs, "Context")
			out["Actions"] = canon(c, nil, false)
		}
	}
	return out, nil
}

// Defaults Task Scheduler assumes for an absent element (Task Scheduler
// schema): an element with its default value is the same as no element.
var (
	settingsDefaults = map[string]string{
		"AllowStartOnDemand": "true", "MultipleInstancesPolicy": "IgnoreNew", "DisallowStartIfOnBatteries": "true",
		"StopIfGoingOnBatteries": "true", "AllowHardTerminate": "true", "StartWhenAvailable": "false",
		"RunOnlyIfNetworkAvailable": "false", "WakeToRun": "false", "Enabled": "true", "Hidden": "false",
		"DeleteExpiredTaskAfter": "PT0S", "ExecutionTimeLimit": "P3D", "Priority": "7", "RunOnlyIfIdle": "false",
		"UseUnifiedSchedulingEngine": "false", "DisallowStartOnRemoteAppSession": "false", "Volatile": "false",
		// IdleSettings
		"Duration": "PT10M", "WaitTimeout": "PT1H", "StopOnIdleEnd": "true", "RestartOnIdle": "false",
	}
	triggerDefaults = map[string]string{
		"Enabled": "true", "RandomDelay": "PT0S", "Delay": "PT0S", "StopAtDurationEnd": "false",
	}
	principalDefaults = map[string]string{"RunLevel": "LeastPrivilege"}
)

func normalPrincipal(p *xnode) *xnode {
	p.attrs = dropAttr(p.attrs, "id")
	system := false
	for _, c := range p.children {
		if c.name == "UserId" {
			switch strings.ToLower(strings.TrimSpace(c.text)) {
			case "s-1-5-18", "system", `nt authority\system`:
				c.text, system = "S-1-5-18", true
			default:
				// Account names are case-insensitive on Windows.
				c.text = strings.ToLower(strings.TrimSpace(c.text))
			}
		}
	}
	if system {
		// SYSTEM always logs on as a service; an export may say so.
		kept := p.children[:0]
		for _, c := range p.children {
			if c.name != "LogonType" || strings.TrimSpace(c.text) != "ServiceAccount" {
				kept = append(kept, c)
			}
		}
		p.children = kept
	}
	return p
}

func dropAttr(attrs []string, name string) []string {
	kept := attrs[:0]
	for _, a := range attrs {
		if !strings.HasPrefix(a, name+"=") {
			kept = append(kept, a)
		}
	}
	return kept
}

// canon writes n as one line with its values normalised, leaving out
// children whose value is the default, with the children of an xs:all group
// (unordered) sorted by their canonical text.
func canon(n *xnode, defaults map[string]string, unordered bool) string {
	var parts []string
	for _, c := range n.children {
		if len(c.children) == 0 && len(c.attrs) == 0 {
			if d, ok := defaults[c.name]; ok && normalValue(c.text) == normalValue(d) {
				continue
			}
		}
		s := canon(c, defaults, unordered)
		if len(c.children) > 0 && s == "<"+c.name+">" {
			continue // a group left empty by its defaults (IdleSettings)
		}
		parts = append(parts, s)
	}
	if unordered {
		sort.Strings(parts)
	}
	var b strings.Builder
	b.WriteString("<" + n.name)
	for _, a := range n.attrs {
		b.WriteString(" " + a)
	}
	b.WriteString(">")
	if len(n.children) == 0 {
		b.WriteString(normalValue(n.text))
	}
	b.WriteString(strings.Join(parts, ""))
	return b.String()
}

var xsDurationRe = regexp.MustCompile(`^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// normalValue trims a value and puts booleans and day-time durations in one
// spelling: "True" is "true", "PT72H" and "P3D" are both "P3D", "PT0M" is "PT0S".
func normalValue(v string) string {
	v = strings.TrimSpace(v)
	switch strings.ToLower(v) {
	case "true", "false":
		return strings.ToLower(v)
	}
	if m := xsDurationRe.FindStringSubmatch(v); m != nil && v != "P" && v != "PT" {
		var secs int64
		for i, unit := range []int64{86400, 3600, 60, 1} {
			if m[i+1] != "" {
				n, err := strconv.ParseInt(m[i+1], 10, 64)
				if err != nil {
					return v
				}
				secs += n * unit
			}
		}
		return xsDuration(time.Duration(secs) * time.Second)
	}
	return v
}
