package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// CrontabOptions say how to read a crontab.
type CrontabOptions struct {
	// System is the /etc/crontab and /etc/cron.d format: a user column
	// after the schedule.
	System bool
}

var (
	envLine  = regexp.MustCompile(`^\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)(["']?)\s*=\s*(.*)$`)
	nameNote = regexp.MustCompile(`^#\s*orc:name=(\S+)\s*$`)
)

// wrappers are programs that run another one; a name is taken from what
// they run.
var wrappers = map[string]bool{"nice": true, "ionice": true, "nohup": true, "sudo": true, "env": true,
	"exec": true, "chronic": true, "flock": true, "timeout": true, "cd": true, "test": true, "[": true}

// Crontab converts each entry of a crontab: one Entry per schedule line,
// in order. Environment lines apply to the entries after them, as in
// Vixie cron: MAILTO becomes notify.to, CRON_TZ schedule.timezone, SHELL
// the shell that runs the command, and every other variable goes into
// action.environment. A comment "# orc:name=<name>" names the next entry.
func Crontab(data []byte, file string, o CrontabOptions) []Entry {
	var out []Entry
	names := newNamer()
	env := map[string]string{}
	var mailto, tz, shell, nextName string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		src := fmt.Sprintf("%s:%d", file, n)
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			continue
		case strings.HasPrefix(trimmed, "#"):
			if m := nameNote.FindStringSubmatch(trimmed); m != nil {
				nextName = m[1]
			}
			continue
		}
		if m := envLine.FindStringSubmatch(line); m != nil && m[1] == m[3] {
			v := strings.TrimSpace(m[4])
			if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
				v = v[1 : len(v)-1]
			}
			switch m[2] {
			case "MAILTO":
				mailto = v
			case "CRON_TZ":
				tz = v
			case "SHELL":
				shell = v
			default:
				env[m[2]] = v
			}
			continue
		}
		name := nextName
		nextName = ""
		out = append(out, crontabEntry(trimmed, src, name, o, names, entryEnv{env, mailto, tz, shell}))
	}
	if err := sc.Err(); err != nil {
		out = append(out, refuse("", file, "", fmt.Sprintf("could not read the crontab: %v", err)))
	}
	return out
}

type entryEnv struct {
	vars              map[string]string
	mailto, tz, shell string
}

func crontabEntry(line, src, name string, o CrontabOptions, names *namer, ev entryEnv) Entry {
	fields, rest := splitFields(line, 1)
	var when string
	if strings.HasPrefix(fields[0], "@") {
		when = strings.ToLower(fields[0])
	} else {
		fields, rest = splitFields(line, 5)
		if len(fields) < 5 || rest == "" {
			return refuse(name, src, "schedule", "is not a crontab entry: expected 5 time fields and a command, or @daily-style and a command")
		}
		when = strings.Join(fields, " ")
	}
	user := ""
	if o.System {
		var u []string
		u, rest = splitFields(rest, 1)
		if len(u) == 0 || rest == "" {
			return refuse(name, src, "user", "the /etc/cron.d format needs a user and then a command after the schedule")
		}
		user = u[0]
	}
	if rest == "" {
		return refuse(name, src, "action.command", "the entry has no command")
	}
	if strings.HasSuffix(rest, "\\") {
		return refuse(name, src, "action.command", "ends with \\: crontab has no line continuation; join the lines into one")
	}
	command, stdin := splitPercent(rest)
	if name == "" {
		name = commandSlug(command)
	}
	name = names.take(name)

	t := &definition.Task{Name: name, Description: "imported from " + src, Schedule: &definition.Schedule{}}
	switch when {
	case "@reboot":
		t.Schedule.Startup = &definition.Startup{}
	default:
		t.Schedule.Cron = when
		t.Schedule.Timezone = ev.tz
	}
	if stdin != nil {
		// Vixie feeds the text after the first unescaped % to the command's
		// stdin; a here-document says the same to the shell.
		command = "(" + command + ") <<'ORC_STDIN'\n" + strings.Join(stdin, "\n") + "\nORC_STDIN"
	}
	if ev.shell == "" || ev.shell == "/bin/sh" {
		t.Action = definition.Action{Command: command, Shell: true}
	} else {
		t.Action = definition.Action{Command: ev.shell, Arguments: []string{"-c", command}}
	}
	if len(ev.vars) > 0 {
		t.Action.Environment = map[string]string{}
		for k, v := range ev.vars {
			t.Action.Environment[k] = v
		}
	}
	if ev.mailto != "" {
		var to []string
		for _, a := range strings.Split(ev.mailto, ",") {
			if a = strings.TrimSpace(a); a != "" {
				to = append(to, a)
			}
		}
		t.Notify = &definition.Notify{On: []string{"failure"}, To: to}
	}
	switch user {
	case "":
	case "root":
		t.RunAs = &definition.RunAs{Type: "system"}
	default:
		t.RunAs = &definition.RunAs{Type: "user", User: user}
	}
	return convert(t, src)
}

// splitFields returns the first n whitespace-separated fields of s and the
// rest of s after them (leading blanks removed), or fewer fields and "".
func splitFields(s string, n int) ([]string, string) {
	var out []string
	s = strings.TrimLeft(s, " \t")
	for len(out) < n && s != "" {
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			out = append(out, s)
			return out, ""
		}
		out = append(out, s[:i])
		s = strings.TrimLeft(s[i:], " \t")
	}
	return out, s
}

// splitPercent reads a crontab command as Vixie cron does: \% is a literal
// %, the first unescaped % ends the command, and the rest is the command's
// stdin with each further unescaped % a line break. stdin is nil when there
// is no unescaped %.
func splitPercent(s string) (command string, stdin []string) {
	var cur strings.Builder
	var parts []string
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '%':
			cur.WriteByte('%')
			i++
		case s[i] == '%':
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(s[i])
		}
	}
	parts = append(parts, cur.String())
	if len(parts) == 1 {
		return parts[0], nil
	}
	return parts[0], parts[1:]
}

// commandSlug names a task after the program a crontab command runs and its
// first word argument: "/usr/local/bin/backup.sh --full /srv" -> "backup-srv".
func commandSlug(command string) string {
	seg := command
	for _, s := range regexp.MustCompile(`&&|\|\||;|\|`).Split(command, -1) {
		toks := strings.Fields(s)
		if len(toks) > 0 && toks[0] != "cd" {
			seg = s
			break
		}
	}
	var words []string
	for _, tok := range strings.Fields(seg) {
		if strings.ContainsAny(tok, "<>") || strings.HasPrefix(tok, "2>") {
			break
		}
		if strings.HasPrefix(tok, "-") || strings.Contains(tok, "=") || strings.HasPrefix(tok, "$") {
			continue
		}
		base := path.Base(strings.Trim(tok, `"'`))
		if len(words) == 0 && wrappers[base] {
			continue
		}
		if len(words) == 0 {
			if ext := path.Ext(base); ext != "" && len(ext) <= 4 {
				base = strings.TrimSuffix(base, ext)
			}
		}
		if base == "" || base == "." || base == "/" {
			continue
		}
		words = append(words, base)
		if len(words) == 2 {
			break
		}
	}
	if s := slug(strings.Join(words, "-")); s != "" {
		return s
	}
	return "cron-task"
}
