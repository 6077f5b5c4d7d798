//go:build linux || windows

package e2e_test

import (
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// These specs run on Linux and, under Wine, against orc-exec.exe: the
// command is the spec binary itself (helper_test.go).
var _ = Describe("overlapping runs", func() {
	var s *store
	var dir string
	BeforeEach(func() {
		s = newStore()
		dir = testutil.TempDir()
	})

	// first starts a run that holds the task until the spec releases it.
	first := func(policy string) (*gexec.Session, func()) {
		gate := filepath.Join(dir, "release")
		started := filepath.Join(dir, "started")
		s.define("job", map[string]any{"name": "job", "overlap": policy, "action": helper("block", dir)})
		sess := s.start("run", "job", "--output", "json")
		Eventually(func() []string { m, _ := filepath.Glob(started + ".*"); return m }).WithTimeout(20 * time.Second).Should(HaveLen(1))
		return sess, func() { Expect(os.WriteFile(gate, nil, 0o600)).To(Succeed()) }
	}

	It("skip: the second run is recorded as SKIPPED and exits 7", func() {
		a, release := first("skip")
		b := s.run("run", "job", "--output", "json")
		Expect(b.ExitCode()).To(Equal(7))
		Expect(record(b).Status).To(Equal(result.Skipped))
		Expect(record(b).Reason).To(ContainSubstring("skip"))
		release()
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
		Expect(s.history("job", "--status", "SKIPPED")).To(HaveLen(1))
	})

	It("queue: the second run waits for the first, then runs", func() {
		a, release := first("queue")
		b := s.start("run", "job", "--output", "json")
		Consistently(b, "500ms").ShouldNot(gexec.Exit())
		release()
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
		Eventually(b).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
		ra, rb := record(a), record(b)
		Expect(rb.Attempts[0].Start).To(BeTemporally(">=", ra.Attempts[0].End))
	})

	It("parallel: both runs execute at the same time", func() {
		a, release := first("parallel")
		b := s.start("run", "job", "--output", "json")
		Eventually(func() []string { m, _ := filepath.Glob(filepath.Join(dir, "started.*")); return m }).WithTimeout(20 * time.Second).Should(HaveLen(2))
		release()
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
		Eventually(b).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
	})

	It("stop-previous: the running one is stopped with its tree, the new one runs", func() {
		a, release := first("stop-previous")
		defer release()
		b := s.start("run", "job", "--output", "json")
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(130))
		Expect(record(a).Status).To(Equal(result.Stopped))
		release()
		Eventually(b).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
		Expect(record(b).Status).To(Equal(result.Success))
	})
})
