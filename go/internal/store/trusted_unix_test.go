//go:build unix

package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

var _ = Describe("OpenTrusted on Unix", func() {
	var (
		root string // a folder only we can write, standing in for /
		s    *store.Store
		file string
	)
	BeforeEach(func() {
		root = GinkgoT().TempDir()
		var err error
		s, err = store.Open(filepath.Join(root, "parent", "orc"))
		Expect(err).NotTo(HaveOccurred())
		file = filepath.Join(s.StateDir(), "notify.json")
		Expect(os.WriteFile(file, []byte(`{"good":true}`), 0o600)).To(Succeed())
	})

	It("reads a file when it and every folder above it are safe", func() {
		Expect(store.ReadTrusted(s.Home, file, 1024)).To(Equal([]byte(`{"good":true}`)))
	})

	DescribeTable("refuses, naming the unsafe path and a fix, when someone else could replace what is read",
		func(unsafe func() string, problem string) {
			p := unsafe()
			_, err := store.ReadTrusted(s.Home, file, 1024)
			Expect(err).To(MatchError(store.ErrInsecure))
			var ie *store.InsecureError
			Expect(errors.As(err, &ie)).To(BeTrue())
			Expect(ie.Path).To(Equal(p))
			Expect(ie.Problem).To(ContainSubstring(problem))
			Expect(ie.Fix).NotTo(BeEmpty())
		},
		Entry("a folder above the store others may write", func() string {
			p := filepath.Join(root, "parent")
			Expect(os.Chmod(p, 0o777)).To(Succeed())
			return p
		}, "writable by group and others (mode 0777)"),
		Entry("a group-writable home", func() string {
			Expect(os.Chmod(s.Home, 0o770)).To(Succeed())
			return s.Home
		}, "writable by group"),
		Entry("an other-writable state folder", func() string {
			Expect(os.Chmod(s.StateDir(), 0o703)).To(Succeed())
			return s.StateDir()
		}, "writable by others"),
		Entry("a world-writable file", func() string {
			Expect(os.Chmod(file, 0o666)).To(Succeed())
			return file
		}, "writable by group and others"),
		Entry("a FIFO in the file's place", func() string {
			Expect(os.Remove(file)).To(Succeed())
			Expect(syscall.Mkfifo(file, 0o600)).To(Succeed())
			return file
		}, "not a regular file"),
	)

	It("accepts a sticky folder others may write, like /tmp, when the entry inside is ours", func() {
		p := filepath.Join(root, "parent")
		Expect(os.Chmod(p, 0o777|os.ModeSticky)).To(Succeed())
		Expect(store.ReadTrusted(s.Home, file, 1024)).To(Equal([]byte(`{"good":true}`)))
	})

	It("refuses a file owned by another user", func() {
		if os.Geteuid() != 0 {
			Skip("needs root to give a file to uid 65534")
		}
		Expect(os.Chown(file, 65534, 65534)).To(Succeed())
		_, err := store.ReadTrusted(s.Home, file, 1024)
		Expect(err).To(MatchError(ContainSubstring("owned by uid 65534")))
	})

	It("refuses a path outside the store and a file larger than asked", func() {
		_, err := store.ReadTrusted(s.Home, filepath.Join(root, "elsewhere"), 1024)
		Expect(err).To(MatchError(ContainSubstring("not inside the store")))
		_, err = store.ReadTrusted(s.Home, file, 4)
		Expect(err).To(MatchError(ContainSubstring("larger than 4 bytes")))
	})

	It("reports a missing file as not existing, not as insecure", func() {
		_, err := store.ReadTrusted(s.Home, filepath.Join(s.StateDir(), "none.json"), 1024)
		Expect(err).To(MatchError(os.ErrNotExist))
		Expect(err).NotTo(MatchError(store.ErrInsecure))
	})

	// The store-swap race: a check of one file and a read of another.
	// Here the swapper alternates, by rename, a safe file and one anybody
	// could have written; whatever the interleaving, a successful read
	// must return the safe bytes.
	It("never returns the bytes of a file it did not check, while files are swapped under it", func() {
		good := filepath.Join(s.StateDir(), "good")
		evil := filepath.Join(s.StateDir(), "evil")
		Expect(os.WriteFile(good, []byte("good"), 0o600)).To(Succeed())
		Expect(os.WriteFile(evil, []byte("evil"), 0o600)).To(Succeed())
		Expect(os.Chmod(evil, 0o666)).To(Succeed())
		Expect(os.Rename(good, file)).To(Succeed())

		var stop atomic.Bool
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer GinkgoRecover()
			spare := filepath.Join(s.StateDir(), "spare")
			for !stop.Load() {
				_ = os.Rename(file, spare) // the safe one steps aside
				_ = os.Rename(evil, file)  // the unsafe one takes its place
				_ = os.Rename(file, evil)
				_ = os.Rename(spare, file)
			}
		}()
		var read, refused int
		for range 3000 {
			data, err := store.ReadTrusted(s.Home, file, 1024)
			switch {
			case err == nil:
				Expect(string(data)).To(Equal("good"))
				read++
			case errors.Is(err, store.ErrInsecure), errors.Is(err, os.ErrNotExist):
				refused++
			default:
				Fail(err.Error())
			}
		}
		stop.Store(true)
		wg.Wait()
		Expect(read).To(BeNumerically(">", 0))
		Expect(refused).To(BeNumerically(">", 0), "the swapper never won a race; the spec proved nothing")
	})
})
