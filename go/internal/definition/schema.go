package definition

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// SchemaID is the $id of the published task schema.
const SchemaID = "https://orchestrator.dev/schema/task.v1.json"

//go:embed task.schema.json
var schemaJSON []byte

// SchemaJSON returns the task JSON Schema (draft 2020-12) as published, for
// `orc-exec schema` and editors. The caller may modify the returned copy.
func SchemaJSON() []byte { return bytes.Clone(schemaJSON) }

// compiled is the schema, compiled on first use: compiling costs more than
// validating, and commands that never read a definition should not pay it.
var compiled = sync.OnceValues(func() (*compiledSchema, error) {
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("embedded task schema is not JSON: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaID, raw); err != nil {
		return nil, fmt.Errorf("embedded task schema: %w", err)
	}
	sch, err := c.Compile(SchemaID)
	if err != nil {
		return nil, fmt.Errorf("embedded task schema does not compile: %w", err)
	}
	return &compiledSchema{schema: sch, raw: raw.(map[string]any)}, nil
})

type compiledSchema struct {
	schema *jsonschema.Schema
	raw    map[string]any // the schema document, to look up descriptions and known fields
}

// validateSchema checks doc (as decoded with json.Number) against the schema
// and translates every failure into a FieldError.
func validateSchema(c *errs, doc any) error {
	cs, err := compiled()
	if err != nil {
		return err // a bug in the build, not in the user's file
	}
	err = cs.schema.Validate(doc)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("validating against the task schema: %w", err)
	}
	cs.translate(c, doc, ve)
	if len(c.list) == 0 {
		// Every failure has at least one leaf; guard so an invalid document
		// is never accepted because the translation missed a case.
		c.add("", ve.Error(), "correct the definition; `orc-exec schema` prints the schema")
	}
	return nil
}

var printer = message.NewPrinter(language.English)

func (cs *compiledSchema) translate(c *errs, doc any, ve *jsonschema.ValidationError) {
	if len(ve.Causes) > 0 {
		for _, cause := range ve.Causes {
			cs.translate(c, doc, cause)
		}
		return
	}
	loc := path(ve.InstanceLocation)
	val := lookup(doc, ve.InstanceLocation)
	node := cs.node(ve.SchemaURL)
	desc := cs.describe(node)
	switch k := ve.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		known := cs.knownFields(node)
		for _, p := range k.Properties {
			fix := "remove it or check the spelling (known fields: " + strings.Join(known, ", ") + ")"
			if m := closest(p, known); m != "" {
				fix = fmt.Sprintf("did you mean %q? otherwise remove it (known fields: %s)", m, strings.Join(known, ", "))
			}
			c.add(join(loc, p), fmt.Sprintf("%q is not a known field", p), fix)
		}
	case *kind.Required:
		props, _ := node["properties"].(map[string]any)
		for _, m := range k.Missing {
			pd, _ := props[m].(map[string]any)
			c.add(join(loc, m), "is required but missing", fmt.Sprintf("add %q: %s", m, cs.describe(pd)))
		}
	case *kind.Type:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = article(w)
		}
		subject := display(val) + " is "
		if _, composite := val.(map[string]any); composite || strings.HasPrefix(subject, "a list") {
			subject = "is " // "a list is an array" says nothing
		}
		c.add(loc, subject+article(k.Got)+", not "+strings.Join(want, " or "), typeFix(k.Want, desc))
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = display(w)
		}
		c.add(loc, fmt.Sprintf("%s is not an allowed value", display(val)), "use one of "+strings.Join(want, ", "))
	case *kind.Pattern:
		s, _ := val.(string)
		switch {
		case strings.HasSuffix(ve.SchemaURL, "/$defs/duration"):
			c.add(loc, fmt.Sprintf("%q is not a duration", s), `use a number with a unit, e.g. "90s", "5m", "1h30m" or "2d"`)
		case strings.HasSuffix(ve.SchemaURL, "/$defs/size"):
			c.add(loc, fmt.Sprintf("%q is not a size", s), `use a number of bytes or a unit, e.g. "512KiB", "10MB" or "1MiB"`)
		case strings.HasSuffix(ve.SchemaURL, "/$defs/name"):
			problem, fix := nameProblem(s)
			if problem == "" { // the pattern and ValidName disagree: still refuse
				problem, fix = fmt.Sprintf("%q is not a valid name", s), nameFix
			}
			c.add(loc, problem, fix)
		default:
			c.add(loc, fmt.Sprintf("%q does not have the expected form", s), desc)
		}
	case *kind.Minimum, *kind.Maximum, *kind.ExclusiveMinimum, *kind.ExclusiveMaximum:
		c.add(loc, fmt.Sprintf("%s is out of range (%s)", display(val), ve.ErrorKind.LocalizedString(printer)), desc)
	case *kind.MinLength:
		c.add(loc, "is empty", desc)
	default:
		c.add(loc, ve.ErrorKind.LocalizedString(printer), desc)
	}
}

// node returns the schema object a ValidationError's SchemaURL points at.
func (cs *compiledSchema) node(url string) map[string]any {
	_, frag, _ := strings.Cut(url, "#")
	var cur any = cs.raw
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch v := cur.(type) {
		case map[string]any:
			cur = v[tok]
		case []any:
			var i int
			if _, err := fmt.Sscan(tok, &i); err != nil || i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	m, _ := cur.(map[string]any)
	return m
}

// describe returns a property's description, following a $ref when the
// property has none of its own, so every fix can say what the field means.
func (cs *compiledSchema) describe(n map[string]any) string {
	for range 4 { // bounded: $refs in our schema are at most one deep
		if n == nil {
			break
		}
		if d, ok := n["description"].(string); ok {
			return lowerFirst(d)
		}
		ref, _ := n["$ref"].(string)
		if ref == "" {
			break
		}
		n = cs.node(ref)
	}
	return "see `orc-exec schema` for what this field takes"
}

func (cs *compiledSchema) knownFields(n map[string]any) []string {
	props, _ := n["properties"].(map[string]any)
	return sortedKeys(props)
}

func typeFix(want []string, desc string) string {
	switch want[0] {
	case "integer", "number":
		return "write a number without quotes; " + desc
	case "string":
		return "put the value in double quotes; " + desc
	case "boolean":
		return "write true or false without quotes"
	case "array":
		return "use a list in square brackets, e.g. [\"a\", \"b\"]; " + desc
	case "object":
		return "use an object in braces { ... }; " + desc
	}
	return desc
}

// lookup returns the value at an instance location in the decoded document.
func lookup(doc any, tokens []string) any {
	cur := doc
	for _, t := range tokens {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[t]
		case []any:
			var i int
			if _, err := fmt.Sscan(t, &i); err != nil || i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	return cur
}

// display renders a JSON value for a message, short enough for one line.
func display(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		if len(x) > 60 {
			x = x[:57] + "..."
		}
		return fmt.Sprintf("%q", x)
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func article(jsonType string) string {
	switch jsonType {
	case "object", "array", "integer":
		return "an " + jsonType
	}
	return "a " + jsonType
}

func lowerFirst(s string) string {
	// Keep acronyms such as "IANA" intact.
	if len(s) < 2 || s[1] < 'a' || s[1] > 'z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
