//go:build unix

package runner

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

var _ = Describe("the files a run leaves in the store", func() {
	// A root store is 0755 so users can read status, but a command's
	// output may hold anything it printed (connection strings, tokens):
	// every file that can hold output is for root (or the store's owner)
	// alone.
	It("are never readable by others, whatever the umask", func() {
		s, err := store.Open(filepath.Join(GinkgoT().TempDir(), "orc"))
		Expect(err).NotTo(HaveOccurred())
		const canary = "Output-Canary-7e21"
		t := &definition.Task{Name: "leaky", Action: definition.Action{Command: "/bin/sh", Arguments: []string{"-c", "echo " + canary + "; exit 3"}}}
		t.ApplyDefaults()

		paths, err := s.For(t.Name)
		Expect(err).NotTo(HaveOccurred())
		lf, err := logging.OpenFile(paths.Log, logging.DefaultRotation)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(lf.Close)
		r := New(s, zerolog.New(lf), result.Manual)
		r.Notify = nil
		rec, code := r.Run(context.Background(), t)
		Expect(code).To(Equal(exitcode.CommandFailed), rec.Error)
		Expect(rec.OutputTail).To(ContainSubstring(canary))

		var seen []string
		Expect(filepath.WalkDir(s.Home, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			for _, dir := range []string{store.HistoryDir, store.RunsDir, store.LogsDir} {
				if strings.HasPrefix(p, filepath.Join(s.Home, dir)+string(filepath.Separator)) && !strings.HasSuffix(p, ".lock") {
					fi, err := os.Stat(p)
					Expect(err).NotTo(HaveOccurred())
					Expect(fi.Mode().Perm()&0o077).To(BeZero(), "%s has mode %04o", p, fi.Mode().Perm())
					seen = append(seen, dir)
				}
			}
			return nil
		})).To(Succeed())
		Expect(seen).To(ContainElements(store.HistoryDir, store.RunsDir, store.LogsDir))
	})
})
