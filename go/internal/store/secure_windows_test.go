//go:build windows

package store_test

import (
	"github.com/orchestrator/orchestrator/go/internal/testutil"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"golang.org/x/sys/windows"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

// skipOnWine skips a spec that needs a DACL Wine cannot store. Wine keeps no
// DACL: it derives one from the Unix mode (SYSTEM and owner full, Everyone
// read, or write when the mode is world-writable), so only grants that map
// to mode bits survive SetNamedSecurityInfo.
func skipOnWine(what string) {
	if windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil {
		Skip("Wine gap: SetNamedSecurityInfo cannot store " + what + "; Wine synthesises DACLs from Unix mode bits")
	}
}

var _ = Describe("CheckSecure on Windows", func() {
	// file creates a file whose DACL is exactly sddl (protected, so nothing
	// is inherited from the temp folder) and whose owner is Administrators.
	file := func(sddl string) string {
		p := filepath.Join(testutil.TempDir(), "db-export.json")
		Expect(os.WriteFile(p, []byte("{}"), 0o600)).To(Succeed())
		Expect(store.SetDACL(p, sddl)).To(Succeed())
		return p
	}

	Context("when only SYSTEM and Administrators may write", func() {
		It("accepts the file", func() {
			p := file("D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;FR;;;BU)")
			Expect(store.CheckSecure(p)).To(Succeed())
		})
	})

	Context("when Everyone may write", func() {
		It("refuses and names Everyone with an icacls fix", func() {
			p := file("D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;FW;;;WD)")
			err := store.CheckSecure(p)
			Expect(err).To(MatchError(store.ErrInsecure))
			Expect(err.Error()).To(ContainSubstring("grants write access"))
			Expect(err.Error()).To(ContainSubstring("Everyone"))
			Expect(err.Error()).To(ContainSubstring(`icacls "` + p + `" /remove:g "Everyone"`))
		})
	})

	Context("when Users may only delete the file", func() {
		It("refuses, since deleting lets them replace it", func() {
			skipOnWine("a DELETE-only ACE")
			p := file("D:P(A;;FA;;;SY)(A;;SD;;;BU)")
			Expect(store.CheckSecure(p)).To(MatchError(store.ErrInsecure))
		})
	})

	Context("when the DACL is NULL", func() {
		It("refuses: everyone has full access", func() {
			skipOnWine("a NULL DACL")
			p := file("D:P(A;;FA;;;SY)")
			Expect(store.SetDACL(p, "D:NO_ACCESS_CONTROL")).To(Succeed())
			Expect(store.CheckSecure(p)).To(MatchError(ContainSubstring("no access control list")))
		})
	})
})
