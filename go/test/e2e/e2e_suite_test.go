// Package e2e drives the real orc-exec binary, built once, against real
// processes, files and sockets in a temporary store per spec.
package e2e_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

func TestE2E(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "orc-exec end to end")
}

var orcExec string

// orcExecEnv names a prebuilt orc-exec to drive instead of building one:
// under Wine there is no Go toolchain, so scripts/test-windows-e2e.sh
// cross-compiles orc-exec.exe and hands its path over.
const orcExecEnv = "ORC_E2E_ORC_EXEC"

var _ = SynchronizedBeforeSuite(func() []byte {
	if bin := os.Getenv(orcExecEnv); bin != "" {
		Expect(bin).To(BeAnExistingFile(), orcExecEnv)
		return []byte(bin)
	}
	bin, err := gexec.Build("github.com/orchestrator/orchestrator/go/cmd/orc-exec", "-ldflags", "-X main.version=e2e-test")
	Expect(err).NotTo(HaveOccurred())
	return []byte(bin)
}, func(bin []byte) {
	orcExec = string(bin)
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

// store is one spec's private ORC_HOME.
type store struct{ home string }

func newStore() *store {
	home := filepath.Join(testutil.TempDir(), "home")
	Expect(os.MkdirAll(filepath.Join(home, "tasks"), 0o700)).To(Succeed())
	return &store{home: home}
}

// define writes a task definition (a JSON document given as a Go map or raw string).
func (s *store) define(name string, def any) string {
	var b []byte
	switch v := def.(type) {
	case string:
		b = []byte(v)
	default:
		var err error
		b, err = json.Marshal(v)
		Expect(err).NotTo(HaveOccurred())
	}
	p := filepath.Join(s.home, "tasks", name+".json")
	Expect(os.WriteFile(p, b, 0o600)).To(Succeed())
	return p
}

func (s *store) cmd(args ...string) *exec.Cmd {
	c := exec.Command(orcExec, args...)
	c.Env = append(os.Environ(), "ORC_HOME="+s.home)
	return c
}

// start runs orc-exec in the background and returns its session.
func (s *store) start(args ...string) *gexec.Session {
	sess, err := gexec.Start(s.cmd(args...), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	return sess
}

// run runs orc-exec to completion and returns the session.
func (s *store) run(args ...string) *gexec.Session {
	sess := s.start(args...)
	Eventually(sess).WithTimeout(60 * time.Second).Should(gexec.Exit())
	return sess
}

// record parses the single result line a 'run' prints.
func record(sess *gexec.Session) result.Record {
	lines := strings.Split(strings.TrimSpace(string(sess.Out.Contents())), "\n")
	Expect(lines).To(HaveLen(1), "run prints exactly one JSON line")
	var r result.Record
	Expect(json.Unmarshal([]byte(lines[0]), &r)).To(Succeed())
	Expect(r.Schema).To(Equal(result.Schema))
	return r
}

// history reads the task's history through orc-exec itself.
func (s *store) history(task string, extra ...string) []result.Record {
	args := []string{"history", "--output", "json", "--last", "0"}
	if task != "" {
		args = append(args, task)
	}
	sess := s.run(append(args, extra...)...)
	Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
	var out []result.Record
	for _, l := range strings.Split(strings.TrimSpace(string(sess.Out.Contents())), "\n") {
		if l == "" {
			continue
		}
		var r result.Record
		Expect(json.Unmarshal([]byte(l), &r)).To(Succeed())
		out = append(out, r)
	}
	return out
}
