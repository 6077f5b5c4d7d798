package store_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

// BenchmarkReadTrusted is what every trigger pays to read its definition
// through the check-and-read-one-handle walk; BenchmarkReadFile is the
// unchecked read it replaced, for comparison.
func BenchmarkReadTrusted(b *testing.B) {
	s, file := benchStore(b)
	for b.Loop() {
		if _, err := store.ReadTrusted(s.Home, file, 1<<20); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadFile(b *testing.B) {
	_, file := benchStore(b)
	for b.Loop() {
		if _, err := os.ReadFile(file); err != nil {
			b.Fatal(err)
		}
	}
}

func benchStore(b *testing.B) (*store.Store, string) {
	s, err := store.Open(filepath.Join(b.TempDir(), "orc"))
	if err != nil {
		b.Fatal(err)
	}
	file, _ := s.TaskFile("db-export")
	if err := os.WriteFile(file, make([]byte, 2048), 0o600); err != nil {
		b.Fatal(err)
	}
	return s, file
}
