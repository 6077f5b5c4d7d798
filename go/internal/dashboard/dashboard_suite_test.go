package dashboard_test

import (
	"context"
	"os"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cli"
)

// The specs run a real orc-exec: this test binary, started again with
// ORC_SPEC_AS_ORC_EXEC=1, is one (the Windows lane has no Go toolchain to
// build a helper).
func TestMain(m *testing.M) {
	if f := os.Getenv("ORC_SPEC_WAIT_FOR"); f != "" {
		// A task's command that ends when the spec says so: it waits for
		// the file to appear (a barrier, not a guessed duration).
		for {
			if _, err := os.Stat(f); err == nil {
				os.Exit(0)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if os.Getenv("ORC_SPEC_AS_ORC_EXEC") == "1" {
		os.Exit(cli.Main(context.Background(), os.Args[1:], cli.Build{Version: "spec"}, cli.IO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	os.Exit(m.Run())
}

func TestDashboard(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "dashboard")
}
