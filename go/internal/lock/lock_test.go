package lock_test

import (
	"context"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/lock"
)

var _ = Describe("Lock", func() {
	var path string
	BeforeEach(func() { path = filepath.Join(testutil.TempDir(), "task.lock") })

	It("lets one holder in and tells the next who holds it", func() {
		a, b := lock.New(path), lock.New(path)
		Expect(a.TryAcquire(lock.Holder{PID: os.Getpid(), RunID: "run-a"})).To(Succeed())
		Expect(b.TryAcquire(lock.Holder{PID: 1, RunID: "run-b"})).To(MatchError(lock.ErrHeld))
		h, err := b.Holder()
		Expect(err).NotTo(HaveOccurred())
		Expect(h).To(Equal(lock.Holder{PID: os.Getpid(), RunID: "run-a"}))
		Expect(a.Release()).To(Succeed())
		Expect(b.TryAcquire(lock.Holder{PID: 1, RunID: "run-b"})).To(Succeed())
		Expect(b.Release()).To(Succeed())
	})

	Context("when waiting for a held lock", func() {
		It("gets it as soon as the holder releases", func() {
			a, b := lock.New(path), lock.New(path)
			Expect(a.TryAcquire(lock.Holder{PID: 1, RunID: "a"})).To(Succeed())
			got := make(chan error, 1)
			go func() { got <- b.Acquire(context.Background(), lock.Holder{PID: 2, RunID: "b"}) }()
			Consistently(got, "300ms").ShouldNot(Receive())
			Expect(a.Release()).To(Succeed())
			Eventually(got).Should(Receive(BeNil()))
			Expect(b.Release()).To(Succeed())
		})

		It("gives up when the context ends", func() {
			a, b := lock.New(path), lock.New(path)
			Expect(a.TryAcquire(lock.Holder{PID: 1, RunID: "a"})).To(Succeed())
			DeferCleanup(a.Release)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			Expect(b.Acquire(ctx, lock.Holder{PID: 2, RunID: "b"})).To(HaveOccurred())
		})
	})
})

var _ = Describe("Holder", func() {
	var path string
	BeforeEach(func() { path = filepath.Join(testutil.TempDir(), "task.lock") })

	It("records the holder's PID, run ID and process start time", func() {
		l := lock.New(path)
		Expect(l.TryAcquire(lock.Self("run-a"))).To(Succeed())
		DeferCleanup(l.Release)
		h, err := l.Holder()
		Expect(err).NotTo(HaveOccurred())
		Expect(h.PID).To(Equal(os.Getpid()))
		Expect(h.RunID).To(Equal("run-a"))
		Expect(h.Start).NotTo(BeZero())
		Expect(h.Alive()).To(BeTrue())
	})

	It("is not alive when its PID now belongs to another process (another start time)", func() {
		self := lock.Self("run-a")
		self.Start++
		Expect(self.Alive()).To(BeFalse())
		Expect(lock.Kill(self)).To(MatchError(lock.ErrGone), "and is never signalled")
		Expect(lock.RequestStop(path, self)).To(MatchError(lock.ErrGone))
	})

	It("reads a holder file written by an older orc-exec (no start time) as one that cannot be checked", func() {
		Expect(os.WriteFile(path+".holder", []byte("4242 old-run\n"), 0o600)).To(Succeed())
		h, err := lock.New(path).Holder()
		Expect(err).NotTo(HaveOccurred())
		Expect(h).To(Equal(lock.Holder{PID: 4242, RunID: "old-run"}))
		Expect(h.Alive()).To(BeFalse())
	})

	It("refuses a malformed holder file", func() {
		Expect(os.WriteFile(path+".holder", []byte("garbage\n"), 0o600)).To(Succeed())
		_, err := lock.New(path).Holder()
		Expect(err).To(MatchError(ContainSubstring("malformed")))
	})
})

var _ = Describe("Free", func() {
	It("reports whether anybody holds the lock, without keeping it", func() {
		path := filepath.Join(testutil.TempDir(), "run.lock")
		a, b := lock.New(path), lock.New(path)
		Expect(b.Free()).To(BeTrue())
		Expect(a.TryAcquire(lock.Self("a"))).To(Succeed())
		Expect(b.Free()).To(BeFalse())
		Expect(a.Release()).To(Succeed())
		Expect(b.Free()).To(BeTrue())
		Expect(a.TryAcquire(lock.Self("a"))).To(Succeed(), "Free released what it took")
		Expect(a.Release()).To(Succeed())
	})
})
