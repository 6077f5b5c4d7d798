package definition_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// The published schema is checked with a JSON Schema library here, in test
// code only: orc-exec must not link one (its package init alone costs ~5 ms
// at every trigger). Parse enforces the same rules in Go, and the specs in
// this file hold the two to the same verdict.

// compiledSchema is task.schema.json compiled as editors see it (formats
// are annotations, as draft 2020-12 specifies by default).
var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(definition.SchemaJSON()))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(definition.SchemaID, raw); err != nil {
		return nil, err
	}
	return c.Compile(definition.SchemaID)
})

// schemaVerdict validates data against the published schema; a file that
// is not one JSON value is invalid to the schema too.
func schemaVerdict(data []byte) error {
	GinkgoHelper()
	sch, err := compiledSchema()
	Expect(err).NotTo(HaveOccurred())
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return sch.Validate(doc)
}

// goOnly lists, by description in badDefinitions, the definitions Parse
// refuses for a rule the JSON Schema cannot express (or does not assert),
// with that rule. Every other bad definition must be refused by both.
var goOnly = map[string]string{
	"heartbeat timeout above 30s": "heartbeat.timeout is a duration string; its range is checked in Go",
	// The name and the file.
	"name not matching the file": "the name equals the file name",
	"file without .json":         "the name equals the file name",
	// Names safe as Windows file names (the pattern has no lookahead in RE2).
	"name with ..":     `task names contain no ".."`,
	"name CON":         "task names are not Windows device names",
	"name com1.backup": "task names are not Windows device names",
	// Values the schema only types as strings.
	"bad timezone":                  "schedule.timezone is a zone time.LoadLocation knows",
	"cron with six fields":          "schedule.cron has five fields",
	"cron with a bad character":     "schedule.cron uses cron characters only",
	"once not RFC 3339":             "schedule.once is RFC 3339 (format is an annotation in draft 2020-12)",
	"cron matching no day":          "schedule.cron means a time that exists (cronplan.Parse)",
	"cron with hashed values":       "schedule.cron has no H (cronplan.Parse)",
	"interval not in whole minutes": "schedule.interval is whole minutes",
	"interval above 31d":            "schedule.interval is at most 31d",
	"jitter on a logon trigger":     "schedule.jitter is not for startup or logon",
	// Limits on duration strings (a pattern cannot compare them).
	"retry jitter of the longest duration": "retry.jitter is at most 1d",
	"retry delay above 1d":                 "retry.delay is at most 1d",
	"recheckInterval of 1ns":               "dependencies.recheckInterval is 1s to 1d",
	"waitTimeout above 366d":               "a duration is at most 366d",
	"check timeout above 1h":               "a check's timeout is at most 1h",
	"timeout above 366d":                   "a duration is at most 366d",
	"schedule jitter above 1d":             "schedule.jitter is at most 1d",
	// JSON Schema sees the document after a reader has merged duplicates.
	"duplicate top-level key":              "a member appears once per object",
	"duplicate nested key":                 "a member appears once per object",
	"duplicate key in a check":             "a member appears once per object",
	"duplicate key written with an escape": "a member appears once per object",
	"tcp address without a port":           "a tcp address is host:port",
	"http url with another scheme":         "an http url is http(s)://host/...",
	// Ranges over duration and size strings.
	"interval below 1m":        "schedule.interval is at least 1m",
	"notify reminder below 1m": "notify.reminder is at least 1m",
	"notify to not an address": "notify.to holds mail addresses (format is an annotation in draft 2020-12)",
	"timeout below 1s":         "timeout is at least 1s",
	"outputCap below 1KiB":     "outputCap is 1KiB to 1GiB",
	"outputCap above 1GiB":     "outputCap is 1KiB to 1GiB",
	"duration too long":        "a duration fits Go's time.Duration (about 292 years)",
	"integer written as 3.0":   "integers are written as encoding/json decodes them (no fraction or exponent)",
	"integer out of range":     "integers fit Go's int",
	// Cross-field rules.
	"two schedule kinds":              "a schedule sets one trigger",
	"maxDelay below delay":            "retry.maxDelay is at least retry.delay",
	"wait without waitTimeout":        "policy wait needs waitTimeout",
	"check missing its field":         "a check sets its type's target field",
	"check with another type's field": "a check sets only its type's fields",
	"runAs gmsa without $":            "a gMSA user ends in $",
	"runAs user without user":         "runAs type user needs user",
}

var _ = Describe("the JSON Schema", func() {
	It("compiles as draft 2020-12 under its published $id", func() {
		sch, err := compiledSchema()
		Expect(err).NotTo(HaveOccurred())
		Expect(sch.Location).To(Equal(definition.SchemaID + "#"))
		Expect(sch.DraftVersion).To(Equal(2020))
	})

	It("has, at every level, exactly the fields, required fields and JSON types of the Go types", func() {
		var doc map[string]any
		Expect(json.Unmarshal(definition.SchemaJSON(), &doc)).To(Succeed())
		defs := doc["$defs"].(map[string]any)
		resolve := func(n map[string]any) (map[string]any, string) {
			ref, _ := n["$ref"].(string)
			if ref == "" {
				return n, ""
			}
			name := strings.TrimPrefix(ref, "#/$defs/")
			Expect(defs).To(HaveKey(name), "dangling $ref %s", ref)
			return defs[name].(map[string]any), name
		}
		var walk func(at string, t reflect.Type, n map[string]any)
		walk = func(at string, t reflect.Type, n map[string]any) {
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			n, def := resolve(n)
			switch t {
			case reflect.TypeFor[definition.Duration]():
				Expect(def).To(Equal("duration"), "%s is a Duration", at)
				return
			case reflect.TypeFor[definition.Size]():
				Expect(def).To(Equal("size"), "%s is a Size", at)
				return
			}
			want := map[reflect.Kind]string{
				reflect.Struct: "object", reflect.Map: "object", reflect.Slice: "array",
				reflect.String: "string", reflect.Bool: "boolean", reflect.Int: "integer", reflect.Float64: "number",
			}[t.Kind()]
			Expect(want).NotTo(BeEmpty(), "%s has Go type %s with no JSON Schema type", at, t)
			Expect(n["type"]).To(Equal(want), "%s: Go type %s", at, t)
			switch t.Kind() {
			case reflect.Struct:
				Expect(n["additionalProperties"]).To(Equal(false), "%s must refuse unknown fields", at)
				props, _ := n["properties"].(map[string]any)
				var fields, required []string
				for i := range t.NumField() {
					name, opts, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
					fields = append(fields, name)
					if !strings.Contains(opts, "omitempty") {
						required = append(required, name)
					}
					Expect(props).To(HaveKey(name), "%s.%s is in the Go type but not the schema", at, name)
					walk(at+"."+name, t.Field(i).Type, props[name].(map[string]any))
				}
				for name := range props {
					Expect(fields).To(ContainElement(name), "%s.%s is in the schema but not the Go type", at, name)
				}
				var schemaRequired []string
				req, _ := n["required"].([]any)
				for _, r := range req {
					schemaRequired = append(schemaRequired, r.(string))
				}
				sort.Strings(required)
				sort.Strings(schemaRequired)
				Expect(schemaRequired).To(Equal(required), "%s: required fields (Go: the json tags without omitempty)", at)
			case reflect.Map:
				walk(at+".*", t.Elem(), n["additionalProperties"].(map[string]any))
			case reflect.Slice:
				walk(at+"[]", t.Elem(), n["items"].(map[string]any))
			}
		}
		walk("", reflect.TypeFor[definition.Task](), doc)
	})
})

var _ = Describe("the Go validator and the JSON Schema (drift)", func() {
	Context("on every bad definition of the Parse table", func() {
		for _, b := range badDefinitions {
			reason, isGoOnly := goOnly[b.desc]
			It(b.desc, func() {
				_, goErr := definition.Parse(b.file, []byte(b.data))
				Expect(goErr).To(HaveOccurred())
				schemaErr := schemaVerdict([]byte(b.data))
				if isGoOnly {
					Expect(schemaErr).NotTo(HaveOccurred(),
						"the schema refuses this too; remove %q (%s) from goOnly", b.desc, reason)
				} else {
					Expect(schemaErr).To(HaveOccurred(),
						"Parse refuses this but the schema accepts it; tighten the schema or list the rule in goOnly. Parse said:\n%v", goErr)
				}
			})
		}
		It("lists in goOnly only definitions of the table", func() {
			descs := make([]string, len(badDefinitions))
			for i, b := range badDefinitions {
				descs[i] = b.desc
			}
			for d := range goOnly {
				Expect(descs).To(ContainElement(d), "goOnly names no definition %q", d)
			}
		})
	})

	Context("on every valid definition", func() {
		files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
		if err != nil || len(files) < 4 {
			panic(fmt.Sprintf("want the valid fixtures in testdata: %v %v", files, err))
		}
		for _, f := range files {
			It("accepts "+f+" in both", func() {
				data, err := os.ReadFile(f)
				Expect(err).NotTo(HaveOccurred())
				_, err = definition.Parse(f, data)
				Expect(err).NotTo(HaveOccurred())
				Expect(schemaVerdict(data)).To(Succeed())
			})
		}
		for _, extra := range validDefinitions {
			It("accepts "+extra+" in both", func() {
				data := []byte(task(extra))
				_, err := definition.Parse("db-export.json", data)
				Expect(err).NotTo(HaveOccurred())
				Expect(schemaVerdict(data)).To(Succeed())
			})
		}
	})
})

// validDefinitions are members spliced into the minimal definition (see
// task) at the edges of what both validators accept.
var validDefinitions = []string{
	`, "heartbeat": {"url": "https://hc-ping.com/0f6ae5a4-1d6e-4e4b-9b1c-3f1b2a8f9c01"}`,
	`, "heartbeat": {"url": "http://127.0.0.1:8000/ping/x", "method": "POST", "startSuffix": "/begin", "successSuffix": "/ok", "failSuffix": "/bad", "timeout": "2s"}`,
	`, "timeout": "0"`,
	`, "timeout": "1s"`,
	`, "timeout": "1d"`,
	`, "timeout": "0d1s"`,
	`, "timeout": "1.5h"`,
	`, "timeout": "1h2m3s4ms5us6ns"`,
	`, "retry": {"attempts": 100, "jitter": "1µs", "backoffFactor": 1}`,
	`, "outputCap": 1024`,
	`, "outputCap": "1KiB"`,
	`, "outputCap": "1 GiB"`,
	`, "outputCap": "2048 "`,
	`, "outputCap": "1000000B"`,
	`, "description": ""`,
	`, "schedule": {}`,
	`, "schedule": {"cron": "", "once": ""}`,
	`, "schedule": {"cron": "*/5 * * JAN MON-FRI", "timezone": "UTC"}`,
	`, "dependencies": {"checks": [{"type": "http", "url": "https://h", "expectStatus": [100, 599]}]}`,
	`, "dependencies": {"checks": [{"type": "task", "task": "x", "within": "0"}]}`,
	`, "runAs": {"type": "gmsa", "user": "CORP\\svc$", "runLevel": "highest"}`,
	`, "notify": {"on": [], "reminder": "4h", "attachOutput": true}`,
	`, "notify": {"on": ["failure", "recovery"], "to": ["Ops <ops@example.com>", "dba@example.com"], "webhook": true, "reminder": "1m"}`,
}
