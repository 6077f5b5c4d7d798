package store_test

import (
	"github.com/orchestrator/orchestrator/go/internal/testutil"
	"os"
	"path/filepath"
	"runtime"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

var _ = Describe("DefaultHome", func() {
	Context("when ORC_HOME is set", func() {
		It("wins over every platform default", func() {
			want := filepath.Join(testutil.TempDir(), "orc")
			GinkgoT().Setenv("ORC_HOME", want)
			GinkgoT().Setenv("XDG_DATA_HOME", testutil.TempDir())
			Expect(store.DefaultHome()).To(Equal(want))
		})
	})

	Context("when ORC_HOME is empty", func() {
		It("uses the platform default", func() {
			GinkgoT().Setenv("ORC_HOME", "")
			h, err := store.DefaultHome()
			Expect(err).NotTo(HaveOccurred())
			Expect(filepath.IsAbs(h)).To(BeTrue())
			Expect(filepath.Base(h)).To(Or(Equal("orchestrator"), Equal("Orchestrator")))
		})
	})
})

var _ = Describe("Open", func() {
	It("creates the layout under a new home, parents included", func() {
		home := filepath.Join(testutil.TempDir(), "a", "orc")
		s, err := store.Open(home)
		Expect(err).NotTo(HaveOccurred())
		Expect(s.Home).To(Equal(home))
		for _, d := range []string{"tasks", "history", "runs", "logs", "locks", "state"} {
			fi, err := os.Stat(filepath.Join(home, d))
			Expect(err).NotTo(HaveOccurred())
			Expect(fi.IsDir()).To(BeTrue())
		}
		Expect(s.StateDir()).To(Equal(filepath.Join(home, "state")))
	})

	It("is idempotent on an existing store", func() {
		home := testutil.TempDir()
		_, err := store.Open(home)
		Expect(err).NotTo(HaveOccurred())
		Expect(os.WriteFile(filepath.Join(home, "tasks", "keep.json"), []byte("{}"), 0o600)).To(Succeed())
		_, err = store.Open(home)
		Expect(err).NotTo(HaveOccurred())
		Expect(filepath.Join(home, "tasks", "keep.json")).To(BeAnExistingFile())
	})

	Context("when a layout folder is a file", func() {
		It("says so and how to fix it", func() {
			home := testutil.TempDir()
			Expect(os.WriteFile(filepath.Join(home, "logs"), nil, 0o600)).To(Succeed())
			_, err := store.Open(home)
			Expect(err).To(MatchError(ContainSubstring("is not a folder; fix:")))
		})
	})

	Context("when no home is given", func() {
		It("refuses", func() {
			_, err := store.Open("")
			Expect(err).To(MatchError(ContainSubstring("--home")))
		})
	})
})

var _ = Describe("Store paths", func() {
	var s *store.Store
	BeforeEach(func() {
		var err error
		s, err = store.Open(testutil.TempDir())
		Expect(err).NotTo(HaveOccurred())
	})

	It("places each file of a task in its folder", func() {
		Expect(s.TaskFile("db-export")).To(Equal(filepath.Join(s.Home, "tasks", "db-export.json")))
		Expect(s.HistoryFile("db-export")).To(Equal(filepath.Join(s.Home, "history", "db-export.jsonl")))
		Expect(s.OutputFile("db-export", "0190c2a4-7d5e-7b7e-9f4e-3c1a2b3c4d5e")).To(
			Equal(filepath.Join(s.Home, "runs", "db-export", "0190c2a4-7d5e-7b7e-9f4e-3c1a2b3c4d5e.log")))
		Expect(s.LogFile("db-export")).To(Equal(filepath.Join(s.Home, "logs", "db-export.log")))
		Expect(s.LockFile("db-export")).To(Equal(filepath.Join(s.Home, "locks", "db-export.lock")))
		dir, err := s.EnsureRunDir("db-export")
		Expect(err).NotTo(HaveOccurred())
		Expect(dir).To(BeADirectory())
	})

	DescribeTable("refusing a name that could escape the store",
		func(name string) {
			for what, f := range map[string]func(string) (string, error){
				"TaskFile": s.TaskFile, "HistoryFile": s.HistoryFile, "LogFile": s.LogFile,
				"LockFile": s.LockFile, "RunDir": s.RunDir, "EnsureRunDir": s.EnsureRunDir,
				"OutputFile":        func(n string) (string, error) { return s.OutputFile(n, "run1") },
				"OutputFile(runID)": func(n string) (string, error) { return s.OutputFile("ok", n) },
			} {
				p, err := f(name)
				Expect(err).To(MatchError(definition.ErrBadName), what)
				Expect(p).To(BeEmpty(), what)
			}
		},
		Entry("parent", ".."),
		Entry("relative traversal", "../../etc/passwd"),
		Entry("absolute Unix path", "/etc/passwd"),
		Entry("Windows traversal", `..\..\Windows\win.ini`),
		Entry("drive path", `C:\x`),
		Entry("device", "NUL"),
		Entry("empty", ""),
	)

	It("lists task names sorted, leaving out files that are not tasks", func() {
		tasks := filepath.Join(s.Home, "tasks")
		for _, f := range []string{"zeta.json", "alpha.json", "notes.txt", ".alpha.json.tmp123", ".hidden.json", "bad name.json"} {
			Expect(os.WriteFile(filepath.Join(tasks, f), []byte("{}"), 0o600)).To(Succeed())
		}
		Expect(os.Mkdir(filepath.Join(tasks, "dir.json"), 0o700)).To(Succeed())
		Expect(s.TaskNames()).To(Equal([]string{"alpha", "zeta"}))
	})

	It("lists nothing in an empty store", func() {
		Expect(s.TaskNames()).To(BeEmpty())
	})
})

var _ = Describe("CheckSecure", func() {
	Context("when a file is fresh from Open and Save", func() {
		It("accepts the task, the tasks folder and the home", func() {
			s, err := store.Open(filepath.Join(testutil.TempDir(), "orc"))
			Expect(err).NotTo(HaveOccurred())
			p, err := s.TaskFile("db-export")
			Expect(err).NotTo(HaveOccurred())
			Expect(definition.Save(p, &definition.Task{Name: "db-export", Action: definition.Action{Command: "x"}})).To(Succeed())
			if runtime.GOOS == "windows" {
				Skip("a Windows temp folder inherits the user's ACL; the Windows specs cover DACLs")
			}
			data, err := s.ReadTask("db-export")
			Expect(err).NotTo(HaveOccurred())
			Expect(string(data)).To(ContainSubstring(`"db-export"`))
		})
	})

	Context("when the path does not exist", func() {
		It("returns an error that is not ErrInsecure", func() {
			err := store.CheckSecure(filepath.Join(testutil.TempDir(), "missing"))
			Expect(err).To(MatchError(os.ErrNotExist))
			Expect(err).NotTo(MatchError(store.ErrInsecure))
		})
	})
})
