package definition

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

const (
	// DefaultOutputCap is the output kept per run when outputCap is omitted.
	DefaultOutputCap Size = 1 << 20
	// MinOutputCap and MaxOutputCap bound outputCap.
	MinOutputCap Size = 1 << 10
	MaxOutputCap Size = 1 << 30
	// DefaultCheckTimeout bounds one dependency check when its timeout is omitted.
	DefaultCheckTimeout = Duration(10 * time.Second)
	// MaxNameLen is the longest task name.
	MaxNameLen = 64
	// MaxDescriptionLen is the longest description, in characters.
	MaxDescriptionLen = 1024
)

// ErrBadName is wrapped by every error ValidName returns.
var ErrBadName = errors.New("invalid task name")

const nameFix = "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, e.g. \"db-export\""

// ValidName reports whether name can be a task name. Names become file names
// in the store and arguments on Task Scheduler command lines, so they are
// limited to a set of characters that can be neither a path (no separators,
// no "..", no Windows device names such as CON or COM1) nor an option or
// shell syntax (no leading '-', no spaces or quotes).
func ValidName(name string) error {
	problem, fix := nameProblem(name)
	if problem == "" {
		return nil
	}
	return fmt.Errorf("%w: %s; fix: %s", ErrBadName, problem, fix)
}

// windowsDevices are names Windows maps to devices in every folder, with or
// without an extension ("nul.json" is the NUL device too).
var windowsDevices = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true,
	"COM0": true, "COM1": true, "COM2": true, "COM3": true, "COM4": true,
	"COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT0": true, "LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true,
	"LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// nameProblem returns what is wrong with name and the fix, or "" when valid.
func nameProblem(name string) (problem, fix string) {
	switch {
	case name == "":
		return "the name is empty", nameFix
	case len(name) > MaxNameLen:
		return fmt.Sprintf("%q is %d characters, more than %d", name[:20]+"...", len(name), MaxNameLen), "shorten it"
	}
	for i, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			(i > 0 && (r == '.' || r == '_' || r == '-'))
		if ok {
			continue
		}
		if i == 0 && (r == '.' || r == '_' || r == '-') {
			return fmt.Sprintf("%q starts with %q", name, r), "start it with a letter or digit, e.g. \"x" + name[1:] + "\""
		}
		what := fmt.Sprintf("%q", r)
		switch r {
		case '/', '\\':
			what = "a path separator " + what
		case ' ':
			what = "a space"
		}
		return fmt.Sprintf("%q contains %s", name, what), nameFix
	}
	if strings.Contains(name, "..") {
		return fmt.Sprintf("%q contains \"..\"", name), "use a single '.' or '-', e.g. \"" + strings.ReplaceAll(name, "..", ".") + "\""
	}
	if strings.HasSuffix(name, ".") {
		// Windows drops trailing dots, so "a." and "a" would be one file.
		return fmt.Sprintf("%q ends with '.'", name), "end it with a letter or digit"
	}
	stem, _, _ := strings.Cut(name, ".")
	if windowsDevices[strings.ToUpper(stem)] {
		return fmt.Sprintf("%q is a reserved Windows device name", name), "choose another name, e.g. \"" + name + "-task\""
	}
	return "", ""
}

// ApplyDefaults fills omitted fields with their documented defaults: overlap
// skip, dependencies.policy skip, each check's timeout DefaultCheckTimeout,
// retry.backoffFactor 1 and outputCap DefaultOutputCap. Parse and Load call it
// after validation; enabled stays nil (see IsEnabled) so Save does not add it.
func (t *Task) ApplyDefaults() {
	if t.Overlap == "" {
		t.Overlap = OverlapSkip
	}
	if t.OutputCap == 0 {
		t.OutputCap = DefaultOutputCap
	}
	if t.Retry != nil && t.Retry.BackoffFactor == 0 {
		t.Retry.BackoffFactor = 1
	}
	if d := t.Dependencies; d != nil {
		if d.Policy == "" {
			d.Policy = PolicySkip
		}
		for i := range d.Checks {
			if d.Checks[i].Timeout == 0 {
				d.Checks[i].Timeout = DefaultCheckTimeout
			}
		}
	}
}

// Validate checks the value rules: every enum, range and pattern of the
// schema, and the rules the schema cannot express (name matches the file,
// time zone exists, cross-field rules). file is the path the definition is
// stored at: the name must equal its base name without ".json"; pass "" to
// skip that check. Zero values count as "use the default", so Validate
// accepts a task before or after ApplyDefaults. (Parse also refuses a zero
// value written out where the schema forbids it, such as "overlap": "".)
func (t *Task) Validate(file string) error {
	c := &errs{file: file}
	t.validate(c)
	return c.err()
}

func (t *Task) validate(c *errs) {
	file := c.file
	if p, fix := nameProblem(t.Name); p != "" {
		c.add("name", p, fix)
	} else if file != "" {
		base := filepath.Base(file)
		if want := strings.TrimSuffix(base, ".json"); want != t.Name || base == want {
			c.add("name", fmt.Sprintf("%q does not match the file name %q", t.Name, base),
				fmt.Sprintf("rename the file to %q or set \"name\": %q", t.Name+".json", want))
		}
	}
	if n := utf8.RuneCountInString(t.Description); n > MaxDescriptionLen {
		c.add("description", fmt.Sprintf("is %d characters, more than %d", n, MaxDescriptionLen),
			"shorten it; keep longer notes in a file beside the command")
	}
	validateEnvironment(c, t.Action.Environment)
	if strings.TrimSpace(t.Action.Command) == "" {
		c.add("action.command", "is required but empty", "set it to the program to run, e.g. \"C:\\\\Tools\\\\export.exe\"")
	}
	if t.Timeout != 0 && t.Timeout.D() < time.Second {
		c.add("timeout", fmt.Sprintf("%s is shorter than 1s", FormatDuration(t.Timeout.D())), "use at least \"1s\", or omit it for no timeout")
	}
	switch t.Overlap {
	case "":
		if c.given("overlap") {
			c.add("overlap", `"" is not an allowed value`, `use one of "skip", "queue", "parallel", "stop-previous", or omit it for "skip"`)
		}
	case OverlapSkip, OverlapQueue, OverlapParallel, OverlapStopPrevious:
	default:
		c.add("overlap", fmt.Sprintf("%q is not an allowed value", t.Overlap), `use one of "skip", "queue", "parallel", "stop-previous"`)
	}
	if t.OutputCap != 0 && (t.OutputCap < MinOutputCap || t.OutputCap > MaxOutputCap) {
		c.add("outputCap", fmt.Sprintf("%d bytes is outside 1KiB to 1GiB", t.OutputCap), `use a size between "1KiB" and "1GiB", e.g. "1MiB"`)
	}
	scheduleSpec(c, t.Schedule)
	validateRetry(c, t.Retry)
	validateDependencies(c, t.Dependencies)
	validateNotify(c, t.Notify)
	validateRunAs(c, t.RunAs)
	validateHeartbeat(c, t.Heartbeat)
}

func validateRetry(c *errs, r *Retry) {
	if r == nil {
		return
	}
	if r.Attempts < 1 || r.Attempts > 100 {
		c.add("retry.attempts", fmt.Sprintf("%d is outside 1 to 100", r.Attempts), "use the total number of attempts including the first, 1-100")
	}
	if (r.BackoffFactor != 0 || c.given("retry", "backoffFactor")) && r.BackoffFactor < 1 {
		c.add("retry.backoffFactor", fmt.Sprintf("%g is less than 1", r.BackoffFactor), "use at least 1: 1 for a constant delay, more to grow it, e.g. 2")
	}
	if r.BackoffFactor > MaxBackoffFactor {
		c.add("retry.backoffFactor", fmt.Sprintf("%g is more than %d", r.BackoffFactor, MaxBackoffFactor),
			fmt.Sprintf("use at most %d; maxDelay caps the delay it grows to", MaxBackoffFactor))
	}
	if r.MaxDelay != 0 && r.MaxDelay < r.Delay {
		c.add("retry.maxDelay", fmt.Sprintf("%s is shorter than delay %s", FormatDuration(r.MaxDelay.D()), FormatDuration(r.Delay.D())),
			"make maxDelay at least delay, or omit it")
	}
}

func validateDependencies(c *errs, d *Dependencies) {
	if d == nil {
		return
	}
	switch d.Policy {
	case "":
		if c.given("dependencies", "policy") {
			c.add("dependencies.policy", `"" is not an allowed value`, `use one of "skip", "fail", "wait", or omit it for "skip"`)
		}
	case PolicySkip, PolicyFail:
	case PolicyWait:
		if d.WaitTimeout <= 0 {
			c.add("dependencies.waitTimeout", "is required when policy is \"wait\"",
				"set how long to wait for the dependencies, e.g. \"30m\"")
		}
	default:
		c.add("dependencies.policy", fmt.Sprintf("%q is not an allowed value", d.Policy), `use one of "skip", "fail", "wait"`)
	}
	for i := range d.Checks {
		validateCheck(c, i, &d.Checks[i])
	}
}

// checkFields lists, per check type, the type-specific fields it takes; the
// first is required.
var checkFields = map[CheckType][]string{
	CheckTask:      {"task", "within"},
	CheckTCP:       {"address"},
	CheckHTTP:      {"url", "expectStatus"},
	CheckDNS:       {"host"},
	CheckPath:      {"path", "maxAge"},
	CheckService:   {"service"},
	CheckProcess:   {"process"},
	CheckInterface: {"interface"},
	CheckCommand:   {"command", "arguments"},
}

var checkExample = map[string]string{
	"task": `"db-backup"`, "address": `"db01:5432"`, "url": `"https://example.com/health"`,
	"host": `"db01.example.com"`, "path": `"D:\\drop\\ready.flag"`, "service": `"MSSQLSERVER"`,
	"process": `"sqlservr.exe"`, "interface": `"Ethernet"`, "command": `"C:\\Tools\\probe.exe"`,
}

func validateCheck(c *errs, i int, ck *Check) {
	at := index("dependencies.checks", i)
	// set: the field has a value; written: it is in the file, maybe empty
	// ("task": "" on a tcp check still does not apply).
	set := map[string]bool{
		"task": ck.Task != "", "within": ck.Within != 0,
		"address": ck.Address != "",
		"url":     ck.URL != "", "expectStatus": len(ck.ExpectStatus) > 0,
		"host": ck.Host != "",
		"path": ck.Path != "", "maxAge": ck.MaxAge != 0,
		"service": ck.Service != "", "process": ck.Process != "", "interface": ck.Interface != "",
		"command": ck.Command != "", "arguments": len(ck.Arguments) > 0,
	}
	raw, _ := c.member("dependencies", "checks", i)
	inFile, _ := raw.(map[string]any)
	written := func(f string) bool {
		_, ok := inFile[f]
		return set[f] || ok
	}
	own, ok := checkFields[ck.Type]
	if !ok {
		c.add(join(at, "type"), fmt.Sprintf("%q is not a check type", ck.Type),
			`use one of "task", "tcp", "http", "dns", "path", "service", "process", "interface", "command"`)
		return
	}
	if req := own[0]; !set[req] {
		if written(req) {
			c.add(join(at, req), fmt.Sprintf("is empty; a %s check needs it", ck.Type), fmt.Sprintf("fill it in, e.g. %s", checkExample[req]))
		} else {
			c.add(join(at, req), fmt.Sprintf("is required for a %s check", ck.Type), fmt.Sprintf("add %q, e.g. %s", req, checkExample[req]))
		}
	}
	mine := map[string]bool{}
	for _, f := range own {
		mine[f] = true
	}
	for _, typ := range []CheckType{CheckTask, CheckTCP, CheckHTTP, CheckDNS, CheckPath, CheckService, CheckProcess, CheckInterface, CheckCommand} {
		for _, f := range checkFields[typ] {
			if !mine[f] && written(f) {
				c.add(join(at, f), fmt.Sprintf("does not apply to a %s check", ck.Type),
					fmt.Sprintf("remove it, or set \"type\": %q if this is a %s check", typ, typ))
			}
		}
	}
	switch ck.Type {
	case CheckTask:
		if ck.Task != "" {
			if p, fix := nameProblem(ck.Task); p != "" {
				c.add(join(at, "task"), p, fix)
			}
		}
	case CheckTCP:
		if ck.Address != "" {
			host, port, err := net.SplitHostPort(ck.Address)
			n, perr := strconv.Atoi(port)
			if err != nil || host == "" || perr != nil || n < 1 || n > 65535 {
				c.add(join(at, "address"), fmt.Sprintf("%q is not host:port", ck.Address),
					"write a host and a port number 1-65535, e.g. \"db01:5432\" or \"[::1]:8080\"")
			}
		}
	case CheckHTTP:
		if ck.URL != "" {
			u, err := url.Parse(ck.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				c.add(join(at, "url"), fmt.Sprintf("%q is not an http or https URL", ck.URL),
					"write a full URL, e.g. \"https://example.com/health\"")
			}
		}
		for j, s := range ck.ExpectStatus {
			if s < 100 || s > 599 {
				c.add(index(join(at, "expectStatus"), j), fmt.Sprintf("%d is not an HTTP status", s), "use codes 100-599, e.g. 200")
			}
		}
	}
}

var notifyEvents = []string{"failure", "timeout", "skipped", "retriesExhausted", "success", "recovery"}

func validateNotify(c *errs, n *Notify) {
	if n == nil {
		return
	}
	for i, on := range n.On {
		known := false
		for _, e := range notifyEvents {
			known = known || on == e
		}
		if !known {
			c.add(index("notify.on", i), fmt.Sprintf("%q is not an outcome", on), `use one of "`+strings.Join(notifyEvents, `", "`)+`"`)
		}
	}
	for i, to := range n.To {
		if _, err := mail.ParseAddress(to); err != nil {
			c.add(index("notify.to", i), fmt.Sprintf("%q is not a mail address", to), `write an address like "ops@example.com" or "Ops <ops@example.com>"`)
		}
	}
	if n.Reminder != 0 && n.Reminder.D() < time.Minute {
		c.add("notify.reminder", fmt.Sprintf("%s is shorter than 1m", FormatDuration(n.Reminder.D())), `use at least "1m", or omit it for one alert per incident`)
	}
}

func validateRunAs(c *errs, r *RunAs) {
	if r == nil {
		return
	}
	switch r.Type {
	case "system":
		if r.User != "" {
			c.add("runAs.user", "does not apply to type \"system\"", "remove it, or set \"type\": \"user\"")
		}
	case "user":
		if r.User == "" {
			c.add("runAs.user", "is required for type \"user\"", "set it to DOMAIN\\\\user, e.g. \"CORP\\\\svc-backup\"")
		}
	case "gmsa":
		if !strings.HasSuffix(r.User, "$") || len(r.User) < 2 {
			c.add("runAs.user", fmt.Sprintf("%q is not a gMSA account name", r.User), "use the account name ending in $, e.g. \"CORP\\\\svc-backup$\"")
		}
	default:
		c.add("runAs.type", fmt.Sprintf("%q is not an allowed value", r.Type), `use one of "system", "user", "gmsa"`)
	}
	if r.LogonType != "" || c.given("runAs", "logonType") {
		if r.Type != "user" {
			c.add("runAs.logonType", fmt.Sprintf("does not apply to type %q", r.Type), "remove it")
		} else if r.LogonType != "s4u" && r.LogonType != "password" {
			c.add("runAs.logonType", fmt.Sprintf("%q is not an allowed value", r.LogonType), `use "s4u" or "password"`)
		}
	}
	if (r.RunLevel != "" || c.given("runAs", "runLevel")) && r.RunLevel != "limited" && r.RunLevel != "highest" {
		c.add("runAs.runLevel", fmt.Sprintf("%q is not an allowed value", r.RunLevel), `use "limited" or "highest"`)
	}
}
