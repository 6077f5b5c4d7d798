package definition

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
)

// SchemaID is the $id of the published task schema.
const SchemaID = "https://orchestrator.dev/schema/task.v1.json"

// schemaJSON is the published schema. orc-exec does not validate against it
// at run time (a JSON Schema library costs more start-up time than a trigger
// may spend); Parse enforces the same rules in Go, the schema's descriptions
// supply the wording of fixes, and the drift spec in schema_test.go checks
// that both give the same verdict on every fixture.
//
//go:embed task.schema.json
var schemaJSON []byte

// SchemaJSON returns the task JSON Schema (draft 2020-12) as published, for
// `orc-exec schema` and editors. The caller may modify the returned copy.
func SchemaJSON() []byte { return bytes.Clone(schemaJSON) }

// schemaDoc is the schema as a generic document, decoded on the first error
// that needs a field's description; a valid definition never pays for it.
var schemaDoc = sync.OnceValue(func() map[string]any {
	var doc map[string]any
	_ = json.Unmarshal(schemaJSON, &doc) // a broken schema only costs descriptions; specs catch it
	return doc
})

// seg is one step of a JSON path: an object member or an array index.
type seg struct {
	key   string // member name, when !isIdx
	index int    // array index, when isIdx
	isIdx bool
}

// pathOf renders segments as a dotted path: "dependencies.checks[2].address".
func pathOf(segs []seg) string {
	at := ""
	for _, s := range segs {
		if s.isIdx {
			at = index(at, s.index)
		} else {
			at = join(at, s.key)
		}
	}
	return at
}

// describeAt returns the schema's description of the value at segs, lower
// cased for use inside a sentence, or a pointer to `orc-exec schema`.
func describeAt(segs []seg) string {
	var n map[string]any = schemaDoc()
	for _, s := range segs {
		n = resolve(n)
		if n == nil {
			break
		}
		switch {
		case s.isIdx:
			n, _ = n["items"].(map[string]any)
		default:
			props, _ := n["properties"].(map[string]any)
			if p, ok := props[s.key].(map[string]any); ok {
				n = p
			} else {
				n, _ = n["additionalProperties"].(map[string]any)
			}
		}
	}
	return describe(n)
}

// resolve follows a node's local $ref ("#/$defs/x"), if any.
func resolve(n map[string]any) map[string]any {
	for range 4 { // bounded: $refs in our schema are one deep
		ref, _ := n["$ref"].(string)
		if ref == "" {
			return n
		}
		n = defNode(ref)
	}
	return n
}

func defNode(ref string) map[string]any {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return nil
	}
	defs, _ := schemaDoc()["$defs"].(map[string]any)
	n, _ := defs[name].(map[string]any)
	return n
}

// describe returns a node's description, following a $ref when the node has
// none of its own, so every fix can say what the field means.
func describe(n map[string]any) string {
	for range 4 {
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
		n = defNode(ref)
	}
	return "see `orc-exec schema` for what this field takes"
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

// display renders a JSON value for a message, short enough for one line.
func display(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		if len(x) > 60 {
			x = x[:57] + "..."
		}
		return strconv.Quote(x)
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return "a value"
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
