//go:build windows

package secret_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/secret"
)

const isWindows = true

var _ = Describe("DPAPI", func() {
	It("round-trips bytes in machine scope and the blob hides them", func() {
		blob, err := secret.Protect([]byte("machine-secret"), secret.Machine)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(blob)).NotTo(ContainSubstring("machine-secret"))
		out, err := secret.Unprotect(blob)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(out)).To(Equal("machine-secret"))
	})

	It("refuses a blob that was tampered with", func() {
		blob, err := secret.Protect([]byte("machine-secret"), secret.Machine)
		Expect(err).NotTo(HaveOccurred())
		blob[len(blob)-1] ^= 0xff
		_, err = secret.Unprotect(blob)
		Expect(err).To(HaveOccurred())
	})
})
