package definition_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// FuzzParse: Parse never panics, and a definition it accepts survives a
// round trip (marshal, Parse again) unchanged, so what 'define' saves is
// what every command later loads. Seeds: the fixtures and the bad table.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, b := range badDefinitions {
		f.Add([]byte(b.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		task, err := definition.Parse("db-export.json", data)
		if err != nil {
			return
		}
		out, err := json.Marshal(task)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		again, err := definition.Parse("db-export.json", out)
		if err != nil {
			t.Fatalf("a parsed definition does not parse again: %v\n%s", err, out)
		}
		back, _ := json.Marshal(again)
		if string(back) != string(out) {
			t.Fatalf("round trip changed the definition:\n%s\n%s", out, back)
		}
	})
}
