//go:build windows

package secret_test

import (
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"golang.org/x/sys/windows"

	"github.com/orchestrator/orchestrator/go/internal/secret"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

const isWindows = true

// skipOnWine skips a spec that reads a DACL back from a file: Wine keeps
// none and synthesises one from the Unix mode bits. The DACL itself (its
// SDDL, and the check of weaker ones) is specified in store's specs on
// descriptors built in-process, which Wine supports.
func skipOnWine(what string) {
	if windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil {
		Skip("Wine gap: " + what + "; Wine synthesises DACLs from Unix mode bits")
	}
}

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

var _ = Describe("the secret file on Windows", func() {
	var home, path string
	BeforeEach(func() {
		home = testutil.TempDir()
		path = filepath.Join(home, "notify.secret")
	})

	It("is saved readable by SYSTEM and Administrators only, inheritance cut", func() {
		skipOnWine("SetNamedSecurityInfo cannot store a protected DACL")
		Expect(secret.Save(path, []byte("x"), secret.Machine)).To(Succeed())
		sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
		Expect(err).NotTo(HaveOccurred())
		Expect(sd.String()).To(HavePrefix("D:P(A;;FA;;;SY)(A;;FA;;;BA)"))
	})

	It("is refused on load once Users may read it, as the store's DACL used to let them", func() {
		skipOnWine("SetNamedSecurityInfo cannot store a Users-read grant")
		Expect(secret.Save(path, []byte("x"), secret.Machine)).To(Succeed())
		sd, err := windows.SecurityDescriptorFromString("D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x1200a9;;;BU)")
		Expect(err).NotTo(HaveOccurred())
		dacl, _, err := sd.DACL()
		Expect(err).NotTo(HaveOccurred())
		Expect(windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
			windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil)).To(Succeed())
		_, err = secret.Load(home, path)
		Expect(err).To(MatchError(secret.ErrInsecure))
		Expect(err.Error()).To(ContainSubstring("grants read access"))
	})
})
