package output_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/output"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// stream returns n reproducible bytes that are hard to get right by accident.
func stream(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

// capped is what Close must leave for data under a cap of 2*half.
func capped(data []byte, half int) []byte {
	if len(data) <= 2*half {
		return data
	}
	out := append([]byte(nil), data[:half]...)
	out = fmt.Appendf(out, "\n[orc-exec: %d bytes omitted]\n", len(data)-2*half)
	return append(out, data[len(data)-half:]...)
}

var _ = Describe("File", func() {
	var path string

	BeforeEach(func() {
		path = filepath.Join(testutil.TempDir(), "run.out")
	})

	create := func(cap int64) *output.File {
		GinkgoHelper()
		f, err := output.Create(path, cap)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(f.Close)
		return f
	}

	Context("when the output fits the cap", func() {
		It("keeps it verbatim", func() {
			f := create(0)
			for _, s := range []string{"hello\n", "wörld\n", strings.Repeat("x", 1000)} {
				Expect(f.Write([]byte(s))).To(Equal(len(s)))
			}
			Expect(f.Close()).To(Succeed())
			Expect(os.ReadFile(path)).To(Equal([]byte("hello\nwörld\n" + strings.Repeat("x", 1000))))
			Expect(f.Total()).To(BeEquivalentTo(len("hello\nwörld\n") + 1000))
		})

		It("keeps output of exactly the cap verbatim", func() {
			data := stream(4096)
			f := create(4096)
			Expect(f.Write(data)).To(Equal(4096))
			Expect(f.Close()).To(Succeed())
			Expect(os.ReadFile(path)).To(Equal(data))
		})

		It("leaves an empty file for no output", func() {
			f := create(0)
			Expect(f.Close()).To(Succeed())
			Expect(os.ReadFile(path)).To(BeEmpty())
			Expect(f.Tail(100)).To(BeEmpty())
		})
	})

	Context("when 10 MB are written", func() {
		data := stream(10_000_000)

		DescribeTable("keeps the head, a marker with the exact count and the tail",
			func(cap int64, chunk func(*rand.Rand) int) {
				f := create(cap)
				r := rand.New(rand.NewPCG(3, 4))
				for rest := data; len(rest) > 0; {
					n := min(chunk(r), len(rest))
					Expect(f.Write(rest[:n])).To(Equal(n))
					rest = rest[n:]
				}
				Expect(f.Total()).To(BeEquivalentTo(len(data)))
				Expect(f.Close()).To(Succeed())
				got, err := os.ReadFile(path)
				Expect(err).NotTo(HaveOccurred())
				Expect(got).To(Equal(capped(data, int(cap/2))))
			},
			Entry("in small chunks", int64(1<<20), func(r *rand.Rand) int { return 1 + r.IntN(200) }),
			Entry("in chunks larger than the ring", int64(1<<20), func(r *rand.Rand) int { return 600_000 + r.IntN(2<<20) }),
			Entry("in mixed chunks under a small odd cap", int64(4097), func(r *rand.Rand) int {
				if r.IntN(2) == 0 {
					return 1 + r.IntN(10)
				}
				return 1 + r.IntN(10_000)
			}),
		)
	})

	Context("when stdout and stderr copiers write at once", func() {
		It("counts and keeps every byte of both", func() {
			f := create(1 << 20)
			var wg sync.WaitGroup
			for _, line := range []string{"out\n", "err\n"} {
				wg.Go(func() {
					for range 20_000 {
						_, _ = f.Write([]byte(line))
					}
				})
			}
			wg.Wait()
			Expect(f.Close()).To(Succeed())
			got, err := os.ReadFile(path)
			Expect(err).NotTo(HaveOccurred())
			Expect(f.Total()).To(BeEquivalentTo(160_000))
			Expect(strings.Count(string(got), "out\n")).To(Equal(20_000))
			Expect(strings.Count(string(got), "err\n")).To(Equal(20_000))
		})
	})

	Context("when a real process prints 10 MB through a pipe", func() {
		It("keeps memory flat", func() {
			self, err := os.Executable()
			Expect(err).NotTo(HaveOccurred())
			cmd := exec.Command(self)
			cmd.Env = append(os.Environ(), printerEnv+"=1")
			pipe, err := cmd.StdoutPipe()
			Expect(err).NotTo(HaveOccurred())
			f := create(0)

			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			Expect(cmd.Start()).To(Succeed())
			n, err := io.Copy(f, pipe)
			Expect(err).NotTo(HaveOccurred())
			Expect(cmd.Wait()).To(Succeed())
			runtime.ReadMemStats(&after)

			Expect(n).To(BeNumerically(">", 13_000_000)) // base64 of 10 MB
			Expect(f.Total()).To(Equal(n))
			allocated := after.TotalAlloc - before.TotalAlloc
			grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
			fmt.Fprintf(GinkgoWriter, "copied %d bytes: TotalAlloc +%d, HeapAlloc %+d\n", n, allocated, grown)
			Expect(allocated).To(BeNumerically("<", 2<<20), "allocated bytes while copying")
			Expect(grown).To(BeNumerically("<", 2<<20), "heap growth while copying")

			Expect(f.Close()).To(Succeed())
			st, err := os.Stat(path)
			Expect(err).NotTo(HaveOccurred())
			Expect(st.Size()).To(BeNumerically("<", output.DefaultCap+100))
		})
	})

	Describe("Tail", func() {
		It("returns the last n bytes", func() {
			f := create(64)
			_, _ = f.Write([]byte("0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEF"))
			Expect(f.Tail(6)).To(Equal("ABCDEF"))
			Expect(f.Tail(1000)).To(Equal("klmnopqrstuvwxyz0123456789ABCDEF")) // no more than cap/2

		})

		It("cuts at rune boundaries at both ends", func() {
			f := create(0)
			_, _ = f.Write([]byte("ab€cd")) // € is 3 bytes
			Expect(f.Tail(4)).To(Equal("cd"))
			Expect(f.Tail(5)).To(Equal("€cd"))
			_, _ = f.Write([]byte("ü")[:1]) // a rune still being written
			Expect(f.Tail(3)).To(Equal("cd"))
			Expect(f.Tail(6)).To(Equal("€cd"))
		})

		It("stays valid UTF-8 and within n for binary output", func() {
			f := create(0)
			_, _ = f.Write(stream(5000))
			for _, n := range []int{0, 1, 7, 100, 4096} {
				s := f.Tail(n)
				Expect(utf8.ValidString(s)).To(BeTrue())
				Expect(len(s)).To(BeNumerically("<=", n))
			}
		})
	})

	It("refuses writes after Close", func() {
		f := create(0)
		Expect(f.Close()).To(Succeed())
		_, err := f.Write([]byte("late"))
		Expect(err).To(MatchError(os.ErrClosed))
	})
})
