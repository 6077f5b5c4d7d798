package definition_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/google/go-cmp/cmp"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// task returns a minimal valid definition named db-export with extra
// top-level members spliced in (extra starts with a comma when non-empty).
func task(extra string) string {
	return `{"name": "db-export", "action": {"command": "export.exe"}` + extra + `}`
}

// fieldErrors asserts err is definition.Errors and returns it.
func fieldErrors(err error) definition.Errors {
	GinkgoHelper()
	var es definition.Errors
	Expect(errors.As(err, &es)).To(BeTrue(), "want definition.Errors, got %T: %v", err, err)
	Expect(es).NotTo(BeEmpty())
	for _, e := range es {
		Expect(e.File).NotTo(BeEmpty())
		Expect(e.Problem).NotTo(BeEmpty())
		Expect(e.Fix).NotTo(BeEmpty(), "every error needs a fix: %v", e)
	}
	return es
}

var _ = Describe("Load", func() {
	Context("when the definition is valid and uses every field", func() {
		It("decodes every field and round-trips through Save", func() {
			t, err := definition.Load(filepath.Join("testdata", "db-export.json"))
			Expect(err).NotTo(HaveOccurred())
			Expect(t.Name).To(Equal("db-export"))
			Expect(t.Schedule.Cron).To(Equal("30 2 * * 1-5"))
			Expect(t.Retry.Delay.D()).To(Equal(5 * time.Minute))
			Expect(t.Retry.BackoffFactor).To(Equal(2.0))
			Expect(t.Dependencies.Checks).To(HaveLen(9))
			Expect(t.Dependencies.Checks[0].Within.D()).To(Equal(24 * time.Hour))
			Expect(t.OutputCap).To(Equal(definition.Size(4 << 20)))
			Expect(t.RunAs.User).To(Equal(`CORP\svc-export$`))

			out := filepath.Join(testutil.TempDir(), "db-export.json")
			Expect(definition.Save(out, t)).To(Succeed())
			again, err := definition.Load(out)
			Expect(err).NotTo(HaveOccurred())
			Expect(cmp.Diff(t, again)).To(BeEmpty())
		})
	})

	Context("when optional fields are omitted", func() {
		It("applies the documented defaults", func() {
			t, err := definition.Parse("db-export.json", []byte(task(`, "retry": {"attempts": 2},
				"dependencies": {"checks": [{"type": "dns", "host": "db01"}]}`)))
			Expect(err).NotTo(HaveOccurred())
			Expect(t.Overlap).To(Equal(definition.OverlapSkip))
			Expect(t.OutputCap).To(Equal(definition.DefaultOutputCap))
			Expect(t.Retry.BackoffFactor).To(Equal(1.0))
			Expect(t.Dependencies.Policy).To(Equal(definition.PolicySkip))
			Expect(t.Dependencies.Checks[0].Timeout).To(Equal(definition.DefaultCheckTimeout))
			Expect(t.IsEnabled()).To(BeTrue())
		})
	})

	Context("when the file does not exist", func() {
		It("returns an error wrapping fs.ErrNotExist", func() {
			_, err := definition.Load(filepath.Join(testutil.TempDir(), "nope.json"))
			Expect(err).To(MatchError(os.ErrNotExist))
		})
	})

	Context("when the file is larger than the limit", func() {
		It("refuses it and names the limit", func() {
			p := filepath.Join(testutil.TempDir(), "db-export.json")
			big := task(`, "description": "` + strings.Repeat("x", definition.MaxFileSize) + `"`)
			Expect(os.WriteFile(p, []byte(big), 0o600)).To(Succeed())
			_, err := definition.Load(p)
			es := fieldErrors(err)
			Expect(es[0].Problem).To(ContainSubstring("256 KiB"))
			Expect(err.Error()).To(HavePrefix(p + ": file is larger"))
		})
	})
})

// badCase is one invalid definition: Parse must refuse it with an error for
// field whose problem and fix contain fix. The drift spec (schema_test.go)
// runs the same cases through the JSON Schema.
type badCase struct {
	desc, file, data, field, fix string
}

func badEntries() []TableEntry {
	entries := make([]TableEntry, len(badDefinitions))
	for i, b := range badDefinitions {
		entries[i] = Entry(b.desc, b.file, b.data, b.field, b.fix)
	}
	return entries
}

var badDefinitions = []badCase{
	{"malformed JSON (missing comma) at its line and column", "db-export.json",
		"{\n  \"name\": \"db-export\"\n  \"action\": {}\n}", "line 3, column 3", "missing comma"},
	{"malformed JSON (truncated)", "db-export.json",
		`{"name": "db-export", "action": {`, "line 1, column 34", "close every open brace"},
	{"trailing content", "db-export.json",
		task("") + ` {}`, "line 1, column 60", "one JSON object"},
	{"unknown top-level field, with a suggestion", "db-export.json",
		task(`, "retyr": {"attempts": 2}`), "retyr", `did you mean "retry"`},
	{"unknown nested field, listing the known ones", "db-export.json",
		task(`, "retry": {"attempts": 2, "zzz": 1}`), "retry.zzz", "known fields: attempts, backoffFactor"},
	{"unknown field in a check", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "dns", "host": "h"}, {"type": "tcp", "adress": "h:1"}]}`),
		"dependencies.checks[1].adress", `did you mean "address"`},
	{"bad duration", "db-export.json",
		task(`, "retry": {"attempts": 2, "delay": "5 minutes"}`), "retry.delay", `"5 minutes" is not a duration; fix: use a number with a unit, e.g. "90s", "5m", "1h30m"`},
	{"negative duration", "db-export.json",
		task(`, "timeout": "-5s"`), "timeout", "not a duration"},
	{"missing action", "db-export.json",
		`{"name": "db-export"}`, "action", `add "action"`},
	{"missing command", "db-export.json",
		`{"name": "db-export", "action": {"arguments": ["a"]}}`, "action.command", `add "command": program to run`},
	{"empty command", "db-export.json",
		`{"name": "db-export", "action": {"command": ""}}`, "action.command", "program to run"},
	{"name with a path separator", "a.json",
		`{"name": "../a", "action": {"command": "x"}}`, "name", "starts with '.'"},
	{"name with a backslash", "a.json",
		`{"name": "a\\b", "action": {"command": "x"}}`, "name", "path separator"},
	{"name with ..", "a..b.json",
		`{"name": "a..b", "action": {"command": "x"}}`, "name", `contains ".."`},
	{"name CON", "CON.json",
		`{"name": "CON", "action": {"command": "x"}}`, "name", "reserved Windows device name"},
	{"name com1.backup", "com1.backup.json",
		`{"name": "com1.backup", "action": {"command": "x"}}`, "name", "reserved Windows device name"},
	{"name with a space", "db export.json",
		`{"name": "db export", "action": {"command": "x"}}`, "name", "contains a space"},
	{"name with a leading dash", "-x.json",
		`{"name": "-x", "action": {"command": "x"}}`, "name", "start it with a letter or digit"},
	{"name too long", strings.Repeat("a", 65) + ".json",
		`{"name": "` + strings.Repeat("a", 65) + `", "action": {"command": "x"}}`, "name", "more than 64"},
	{"name not matching the file", "tasks/db-import.json",
		task(""), "name", `rename the file to "db-export.json" or set "name": "db-import"`},
	{"file without .json", "db-export",
		task(""), "name", `rename the file to "db-export.json"`},
	{"bad timezone", "db-export.json",
		task(`, "schedule": {"cron": "0 2 * * *", "timezone": "Mars/Olympus"}`), "schedule.timezone", "IANA zone name"},
	{"two schedule kinds", "db-export.json",
		task(`, "schedule": {"cron": "0 2 * * *", "interval": "10m"}`), "schedule", "keep one of cron"},
	{"cron with six fields", "db-export.json",
		task(`, "schedule": {"cron": "0 0 2 * * *"}`), "schedule.cron", "has 6 fields, not 5"},
	{"cron with a bad character", "db-export.json",
		task(`, "schedule": {"cron": "0 2 * * $"}`), "schedule.cron", "day-of-week"},
	{"once not RFC 3339", "db-export.json",
		task(`, "schedule": {"once": "2025-07-01 02:00"}`), "schedule.once", "RFC 3339"},
	{"interval below 1m", "db-export.json",
		task(`, "schedule": {"interval": "30s"}`), "schedule.interval", `at least "1m"`},
	{"cron matching no day", "db-export.json",
		task(`, "schedule": {"cron": "0 0 30 2 *"}`), "schedule.cron", "cron explain"},
	{"cron with hashed values", "db-export.json",
		task(`, "schedule": {"cron": "H 0 * * *"}`), "schedule.cron", "cron explain"},
	{"interval not in whole minutes", "db-export.json",
		task(`, "schedule": {"interval": "90s"}`), "schedule.interval", `use e.g. "2m"`},
	{"interval above 31d", "db-export.json",
		task(`, "schedule": {"interval": "32d"}`), "schedule.interval", `at most "31d"`},
	{"jitter on a logon trigger", "db-export.json",
		task(`, "schedule": {"logon": {}, "jitter": "1m"}`), "schedule.jitter", `"logon": {"delay": ...}`},
	// Bounds on every duration and factor: each of these made 'run' panic,
	// overflow or spin before.
	{"retry jitter of the longest duration", "db-export.json",
		task(`, "retry": {"attempts": 2, "jitter": "106751d23h47m16.854775807s"}`), "retry.jitter", `at most "1d"`},
	{"retry delay above 1d", "db-export.json",
		task(`, "retry": {"attempts": 2, "delay": "2d"}`), "retry.delay", `at most "1d"`},
	{"retry backoffFactor 1e300", "db-export.json",
		task(`, "retry": {"attempts": 2, "backoffFactor": 1e300}`), "retry.backoffFactor", "at most 10"},
	{"recheckInterval of 1ns", "db-export.json",
		task(`, "dependencies": {"policy": "wait", "waitTimeout": "1m", "recheckInterval": "1ns", "checks": []}`), "dependencies.recheckInterval", `at least "1s"`},
	{"waitTimeout above 366d", "db-export.json",
		task(`, "dependencies": {"policy": "wait", "waitTimeout": "400d", "checks": []}`), "dependencies.waitTimeout", `at most "366d"`},
	{"check timeout above 1h", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "dns", "host": "h", "timeout": "2h"}]}`), "dependencies.checks[0].timeout", `at most "1h"`},
	{"timeout above 366d", "db-export.json",
		task(`, "timeout": "999d"`), "timeout", `at most "366d"`},
	{"schedule jitter above 1d", "db-export.json",
		task(`, "schedule": {"cron": "0 2 * * *", "jitter": "2d"}`), "schedule.jitter", `at most "1d"`},
	// Keys JSON readers disagree on, or the OS cannot take.
	{"duplicate top-level key", "db-export.json",
		`{"name": "db-export", "action": {"command": "export.exe"}, "timeout": "1h", "timeout": "1m"}`, "timeout", "appears 2 times"},
	{"duplicate nested key", "db-export.json",
		task(`, "retry": {"attempts": 2, "attempts": 100}`), "retry.attempts", "appears 2 times"},
	{"duplicate key written with an escape", "db-export.json",
		`{"name": "db-export", "action": {"command": "export.exe"}, "timeout": "1h", "\u0074imeout": "1m"}`, "timeout", "appears 2 times"},
	{"duplicate key in a check", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "dns", "host": "a", "host": "b"}]}`), "dependencies.checks[0].host", "appears 2 times"},
	{"environment name with =", "db-export.json",
		`{"name": "db-export", "action": {"command": "export.exe", "environment": {"A=B": "1"}}}`, "action.environment", "contains '='"},
	{"empty environment name", "db-export.json",
		`{"name": "db-export", "action": {"command": "export.exe", "environment": {"": "1"}}}`, "action.environment", "is empty"},
	{"environment name with NUL", "db-export.json",
		`{"name": "db-export", "action": {"command": "export.exe", "environment": {"A\u0000B": "1"}}}`, "action.environment", "NUL"},
	{"environment value with NUL", "db-export.json",
		`{"name": "db-export", "action": {"command": "export.exe", "environment": {"A": "x\u0000y"}}}`, "action.environment", "NUL"},
	{"timeout below 1s", "db-export.json",
		task(`, "timeout": "500ms"`), "timeout", `at least "1s"`},
	{"retry attempts 0", "db-export.json",
		task(`, "retry": {"attempts": 0}`), "retry.attempts", "1-100"},
	{"retry attempts 101", "db-export.json",
		task(`, "retry": {"attempts": 101}`), "retry.attempts", "1-100"},
	{"backoff factor below 1", "db-export.json",
		task(`, "retry": {"attempts": 2, "backoffFactor": 0.5}`), "retry.backoffFactor", "at least 1"},
	{"maxDelay below delay", "db-export.json",
		task(`, "retry": {"attempts": 2, "delay": "10m", "maxDelay": "1m"}`), "retry.maxDelay", "at least delay"},
	{"string where a number is expected", "db-export.json",
		task(`, "retry": {"attempts": "3"}`), "retry.attempts", `"3" is a string, not an integer; fix: write a number without quotes`},
	{"number where a string is expected", "db-export.json",
		`{"name": "db-export", "action": {"command": 7}}`, "action.command", "put the value in double quotes"},
	{"bad overlap", "db-export.json",
		task(`, "overlap": "sometimes"`), "overlap", `use one of "skip", "queue", "parallel", "stop-previous"`},
	{"wait without waitTimeout", "db-export.json",
		task(`, "dependencies": {"policy": "wait", "checks": []}`), "dependencies.waitTimeout", "e.g. \"30m\""},
	{"bad check type", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "ping"}]}`), "dependencies.checks[0].type", "use one of \"task\""},
	{"check missing its field", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "dns", "host": "h"}, {"type": "dns", "host": "h"}, {"type": "tcp"}]}`),
		"dependencies.checks[2].address", `add "address", e.g. "db01:5432"`},
	{"check with another type's field", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "tcp", "address": "h:1", "url": "http://h"}]}`),
		"dependencies.checks[0].url", `set "type": "http"`},
	{"tcp address without a port", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "tcp", "address": "db01"}]}`),
		"dependencies.checks[0].address", "port number 1-65535"},
	{"http url with another scheme", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "http", "url": "ftp://h/x"}]}`),
		"dependencies.checks[0].url", "full URL"},
	{"task check naming a bad task", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "task", "task": "../x"}]}`),
		"dependencies.checks[0].task", "starts with '.'"},
	{"outputCap below 1KiB", "db-export.json",
		task(`, "outputCap": "512B"`), "outputCap", `between "1KiB" and "1GiB"`},
	{"outputCap above 1GiB", "db-export.json",
		task(`, "outputCap": "2GiB"`), "outputCap", `between "1KiB" and "1GiB"`},
	{"outputCap not a size", "db-export.json",
		task(`, "outputCap": "lots"`), "outputCap", "not a size"},
	{"runAs gmsa without $", "db-export.json",
		task(`, "runAs": {"type": "gmsa", "user": "CORP\\svc"}`), "runAs.user", `ending in $`},
	{"runAs user without user", "db-export.json",
		task(`, "runAs": {"type": "user"}`), "runAs.user", `DOMAIN\\user`},
	{"runAs bad type", "db-export.json",
		task(`, "runAs": {"type": "admin"}`), "runAs.type", `"system", "user", "gmsa"`},
	{"notify on an unknown outcome", "db-export.json",
		task(`, "notify": {"on": ["failure", "always"]}`), "notify.on[1]", `"retriesExhausted"`},
	{"notify to not an address", "db-export.json",
		task(`, "notify": {"to": ["ops@example.com", "ops team"]}`), "notify.to[1]", "is not a mail address"},
	{"notify reminder below 1m", "db-export.json",
		task(`, "notify": {"reminder": "30s"}`), "notify.reminder", `at least "1m"`},
	{"heartbeat without a url", "db-export.json",
		task(`, "heartbeat": {"method": "POST"}`), "heartbeat.url", "missing"},
	{"heartbeat url not http(s)", "db-export.json",
		task(`, "heartbeat": {"url": "ftp://hc.example/abc"}`), "heartbeat.url", "http:// or https://"},
	{"heartbeat url without a host", "db-export.json",
		task(`, "heartbeat": {"url": "https:///abc"}`), "heartbeat.url", "http:// or https://"},
	{"heartbeat method not GET or POST", "db-export.json",
		task(`, "heartbeat": {"url": "https://hc.example/abc", "method": "PUT"}`), "heartbeat.method", `"GET" or "POST"`},
	{"heartbeat suffix without a slash", "db-export.json",
		task(`, "heartbeat": {"url": "https://hc.example/abc", "failSuffix": "fail"}`), "heartbeat.failSuffix", `start it with "/"`},
	{"heartbeat timeout above 30s", "db-export.json",
		task(`, "heartbeat": {"url": "https://hc.example/abc", "timeout": "1m"}`), "heartbeat.timeout", `between "100ms" and "30s"`},
	{"top level not an object", "db-export.json",
		`[1]`, "", "use an object"},

	// Rules the schema enforces that a Go zero value used to hide, and the
	// exact forms the schema's patterns allow (the drift spec's subjects).
	{"description longer than 1024 characters", "db-export.json",
		task(`, "description": "` + strings.Repeat("é", 1025) + `"`), "description", "1025 characters, more than 1024"},
	{"overlap written empty", "db-export.json",
		task(`, "overlap": ""`), "overlap", `omit it for "skip"`},
	{"policy written empty", "db-export.json",
		task(`, "dependencies": {"policy": "", "checks": []}`), "dependencies.policy", `"skip", "fail", "wait"`},
	{"backoff factor written as 0", "db-export.json",
		task(`, "retry": {"attempts": 2, "backoffFactor": 0}`), "retry.backoffFactor", "0 is less than 1; fix: use at least 1"},
	{"logonType written empty", "db-export.json",
		task(`, "runAs": {"type": "user", "user": "CORP\\svc", "logonType": ""}`), "runAs.logonType", `use "s4u" or "password"`},
	{"runLevel written empty", "db-export.json",
		task(`, "runAs": {"type": "system", "runLevel": ""}`), "runAs.runLevel", `use "limited" or "highest"`},
	{"another type's field written empty", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "tcp", "address": "h:1", "task": ""}]}`),
		"dependencies.checks[0].task", `does not apply to a tcp check`},
	{"check without a type", "db-export.json",
		task(`, "dependencies": {"checks": [{"host": "h"}]}`), "dependencies.checks[0].type", `add "type": kind of check`},
	{"expectStatus out of range", "db-export.json",
		task(`, "dependencies": {"checks": [{"type": "http", "url": "http://h", "expectStatus": [200, 42]}]}`),
		"dependencies.checks[0].expectStatus[1]", "100-599"},
	{"duration with a sign", "db-export.json",
		task(`, "timeout": "+5s"`), "timeout", `"+5s" is not a duration`},
	{"duration with a bare fraction", "db-export.json",
		task(`, "timeout": ".5h"`), "timeout", "not a duration"},
	{"duration with spaces", "db-export.json",
		task(`, "timeout": " 5s"`), "timeout", "not a duration"},
	{"duration with a unitless part after days", "db-export.json",
		task(`, "timeout": "1d0"`), "timeout", "not a duration"},
	{"duration too long", "db-export.json",
		task(`, "timeout": "999999999d"`), "timeout", "use at most 106751d"},
	{"empty duration", "db-export.json",
		task(`, "retry": {"attempts": 2, "delay": ""}`), "retry.delay", `"" is not a duration`},
	{"duration as a number", "db-export.json",
		task(`, "timeout": 30`), "timeout", "30 is an integer, not a string; fix: put the value in double quotes"},
	{"size with two spaces", "db-export.json",
		task(`, "outputCap": "5  MiB"`), "outputCap", "not a size"},
	{"size with a leading space", "db-export.json",
		task(`, "outputCap": " 5MiB"`), "outputCap", "not a size"},
	{"negative size", "db-export.json",
		task(`, "outputCap": -5`), "outputCap", "-5 is negative"},
	{"size as a boolean", "db-export.json",
		task(`, "outputCap": true`), "outputCap", "true is a boolean, not an integer or a string; fix: use a number of bytes or a unit"},
	{"integer with a fraction", "db-export.json",
		task(`, "retry": {"attempts": 2.5}`), "retry.attempts", "2.5 is a number, not an integer; fix: write a whole number"},
	{"integer written as 3.0", "db-export.json",
		task(`, "retry": {"attempts": 3.0}`), "retry.attempts", "write it as 3, without a decimal point"},
	{"integer out of range", "db-export.json",
		task(`, "retry": {"attempts": 2, "retryableExitCodes": [1e30]}`), "retry.retryableExitCodes[0]", "1e30 is out of range"},
	{"field with the wrong case", "db-export.json",
		task(`, "Timeout": "5s"`), "Timeout", `did you mean "timeout"`},
	{"null for an object", "db-export.json",
		task(`, "retry": null`), "retry", "is null, not an object; fix: remove the field, or use an object in braces"},
	{"number in environment", "db-export.json",
		`{"name": "db-export", "action": {"command": "x", "environment": {"N": 1}}}`, "action.environment.N", "put the value in double quotes"},
	{"string for a boolean", "db-export.json",
		task(`, "enabled": "yes"`), "enabled", `"yes" is a string, not a boolean; fix: write true or false`},
	{"object for a list", "db-export.json",
		task(`, "notify": {"to": {"a": 1}}`), "notify.to", "is an object, not an array; fix: use a list"},
	{"missing name", "db-export.json",
		`{"action": {"command": "x"}}`, "name", `add "name": task name`},
}

var _ = Describe("Parse", func() {
	DescribeTable("rejecting a bad definition with the field and a fix",
		func(file, data, field, fixFragment string) {
			_, err := definition.Parse(file, []byte(data))
			es := fieldErrors(err)
			e := es.Field(field)
			Expect(e).NotTo(BeNil(), "no error for field %q in:\n%v", field, err)
			Expect(e.Problem + "; fix: " + e.Fix).To(ContainSubstring(fixFragment))
			if field != "" {
				Expect(err.Error()).To(ContainSubstring(file + ": " + field + ": "))
			}
		},
		badEntries(),
	)

	Context("when there are several problems", func() {
		It("reports each on its own line", func() {
			_, err := definition.Parse("db-export.json", []byte(task(`, "timeout": "500ms", "schedule": {"interval": "5s"}`)))
			es := fieldErrors(err)
			Expect(es).To(HaveLen(2))
			Expect(strings.Split(err.Error(), "\n")).To(HaveLen(2))
		})
	})
})

var _ = Describe("Save", func() {
	Context("when the task is invalid", func() {
		It("refuses it and leaves no file behind", func() {
			dir := testutil.TempDir()
			p := filepath.Join(dir, "db-export.json")
			err := definition.Save(p, &definition.Task{Name: "db-export"})
			Expect(fieldErrors(err).Field("action.command")).NotTo(BeNil())
			entries, err := os.ReadDir(dir)
			Expect(err).NotTo(HaveOccurred())
			Expect(entries).To(BeEmpty())
		})
	})

	Context("when a file already exists", func() {
		It("replaces it with indented JSON readable only by the owner", func() {
			p := filepath.Join(testutil.TempDir(), "db-export.json")
			Expect(os.WriteFile(p, []byte("old"), 0o644)).To(Succeed())
			Expect(definition.Save(p, &definition.Task{Name: "db-export", Action: definition.Action{Command: "x"}})).To(Succeed())
			data, err := os.ReadFile(p)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(data)).To(HavePrefix("{\n  \"name\": \"db-export\",\n"))
			if runtime.GOOS != "windows" {
				fi, err := os.Stat(p)
				Expect(err).NotTo(HaveOccurred())
				Expect(fi.Mode().Perm()).To(Equal(os.FileMode(0o600)))
			}
			entries, _ := os.ReadDir(filepath.Dir(p))
			Expect(entries).To(HaveLen(1), "the temporary file must be gone")
		})
	})
})

var _ = Describe("ValidName", func() {
	DescribeTable("accepting and refusing names",
		func(name string, ok bool) {
			err := definition.ValidName(name)
			if ok {
				Expect(err).NotTo(HaveOccurred())
			} else {
				Expect(err).To(MatchError(definition.ErrBadName))
				Expect(err.Error()).To(ContainSubstring("fix: "))
			}
		},
		Entry("plain", "db-export", true),
		Entry("dots and underscores", "app_1.nightly", true),
		Entry("64 characters", strings.Repeat("a", 64), true),
		Entry("CONSOLE is not a device", "CONSOLE", true),
		Entry("empty", "", false),
		Entry("65 characters", strings.Repeat("a", 65), false),
		Entry("slash", "a/b", false),
		Entry("backslash", `a\b`, false),
		Entry("dot-dot", "..", false),
		Entry("leading dot", ".hidden", false),
		Entry("leading dash", "-rf", false),
		Entry("trailing dot", "a.", false),
		Entry("nul lower case", "nul", false),
		Entry("LPT1 with extension", "LPT1.txt", false),
		Entry("quote", `a"b`, false),
		Entry("non-ASCII letter", "bäckup", false),
		Entry("colon (drive or stream)", "c:x", false),
	)
})

var _ = Describe("SchemaJSON", func() {
	It("is a JSON Schema whose every property has a description", func() {
		var doc map[string]any
		Expect(json.Unmarshal(definition.SchemaJSON(), &doc)).To(Succeed())
		Expect(doc["$id"]).To(Equal(definition.SchemaID))
		var walk func(at string, n map[string]any)
		walk = func(at string, n map[string]any) {
			if props, ok := n["properties"].(map[string]any); ok {
				Expect(n["additionalProperties"]).To(Equal(false), "%s must refuse unknown fields", at)
				for k, v := range props {
					p := v.(map[string]any)
					_, hasRef := p["$ref"]
					Expect(p["description"] != nil || hasRef).To(BeTrue(), "%s.%s has no description", at, k)
					walk(at+"."+k, p)
				}
			}
			if items, ok := n["items"].(map[string]any); ok {
				walk(at+"[]", items)
			}
		}
		walk("", doc)
		for k, v := range doc["$defs"].(map[string]any) {
			def := v.(map[string]any)
			Expect(def["description"]).NotTo(BeNil(), "$defs.%s has no description", k)
			walk(k, def)
		}
	})

	It("returns a copy the caller may modify", func() {
		s := definition.SchemaJSON()
		s[0] = 'X'
		Expect(definition.SchemaJSON()[0]).To(Equal(byte('{')))
	})
})
