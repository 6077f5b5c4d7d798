package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cli"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// orcStore is one spec's private store, driven through cli.Main in-process.
type orcStore struct{ home string }

func newOrcStore() *orcStore {
	home := filepath.Join(testutil.TempDir(), "home")
	Expect(os.MkdirAll(filepath.Join(home, "tasks"), 0o700)).To(Succeed())
	return &orcStore{home: home}
}

// put writes a definition straight into the store, as an editor would,
// bypassing 'define'.
func (s *orcStore) put(name, content string) string {
	file := filepath.Join(s.home, "tasks", name+".json")
	Expect(os.WriteFile(file, []byte(content), 0o600)).To(Succeed())
	return file
}

// orc runs one orc-exec command line against the store.
func (s *orcStore) orc(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	args = append(args, "--home", s.home, "--output", "json")
	code = cli.Main(context.Background(), args, cli.Build{Version: "spec"}, cli.IO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

// portable is a command that exists on every platform the specs run on.
const portableAction = `{"command": "orc-exec-spec-never-started"}`

var _ = Describe("one validation for every command", func() {
	// Each bad definition is refused by every command that reads it, with
	// exit code 3 and a message naming the same field. Before, validity
	// depended on the command: some schedule rules lived only in
	// 'validate'/'define', so 'list' said valid and 'run' ran the task.
	type refusal struct {
		cmd  func(s *orcStore, name, file string) (int, string, string)
		code int
	}
	commands := map[string]refusal{
		"validate <task>":        {func(s *orcStore, n, _ string) (int, string, string) { return s.orc("validate", n) }, 3},
		"validate --file":        {func(s *orcStore, _, f string) (int, string, string) { return s.orc("validate", "--file", f) }, 3},
		"define --file":          {func(s *orcStore, _, f string) (int, string, string) { return s.orc("define", "--file", f) }, 3},
		"run <task>":             {func(s *orcStore, n, _ string) (int, string, string) { return s.orc("run", n) }, 3},
		"run <task> --cron-gate": {func(s *orcStore, n, _ string) (int, string, string) { return s.orc("run", n, "--cron-gate") }, 3},
		"check <task>":           {func(s *orcStore, n, _ string) (int, string, string) { return s.orc("check", n) }, 3},
		"render <task>": {func(s *orcStore, n, _ string) (int, string, string) {
			return s.orc("render", n, "--exec-path", "/opt/orc/orc-exec")
		}, 3},
		"render --file": {func(s *orcStore, _, f string) (int, string, string) {
			return s.orc("render", "--file", f, "--exec-path", "/opt/orc/orc-exec")
		}, 3},
	}

	DescribeTable("a bad definition is refused the same way by every command",
		func(field, schedule string, extra string) {
			for what, r := range commands {
				s := newOrcStore()
				def := `{"name": "bad", "action": ` + portableAction + `, "schedule": ` + schedule + extra + `}`
				file := s.put("bad", def)
				code, stdout, stderr := r.cmd(s, "bad", file)
				Expect(code).To(Equal(r.code), "%s: exit code; stdout %s stderr %s", what, stdout, stderr)
				Expect(stderr).To(ContainSubstring(field+":"), "%s names the field", what)
				Expect(filepath.Join(s.home, "history", "bad.jsonl")).NotTo(BeAnExistingFile(), "%s records nothing", what)
			}

			By("list says invalid, naming the same field")
			s := newOrcStore()
			s.put("bad", `{"name": "bad", "action": `+portableAction+`, "schedule": `+schedule+extra+`}`)
			code, stdout, _ := s.orc("list")
			Expect(code).To(Equal(0))
			var sum struct {
				Valid bool   `json:"valid"`
				Error string `json:"error"`
			}
			Expect(json.Unmarshal([]byte(stdout), &sum)).To(Succeed(), stdout)
			Expect(sum.Valid).To(BeFalse())
			Expect(sum.Error).To(ContainSubstring(field + ":"))
		},
		Entry("a day that never comes", "schedule.cron", `{"cron": "0 0 30 2 *"}`, ""),
		Entry("hashed cron values", "schedule.cron", `{"cron": "H 0 * * *"}`, ""),
		Entry("seconds in the cron", "schedule.cron", `{"cron": "0 0 0 * * *"}`, ""),
		Entry("an interval in seconds", "schedule.interval", `{"interval": "90s"}`, ""),
		Entry("an interval beyond Task Scheduler's 31 days", "schedule.interval", `{"interval": "32d"}`, ""),
		Entry("jitter on a startup trigger", "schedule.jitter", `{"startup": {}, "jitter": "1m"}`, ""),
		Entry("a time zone that does not exist", "schedule.timezone", `{"cron": "0 2 * * *", "timezone": "Mars/Olympus"}`, ""),
		Entry("a retry jitter of the longest duration (made 'run' panic)", "retry.jitter", `{"cron": "0 2 * * *"}`,
			`, "retry": {"attempts": 2, "jitter": "106751d23h47m16.854775807s"}`),
		Entry("a backoff factor that overflows", "retry.backoffFactor", `{"cron": "0 2 * * *"}`, `, "retry": {"attempts": 2, "backoffFactor": 1e300}`),
		Entry("a recheck interval that spins", "dependencies.recheckInterval", `{"cron": "0 2 * * *"}`,
			`, "dependencies": {"policy": "wait", "waitTimeout": "1m", "recheckInterval": "1ns", "checks": []}`),
		Entry("a duplicate key", "timeout", `{"cron": "0 2 * * *"}`, `, "timeout": "1h", "timeout": "1m"`),
	)
})

var _ = Describe("run --cron-gate", func() {
	// A cron minute far from now, so the gate never matches during the spec.
	farMinute := func() string {
		t := time.Now().Add(30 * time.Minute)
		return strconv.Itoa(t.Minute()) + " " + strconv.Itoa(t.Hour()) + " * * *"
	}

	Context("when the start is not a minute of the cron expression", func() {
		It("exits 0 so Task Scheduler's Last Run Result stays clean, and prints and records nothing", func() {
			s := newOrcStore()
			s.put("gated", `{"name": "gated", "action": `+portableAction+`, "schedule": {"cron": "`+farMinute()+`"}}`)
			for range 2 {
				code, stdout, stderr := s.orc("run", "gated", "--cron-gate")
				Expect(code).To(Equal(0), stderr)
				Expect(stdout).To(BeEmpty())
				Expect(stderr).To(BeEmpty())
			}
			Expect(filepath.Join(s.home, "history", "gated.jsonl")).NotTo(BeAnExistingFile())
			runs, _ := os.ReadDir(filepath.Join(s.home, "runs"))
			Expect(runs).To(BeEmpty(), "no run output")
			b, err := os.ReadFile(filepath.Join(s.home, "state", "gate", "gated.json"))
			Expect(err).NotTo(HaveOccurred())
			Expect(string(b)).To(ContainSubstring(`"skipped":2`))
		})
	})
})
