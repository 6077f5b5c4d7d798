package proc_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"

	"github.com/orchestrator/orchestrator/go/internal/proc"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// These specs run on every platform, with the test binary as the child.
var _ = Describe("Run", func() {
	var dir string

	BeforeEach(func() {
		dir = testutil.TempDir()
	})

	It("reports the command's exit code", func() {
		s := helperSpec("exit", dir)
		s.Env = append(s.Env, "ORC_PROC_TEST_CODE=7")
		o := proc.Run(context.Background(), s)
		Expect(o.Err).NotTo(HaveOccurred())
		Expect(o.ExitCode).To(Equal(7))
		Expect(o.TimedOut).To(BeFalse())
		Expect(o.PID).To(BeNumerically(">", 0))
		Expect(o.End).To(BeTemporally(">=", o.Start))
	})

	It("merges stdout and stderr into Output", func() {
		out := gbytes.NewBuffer()
		s := helperSpec("output", dir)
		s.Output = out
		o := proc.Run(context.Background(), s)
		Expect(o.Err).NotTo(HaveOccurred())
		Expect(o.ExitCode).To(Equal(0))
		Expect(string(out.Contents())).To(And(ContainSubstring("to stdout"), ContainSubstring("to stderr")))
	})

	It("passes arguments to the child verbatim, with no shell", func() {
		args := []string{"two words", `a "quoted" word`, "x & y | z", `$(touch pwned)`, `back\slash\`, `trailing\\`, "", `%PATH%`, "semi;colon"}
		out := gbytes.NewBuffer()
		s := helperSpec("args", dir)
		s.Args = args
		s.Dir = dir
		s.Output = out
		o := proc.Run(context.Background(), s)
		Expect(o.Err).NotTo(HaveOccurred())
		Expect(o.ExitCode).To(Equal(0))
		var got []string
		Expect(json.Unmarshal(out.Contents(), &got)).To(Succeed())
		Expect(got).To(Equal(args))
		Expect(filepath.Join(dir, "pwned")).NotTo(BeAnExistingFile())
	})

	Context("when the context is already done", func() {
		It("does not start the command", func() {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			o := proc.Run(ctx, helperSpec("exit", dir))
			Expect(o.Err).To(MatchError(context.Canceled))
			Expect(o.PID).To(Equal(0))
			Expect(o.ExitCode).To(Equal(-1))
		})
	})

	Context("when the command does not exist", func() {
		It("returns an error naming the command, and no exit code", func() {
			o := proc.Run(context.Background(), proc.Spec{Command: "orc-no-such-command-3f9a"})
			Expect(o.Err).To(MatchError(ContainSubstring("orc-no-such-command-3f9a")))
			Expect(o.ExitCode).To(Equal(-1))
			Expect(o.PID).To(Equal(0))
		})
	})

	Context("when the working directory does not exist", func() {
		It("returns an error naming the command", func() {
			s := helperSpec("exit", dir)
			s.Dir = filepath.Join(dir, "missing")
			o := proc.Run(context.Background(), s)
			Expect(o.Err).To(MatchError(ContainSubstring("start ")))
			Expect(o.ExitCode).To(Equal(-1))
		})
	})

	Context("when the timeout elapses", func() {
		It("kills the child and its grandchild, and says it timed out", func() {
			s := helperSpec("tree", dir)
			s.Timeout = 2 * time.Second
			o := proc.Run(context.Background(), s)
			Expect(o.TimedOut).To(BeTrue())
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(o.ExitCode).To(Equal(-1))
			Expect(o.End.Sub(o.Start)).To(BeNumerically("<", 2*time.Second+proc.DefaultKillGrace+3*time.Second))

			child, grandchild := readPID(dir, "child.pid")(), readPID(dir, "grandchild.pid")()
			Expect(child).To(Equal(o.PID))
			Expect(grandchild).To(BeNumerically(">", 0), "the grandchild never started within the timeout")
			Eventually(alive).WithArguments(child).Should(BeFalse())
			Eventually(alive).WithArguments(grandchild).Should(BeFalse())
		})
	})

	Context("when the context is cancelled", func() {
		It("kills the tree and returns the context's error", func(ctx SpecContext) {
			runCtx, cancel := context.WithCancel(ctx)
			DeferCleanup(cancel)
			done := make(chan proc.Outcome, 1)
			go func() { done <- proc.Run(runCtx, helperSpec("tree", dir)) }()

			Eventually(readPID(dir, "grandchild.pid")).WithContext(ctx).Should(BeNumerically(">", 0))
			child, grandchild := readPID(dir, "child.pid")(), readPID(dir, "grandchild.pid")()
			cancel()
			var o proc.Outcome
			Eventually(done).WithContext(ctx).WithTimeout(proc.DefaultKillGrace + 5*time.Second).Should(Receive(&o))
			Expect(o.Err).To(MatchError(context.Canceled))
			Expect(o.TimedOut).To(BeFalse())
			Eventually(alive).WithArguments(child).Should(BeFalse())
			Eventually(alive).WithArguments(grandchild).Should(BeFalse())
		}, SpecTimeout(30*time.Second))
	})

	Context("when the command exits and leaves a background process", func() {
		It("kills the leftover and reports the command's own exit code", func() {
			out := gbytes.NewBuffer()
			s := helperSpec("leave", dir)
			s.Output = out // the leftover inherits the pipe: Run must not wait on it
			o := proc.Run(context.Background(), s)
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(o.ExitCode).To(Equal(0))
			Expect(o.End.Sub(o.Start)).To(BeNumerically("<", proc.DefaultOutputDelay))
			grandchild := readPID(dir, "grandchild.pid")()
			Expect(grandchild).To(BeNumerically(">", 0))
			Eventually(alive).WithArguments(grandchild).Should(BeFalse())
		})
	})

	It("runs the command in Dir", func() {
		out := gbytes.NewBuffer()
		s := helperSpec("pwd", dir)
		s.Dir = dir
		s.Output = out
		Expect(proc.Run(context.Background(), s).Err).NotTo(HaveOccurred())
		want, err := filepath.EvalSymlinks(dir)
		Expect(err).NotTo(HaveOccurred())
		got, err := filepath.EvalSymlinks(strings.TrimSpace(string(out.Contents())))
		Expect(err).NotTo(HaveOccurred())
		Expect(got).To(Equal(want))
	})
})
