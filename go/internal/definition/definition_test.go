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

			out := filepath.Join(GinkgoT().TempDir(), "db-export.json")
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
			_, err := definition.Load(filepath.Join(GinkgoT().TempDir(), "nope.json"))
			Expect(err).To(MatchError(os.ErrNotExist))
		})
	})

	Context("when the file is larger than the limit", func() {
		It("refuses it and names the limit", func() {
			p := filepath.Join(GinkgoT().TempDir(), "db-export.json")
			big := task(`, "description": "` + strings.Repeat("x", definition.MaxFileSize) + `"`)
			Expect(os.WriteFile(p, []byte(big), 0o600)).To(Succeed())
			_, err := definition.Load(p)
			es := fieldErrors(err)
			Expect(es[0].Problem).To(ContainSubstring("256 KiB"))
			Expect(err.Error()).To(HavePrefix(p + ": file is larger"))
		})
	})
})

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
		Entry("malformed JSON (missing comma) at its line and column", "db-export.json",
			"{\n  \"name\": \"db-export\"\n  \"action\": {}\n}", "line 3, column 3", "missing comma"),
		Entry("malformed JSON (truncated)", "db-export.json",
			`{"name": "db-export", "action": {`, "line 1, column 34", "close every open brace"),
		Entry("trailing content", "db-export.json",
			task("")+` {}`, "line 1, column 60", "one JSON object"),
		Entry("unknown top-level field, with a suggestion", "db-export.json",
			task(`, "retyr": {"attempts": 2}`), "retyr", `did you mean "retry"`),
		Entry("unknown nested field, listing the known ones", "db-export.json",
			task(`, "retry": {"attempts": 2, "zzz": 1}`), "retry.zzz", "known fields: attempts, backoffFactor"),
		Entry("unknown field in a check", "db-export.json",
			task(`, "dependencies": {"checks": [{"type": "dns", "host": "h"}, {"type": "tcp", "adress": "h:1"}]}`),
			"dependencies.checks[1].adress", `did you mean "address"`),
		Entry("bad duration", "db-export.json",
			task(`, "retry": {"attempts": 2, "delay": "5 minutes"}`), "retry.delay", `"5 minutes" is not a duration; fix: use a number with a unit, e.g. "90s", "5m", "1h30m"`),
		Entry("negative duration", "db-export.json",
			task(`, "timeout": "-5s"`), "timeout", "not a duration"),
		Entry("missing action", "db-export.json",
			`{"name": "db-export"}`, "action", `add "action"`),
		Entry("missing command", "db-export.json",
			`{"name": "db-export", "action": {"arguments": ["a"]}}`, "action.command", `add "command": program to run`),
		Entry("empty command", "db-export.json",
			`{"name": "db-export", "action": {"command": ""}}`, "action.command", "program to run"),
		Entry("name with a path separator", "a.json",
			`{"name": "../a", "action": {"command": "x"}}`, "name", "starts with '.'"),
		Entry("name with a backslash", "a.json",
			`{"name": "a\\b", "action": {"command": "x"}}`, "name", "path separator"),
		Entry("name with ..", "a..b.json",
			`{"name": "a..b", "action": {"command": "x"}}`, "name", `contains ".."`),
		Entry("name CON", "CON.json",
			`{"name": "CON", "action": {"command": "x"}}`, "name", "reserved Windows device name"),
		Entry("name com1.backup", "com1.backup.json",
			`{"name": "com1.backup", "action": {"command": "x"}}`, "name", "reserved Windows device name"),
		Entry("name with a space", "db export.json",
			`{"name": "db export", "action": {"command": "x"}}`, "name", "contains a space"),
		Entry("name with a leading dash", "-x.json",
			`{"name": "-x", "action": {"command": "x"}}`, "name", "start it with a letter or digit"),
		Entry("name too long", strings.Repeat("a", 65)+".json",
			`{"name": "`+strings.Repeat("a", 65)+`", "action": {"command": "x"}}`, "name", "more than 64"),
		Entry("name not matching the file", "tasks/db-import.json",
			task(""), "name", `rename the file to "db-export.json" or set "name": "db-import"`),
		Entry("file without .json", "db-export",
			task(""), "name", `rename the file to "db-export.json"`),
		Entry("bad timezone", "db-export.json",
			task(`, "schedule": {"cron": "0 2 * * *", "timezone": "Mars/Olympus"}`), "schedule.timezone", "IANA zone name"),
		Entry("two schedule kinds", "db-export.json",
			task(`, "schedule": {"cron": "0 2 * * *", "interval": "10m"}`), "schedule", "keep one of cron"),
		Entry("cron with six fields", "db-export.json",
			task(`, "schedule": {"cron": "0 0 2 * * *"}`), "schedule.cron", "has 6 fields, not 5"),
		Entry("cron with a bad character", "db-export.json",
			task(`, "schedule": {"cron": "0 2 * * $"}`), "schedule.cron", "day-of-week"),
		Entry("once not RFC 3339", "db-export.json",
			task(`, "schedule": {"once": "2025-07-01 02:00"}`), "schedule.once", "RFC 3339"),
		Entry("interval below 1m", "db-export.json",
			task(`, "schedule": {"interval": "30s"}`), "schedule.interval", `at least "1m"`),
		Entry("timeout below 1s", "db-export.json",
			task(`, "timeout": "500ms"`), "timeout", `at least "1s"`),
		Entry("retry attempts 0", "db-export.json",
			task(`, "retry": {"attempts": 0}`), "retry.attempts", "1-100"),
		Entry("retry attempts 101", "db-export.json",
			task(`, "retry": {"attempts": 101}`), "retry.attempts", "1-100"),
		Entry("backoff factor below 1", "db-export.json",
			task(`, "retry": {"attempts": 2, "backoffFactor": 0.5}`), "retry.backoffFactor", "at least 1"),
		Entry("maxDelay below delay", "db-export.json",
			task(`, "retry": {"attempts": 2, "delay": "10m", "maxDelay": "1m"}`), "retry.maxDelay", "at least delay"),
		Entry("string where a number is expected", "db-export.json",
			task(`, "retry": {"attempts": "3"}`), "retry.attempts", `"3" is a string, not an integer; fix: write a number without quotes`),
		Entry("number where a string is expected", "db-export.json",
			`{"name": "db-export", "action": {"command": 7}}`, "action.command", "put the value in double quotes"),
		Entry("bad overlap", "db-export.json",
			task(`, "overlap": "sometimes"`), "overlap", `use one of "skip", "queue", "parallel", "stop-previous"`),
		Entry("wait without waitTimeout", "db-export.json",
			task(`, "dependencies": {"policy": "wait", "checks": []}`), "dependencies.waitTimeout", "e.g. \"30m\""),
		Entry("bad check type", "db-export.json",
			task(`, "dependencies": {"checks": [{"type": "ping"}]}`), "dependencies.checks[0].type", "use one of \"task\""),
		Entry("check missing its field", "db-export.json",
			task(`, "dependencies": {"checks": [{"type": "dns", "host": "h"}, {"type": "dns", "host": "h"}, {"type": "tcp"}]}`),
			"dependencies.checks[2].address", `add "address", e.g. "db01:5432"`),
		Entry("check with another type's field", "db-export.json",
			task(`, "dependencies": {"checks": [{"type": "tcp", "address": "h:1", "url": "http://h"}]}`),
			"dependencies.checks[0].url", `set "type": "http"`),
		Entry("tcp address without a port", "db-export.json",
			task(`, "dependencies": {"checks": [{"type": "tcp", "address": "db01"}]}`),
			"dependencies.checks[0].address", "port number 1-65535"),
		Entry("http url with another scheme", "db-export.json",
			task(`, "dependencies": {"checks": [{"type": "http", "url": "ftp://h/x"}]}`),
			"dependencies.checks[0].url", "full URL"),
		Entry("task check naming a bad task", "db-export.json",
			task(`, "dependencies": {"checks": [{"type": "task", "task": "../x"}]}`),
			"dependencies.checks[0].task", "starts with '.'"),
		Entry("outputCap below 1KiB", "db-export.json",
			task(`, "outputCap": "512B"`), "outputCap", `between "1KiB" and "1GiB"`),
		Entry("outputCap above 1GiB", "db-export.json",
			task(`, "outputCap": "2GiB"`), "outputCap", `between "1KiB" and "1GiB"`),
		Entry("outputCap not a size", "db-export.json",
			task(`, "outputCap": "lots"`), "outputCap", "not a size"),
		Entry("runAs gmsa without $", "db-export.json",
			task(`, "runAs": {"type": "gmsa", "user": "CORP\\svc"}`), "runAs.user", `ending in $`),
		Entry("runAs user without user", "db-export.json",
			task(`, "runAs": {"type": "user"}`), "runAs.user", `DOMAIN\\user`),
		Entry("runAs bad type", "db-export.json",
			task(`, "runAs": {"type": "admin"}`), "runAs.type", `"system", "user", "gmsa"`),
		Entry("notify on an unknown outcome", "db-export.json",
			task(`, "notify": {"on": ["failure", "always"]}`), "notify.on[1]", `"retriesExhausted"`),
		Entry("top level not an object", "db-export.json",
			`[1]`, "", "use an object"),
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
			dir := GinkgoT().TempDir()
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
			p := filepath.Join(GinkgoT().TempDir(), "db-export.json")
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
