package history_test

import (
	"os"
	"os/exec"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestHistory(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "History Suite")
}

// appenderCmd runs this test binary as the appender (appenderMain), so
// specs can race real processes on one file. Re-running the binary, rather
// than building a helper with `go build`, keeps the suite runnable where no
// Go toolchain exists, such as the Windows lane under Wine.
func appenderCmd(args ...string) *exec.Cmd {
	self, err := os.Executable()
	Expect(err).NotTo(HaveOccurred())
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), appenderEnv+"=1")
	return cmd
}
