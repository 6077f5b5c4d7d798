package deps_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"os"
	"os/exec"
	"path/filepath"
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

// startNamed starts `sleep 30` under the given image name (a symlink to
// sleep, so comm, argv[0] and the name all say it) and stops it at cleanup.
func startNamed(name string) *exec.Cmd {
	GinkgoHelper()
	cmd := exec.Command(sleepAs(name), "30")
	Expect(cmd.Start()).To(Succeed())
	DeferCleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return cmd
}

// sleepAs makes a symlink to sleep with the given name and returns
// its path.
func sleepAs(name string) string {
	GinkgoHelper()
	sleep, err := exec.LookPath("sleep")
	Expect(err).NotTo(HaveOccurred())
	link := filepath.Join(testutil.TempDir(), name)
	Expect(os.Symlink(sleep, link)).To(Succeed())
	return link
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
