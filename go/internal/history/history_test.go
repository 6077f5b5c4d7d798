package history_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var t0 = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

// run builds a final record of a run that started at start and took a minute.
func run(id string, status result.Status, start time.Time) result.Record {
	return result.Record{
		Schema: result.Schema, Task: "backup", RunID: id, Trigger: result.Scheduled,
		Host: "srv01", Status: status, Start: start, End: start.Add(time.Minute),
		DurationMs: 60000, ExitCode: 0, OrcExitCode: 0,
		Attempts:   []result.Attempt{{Number: 1, Start: start, End: start.Add(time.Minute), DurationMs: 60000}},
		OutputTail: "done\n",
	}
}

// marker builds the RUNNING record a run writes before its command starts.
func marker(id string, start time.Time) result.Record {
	return result.Record{
		Schema: result.Schema, Task: "backup", RunID: id, Trigger: result.Scheduled,
		Host: "srv01", Status: result.Running, Start: start, ExitCode: -1,
	}
}

func appendAll(path string, recs ...result.Record) {
	GinkgoHelper()
	for _, r := range recs {
		Expect(history.Append(path, r)).To(Succeed())
	}
}

func runIDs(recs []result.Record) []string {
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.RunID
	}
	return ids
}

// rawLines returns the file's lines, and whether each one is a valid record.
func rawLines(path string) (lines []string, valid []bool) {
	GinkgoHelper()
	data, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var rec result.Record
		lines = append(lines, l)
		valid = append(valid, json.Unmarshal([]byte(l), &rec) == nil && rec.RunID != "")
	}
	return lines, valid
}

var _ = Describe("History", func() {
	var path string

	BeforeEach(func() {
		path = filepath.Join(testutil.TempDir(), "history", "backup.ndjson")
	})

	Context("when the file does not exist", func() {
		It("is an empty history, not an error", func() {
			recs, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(recs).To(BeEmpty())
			_, ok, err := history.Latest(path)
			Expect(err).NotTo(HaveOccurred())
			Expect(ok).To(BeFalse())
			Expect(history.Prune(path, 10, 0, time.Now())).To(Succeed())
		})
	})

	Context("when records are appended", func() {
		It("returns them as written, one line each, newest last", func() {
			recs := []result.Record{run("a", result.Success, t0), run("b", result.Failed, t0.Add(time.Hour)), run("c", result.Timeout, t0.Add(2*time.Hour))}
			appendAll(path, recs...)

			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal(recs))
			lines, valid := rawLines(path)
			Expect(lines).To(HaveLen(3))
			Expect(valid).To(HaveEach(BeTrue()))

			latest, ok, err := history.Latest(path)
			Expect(err).NotTo(HaveOccurred())
			Expect(ok).To(BeTrue())
			Expect(latest).To(Equal(recs[2]))
		})

		It("reads records larger than a read chunk and many chunks intact", func() {
			var want []result.Record
			for i := range 400 {
				r := run(fmt.Sprintf("r%03d", i), result.Success, t0.Add(time.Duration(i)*time.Minute))
				r.OutputTail = strings.Repeat("é", (i*977)%4000)
				if i%97 == 0 {
					r.OutputTail = strings.Repeat("z", 150_000) // spans three 64 KiB chunks
				}
				want = append(want, r)
			}
			appendAll(path, want...)

			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal(want))
		})

		// Reads start small and double, so a newest record about the size
		// of one of those reads is where a boundary mistake would show.
		DescribeTable("reads the newest record intact whatever its size",
			func(tail int) {
				older := run("older", result.Failed, t0)
				newest := run("newest", result.Success, t0.Add(time.Minute))
				newest.OutputTail = strings.Repeat("x", tail)
				appendAll(path, older, newest)

				got, ok, err := history.Latest(path)
				Expect(err).NotTo(HaveOccurred())
				Expect(ok).To(BeTrue())
				Expect(got).To(Equal(newest))
				all, err := history.Query(path, history.Filter{})
				Expect(err).NotTo(HaveOccurred())
				Expect(all).To(Equal([]result.Record{older, newest}))
			},
			Entry("small", 10),
			Entry("just under the first read", 3_700),
			Entry("about the first read", 4_096),
			Entry("just over the first read", 4_500),
			Entry("over the first two reads", 13_000),
			Entry("over a full chunk", 70_000),
		)
	})

	Context("when filtering", func() {
		BeforeEach(func() {
			for i := range 10 {
				status := result.Success
				if i%3 == 0 {
					status = result.Failed
				}
				appendAll(path, run(fmt.Sprintf("r%d", i), status, t0.Add(time.Duration(i)*time.Hour)))
			}
		})

		It("returns only the newest Limit runs, still newest last", func() {
			got, err := history.Query(path, history.Filter{Limit: 3})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r7", "r8", "r9"}))
		})

		It("returns only runs at or after Since", func() {
			// r5 ends at t0+5h1m; r4 ended at t0+4h1m, before Since.
			got, err := history.Query(path, history.Filter{Since: t0.Add(5 * time.Hour)})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r5", "r6", "r7", "r8", "r9"}))
		})

		It("returns only runs with Status, combined with Limit and Since", func() {
			got, err := history.Query(path, history.Filter{Status: result.Failed})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r0", "r3", "r6", "r9"}))

			got, err = history.Query(path, history.Filter{Status: result.Failed, Limit: 2})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r6", "r9"}))

			got, err = history.Query(path, history.Filter{Status: result.Failed, Since: t0.Add(4 * time.Hour)})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r6", "r9"}))
		})
	})

	Context("when a run wrote a RUNNING marker", func() {
		BeforeEach(func() {
			appendAll(path,
				marker("done", t0),
				marker("killed", t0.Add(time.Second)),
				run("done", result.Success, t0),
			)
		})

		It("collapses by RunID: the final record supersedes the marker, a lone marker stays RUNNING", func() {
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal([]result.Record{marker("killed", t0.Add(time.Second)), run("done", result.Success, t0)}))

			latest, _, err := history.Latest(path)
			Expect(err).NotTo(HaveOccurred())
			Expect(latest.Status).To(Equal(result.Success))
		})

		It("does not let a superseded marker match a RUNNING filter", func() {
			got, err := history.Query(path, history.Filter{Status: result.Running})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"killed"}))
		})

		It("shows a run still in progress as the latest", func() {
			appendAll(path, marker("now", t0.Add(time.Hour)))
			latest, ok, err := history.Latest(path)
			Expect(err).NotTo(HaveOccurred())
			Expect(ok).To(BeTrue())
			Expect(latest).To(Equal(marker("now", t0.Add(time.Hour))))
		})
	})

	Context("when the last line was torn by a crash", func() {
		var torn string

		BeforeEach(func() {
			appendAll(path, run("a", result.Success, t0), run("b", result.Success, t0.Add(time.Hour)))
			line, err := json.Marshal(run("torn", result.Success, t0.Add(2*time.Hour)))
			Expect(err).NotTo(HaveOccurred())
			torn = string(line[:len(line)/2])
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			Expect(err).NotTo(HaveOccurred())
			_, err = f.WriteString(torn)
			Expect(err).NotTo(HaveOccurred())
			Expect(f.Close()).To(Succeed())
		})

		It("skips the torn line when reading", func() {
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"a", "b"}))
		})

		It("starts the next record on its own line and loses none", func() {
			appendAll(path, run("c", result.Failed, t0.Add(3*time.Hour)))

			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"a", "b", "c"}))
			lines, valid := rawLines(path)
			Expect(lines).To(HaveLen(4))
			Expect(lines[2]).To(Equal(torn))
			Expect(valid).To(Equal([]bool{true, true, false, true}))
		})
	})

	Describe("Prune", func() {
		now := t0.Add(100 * time.Hour)

		BeforeEach(func() {
			for i := range 10 {
				appendAll(path, run(fmt.Sprintf("r%d", i), result.Success, t0.Add(time.Duration(i)*time.Hour)))
			}
		})

		It("keeps the newest keep runs", func() {
			Expect(history.Prune(path, 4, 0, now)).To(Succeed())
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r6", "r7", "r8", "r9"}))
			lines, _ := rawLines(path)
			Expect(lines).To(HaveLen(4))
		})

		It("drops runs older than maxAge", func() {
			// now-maxAge = t0+7h: r6 ended at t0+6h1m, r7 at t0+7h1m.
			Expect(history.Prune(path, 0, 93*time.Hour, now)).To(Succeed())
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r7", "r8", "r9"}))
		})

		It("applies whichever of keep and maxAge is stricter", func() {
			Expect(history.Prune(path, 2, 93*time.Hour, now)).To(Succeed())
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"r8", "r9"}))
		})

		It("drops superseded markers and torn lines but keeps lone markers", func() {
			appendAll(path, marker("x", now), marker("y", now))
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			Expect(err).NotTo(HaveOccurred())
			_, err = f.WriteString(`{"schema":"orc.res`)
			Expect(err).NotTo(HaveOccurred())
			Expect(f.Close()).To(Succeed())
			appendAll(path, run("x", result.Success, now))

			Expect(history.Prune(path, 3, 0, now)).To(Succeed())
			lines, valid := rawLines(path)
			Expect(valid).To(Equal([]bool{true, true, true}))
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal([]result.Record{run("r9", result.Success, t0.Add(9*time.Hour)), marker("y", now), run("x", result.Success, now)}))
			Expect(lines[1]).To(ContainSubstring(`"RUNNING"`))
		})

		It("leaves no temp files behind", func() {
			Expect(history.Prune(path, 4, 0, now)).To(Succeed())
			entries, err := os.ReadDir(filepath.Dir(path))
			Expect(err).NotTo(HaveOccurred())
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			Expect(names).To(ConsistOf("backup.ndjson", "backup.ndjson.lock"))
		})
	})

	Context("when Append carries the file across a PruneEvery step", func() {
		It("prunes to the retention and keeps the newest run", func() {
			big := func(i int) result.Record {
				r := run(fmt.Sprintf("big%02d", i), result.Success, t0.Add(time.Duration(i)*time.Hour))
				r.OutputTail = strings.Repeat("o", 100_000)
				return r
			}
			// 10 records stay under 1 MiB: nothing is pruned yet.
			for i := range 10 {
				Expect(history.AppendWith(path, big(i), history.Retention{Keep: 3})).To(Succeed())
			}
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(HaveLen(10))

			// The 11th crosses 1 MiB.
			Expect(history.AppendWith(path, big(10), history.Retention{Keep: 3})).To(Succeed())
			got, err = history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"big08", "big09", "big10"}))
		})
	})

	Context("when many processes append to one file at once", func() {
		// start runs n appender processes writing count records each.
		start := func(n, count, pad int) []*gexec.Session {
			sessions := make([]*gexec.Session, n)
			for i := range sessions {
				var s *gexec.Session
				var err error
				// Under Wine, CreateProcess now and then fails ("Internal error", 0x54f)
				// when dozens of processes start at once on a loaded machine. Such a writer
				// never ran, so starting it again changes nothing that is being tested.
				for try := 0; ; try++ {
					cmd := appenderCmd(path, fmt.Sprintf("w%02d", i), fmt.Sprint(count), fmt.Sprint(pad))
					if s, err = gexec.Start(cmd, GinkgoWriter, GinkgoWriter); err == nil || runtime.GOOS != "windows" || try == 4 {
						break
					}
					time.Sleep(100 * time.Millisecond)
				}
				Expect(err).NotTo(HaveOccurred())
				sessions[i] = s
			}
			return sessions
		}
		expectAll := func(sessions []*gexec.Session, n, count int) {
			for _, s := range sessions {
				Eventually(s).WithTimeout(2 * time.Minute).Should(gexec.Exit(0))
			}
			lines, valid := rawLines(path)
			Expect(lines).To(HaveLen(n * count))
			Expect(valid).To(HaveEach(BeTrue()))
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			ids := map[string]bool{}
			for _, r := range got {
				ids[r.RunID] = true
			}
			Expect(ids).To(HaveLen(n * count))
		}

		It("keeps every record whole: 50 writers x 20 records", func() {
			sessions := start(50, 20, 100)
			expectAll(sessions, 50, 20)
		})

		It("loses none while Append prunes under the same lock", func() {
			// 4 KiB records: 1,200 of them cross PruneEvery four times.
			sessions := start(12, 100, 4096)
			expectAll(sessions, 12, 100)
		})
	})

	Context("when a writer is SIGKILLed in the middle of appending", func() {
		It("leaves a history that reads and appends normally", func() {
			s, err := gexec.Start(appenderCmd(path, "k", "-1", "2000"), GinkgoWriter, GinkgoWriter)
			Expect(err).NotTo(HaveOccurred())
			Eventually(func() int {
				data, _ := os.ReadFile(path)
				return bytes.Count(data, []byte{'\n'})
			}).Should(BeNumerically(">=", 200))
			s.Kill()
			Eventually(s).Should(gexec.Exit())

			lines, valid := rawLines(path)
			for i, ok := range valid[:len(valid)-1] {
				Expect(ok).To(BeTrue(), "line %d of %d", i, len(valid))
			}
			before, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(len(before)).To(BeNumerically(">=", len(lines)-1))

			after := run("after-kill", result.Success, time.Now().UTC())
			appendAll(path, after)
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(HaveLen(len(before) + 1))
			Expect(got[len(got)-1].RunID).To(Equal("after-kill"))
		})
	})
})
