package proc_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"

	"github.com/orchestrator/orchestrator/go/internal/proc"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("Run on Linux", func() {
	var dir string

	BeforeEach(func() {
		dir = testutil.TempDir()
	})

	It("captures a shell command's stdout and stderr and exit code", func() {
		out := gbytes.NewBuffer()
		o := proc.Run(context.Background(), proc.Spec{
			Command: "sh", Args: []string{"-c", "echo out; echo err >&2; exit 3"}, Output: out,
		})
		Expect(o.Err).NotTo(HaveOccurred())
		Expect(o.ExitCode).To(Equal(3))
		Expect(string(out.Contents())).To(Equal("out\nerr\n"))
	})

	Context("when Shell is set", func() {
		It("runs the command line through /bin/sh", func() {
			out := gbytes.NewBuffer()
			o := proc.Run(context.Background(), proc.Spec{Command: "echo a && echo b; exit 4", Shell: true, Output: out})
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(o.ExitCode).To(Equal(4))
			Expect(string(out.Contents())).To(Equal("a\nb\n"))
		})

		It("appends Args as literal words", func() {
			out := gbytes.NewBuffer()
			o := proc.Run(context.Background(), proc.Spec{
				Command: `printf '[%s]\n'`, Args: []string{"$(touch pwned)", "it's", "a b"},
				Shell: true, Dir: dir, Output: out,
			})
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(string(out.Contents())).To(Equal("[$(touch pwned)]\n[it's]\n[a b]\n"))
			Expect(filepath.Join(dir, "pwned")).NotTo(BeAnExistingFile())
		})
	})

	Context("when Shell is not set", func() {
		It("does not interpret shell syntax in the command or arguments", func() {
			out := gbytes.NewBuffer()
			o := proc.Run(context.Background(), proc.Spec{Command: "echo", Args: []string{"$(touch pwned)", ";", "ls"}, Dir: dir, Output: out})
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(string(out.Contents())).To(Equal("$(touch pwned) ; ls\n"))
			Expect(filepath.Join(dir, "pwned")).NotTo(BeAnExistingFile())

			o = proc.Run(context.Background(), proc.Spec{Command: "echo hi", Dir: dir})
			Expect(o.Err).To(MatchError(ContainSubstring("echo hi")))
		})
	})

	Context("when the timeout elapses on a sh tree", func() {
		It("kills the shell and its background sleep", func() {
			o := proc.Run(context.Background(), proc.Spec{
				Command: "sleep 300 & echo $! > gc.pid; sleep 300", Shell: true, Dir: dir,
				Timeout: 300 * time.Millisecond,
			})
			Expect(o.TimedOut).To(BeTrue())
			Expect(o.ExitCode).To(Equal(-1))
			Expect(o.End.Sub(o.Start)).To(BeNumerically("<", time.Second+proc.DefaultKillGrace/2), "SIGTERM alone should have stopped sleep")
			gc := readPID(dir, "gc.pid")()
			Expect(gc).To(BeNumerically(">", 0))
			Eventually(alive).WithArguments(o.PID).Should(BeFalse())
			Eventually(alive).WithArguments(gc).Should(BeFalse())
		})

		It("gives the tree KillGrace to stop politely", func() {
			out := gbytes.NewBuffer()
			o := proc.Run(context.Background(), proc.Spec{
				Command: `trap 'echo bye; exit 3' TERM; echo ready; while :; do sleep 0.05; done`, Shell: true,
				Timeout: 300 * time.Millisecond, KillGrace: 5 * time.Second, Output: out,
			})
			Expect(o.TimedOut).To(BeTrue())
			Expect(o.ExitCode).To(Equal(3))
			// sh may report the killed sleep ("Terminated") before its trap runs.
			Expect(string(out.Contents())).To(And(HavePrefix("ready\n"), HaveSuffix("bye\n")))
			Expect(o.End.Sub(o.Start)).To(BeNumerically("<", 3*time.Second))
		})

		It("kills with SIGKILL a tree that ignores SIGTERM, after KillGrace", func() {
			o := proc.Run(context.Background(), proc.Spec{
				Command: `trap '' TERM; sleep 300 & echo $! > gc.pid; sleep 300`, Shell: true, Dir: dir,
				Timeout: 200 * time.Millisecond, KillGrace: 500 * time.Millisecond,
			})
			Expect(o.TimedOut).To(BeTrue())
			Expect(o.ExitCode).To(Equal(-1))
			Expect(o.End.Sub(o.Start)).To(BeNumerically(">=", 700*time.Millisecond))
			Expect(o.End.Sub(o.Start)).To(BeNumerically("<", 3*time.Second))
			gc := readPID(dir, "gc.pid")()
			Expect(gc).To(BeNumerically(">", 0))
			Eventually(alive).WithArguments(gc).Should(BeFalse())
		})
	})

	Context("when a process escapes the group and holds the output pipe", func() {
		It("returns after OutputDelay instead of waiting for it", func() {
			out := gbytes.NewBuffer()
			o := proc.Run(context.Background(), proc.Spec{
				Command: `setsid sh -c 'echo $$ > esc.pid; exec sleep 300' & while [ ! -s esc.pid ]; do sleep 0.01; done; echo started`, Shell: true, Dir: dir,
				Output: out, OutputDelay: 300 * time.Millisecond,
			})
			esc := readPID(dir, "esc.pid")()
			DeferCleanup(func() { _ = syscall.Kill(esc, syscall.SIGKILL) })
			Expect(o.Err).NotTo(HaveOccurred())
			Expect(o.ExitCode).To(Equal(0))
			Expect(string(out.Contents())).To(Equal("started\n"))
			Expect(o.End.Sub(o.Start)).To(BeNumerically("~", 300*time.Millisecond, 1500*time.Millisecond))
			Expect(o.End.Sub(o.Start)).To(BeNumerically(">=", 300*time.Millisecond))
			Expect(alive(esc)).To(BeTrue(), "setsid escapes the process group; this spec only proves Run does not hang on it")
		})
	})

	Context("when a process escapes the group and Tag is set", func() {
		escaper := `setsid sh -c 'echo $$ > esc.pid; exec sleep 300' & while [ ! -s esc.pid ]; do sleep 0.01; done; `

		It("finds it by the tag after the tree is killed, kills it and counts it", func() {
			tag := "ORC_RUN_ID=proc-spec-" + strconv.Itoa(os.Getpid())
			o := proc.Run(context.Background(), proc.Spec{
				Command: escaper + "sleep 300", Shell: true, Dir: dir, Env: append(os.Environ(), tag), Tag: tag,
				Timeout: 2 * time.Second, OutputDelay: 300 * time.Millisecond,
			})
			esc := readPID(dir, "esc.pid")()
			DeferCleanup(func() { _ = syscall.Kill(esc, syscall.SIGKILL) })
			Expect(o.TimedOut).To(BeTrue())
			Expect(o.Escaped).To(Equal(1), "group members killed with the group are not counted")
			Expect(o.EscapedMayRemain).To(BeFalse())
			Eventually(func() bool { return alive(esc) }).Should(BeFalse())
		})

		It("says escaped processes may remain when it has no tag to look for", func() {
			o := proc.Run(context.Background(), proc.Spec{Command: "true", Shell: true})
			Expect(o.EscapedMayRemain).To(BeTrue())
		})
	})

	Context("when a signal ends the command", func() {
		It("names it, with exit code -1", func() {
			o := proc.Run(context.Background(), proc.Spec{Command: "kill -TERM $$", Shell: true})
			Expect(o.ExitCode).To(Equal(-1))
			Expect(o.Signal).To(Equal("SIGTERM"))
		})
	})

	Context("when orc-exec itself is SIGKILLed", func() {
		It("takes the direct child with it (Pdeathsig)", func(ctx SpecContext) {
			runner := exec.Command(helperSpec("runner", dir).Command)
			runner.Env = helperSpec("runner", dir).Env
			Expect(runner.Start()).To(Succeed())
			DeferCleanup(func() { _ = runner.Process.Kill(); _ = runner.Wait() })

			Eventually(readPID(dir, "grandchild.pid")).WithContext(ctx).Should(BeNumerically(">", 0))
			child, grandchild := readPID(dir, "child.pid")(), readPID(dir, "grandchild.pid")()
			// The grandchild is out of Pdeathsig's reach; clean it up.
			DeferCleanup(func() { _ = syscall.Kill(grandchild, syscall.SIGKILL) })

			Expect(runner.Process.Signal(syscall.SIGKILL)).To(Succeed())
			_ = runner.Wait()
			Eventually(alive).WithArguments(child).Should(BeFalse())
		}, SpecTimeout(30*time.Second))
	})

	It("inherits orc-exec's environment when Env is nil and uses exactly Env otherwise", func() {
		out := gbytes.NewBuffer()
		proc.Run(context.Background(), proc.Spec{Command: "sh", Args: []string{"-c", `echo "[$PATH]"`}, Output: out})
		Expect(string(out.Contents())).To(Equal("[" + os.Getenv("PATH") + "]\n"))

		out = gbytes.NewBuffer()
		proc.Run(context.Background(), proc.Spec{Command: "/bin/sh", Args: []string{"-c", `echo "[$HOME][$ONLY]"`}, Env: []string{"ONLY=1"}, Output: out})
		Expect(string(out.Contents())).To(Equal("[][1]\n"))
	})
})
