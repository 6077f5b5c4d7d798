package secret_test

import (
	"errors"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/secret"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("Save and Load", func() {
	var home, path string
	BeforeEach(func() {
		home = testutil.TempDir()
		path = filepath.Join(home, "notify.secret")
	})

	It("round-trips a secret in machine scope without storing it in clear on Windows", func() {
		Expect(secret.Save(path, []byte("s3cr3t-pa55"), secret.Machine)).To(Succeed())
		got, err := secret.Load(home, path)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(got)).To(Equal("s3cr3t-pa55"))
		if isWindows {
			raw, err := os.ReadFile(path)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(raw)).NotTo(ContainSubstring("s3cr3t-pa55"))
			Expect(string(raw)).To(HavePrefix("ORC-DPAPI-MACHINE\n"))
		}
	})

	It("round-trips a secret in user scope", func() {
		Expect(secret.Save(path, []byte("user-secret"), secret.User)).To(Succeed())
		got, err := secret.Load(home, path)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(got)).To(Equal("user-secret"))
	})

	It("replaces a secret atomically and leaves no temporary files", func() {
		Expect(secret.Save(path, []byte("one"), secret.Machine)).To(Succeed())
		Expect(secret.Save(path, []byte("two"), secret.Machine)).To(Succeed())
		got, err := secret.Load(home, path)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(got)).To(Equal("two"))
		entries, err := os.ReadDir(filepath.Dir(path))
		Expect(err).NotTo(HaveOccurred())
		Expect(entries).To(HaveLen(1))
	})

	It("reports a missing secret as not existing", func() {
		_, err := secret.Load(home, path)
		Expect(errors.Is(err, os.ErrNotExist)).To(BeTrue())
	})

	It("parses scopes", func() {
		Expect(secret.ParseScope("")).To(Equal(secret.Machine))
		Expect(secret.ParseScope("user")).To(Equal(secret.User))
		_, err := secret.ParseScope("domain")
		Expect(err).To(HaveOccurred())
	})
})
