package proc_test

import (
	"context"
	"os"
	"testing"

	"github.com/orchestrator/orchestrator/go/internal/proc"
)

// BenchmarkRun measures Run's cost around a child that exits at once (the
// test binary itself, so the figure includes one Go process start).
func BenchmarkRun(b *testing.B) {
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	env := append(os.Environ(), helperEnv+"=exit")
	for b.Loop() {
		if o := proc.Run(context.Background(), proc.Spec{Command: self, Env: env}); o.Err != nil || o.ExitCode != 0 {
			b.Fatalf("run: %+v", o)
		}
	}
}
