package crongate_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cronplan"
	"github.com/orchestrator/orchestrator/go/internal/taskxml/crongate"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// every matches minutes that are multiples of n (like "*/n * * * *").
type every int

func (n every) Matches(t time.Time) bool { return t.Second() == 0 && t.Minute()%int(n) == 0 }

// wallClock matches one wall-clock time of day, like "30 2 * * *".
type wallClock struct{ h, m int }

func (w wallClock) Matches(t time.Time) bool { return t.Hour() == w.h && t.Minute() == w.m }

var utc = time.UTC

func hm(h, m, s int) time.Time { return time.Date(2025, 7, 1, h, m, s, 0, utc) }

var _ = Describe("Decide", func() {
	DescribeTable("a start belongs to the cron minute it was planned for",
		func(now time.Time, randomDelay time.Duration, after time.Time, want time.Time, ok bool) {
			got, gotOK := crongate.Decide(every(7), utc, now, crongate.Window(randomDelay), after)
			Expect(gotOK).To(Equal(ok))
			if ok {
				Expect(got).To(Equal(want))
			}
		},
		Entry("on the minute", hm(10, 7, 0), time.Duration(0), time.Time{}, hm(10, 7, 0), true),
		Entry("a few seconds late", hm(10, 7, 3), time.Duration(0), time.Time{}, hm(10, 7, 0), true),
		Entry("59s late (within the 1 min slack)", hm(10, 7, 59), time.Duration(0), time.Time{}, hm(10, 7, 0), true),
		Entry("a superset firing the minute after is gated", hm(10, 8, 0), time.Duration(0), time.Time{}, time.Time{}, false),
		Entry("a superset firing a second after the next minute is gated", hm(10, 8, 1), time.Duration(0), time.Time{}, time.Time{}, false),
		Entry("a non-matching minute", hm(10, 9, 0), time.Duration(0), time.Time{}, time.Time{}, false),
		Entry("2s early counts for the coming minute", hm(10, 6, 58), time.Duration(0), time.Time{}, hm(10, 7, 0), true),
		Entry("delayed by the random delay", hm(10, 11, 40), 5*time.Minute, time.Time{}, hm(10, 7, 0), true),
		Entry("delayed beyond random delay + slack", hm(10, 13, 1), 5*time.Minute, time.Time{}, time.Time{}, false),
		Entry("a claimed minute is not claimed again", hm(10, 7, 30), time.Duration(0), hm(10, 7, 0), time.Time{}, false),
	)

	It("evaluates the cron in the schedule's zone", func() {
		berlin, err := time.LoadLocation("Europe/Berlin")
		Expect(err).NotTo(HaveOccurred())
		now := time.Date(2025, 7, 1, 0, 30, 10, 0, time.UTC) // 02:30:10 in Berlin (CEST)
		_, ok := crongate.Decide(wallClock{2, 30}, berlin, now, crongate.Window(0), time.Time{})
		Expect(ok).To(BeTrue())
		_, ok = crongate.Decide(wallClock{2, 30}, time.UTC, now, crongate.Window(0), time.Time{})
		Expect(ok).To(BeFalse())
	})
})

var _ = Describe("Gate", func() {
	var dir string
	BeforeEach(func() { dir = filepath.Join(testutil.TempDir(), "state", "gate") })

	It("runs each cron minute exactly once when delayed starts arrive out of order", func() {
		// Superset: a trigger every minute with a 5 min random delay; cron */7.
		// The 10:07 firing is delayed to 10:11, the 10:08 one to 10:08:20, ...
		window := crongate.Window(5 * time.Minute)
		starts := []time.Time{hm(10, 8, 20), hm(10, 9, 5), hm(10, 11, 0), hm(10, 12, 30), hm(10, 14, 10), hm(10, 15, 0)}
		var ran []time.Time
		for _, s := range starts {
			v, err := crongate.Gate(dir, "t", every(7), utc, s, window)
			Expect(err).NotTo(HaveOccurred())
			if v.Run {
				ran = append(ran, v.Minute)
			}
		}
		Expect(ran).To(Equal([]time.Time{hm(10, 7, 0), hm(10, 14, 0)}))
		st, err := crongate.ReadState(dir, "t")
		Expect(err).NotTo(HaveOccurred())
		Expect(st).To(Equal(crongate.State{LastClaimed: hm(10, 14, 0), Passed: 2, Skipped: 4}))
	})

	It("never lets two concurrent starts claim one minute", func() {
		var wg sync.WaitGroup
		var mu sync.Mutex
		runs := 0
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer GinkgoRecover()
				v, err := crongate.Gate(dir, "c", every(7), utc, hm(10, 7, 1), crongate.Window(0))
				Expect(err).NotTo(HaveOccurred())
				if v.Run {
					mu.Lock()
					runs++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		Expect(runs).To(Equal(1))
		st, _ := crongate.ReadState(dir, "c")
		Expect(st.Passed + st.Skipped).To(Equal(int64(8)))
	})

	It("starts afresh from a damaged state file and decides statelessly when it cannot write", func() {
		Expect(os.MkdirAll(dir, 0o755)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(dir, "d.json"), []byte("{garbage"), 0o644)).To(Succeed())
		v, err := crongate.Gate(dir, "d", every(7), utc, hm(10, 7, 0), crongate.Window(0))
		Expect(err).NotTo(HaveOccurred())
		Expect(v.Run).To(BeTrue())

		blocked := filepath.Join(testutil.TempDir(), "file")
		Expect(os.WriteFile(blocked, nil, 0o644)).To(Succeed())
		v, err = crongate.Gate(filepath.Join(blocked, "gate"), "d", every(7), utc, hm(10, 7, 0), crongate.Window(0))
		Expect(err).To(HaveOccurred())
		Expect(v.Run).To(BeTrue())
		v, _ = crongate.Gate(filepath.Join(blocked, "gate"), "d", every(7), utc, hm(10, 7, 30), crongate.Window(0))
		Expect(v.Run).To(BeFalse(), "statelessly only the start's own minute counts (plus Early)")
	})
})

var _ = Describe("Gate with cronplan", func() {
	It("runs every cron minute of a day exactly once under random delays and out-of-order starts", func() {
		e, err := cronplan.Parse("*/7 9-17 * * 1-5")
		Expect(err).NotTo(HaveOccurred())
		berlin, err := time.LoadLocation("Europe/Berlin")
		Expect(err).NotTo(HaveOccurred())
		dir := filepath.Join(testutil.TempDir(), "gate")
		// Superset: a trigger every minute of the day, each start delayed by
		// a random delay of up to 3 min, processed in start order.
		const delay = 3 * time.Minute
		r := rand.New(rand.NewPCG(7, 9))
		day := time.Date(2025, 7, 1, 0, 0, 0, 0, berlin) // a Tuesday
		var starts []time.Time
		for m := range 24 * 60 {
			starts = append(starts, day.Add(time.Duration(m)*time.Minute+time.Duration(r.Int64N(int64(delay)))))
		}
		slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
		var ran []time.Time
		for _, s := range starts {
			v, err := crongate.Gate(dir, "p", e, berlin, s, crongate.Window(delay))
			Expect(err).NotTo(HaveOccurred())
			if v.Run {
				ran = append(ran, v.Minute.In(berlin))
			}
		}
		Expect(ran).To(Equal(e.FiresBetween(berlin, day, day.Add(24*time.Hour))))
	})
})
