package deps_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/deps"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// checkOne runs a single check through CheckAll, the way callers do.
func checkOne(c definition.Check, env deps.Env) result.Dependency {
	GinkgoHelper()
	rs := deps.CheckAll(context.Background(), []definition.Check{c}, env)
	Expect(rs).To(HaveLen(1))
	return rs[0]
}

// uniqueName is a process/file name no other spec (or program) uses.
func uniqueName(prefix string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// startNamed starts a 30-second sleeper under the given image name and
// stops it at cleanup.
func startNamed(name string) *exec.Cmd {
	GinkgoHelper()
	path, args := sleeperAs(name, 30)
	cmd := exec.Command(path, args...)
	Expect(cmd.Start()).To(Succeed())
	DeferCleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return cmd
}

// sleeperAs returns a program named name, and its arguments, that sleeps
// for seconds. On Unix it is a symlink to sleep, so comm, argv[0] and the
// name all say it; Windows has no sleep.exe, so there it is a copy of this
// test binary (name.exe) run as its sleep helper.
func sleeperAs(name string, seconds int) (string, []string) {
	GinkgoHelper()
	if runtime.GOOS == "windows" {
		self, err := os.Executable()
		Expect(err).NotTo(HaveOccurred())
		data, err := os.ReadFile(self)
		Expect(err).NotTo(HaveOccurred())
		exe := filepath.Join(testutil.TempDir(), name+".exe")
		Expect(os.WriteFile(exe, data, 0o700)).To(Succeed())
		return exe, []string{helperArg, "sleep", strconv.Itoa(seconds)}
	}
	sleep, err := exec.LookPath("sleep")
	Expect(err).NotTo(HaveOccurred())
	link := filepath.Join(testutil.TempDir(), name)
	Expect(os.Symlink(sleep, link)).To(Succeed())
	return link, []string{strconv.Itoa(seconds)}
}

// exiting returns a command and arguments that exit with code: sh on Unix,
// this test binary as its exit helper on Windows.
func exiting(code int) (string, []string) {
	GinkgoHelper()
	if runtime.GOOS == "windows" {
		self, err := os.Executable()
		Expect(err).NotTo(HaveOccurred())
		return self, []string{helperArg, "exit", strconv.Itoa(code)}
	}
	return "sh", []string{"-c", "exit " + strconv.Itoa(code)}
}

// closedPort returns a 127.0.0.1 address nothing listens on.
func closedPort() string {
	GinkgoHelper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	addr := l.Addr().String()
	Expect(l.Close()).To(Succeed())
	return addr
}

func dur(d time.Duration) definition.Duration { return definition.Duration(d) }
