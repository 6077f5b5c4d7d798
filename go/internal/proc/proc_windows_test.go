package proc_test

import (
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"golang.org/x/sys/windows"

	"github.com/orchestrator/orchestrator/go/internal/proc"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("Run on Windows", func() {
	var dir string

	BeforeEach(func() {
		dir = testutil.TempDir()
	})

	Context("when Shell is set", func() {
		It("runs the command line through cmd.exe", func() {
			out := gbytes.NewBuffer()
			o := proc.Run(context.Background(), proc.Spec{Command: "echo one& echo two& exit /b 5", Shell: true, Output: out})
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(o.ExitCode).To(Equal(5))
			Expect(strings.Fields(string(out.Contents()))).To(Equal([]string{"one", "two"}))
		})

		It("appends Args quoted, so cmd.exe metacharacters stay literal", func() {
			s := helperSpec("args", dir)
			out := gbytes.NewBuffer()
			args := []string{"x & y", "two words", "a|b", "<in>", `say "&" now`, `"|`, `C:\dir\`, "(x)", "^"}
			o := proc.Run(context.Background(), proc.Spec{
				Command: `"` + s.Command + `"`, Args: args, Shell: true, Env: s.Env, Dir: dir, Output: out,
			})
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(o.ExitCode).To(Equal(0))
			var got []string
			Expect(json.Unmarshal(out.Contents(), &got)).To(Succeed())
			Expect(got).To(Equal(args))
		})
	})

	Context("when orc-exec is killed with TerminateProcess", func() {
		It("kills the child and grandchild too, because the job handle closes", func(ctx SpecContext) {
			s := helperSpec("runner", dir)
			runner := exec.Command(s.Command)
			runner.Env = s.Env
			Expect(runner.Start()).To(Succeed())
			DeferCleanup(func() { _ = runner.Process.Kill(); _ = runner.Wait() })

			Eventually(readPID(dir, "grandchild.pid")).WithContext(ctx).Should(BeNumerically(">", 0))
			child, grandchild := readPID(dir, "child.pid")(), readPID(dir, "grandchild.pid")()
			Expect(alive(child)).To(BeTrue())
			Expect(alive(grandchild)).To(BeTrue())

			h, err := windows.OpenProcess(windows.PROCESS_TERMINATE, false, uint32(runner.Process.Pid))
			Expect(err).NotTo(HaveOccurred())
			defer windows.CloseHandle(h)
			Expect(windows.TerminateProcess(h, 1)).To(Succeed())
			_ = runner.Wait()

			Eventually(alive).WithContext(ctx).WithTimeout(10 * time.Second).WithArguments(child).Should(BeFalse())
			Eventually(alive).WithContext(ctx).WithTimeout(10 * time.Second).WithArguments(grandchild).Should(BeFalse())
		}, SpecTimeout(60*time.Second))
	})
})
