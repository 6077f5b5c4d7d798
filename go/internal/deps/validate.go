package deps

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// FieldError is one problem with one field. Field is a JSON path relative
// to the object validated ("address", "checks[2].address").
type FieldError struct {
	Field   string
	Problem string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// Types lists every check type, in documentation order.
var Types = []definition.CheckType{
	definition.CheckTask, definition.CheckTCP, definition.CheckHTTP, definition.CheckDNS,
	definition.CheckPath, definition.CheckService, definition.CheckProcess,
	definition.CheckInterface, definition.CheckCommand,
}

// ValidateDependencies checks a dependencies object and each of its checks.
// The error joins one *FieldError per problem, with fields relative to the
// dependencies object ("policy", "checks[2].address"); nil when valid.
func ValidateDependencies(d *definition.Dependencies) error {
	if d == nil {
		return nil
	}
	var errs []error
	add := func(field, format string, a ...any) {
		errs = append(errs, &FieldError{field, fmt.Sprintf(format, a...)})
	}
	switch d.Policy {
	case "", definition.PolicySkip, definition.PolicyFail, definition.PolicyWait:
	default:
		add("policy", "%q is not a policy; use skip, fail or wait", d.Policy)
	}
	if d.Policy != definition.PolicyWait {
		if d.WaitTimeout > 0 {
			add("waitTimeout", "only applies to policy \"wait\"")
		}
		if d.RecheckInterval > 0 {
			add("recheckInterval", "only applies to policy \"wait\"")
		}
	} else if d.WaitTimeout > 0 && d.RecheckInterval > d.WaitTimeout {
		add("recheckInterval", "%s is longer than waitTimeout %s, so it would never recheck",
			definition.FormatDuration(d.RecheckInterval.D()), definition.FormatDuration(d.WaitTimeout.D()))
	}
	for i, c := range d.Checks {
		for _, e := range fieldErrors(ValidateCheck(c)) {
			add(fmt.Sprintf("checks[%d].%s", i, e.Field), "%s", e.Problem)
		}
	}
	return errors.Join(errs...)
}

// fieldErrors flattens what ValidateCheck returns.
func fieldErrors(err error) []*FieldError {
	if err == nil {
		return nil
	}
	var out []*FieldError
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		out = append(out, e.(*FieldError))
	}
	return out
}

// ValidateCheck reports field-level problems of one check: a missing or
// malformed target, and fields that do not apply to its type (usually a
// wrong type or a field meant for another check). The error joins one
// *FieldError per problem, fields relative to the check; nil when valid.
func ValidateCheck(c definition.Check) error {
	var errs []error
	add := func(field, format string, a ...any) {
		errs = append(errs, &FieldError{field, fmt.Sprintf(format, a...)})
	}
	need := func(field, value, example string) bool {
		if strings.TrimSpace(value) == "" {
			add(field, "required for type %q, e.g. %s", c.Type, example)
			return false
		}
		return true
	}

	switch c.Type {
	case definition.CheckTask:
		need("task", c.Task, `"db-export"`)
	case definition.CheckTCP:
		if need("address", c.Address, `"db:5432"`) {
			validateAddress(c.Address, add)
		}
	case definition.CheckHTTP:
		if need("url", c.URL, `"https://app.example.com/health"`) {
			validateURL(c.URL, add)
		}
		for i, s := range c.ExpectStatus {
			if s < 100 || s > 599 {
				add(fmt.Sprintf("expectStatus[%d]", i), "%d is not an HTTP status; use 100-599", s)
			}
		}
	case definition.CheckDNS:
		if need("host", c.Host, `"db.example.com"`) {
			validateHost(c.Host, add)
		}
	case definition.CheckPath:
		need("path", c.Path, `"D:\\exports\\today.csv"`)
	case definition.CheckService:
		need("service", c.Service, `"MSSQLSERVER"`)
	case definition.CheckProcess:
		if need("process", c.Process, `"sqlservr.exe"`) && strings.ContainsAny(c.Process, `/\`) {
			add("process", "%q is a path; give the image name only, e.g. %q", c.Process, baseName(c.Process))
		}
	case definition.CheckInterface:
		need("interface", c.Interface, `"VPN"`)
	case definition.CheckCommand:
		need("command", c.Command, `"C:\\scripts\\ready.exe"`)
	case "":
		add("type", "required; use one of %s", typeList())
	default:
		add("type", "%q is not a check type; use one of %s", c.Type, typeList())
	}

	if slices.Contains(Types, c.Type) {
		for _, f := range setFields(c) {
			if !slices.Contains(applies[c.Type], f) {
				add(f, "does not apply to type %q", c.Type)
			}
		}
	}
	return errors.Join(errs...)
}

// applies lists the target fields each type reads; name, type and timeout
// apply to all.
var applies = map[definition.CheckType][]string{
	definition.CheckTask:      {"task", "within"},
	definition.CheckTCP:       {"address"},
	definition.CheckHTTP:      {"url", "expectStatus"},
	definition.CheckDNS:       {"host"},
	definition.CheckPath:      {"path", "maxAge"},
	definition.CheckService:   {"service"},
	definition.CheckProcess:   {"process"},
	definition.CheckInterface: {"interface"},
	definition.CheckCommand:   {"command", "arguments"},
}

func setFields(c definition.Check) []string {
	var out []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"task", c.Task != ""}, {"within", c.Within != 0},
		{"address", c.Address != ""},
		{"url", c.URL != ""}, {"expectStatus", len(c.ExpectStatus) > 0},
		{"host", c.Host != ""},
		{"path", c.Path != ""}, {"maxAge", c.MaxAge != 0},
		{"service", c.Service != ""},
		{"process", c.Process != ""},
		{"interface", c.Interface != ""},
		{"command", c.Command != ""}, {"arguments", len(c.Arguments) > 0},
	} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return out
}

func validateAddress(addr string, add func(field, format string, a ...any)) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		if strings.Contains(err.Error(), "missing port") {
			add("address", "%q has no port; use host:port, e.g. %q", addr, addr+":5432")
		} else {
			add("address", "%q is not host:port (IPv6 goes in brackets, e.g. \"[::1]:5432\")", addr)
		}
		return
	}
	if host == "" {
		add("address", "%q has no host; use host:port, e.g. \"db%s\"", addr, addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		add("address", "port %q is not a number from 1 to 65535", port)
	}
}

func validateURL(raw string, add func(field, format string, a ...any)) {
	u, err := url.Parse(raw)
	if err != nil {
		add("url", "%q is not a URL: %v", raw, errors.Unwrap(err))
		return
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		add("url", "%q must start with http:// or https://", raw)
		return
	}
	if u.Host == "" {
		add("url", "%q has no host", raw)
	}
}

func validateHost(host string, add func(field, format string, a ...any)) {
	switch {
	case strings.Contains(host, "://"):
		add("host", "%q is a URL; give only the host name, e.g. %q", host, hostOfURL(host))
	case strings.ContainsAny(host, " /\\:") && net.ParseIP(host) == nil:
		add("host", "%q is not a host name; give only the name, e.g. \"db.example.com\"", host)
	}
}

func hostOfURL(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "db.example.com"
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

func typeList() string {
	s := make([]string, len(Types))
	for i, t := range Types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}
