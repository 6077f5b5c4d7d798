//go:build linux || windows

package e2e_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// These specs run on Linux and, under Wine, against orc-exec.exe
// (scripts/test-windows-e2e.sh): every command is the spec binary itself in
// a helper mode, and "alive" asks the platform's own process listing.

var _ = Describe("orc-exec's exit code, which Task Scheduler records as the Last Run Result", func() {
	var s *store
	var dir string
	BeforeEach(func() {
		s = newStore()
		dir = testutil.TempDir()
	})

	DescribeTable("is the documented code for each outcome, and the record agrees",
		func(task map[string]any, mode, commandCode string, code int, status result.Status) {
			task["name"] = "job"
			task["action"] = helper(mode, dir, codeEnv, commandCode)
			s.define("job", task)
			sess := s.run("run", "job", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(code), string(sess.Err.Contents()))
			r := record(sess)
			Expect(r.Status).To(Equal(status))
			Expect(r.OrcExitCode).To(Equal(code))
			h := s.history("job")
			Expect(h).To(HaveLen(1))
			Expect(h[0].RunID).To(Equal(r.RunID))
			Expect(h[0].Status).To(Equal(status))
		},
		Entry("success: 0", map[string]any{}, "print", "0", 0, result.Success),
		Entry("failure: 1", map[string]any{}, "print", "3", 1, result.Failed),
		Entry("timeout: 5", map[string]any{"timeout": "1s"}, "block", "", 5, result.Timeout),
		Entry("disabled: 8", map[string]any{"enabled": false}, "print", "0", 8, result.Disabled),
	)

	It("captures stdout and stderr of a successful run and keeps the command's own exit code of a failed one", func() {
		s.define("job", map[string]any{"name": "job", "action": helper("print", dir, codeEnv, "3"),
			"retry": map[string]any{"attempts": 2, "delay": "10ms"}})
		sess := s.run("run", "job", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(1))
		r := record(sess)
		Expect(r.ExitCode).To(Equal(3))
		Expect(r.Attempts).To(HaveLen(2))
		Expect(r.OutputTail).To(ContainSubstring("out"))
		Expect(r.OutputTail).To(ContainSubstring("err"))
	})

	It("is 10 for a task that does not exist, with nothing recorded", func() {
		sess := s.run("run", "absent", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(10))
		Expect(filepath.Join(s.home, "history", "absent.jsonl")).NotTo(BeAnExistingFile())
	})

	It("is 7 for a run skipped because the previous one still runs", func() {
		s.define("job", map[string]any{"name": "job", "overlap": "skip", "action": helper("block", dir)})
		a := s.start("run", "job")
		Eventually(func() []string { m, _ := filepath.Glob(filepath.Join(dir, "started.*")); return m }).WithTimeout(20 * time.Second).Should(HaveLen(1))
		b := s.run("run", "job", "--output", "json")
		Expect(b.ExitCode()).To(Equal(7))
		Expect(os.WriteFile(filepath.Join(dir, "release"), nil, 0o600)).To(Succeed())
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
	})
})

var _ = Describe("a command that outlives its timeout", func() {
	It("is killed with its child and grandchild, and the run exits 5", func() {
		s, dir := newStore(), testutil.TempDir()
		s.define("stuck", map[string]any{"name": "stuck", "timeout": "2s", "action": helper("tree", dir)})
		sess := s.run("run", "stuck", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(5), string(sess.Err.Contents()))
		r := record(sess)
		Expect(r.Status).To(Equal(result.Timeout))
		Expect(r.Attempts[0].TimedOut).To(BeTrue())
		pids := tree(dir)
		Eventually(func() []int { return living(pids) }).WithTimeout(10 * time.Second).Should(BeEmpty())
	})
})

var _ = Describe("orc-exec stop", func() {
	var s *store
	var dir string
	BeforeEach(func() {
		s = newStore()
		dir = testutil.TempDir()
	})

	It("asks the running orc-exec to stop: it kills its tree, records STOPPED and exits 130", func() {
		s.define("job", map[string]any{"name": "job", "action": helper("tree", dir)})
		a := s.start("run", "job", "--output", "json")
		Eventually(func() int { return readPID(filepath.Join(dir, "grandchild")) }).WithTimeout(20 * time.Second).ShouldNot(BeZero())
		pids := tree(dir)
		Expect(living(pids)).To(HaveLen(3), "the whole tree runs before the stop")
		Expect(parent(pids[1])).To(Equal(pids[0]), "the child's parent is the command")
		Expect(parent(pids[2])).To(Equal(pids[1]), "the grandchild's parent is the child")

		stop := s.run("stop", "job", "--output", "json")
		Expect(stop.ExitCode()).To(Equal(0), string(stop.Err.Contents()))
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(130))
		ra := record(a)
		Expect(ra.Status).To(Equal(result.Stopped))
		Expect(ra.OrcExitCode).To(Equal(130))
		Expect(ra.Reason).To(ContainSubstring("on request"))
		Expect(record(stop).RunID).To(Equal(ra.RunID))
		Eventually(func() []int { return living(pids) }).WithTimeout(10 * time.Second).Should(BeEmpty())
	})

	It("stops a run queued behind another too: it records STOPPED and never runs its command", func() {
		s.define("q", map[string]any{"name": "q", "overlap": "queue", "action": helper("block", dir)})
		a := s.start("run", "q", "--output", "json")
		Eventually(func() []string { m, _ := filepath.Glob(filepath.Join(dir, "started.*")); return m }).
			WithTimeout(20 * time.Second).Should(HaveLen(1))
		b := s.start("run", "q", "--output", "json")
		Eventually(func() []string {
			m, _ := filepath.Glob(filepath.Join(s.home, "locks", "q.lock.runs", "*.lock"))
			return m
		}).WithTimeout(20 * time.Second).Should(HaveLen(2))

		stop := s.run("stop", "q", "--output", "json")
		Expect(stop.ExitCode()).To(Equal(0), string(stop.Err.Contents()))
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(130))
		Eventually(b).WithTimeout(20 * time.Second).Should(gexec.Exit(130))
		Expect(record(b).Status).To(Equal(result.Stopped))
		Expect(record(b).Attempts).To(BeEmpty())
		m, _ := filepath.Glob(filepath.Join(dir, "started.*"))
		Expect(m).To(HaveLen(1), "only the first run started its command")
	})

	It("exits 0 and says so when no run is in progress", func() {
		s.define("idle", map[string]any{"name": "idle", "action": helper("print", dir, codeEnv, "0")})
		stop := s.run("stop", "idle")
		Expect(stop.ExitCode()).To(Equal(0))
		Expect(stop.Out.Contents()).To(BeEmpty())
		Expect(string(stop.Err.Contents())).To(ContainSubstring("no run of idle is in progress"))
	})

	It("exits 10 for a task that does not exist", func() {
		Expect(s.run("stop", "nope").ExitCode()).To(Equal(10))
	})
})

var _ = Describe("a run whose orc-exec process is killed outright", func() {
	var s *store
	var dir string
	BeforeEach(func() {
		s = newStore()
		dir = testutil.TempDir()
	})

	// killMidRun starts task name, waits until its command runs and kills
	// orc-exec (SIGKILL on Linux, TerminateProcess on Windows): it records
	// nothing more, as when Task Scheduler ends it or the machine resets.
	killMidRun := func(name, overlap string) int {
		s.define(name, map[string]any{"name": name, "overlap": overlap, "action": helper("block", dir)})
		sess := s.start("run", name)
		var pid int
		Eventually(func() int {
			m, _ := filepath.Glob(filepath.Join(dir, "started.*"))
			if len(m) != 1 {
				return 0
			}
			pid, _ = strconv.Atoi(filepath.Ext(m[0])[1:])
			return pid
		}).WithTimeout(20 * time.Second).ShouldNot(BeZero())
		sess.Kill()
		Eventually(sess).Should(gexec.Exit())
		return pid
	}

	DescribeTable("takes its command with it and is closed as STOPPED by the next run",
		func(overlap string) {
			pid := killMidRun("job", overlap)
			Eventually(func() bool { return alive(pid) }).WithTimeout(10*time.Second).Should(BeFalse(), "the command dies with orc-exec")
			Expect(s.history("job", "--status", "RUNNING")).To(HaveLen(1), "the killed run left its marker")

			s.define("job", map[string]any{"name": "job", "overlap": overlap, "action": helper("print", dir, codeEnv, "0")})
			next := s.run("run", "job", "--output", "json")
			Expect(next.ExitCode()).To(Equal(0), string(next.Err.Contents()))
			h := s.history("job")
			Expect(h).To(HaveLen(2))
			Expect(h[0].Status).To(Equal(result.Stopped))
			Expect(h[0].Reason).To(ContainSubstring("no process of its command is left"))
			Expect(h[1].Status).To(Equal(result.Success))
		},
		Entry("overlap skip", "skip"),
		Entry("overlap parallel", "parallel"),
	)
})

var _ = Describe("a command that prints 10 MB", func() {
	It("has its output file capped, keeping the head and the tail", func() {
		s := newStore()
		s.define("loud", map[string]any{"name": "loud", "outputCap": "64KiB", "action": helper("loud", "")})
		sess := s.run("run", "loud", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		r := record(sess)
		Expect(r.OutputBytes).To(BeNumerically(">", 10_000_000))
		fi, err := os.Stat(r.OutputFile)
		Expect(err).NotTo(HaveOccurred())
		Expect(fi.Size()).To(BeNumerically("<", 70*1024))
		b, err := os.ReadFile(r.OutputFile)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(b)).To(HavePrefix("FIRST-LINE"))
		Expect(string(b)).To(ContainSubstring("bytes omitted"))
		Expect(strings.TrimSpace(string(b))).To(HaveSuffix("LAST-LINE"))
	})
})

var _ = Describe("history and logs while a run holds them", func() {
	It("are readable by another orc-exec and by plain file reads", func() {
		s, dir := newStore(), testutil.TempDir()
		s.define("job", map[string]any{"name": "job", "action": helper("block", dir)})
		a := s.start("run", "job", "--output", "json")
		DeferCleanup(func() { a.Kill(); Eventually(a).Should(gexec.Exit()) })
		Eventually(func() []string { m, _ := filepath.Glob(filepath.Join(dir, "started.*")); return m }).
			WithTimeout(20 * time.Second).Should(HaveLen(1))

		h := s.history("job")
		Expect(h).To(HaveLen(1))
		Expect(h[0].Status).To(Equal(result.Running))
		for _, p := range []string{
			filepath.Join(s.home, "history", "job.jsonl"),
			filepath.Join(s.home, "logs", "job.log"),
			filepath.Join(s.home, "runs", "job", h[0].RunID+".log"),
		} {
			_, err := os.ReadFile(p)
			Expect(err).NotTo(HaveOccurred(), "a reader must not be locked out of %s", p)
		}
		list := s.run("list", "--output", "json")
		Expect(list.ExitCode()).To(Equal(0), string(list.Err.Contents()))

		Expect(os.WriteFile(filepath.Join(dir, "release"), nil, 0o600)).To(Succeed())
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
		Expect(s.history("job", "--status", "SUCCESS")).To(HaveLen(1))
	})
})

var _ = Describe("a failure alert over SMTP", func() {
	It("reaches a local server with STARTTLS and AUTH, once per incident, then the recovery", func() {
		s, dir := newStore(), testutil.TempDir()
		srv := startSMTP(dir)
		s.configureMail(srv)
		fail := map[string]any{"name": "job", "action": helper("print", dir, codeEnv, "3"),
			"notify": map[string]any{"on": []string{"failure", "recovery"}, "to": []string{"dba@example.com"}}}
		s.define("job", fail)
		for range 2 {
			Expect(s.run("run", "job").ExitCode()).To(Equal(1))
		}
		Expect(srv.Messages()).To(HaveLen(1), "one alert per incident")
		Expect(srv.Messages()[0].To).To(Equal([]string{"dba@example.com"}))
		Expect(srv.Messages()[0].TLS).To(BeTrue())
		Expect(subjects(srv)[0]).To(ContainSubstring("job"))

		fail["action"] = helper("print", dir, codeEnv, "0")
		s.define("job", fail)
		Expect(s.run("run", "job").ExitCode()).To(Equal(0))
		Expect(srv.Messages()).To(HaveLen(2))
		Expect(subjects(srv)[1]).To(ContainSubstring("job"))
	})
})

var _ = Describe("render on the platform that registers the task", func() {
	It("prints Task Scheduler XML that the XSD accepts, running this store's task", func() {
		s := newStore()
		s.define("on-demand", map[string]any{"name": "on-demand", "description": "a & b", "action": helper("print", "", codeEnv, "0"), "timeout": "10m"})
		sess := s.run("render", "on-demand", "--exec-path", `C:\Program Files\Orchestrator\orc-exec.exe`)
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		out := string(sess.Out.Contents())
		Expect(out).To(ContainSubstring(`<URI>\Orchestrator\Orc_on-demand</URI>`))
		Expect(out).To(ContainSubstring("<Description>a &amp; b</Description>"))
		Expect(out).To(ContainSubstring("<Arguments>run on-demand --home " + s.home + "</Arguments>"))
		Expect(out).To(ContainSubstring("<ExecutionTimeLimit>PT15M</ExecutionTimeLimit>"))
		expectValidTaskXML(sess.Out.Contents())
	})
})

// tree reads the PIDs a "tree" helper wrote: command, child, grandchild.
func tree(dir string) []int {
	GinkgoHelper()
	var pids []int
	for _, n := range []string{"pid", "child", "grandchild"} {
		var pid int
		Eventually(func() int { pid = readPID(filepath.Join(dir, n)); return pid }).WithTimeout(20*time.Second).ShouldNot(BeZero(), n)
		pids = append(pids, pid)
	}
	return pids
}

// living is the subset of pids still running.
func living(pids []int) []int {
	var out []int
	for _, p := range pids {
		if alive(p) {
			out = append(out, p)
		}
	}
	return out
}

var _ = Describe("the arguments of a task's command", func() {
	// Each reaches the command exactly as defined: CommandLineToArgvW
	// quoting on Windows, an argv array on Linux, and never a shell.
	DescribeTable("arrive verbatim, one argument each",
		func(args ...string) {
			s, dir := newStore(), testutil.TempDir()
			action := helper("args", dir)
			action["arguments"] = args
			s.define("args", map[string]any{"name": "args", "action": action})
			sess := s.run("run", "args", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
			var got []string
			Expect(json.Unmarshal([]byte(strings.TrimSpace(record(sess).OutputTail)), &got)).To(Succeed())
			Expect(got).To(Equal(args))
		},
		Entry("spaces and an empty one", "a b", "", "  c  "),
		Entry("quotes", `say "hi"`, `'q'`, `"`, `""`),
		Entry("backslashes, before a quote and at the end", `C:\dir\`, `a\\"b`, `\\server\share\`, `\"`),
		Entry("shell metacharacters", "a&b", "x|y", "<in", ">out", "^", "%PATH%", "!x!", "$(touch pwned)", "`id`", ";"),
		Entry("non-ASCII", "grüße", "日本語", "emoji 🚀"),
	)
})
