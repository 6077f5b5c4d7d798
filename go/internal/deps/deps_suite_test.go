package deps_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// helperArg as the first argument makes the test binary a helper process
// instead of running specs (see helperMain). Specs use it where Unix has
// sleep, true and sh, which Windows lacks, so the process and command
// checks run against real processes in the Windows lane too.
const helperArg = "-orc-deps-helper"

func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == helperArg {
		os.Exit(helperMain(os.Args[2:]))
	}
	os.Exit(m.Run())
}

// helperMain runs "sleep SECONDS" or "exit CODE".
func helperMain(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sleep SECONDS | exit CODE")
		return 2
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	switch args[0] {
	case "sleep":
		time.Sleep(time.Duration(n) * time.Second)
		return 0
	case "exit":
		return n
	}
	fmt.Fprintln(os.Stderr, "unknown helper", args[0])
	return 2
}

func TestDeps(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Deps Suite")
}
