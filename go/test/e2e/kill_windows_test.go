package e2e_test

import (
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// On Linux a grandchild can outlive a SIGKILLed orc-exec (truth_test.go);
// on Windows the job object's last handle dies with orc-exec.exe, and
// KILL_ON_JOB_CLOSE ends every process of the command.
var _ = Describe("a run whose orc-exec.exe is ended with TerminateProcess", func() {
	It("takes the command's child and grandchild with it, and the next run closes it as STOPPED", func() {
		s, dir := newStore(), testutil.TempDir()
		s.define("job", map[string]any{"name": "job", "action": helper("tree", dir)})
		a := s.start("run", "job")
		Eventually(func() int { return readPID(filepath.Join(dir, "grandchild")) }).WithTimeout(20 * time.Second).ShouldNot(BeZero())
		pids := tree(dir)
		Expect(living(pids)).To(HaveLen(3))

		a.Kill() // os.Process.Kill is TerminateProcess on Windows
		Eventually(a).Should(gexec.Exit())
		Eventually(func() []int { return living(pids) }).WithTimeout(10 * time.Second).Should(BeEmpty())

		s.define("job", map[string]any{"name": "job", "action": helper("print", dir, codeEnv, "0")})
		Expect(s.run("run", "job").ExitCode()).To(Equal(0))
		h := s.history("job")
		Expect(h).To(HaveLen(2))
		Expect(h[0].Status).To(Equal(result.Stopped))
		Expect(h[1].Status).To(Equal(result.Success))
	})
})
