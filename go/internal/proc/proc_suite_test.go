package proc_test

import (
	"os"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// TestMain lets the test binary double as the child, grandchild and "orc-exec"
// processes the specs need, so no other executable (or shell, on Windows) is
// assumed to exist.
func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helperMain(mode))
	}
	os.Exit(m.Run())
}

func TestProc(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Proc Suite")
}
