package history_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// Time filters and pruning must not assume that timestamps grow along the
// file: a clock set back, a record dated 1970 by a broken RTC, or a run
// that ends after a later one started all break the order. Before, one
// 1970 record among 1,600 recent ones made `--since 7d` stop there and
// prune delete every valid run written before it.
var _ = Describe("history with timestamps out of order", func() {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	var path string

	BeforeEach(func() {
		path = filepath.Join(testutil.TempDir(), "history", "backup.jsonl")
	})

	// history writes n runs spread over the last 30 days in file order, with
	// a few at odd times (1970, the future, a month ago) at random places,
	// and returns them as written.
	write := func(r *rand.Rand, n int) []result.Record {
		recs := make([]result.Record, n)
		for i := range recs {
			start := now.Add(-30 * 24 * time.Hour).Add(time.Duration(i) * 30 * 24 * time.Hour / time.Duration(n))
			recs[i] = run(fmt.Sprintf("r%04d", i), result.Success, start)
		}
		odd := []time.Time{time.Unix(0, 0).UTC(), now.Add(48 * time.Hour), now.Add(-40 * 24 * time.Hour), time.Time{}.Add(time.Hour)}
		for _, t := range odd {
			recs[r.IntN(n)] = run(recs[r.IntN(n)].RunID+"x", result.Failed, t)
		}
		for k := range recs {
			recs[k].RunID = fmt.Sprintf("%s-%d", recs[k].RunID, k) // unique
		}
		Expect(os.MkdirAll(filepath.Dir(path), 0o755)).To(Succeed())
		appendAll(path, recs...)
		return recs
	}

	// want filters recs by brute force, in file order.
	want := func(recs []result.Record, keep func(result.Record) bool) []string {
		var ids []string
		for _, r := range recs {
			if keep(r) {
				ids = append(ids, r.RunID)
			}
		}
		return ids
	}

	It("Query --since returns every run at or after Since and no other, wherever the odd ones sit", func() {
		for seed := range uint64(20) {
			path = filepath.Join(testutil.TempDir(), "history", "backup.jsonl")
			recs := write(rand.New(rand.NewPCG(seed, 1)), 400)
			since := now.Add(-7 * 24 * time.Hour)
			got, err := history.Query(path, history.Filter{Since: since})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal(want(recs, func(r result.Record) bool { return !history.When(r).Before(since) })), "seed %d", seed)

			By("and with a limit, the newest Limit of those (in file order)")
			got, err = history.Query(path, history.Filter{Since: since, Limit: 5})
			Expect(err).NotTo(HaveOccurred())
			all := want(recs, func(r result.Record) bool { return !history.When(r).Before(since) })
			Expect(runIDs(got)).To(Equal(all[len(all)-5:]), "seed %d", seed)
		}
	})

	It("reads a time filter the same from lines as orc-exec writes them and from hand-edited ones", func() {
		// Query skips lines outside Since from their run ID and times alone
		// (no full decode); lines in another key order take the full decode.
		// Both must agree, markers superseded by their run's final record
		// included.
		r := rand.New(rand.NewPCG(5, 5))
		recs := write(r, 300)
		for k := 0; k < 40; k++ { // markers of runs that end later in the file
			i := r.IntN(len(recs))
			m := marker(recs[i].RunID, recs[i].Start)
			Expect(history.Append(path, m)).To(Succeed())
		}
		appendAll(path, recs[:40]...) // and their finals again, superseding those markers
		since := now.Add(-7 * 24 * time.Hour)
		fast, err := history.Query(path, history.Filter{Since: since})
		Expect(err).NotTo(HaveOccurred())

		data, err := os.ReadFile(path)
		Expect(err).NotTo(HaveOccurred())
		var sorted []byte
		for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
			var m map[string]any
			Expect(json.Unmarshal(line, &m)).To(Succeed())
			b, err := json.Marshal(m) // keys sorted: not the order Append writes
			Expect(err).NotTo(HaveOccurred())
			sorted = append(append(sorted, b...), '\n')
		}
		edited := filepath.Join(filepath.Dir(path), "edited.jsonl")
		Expect(os.WriteFile(edited, sorted, 0o644)).To(Succeed())
		slow, err := history.Query(edited, history.Filter{Since: since})
		Expect(err).NotTo(HaveOccurred())
		Expect(runIDs(fast)).To(Equal(runIDs(slow)))
		Expect(fast).NotTo(BeEmpty())
	})

	It("Prune by age drops exactly the runs older than maxAge and keeps every other", func() {
		for seed := range uint64(20) {
			path = filepath.Join(testutil.TempDir(), "history", "backup.jsonl")
			recs := write(rand.New(rand.NewPCG(seed, 2)), 400)
			maxAge := 10 * 24 * time.Hour
			Expect(history.Prune(path, 0, maxAge, now)).To(Succeed())
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal(want(recs, func(r result.Record) bool { return !history.When(r).Before(now.Add(-maxAge)) })), "seed %d", seed)
		}
	})

	It("Prune by count and age together keeps the newest keep runs among those young enough", func() {
		recs := write(rand.New(rand.NewPCG(7, 3)), 400)
		maxAge := 10 * 24 * time.Hour
		Expect(history.Prune(path, 50, maxAge, now)).To(Succeed())
		got, err := history.Query(path, history.Filter{})
		Expect(err).NotTo(HaveOccurred())
		young := want(recs, func(r result.Record) bool { return !history.When(r).Before(now.Add(-maxAge)) })
		Expect(runIDs(got)).To(Equal(young[len(young)-50:]))
	})
})

var _ = Describe("retention", func() {
	var home, path, runs string

	BeforeEach(func() {
		home = testutil.TempDir()
		path = filepath.Join(home, "history", "backup.jsonl")
		runs = filepath.Join(home, "runs", "backup")
		Expect(os.MkdirAll(runs, 0o755)).To(Succeed())
	})

	Context("when runs are older than the age limit but the file is small", func() {
		It("drops them at the next append instead of keeping them until the file reaches a PruneEvery step", func() {
			now := time.Now()
			ret := history.Retention{Keep: 1000, MaxAge: 90 * 24 * time.Hour}
			for i := range 5 {
				Expect(history.AppendWith(path, run(fmt.Sprintf("old%d", i), result.Success, now.Add(-200*24*time.Hour)), ret)).To(Succeed())
			}
			Expect(history.AppendWith(path, run("new", result.Success, now.Add(-time.Hour)), ret)).To(Succeed())
			got, err := history.Query(path, history.Filter{})
			Expect(err).NotTo(HaveOccurred())
			Expect(runIDs(got)).To(Equal([]string{"new"}))
		})
	})

	Context("when runs are pruned", func() {
		It("deletes their output files and orphaned ones, but not those of kept runs or of a run just starting", func() {
			now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
			output := func(id string, age time.Duration) string {
				f := filepath.Join(runs, id+".log")
				Expect(os.WriteFile(f, []byte("output of "+id), 0o600)).To(Succeed())
				t := time.Now().Add(-age)
				Expect(os.Chtimes(f, t, t)).To(Succeed())
				return f
			}
			var files []string
			for i := range 6 {
				id := fmt.Sprintf("r%d", i)
				appendAll(path, run(id, result.Success, now.Add(time.Duration(i-6)*time.Hour)))
				files = append(files, output(id, 48*time.Hour))
			}
			orphanOld := output("gone-long-ago", 48*time.Hour)
			justStarting := output("starting-now", 0)
			notOurs := filepath.Join(runs, "notes.txt")
			Expect(os.WriteFile(notOurs, []byte("x"), 0o600)).To(Succeed())

			Expect(history.Prune(path, 2, 0, now)).To(Succeed())

			for _, f := range files[:4] {
				Expect(f).NotTo(BeAnExistingFile(), "output of a pruned run")
			}
			for _, f := range files[4:] {
				Expect(f).To(BeAnExistingFile(), "output of a kept run")
			}
			Expect(orphanOld).NotTo(BeAnExistingFile(), "an old output file no record names")
			Expect(justStarting).To(BeAnExistingFile(), "a fresh output file whose run has not recorded yet")
			Expect(notOurs).To(BeAnExistingFile(), "a file that is not a run's output")
			entries, _ := os.ReadDir(runs)
			names := []string{}
			for _, e := range entries {
				names = append(names, e.Name())
			}
			slices.Sort(names)
			Expect(names).To(Equal([]string{"notes.txt", "r4.log", "r5.log", "starting-now.log"}))
		})
	})
})
