//go:build unix

package store_test

import (
	"errors"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

var _ = Describe("CheckSecure on Unix", func() {
	// mk creates a file or folder with an exact mode (the umask cannot
	// interfere) and returns its path.
	mk := func(dir bool, mode os.FileMode) string {
		p := filepath.Join(GinkgoT().TempDir(), "x")
		if dir {
			Expect(os.Mkdir(p, 0o700)).To(Succeed())
		} else {
			Expect(os.WriteFile(p, []byte("{}"), 0o600)).To(Succeed())
		}
		Expect(os.Chmod(p, mode)).To(Succeed())
		return p
	}

	DescribeTable("refusing paths others can write",
		func(dir bool, mode os.FileMode, problem string) {
			p := mk(dir, mode)
			err := store.CheckSecure(p)
			Expect(err).To(MatchError(store.ErrInsecure))
			var ie *store.InsecureError
			Expect(errors.As(err, &ie)).To(BeTrue())
			Expect(ie.Problem).To(ContainSubstring(problem))
			Expect(ie.Fix).To(Equal("chmod go-w " + p))
		},
		Entry("group-writable file", false, os.FileMode(0o660), "writable by group (mode 0660)"),
		Entry("world-writable file", false, os.FileMode(0o646), "writable by others"),
		Entry("other-writable folder", true, os.FileMode(0o757), "writable by others (mode 0757)"),
		Entry("group- and other-writable folder", true, os.FileMode(0o777), "group and others"),
	)

	DescribeTable("accepting paths only the owner can write",
		func(dir bool, mode os.FileMode) {
			Expect(store.CheckSecure(mk(dir, mode))).To(Succeed())
		},
		Entry("0600 file", false, os.FileMode(0o600)),
		Entry("0644 file", false, os.FileMode(0o644)),
		Entry("0700 folder", true, os.FileMode(0o700)),
		Entry("0755 folder", true, os.FileMode(0o755)),
	)

	Context("when the owner is another non-root user", func() {
		It("refuses and names the uid and a chown fix", func() {
			if os.Geteuid() != 0 {
				Skip("needs root to give a file to uid 65534")
			}
			p := mk(false, 0o600)
			Expect(os.Chown(p, 65534, 65534)).To(Succeed())
			err := store.CheckSecure(p)
			Expect(err).To(MatchError(store.ErrInsecure))
			Expect(err.Error()).To(ContainSubstring("owned by uid 65534"))
			Expect(err.Error()).To(ContainSubstring("fix: chown 0 " + p))
		})
	})

	Context("when a task's folder is unsafe but the file is fine", func() {
		It("refuses the task, naming the folder", func() {
			s, err := store.Open(filepath.Join(GinkgoT().TempDir(), "orc"))
			Expect(err).NotTo(HaveOccurred())
			p, _ := s.TaskFile("db-export")
			Expect(os.WriteFile(p, []byte("{}"), 0o600)).To(Succeed())
			tasks := filepath.Dir(p)
			Expect(os.Chmod(tasks, 0o777)).To(Succeed())
			_, err = s.ReadTask("db-export")
			Expect(err).To(MatchError(ContainSubstring(tasks + " is writable")))
			Expect(os.Chmod(tasks, 0o755)).To(Succeed())
			Expect(os.Chmod(s.Home, 0o775)).To(Succeed())
			_, err = s.ReadTask("db-export")
			Expect(err).To(MatchError(ContainSubstring(s.Home + " is writable by group")))
		})
	})
})

var _ = Describe("Open on Unix", func() {
	It("creates folders with the documented mode whatever the umask", func() {
		want := os.FileMode(0o700)
		if os.Geteuid() == 0 {
			want = 0o755
		}
		s, err := store.Open(filepath.Join(GinkgoT().TempDir(), "orc"))
		Expect(err).NotTo(HaveOccurred())
		for _, d := range []string{"", "tasks", "history", "runs", "logs", "locks", "state"} {
			fi, err := os.Stat(filepath.Join(s.Home, d))
			Expect(err).NotTo(HaveOccurred())
			Expect(fi.Mode().Perm()).To(Equal(want), d)
		}
	})
})

var _ = Describe("the Unix home rule", func() {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := func() (string, error) { return "/home/ann", nil }

	It("uses /var/lib/orchestrator for root", func() {
		Expect(store.UnixHome(env(map[string]string{"XDG_DATA_HOME": "/x"}), 0, home)).To(Equal("/var/lib/orchestrator"))
	})
	It("uses XDG_DATA_HOME for a user", func() {
		Expect(store.UnixHome(env(map[string]string{"XDG_DATA_HOME": "/data/ann"}), 1000, home)).To(Equal("/data/ann/orchestrator"))
	})
	It("ignores a relative XDG_DATA_HOME, as the XDG spec says", func() {
		Expect(store.UnixHome(env(map[string]string{"XDG_DATA_HOME": "rel"}), 1000, home)).To(Equal("/home/ann/.local/share/orchestrator"))
	})
	It("falls back to ~/.local/share for a user", func() {
		Expect(store.UnixHome(env(nil), 1000, home)).To(Equal("/home/ann/.local/share/orchestrator"))
	})
	It("fails with a fix when there is no home directory", func() {
		_, err := store.UnixHome(env(nil), 1000, func() (string, error) { return "", errors.New("no $HOME") })
		Expect(err).To(MatchError(ContainSubstring("fix: pass --home or set ORC_HOME")))
	})
})
