//go:build linux

package e2e_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// xsdPath is the Task Scheduler XSD beside the repository (../shared).
func xsdPath() string {
	dir, err := os.Getwd()
	Expect(err).NotTo(HaveOccurred())
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "schemas", "task-scheduler", "TaskSchedulerV2Schema.dahall.xsd")
		}
		parent := filepath.Dir(dir)
		Expect(parent).NotTo(Equal(dir))
		dir = parent
	}
}

func expectValidTaskXML(doc []byte) {
	GinkgoHelper()
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		Skip("xmllint is not installed")
	}
	cmd := exec.Command(lint, "--noout", "--schema", xsdPath(), "-")
	cmd.Stdin = bytes.NewReader(doc)
	out, err := cmd.CombinedOutput()
	Expect(err).NotTo(HaveOccurred(), "%s\n%s", out, doc)
}

var _ = Describe("render", func() {
	It("prints schema-valid XML for a stored task, passing the explicit store as --home", func() {
		s := newStore()
		s.define("on-demand", map[string]any{"name": "on-demand", "description": "a & b", "action": sh("true"), "timeout": "10m"})
		sess := s.run("render", "on-demand", "--exec-path", `C:\Program Files\Orchestrator\orc-exec.exe`)
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		out := sess.Out.Contents()
		expectValidTaskXML(out)
		Expect(string(out)).To(ContainSubstring(`<URI>\Orchestrator\Orc_on-demand</URI>`))
		Expect(string(out)).To(ContainSubstring("<Description>a &amp; b</Description>"))
		Expect(string(out)).To(ContainSubstring("<Arguments>run on-demand --home " + s.home + "</Arguments>"))
		Expect(string(out)).To(ContainSubstring("<Triggers></Triggers>"))
		Expect(string(out)).To(ContainSubstring("<ExecutionTimeLimit>PT15M</ExecutionTimeLimit>"))
	})

	It("renders a definition file and defaults --exec-path to its own binary", func() {
		s := newStore()
		f := filepath.Join(GinkgoT().TempDir(), "boot-task.json")
		b, _ := json.Marshal(map[string]any{"name": "boot-task", "action": sh("true"), "schedule": map[string]any{"startup": map[string]any{"delay": "2m"}}})
		Expect(os.WriteFile(f, b, 0o600)).To(Succeed())
		sess := s.run("render", "--file", f)
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		expectValidTaskXML(sess.Out.Contents())
		Expect(string(sess.Out.Contents())).To(ContainSubstring("<Command>" + orcExec + "</Command>"))
		Expect(string(sess.Out.Contents())).To(ContainSubstring("<BootTrigger>"))
	})

	It("refuses an exec path Task Scheduler would refuse, naming the field", func() {
		s := newStore()
		s.define("long", map[string]any{"name": "long", "action": sh("true")})
		sess := s.run("render", "long", "--exec-path", `C:\`+strings.Repeat("x", 300)+`\orc-exec.exe`)
		Expect(sess.ExitCode()).To(Equal(3))
		Expect(sess.Out.Contents()).To(BeEmpty())
		Expect(string(sess.Err.Contents())).To(ContainSubstring("options.execPath: is 316 characters, more than Task Scheduler's 260; fix:"))
	})
})

var _ = Describe("run --cron-gate", func() {
	// A cron minute far from now, so the gate never matches during the spec.
	farMinute := func() string {
		t := time.Now().Add(30 * time.Minute)
		return strings.Join([]string{strconv.Itoa(t.Minute()), strconv.Itoa(t.Hour()), "*", "*", "*"}, " ")
	}

	It("exits 0 quietly on a minute that is not the cron's: no output, no history, a counted skip", func() {
		s := newStore()
		marker := filepath.Join(s.home, "ran")
		s.define("gated", map[string]any{"name": "gated", "action": sh("touch " + marker), "schedule": map[string]any{"cron": farMinute()}})
		for range 2 {
			sess := s.run("run", "gated", "--cron-gate")
			Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
			Expect(sess.Out.Contents()).To(BeEmpty())
			Expect(sess.Err.Contents()).To(BeEmpty())
		}
		Expect(marker).NotTo(BeAnExistingFile())
		Expect(filepath.Join(s.home, "history", "gated.jsonl")).NotTo(BeAnExistingFile())
		Expect(filepath.Join(s.home, "locks", "gated.lock")).NotTo(BeAnExistingFile())
		b, err := os.ReadFile(filepath.Join(s.home, "state", "gate", "gated.json"))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(b)).To(ContainSubstring(`"skipped":2`))
	})

	It("runs normally on a matching minute, and without the flag", func() {
		s := newStore()
		s.define("every", map[string]any{"name": "every", "action": sh("true"), "schedule": map[string]any{"cron": "* * * * *"}})
		sess := s.run("run", "every", "--cron-gate")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		Expect(record(sess).Status).To(Equal(result.Success))

		s.define("never", map[string]any{"name": "never", "action": sh("true"), "schedule": map[string]any{"cron": farMinute()}})
		sess = s.run("run", "never")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
	})
})
