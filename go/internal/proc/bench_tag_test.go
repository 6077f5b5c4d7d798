//go:build linux

package proc_test

import (
	"testing"

	"github.com/orchestrator/orchestrator/go/internal/proc"
)

// BenchmarkKillTagged is the cost every attempt pays on Linux to look for
// processes that left the command's process group (one /proc scan).
func BenchmarkKillTagged(b *testing.B) {
	for b.Loop() {
		if _, err := proc.KillTagged("ORC_RUN_ID=bench-no-such-run"); err != nil {
			b.Fatal(err)
		}
	}
}
