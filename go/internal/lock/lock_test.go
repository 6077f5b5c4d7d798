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
