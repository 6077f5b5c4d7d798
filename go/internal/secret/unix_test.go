//go:build unix

package secret_test

import (
	"errors"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/secret"
)

const isWindows = false

var _ = Describe("the owner-only file rule", func() {
	var home, path string
	BeforeEach(func() {
		home = GinkgoT().TempDir()
		path = filepath.Join(home, "notify.secret")
	})

	It("writes the file with mode 0600", func() {
		Expect(secret.Save(path, []byte("x"), secret.Machine)).To(Succeed())
		fi, err := os.Stat(path)
		Expect(err).NotTo(HaveOccurred())
		Expect(fi.Mode().Perm()).To(Equal(os.FileMode(0o600)))
	})

	DescribeTable("refuses a file others may read, saying how to fix it",
		func(mode os.FileMode) {
			Expect(secret.Save(path, []byte("x"), secret.Machine)).To(Succeed())
			Expect(os.Chmod(path, mode)).To(Succeed())
			_, err := secret.Load(home, path)
			Expect(errors.Is(err, secret.ErrInsecure)).To(BeTrue())
			Expect(err.Error()).To(ContainSubstring("chmod 600 " + path))
		},
		Entry("group-readable", os.FileMode(0o640)),
		Entry("world-readable", os.FileMode(0o604)),
		Entry("group-writable", os.FileMode(0o620)),
	)
})
