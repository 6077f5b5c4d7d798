package logging_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

type broken struct{}

func (broken) Write([]byte) (int, error) { return 0, errors.New("console gone") }

var _ = Describe("New", func() {
	It("writes JSON lines with a UTC timestamp and the shared field keys", func() {
		var buf bytes.Buffer
		log := logging.New(logging.Options{}, &buf)
		log.Info().Str(logging.KeyTask, "db-export").Msg("Run started")
		var m map[string]any
		Expect(json.Unmarshal(buf.Bytes(), &m)).To(Succeed())
		Expect(m).To(HaveKeyWithValue("task", "db-export"))
		Expect(m).To(HaveKeyWithValue("message", "Run started"))
		Expect(m["time"]).To(HaveSuffix("Z"))
	})

	It("keeps writing to the file when another writer fails", func() {
		var buf bytes.Buffer
		log := logging.New(logging.Options{Verbose: true, Console: broken{}}, &buf)
		log.Info().Msg("still here")
		Expect(buf.String()).To(ContainSubstring("still here"))
	})

	It("logs debug lines only when verbose", func() {
		var quiet, loud, console bytes.Buffer
		q := logging.New(logging.Options{}, &quiet)
		q.Debug().Msg("detail")
		l := logging.New(logging.Options{Verbose: true, Console: &console}, &loud)
		l.Debug().Msg("detail")
		Expect(quiet.String()).To(BeEmpty())
		Expect(loud.String()).To(ContainSubstring("detail"))
		Expect(console.String()).To(ContainSubstring("detail"))
	})
})

var _ = Describe("File", func() {
	It("rotates a full log and keeps only the newest files", func() {
		dir := testutil.TempDir()
		p := filepath.Join(dir, "task.log")
		r := logging.Rotation{MaxBytes: 100, Keep: 2}
		for i := range 4 {
			f, err := logging.OpenFile(p, r)
			Expect(err).NotTo(HaveOccurred())
			Expect(f.Rotate()).To(Succeed())
			_, err = f.WriteString(strings.Repeat(string(rune('a'+i)), 150) + "\n")
			Expect(err).NotTo(HaveOccurred())
			Expect(f.Close()).To(Succeed())
		}
		b, _ := os.ReadFile(p)
		Expect(string(b)).To(HavePrefix("ddd"))
		b1, _ := os.ReadFile(p + ".1")
		Expect(string(b1)).To(HavePrefix("ccc"))
		b2, _ := os.ReadFile(p + ".2")
		Expect(string(b2)).To(HavePrefix("bbb"))
		Expect(p + ".3").NotTo(BeAnExistingFile())
	})

	Context("when another run holds the log open", func() {
		// On Windows, renaming a file another handle holds without
		// FILE_SHARE_DELETE fails: a second run then exited 70, unrecorded.
		It("rotates it anyway and both go on writing", func() {
			dir := testutil.TempDir()
			p := filepath.Join(dir, "task.log")
			r := logging.Rotation{MaxBytes: 10, Keep: 2}
			other, err := logging.OpenFile(p, r)
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(other.Close)
			_, err = other.WriteString("first run, still running\n")
			Expect(err).NotTo(HaveOccurred())

			f, err := logging.OpenFile(p, r)
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(f.Close)
			Expect(f.Rotate()).To(Succeed())
			_, err = f.WriteString("second run\n")
			Expect(err).NotTo(HaveOccurred())

			Expect(os.ReadFile(p)).To(BeEquivalentTo("second run\n"))
			Expect(os.ReadFile(p + ".1")).To(BeEquivalentTo("first run, still running\n"))
		})
	})
})
