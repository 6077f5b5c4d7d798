package metrics_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/metrics"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("the exposition validator the specs use", func() {
	good := "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"1\"} 2\n# HELP b B.\n# TYPE b gauge\nb 1.5\n"

	It("accepts a well-formed exposition", func() {
		_, err := parseExposition(good)
		Expect(err).NotTo(HaveOccurred())
	})

	DescribeTable("rejects what the text format forbids",
		func(text, problem string) {
			_, err := parseExposition(text)
			Expect(err).To(MatchError(ContainSubstring(problem)))
		},
		Entry("no trailing newline", strings.TrimSuffix(good, "\n"), "newline"),
		Entry("TYPE after the family's samples", "# HELP b B.\nb 1\n# TYPE b gauge\n", "no TYPE before"),
		Entry("a second HELP", "# HELP b B.\n# HELP b C.\n# TYPE b gauge\nb 1\n", "second HELP"),
		Entry("a second TYPE", "# TYPE b gauge\n# TYPE b gauge\nb 1\n", "second TYPE"),
		Entry("an unknown type", "# TYPE b meter\nb 1\n", "invalid TYPE"),
		Entry("a duplicate series", "# TYPE b gauge\nb{x=\"1\"} 1\nb{x=\"1\"} 2\n", "duplicate series"),
		Entry("a duplicate series with labels in another order", "# TYPE b gauge\nb{x=\"1\",y=\"2\"} 1\nb{y=\"2\",x=\"1\"} 2\n", "duplicate series"),
		Entry("an invalid metric name", "# TYPE 1b gauge\n1b 1\n", "invalid metric name"),
		Entry("an invalid label name", "# TYPE b gauge\nb{x-y=\"1\"} 1\n", "invalid label name"),
		Entry("a reserved label name", "# TYPE b gauge\nb{__x=\"1\"} 1\n", "invalid label name"),
		Entry("an invalid escape", "# TYPE b gauge\nb{x=\"a\\tb\"} 1\n", "invalid escape"),
		Entry("an unescaped quote", "# TYPE b gauge\nb{x=\"a\"b\"} 1\n", "expected , or }"),
		Entry("a family split in two", "# TYPE a gauge\n# TYPE b gauge\na 1\nb 1\na{x=\"1\"} 1\n", "apart from the rest"),
		Entry("a counter not named _total", "# TYPE a counter\na 1\n", "not named *_total"),
		Entry("a value that is not a float", "# TYPE b gauge\nb one\n", "invalid value"),
	)
})

// rec is a final record of task with status, ending at end.
func rec(task string, status result.Status, end time.Time) result.Record {
	return result.Record{Task: task, RunID: fmt.Sprintf("%s-%d", task, end.UnixNano()), Status: status, End: end,
		DurationMs: 1500, ExitCode: 0, Attempts: []result.Attempt{{Number: 1}, {Number: 2}}}
}

var _ = Describe("Writer.Update", func() {
	var (
		w    *metrics.Writer
		read func() *exposition
	)
	BeforeEach(func() {
		base := testutil.TempDir()
		w = &metrics.Writer{Dir: filepath.Join(base, "metrics"), StateDir: filepath.Join(base, "state")}
		read = func() *exposition {
			GinkgoHelper()
			data, err := os.ReadFile(filepath.Join(w.Dir, metrics.FileName))
			Expect(err).NotTo(HaveOccurred())
			e, err := parseExposition(string(data))
			Expect(err).NotTo(HaveOccurred(), string(data))
			return e
		}
	})

	Context("after a successful run", func() {
		It("writes the task's last status, success time, duration, attempts, runs and the outbox size", func() {
			end := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
			Expect(w.Update(context.Background(), rec("db-export", result.Success, end), 3)).To(Succeed())
			e := read()
			Expect(e.value("orchestrator_task_last_status", "task=db-export", "status=SUCCESS")).To(BeEquivalentTo(1))
			Expect(e.value("orchestrator_task_last_status", "task=db-export", "status=FAILED")).To(BeEquivalentTo(0))
			Expect(e.value("orchestrator_task_last_success_timestamp_seconds", "task=db-export")).To(BeEquivalentTo(float64(end.Unix())))
			Expect(e.value("orchestrator_task_last_duration_seconds", "task=db-export")).To(BeEquivalentTo(1.5))
			Expect(e.value("orchestrator_task_last_attempts", "task=db-export")).To(BeEquivalentTo(2))
			Expect(e.value("orchestrator_task_runs_total", "task=db-export", "status=SUCCESS")).To(BeEquivalentTo(1))
			Expect(e.value("orchestrator_task_runs_total", "task=db-export", "status=TIMEOUT")).To(BeEquivalentTo(0))
			Expect(e.value("orchestrator_outbox_messages")).To(BeEquivalentTo(3))
			Expect(e.types).To(HaveKeyWithValue("orchestrator_task_runs_total", "counter"))
		})
	})

	Context("after runs with every final status", func() {
		It("counts each status and keeps the last success time through later failures", func() {
			t0 := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
			for i, s := range metrics.Statuses {
				Expect(w.Update(context.Background(), rec("t", s, t0.Add(time.Duration(i)*time.Minute)), 0)).To(Succeed())
			}
			Expect(w.Update(context.Background(), rec("t", result.Failed, t0.Add(time.Hour)), 0)).To(Succeed())
			e := read()
			for _, s := range metrics.Statuses {
				want := 1.0
				if s == result.Failed {
					want = 2
				}
				Expect(e.value("orchestrator_task_runs_total", "task=t", "status="+string(s))).To(Equal(want), string(s))
			}
			Expect(e.value("orchestrator_task_last_status", "task=t", "status=FAILED")).To(BeEquivalentTo(1))
			Expect(e.value("orchestrator_task_last_success_timestamp_seconds", "task=t")).To(BeEquivalentTo(float64(t0.Unix())))
		})
	})

	Context("when the state file is damaged", func() {
		It("starts the counters again rather than failing the run", func() {
			Expect(os.MkdirAll(w.StateDir, 0o755)).To(Succeed())
			Expect(os.WriteFile(filepath.Join(w.StateDir, "metrics.json"), []byte("{not json"), 0o644)).To(Succeed())
			Expect(w.Update(context.Background(), rec("t", result.Success, time.Now()), 0)).To(Succeed())
			Expect(read().value("orchestrator_task_runs_total", "task=t", "status=SUCCESS")).To(BeEquivalentTo(1))
		})
	})

	Context("when runs of different tasks finish at the same time", func() {
		It("loses no update, and a reader only ever sees a complete file", func() {
			const tasks, runs = 6, 5
			// The reader reads once per finished update, while the other
			// writers go on: an exporter's scrapes, compressed. (A reader
			// in a tight loop would starve the rename on Windows, where it
			// waits for readers to close the file; exporters read seldom.)
			updated := make(chan struct{}, tasks*runs)
			readerDone := make(chan error, 1)
			go func() {
				defer GinkgoRecover()
				for range updated {
					data, err := os.ReadFile(filepath.Join(w.Dir, metrics.FileName))
					if err == nil {
						_, err = parseExposition(string(data))
					}
					if err != nil {
						readerDone <- err
						return
					}
				}
				readerDone <- nil
			}()
			var wg sync.WaitGroup
			for i := range tasks {
				wg.Add(1)
				go func() {
					defer GinkgoRecover()
					defer wg.Done()
					for range runs {
						Expect(w.Update(context.Background(), rec(fmt.Sprintf("task-%d", i), result.Success, time.Now()), 0)).To(Succeed())
						updated <- struct{}{}
					}
				}()
			}
			wg.Wait()
			close(updated)
			Expect(<-readerDone).To(Succeed())
			e := read()
			for i := range tasks {
				Expect(e.value("orchestrator_task_runs_total", fmt.Sprintf("task=task-%d", i), "status=SUCCESS")).To(BeEquivalentTo(runs))
			}
			left, _ := filepath.Glob(filepath.Join(w.Dir, ".*tmp*"))
			Expect(left).To(BeEmpty(), "no temporary files are left behind")
		})
	})

	Context("when promtool is installed (Debian: package prometheus)", func() {
		It("passes 'promtool check metrics'", func() {
			tool := os.Getenv("ORC_PROMTOOL")
			if tool == "" {
				var err error
				if tool, err = exec.LookPath("promtool"); err != nil {
					Skip("promtool is not installed (apt-get install prometheus, or set ORC_PROMTOOL to its path); the validator above checks the format")
				}
			}
			for _, s := range metrics.Statuses {
				Expect(w.Update(context.Background(), rec("db-export", s, time.Now()), 1)).To(Succeed())
			}
			f, err := os.Open(filepath.Join(w.Dir, metrics.FileName))
			Expect(err).NotTo(HaveOccurred())
			defer f.Close()
			cmd := exec.Command(tool, "check", "metrics")
			cmd.Stdin = f
			out, err := cmd.CombinedOutput()
			Expect(err).NotTo(HaveOccurred(), string(out))
			Expect(strings.TrimSpace(string(out))).To(BeEmpty(), "no lint findings")
		})
	})
})

var _ = Describe("Render", func() {
	// Task names are restricted by the definition rules, but the writer
	// does not rely on that: any name must come back as written.
	alphabet := []rune("ab_-.\\\"\n{}=, é\u2603")
	randomName := func(r *rand.Rand) string {
		n := 1 + r.IntN(12)
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(out)
	}

	It("round-trips any state through the text format (200 random states)", func() {
		r := rand.New(rand.NewPCG(13, 7))
		for range 200 {
			st := &metrics.State{Tasks: map[string]*metrics.Task{}, Outbox: r.IntN(100)}
			for range 1 + r.IntN(5) {
				t := &metrics.Task{LastStatus: metrics.Statuses[r.IntN(len(metrics.Statuses))],
					LastEnd: time.UnixMilli(r.Int64N(4e12)), LastDurationMs: r.Int64N(1e9), LastAttempts: r.IntN(10),
					LastExitCode: r.IntN(300) - 1, Runs: map[string]int64{}}
				if r.IntN(2) == 0 {
					t.LastSuccess = time.UnixMilli(r.Int64N(4e12))
				}
				for _, s := range metrics.Statuses {
					t.Runs[string(s)] = r.Int64N(1 << 40)
				}
				st.Tasks[randomName(r)] = t
			}
			text := string(metrics.Render(st))
			e, err := parseExposition(text)
			Expect(err).NotTo(HaveOccurred(), text)
			for name, t := range st.Tasks {
				Expect(e.value("orchestrator_task_last_status", "task="+name, "status="+string(t.LastStatus))).To(BeEquivalentTo(1), text)
				Expect(e.value("orchestrator_task_last_duration_seconds", "task="+name)).To(BeNumerically("~", float64(t.LastDurationMs)/1000, 1e-9))
				Expect(e.value("orchestrator_task_last_exit_code", "task="+name)).To(BeEquivalentTo(t.LastExitCode))
				for s, n := range t.Runs {
					Expect(e.value("orchestrator_task_runs_total", "task="+name, "status="+s)).To(BeEquivalentTo(n))
				}
				_, has := e.lookup("orchestrator_task_last_success_timestamp_seconds", "task="+name)
				Expect(has).To(Equal(!t.LastSuccess.IsZero()))
			}
			Expect(e.value("orchestrator_outbox_messages")).To(BeEquivalentTo(st.Outbox))
		}
	})
})
