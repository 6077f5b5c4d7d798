//go:build windows

package store_test

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"golang.org/x/sys/windows"

	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// Wine keeps no DACL of its own: it synthesises one from the Unix mode
// bits, so a DACL set on a file cannot be read back there. These specs
// check the SDDL we apply and the check every read makes on security
// descriptors built in-process (ConvertStringSecurityDescriptor works
// under Wine); reading the DACL back from a real file is for Windows.
var _ = Describe("the secret file's DACL", func() {
	const p = `C:\ProgramData\Orchestrator\state\notify.secret`

	It("is protected and grants SYSTEM and Administrators full control, nobody else anything", func() {
		Expect(store.PrivateSDDL("")).To(Equal("D:P(A;;FA;;;SY)(A;;FA;;;BA)"))
		sd, err := windows.SecurityDescriptorFromString(store.PrivateSDDL(""))
		Expect(err).NotTo(HaveOccurred())
		ctl, _, err := sd.Control()
		Expect(err).NotTo(HaveOccurred())
		Expect(ctl&windows.SE_DACL_PROTECTED).NotTo(BeZero(), "inheritance cut, so the store's Users-read grant cannot reach it")
		Expect(store.CheckSDDL(store.PrivateSDDL(""), p, true)).To(Succeed())
	})

	It("adds a non-elevated saver, who could not read its own secret otherwise", func() {
		u, err := windows.GetCurrentProcessToken().GetTokenUser()
		Expect(err).NotTo(HaveOccurred())
		sddl := store.PrivateSDDL(u.User.Sid.String())
		Expect(sddl).To(Equal("D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;FA;;;" + u.User.Sid.String() + ")"))
		Expect(store.CheckSDDL(sddl, p, true)).To(Succeed())
	})

	DescribeTable("refuses a weaker one, naming who may read or write and the icacls fix",
		func(sddl, problem string) {
			err := store.CheckSDDL(sddl, p, true)
			Expect(err).To(MatchError(store.ErrInsecure))
			Expect(err.Error()).To(ContainSubstring(problem))
			Expect(err.Error()).To(ContainSubstring(`icacls "` + p + `"`))
		},
		Entry("the store's own DACL, Users read (what secrets inherited before)",
			"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)", "grants read access (mask 0x1200a9)"),
		Entry("Everyone may read", "D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;FR;;;WD)", "grants read access"),
		Entry("Authenticated Users, generic read", "D:P(A;;FA;;;SY)(A;;GR;;;AU)", "grants read access"),
		Entry("an inherited Users read", "D:(A;ID;FR;;;BU)(A;;FA;;;SY)", "/inheritance:d"),
		Entry("Users may write", "D:P(A;;FA;;;SY)(A;;FW;;;BU)", "grants write access"),
		Entry("owned by Users, who could rewrite the DACL", "O:BUD:P(A;;FA;;;SY)", "/setowner"),
	)

	It("refuses a file with no DACL at all, which lets everyone do anything", func() {
		// Verified under Wine 8: its parser turns D:NO_ACCESS_CONTROL into
		// an empty DACL (which grants nothing), not a NULL one.
		skipOnWine("a NULL DACL parsed from SDDL")
		Expect(store.CheckSDDL("D:NO_ACCESS_CONTROL", p, true)).To(MatchError(ContainSubstring("no access control list")))
	})

	It("ignores grants that only children inherit: a file has none", func() {
		Expect(store.CheckSDDL("D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;OICIIO;FR;;;BU)", p, true)).To(Succeed())
	})

	It("lets Users read a file that is not secret, like a definition, but never write it", func() {
		Expect(store.CheckSDDL("D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x1200a9;;;BU)", p, false)).To(Succeed())
		Expect(store.CheckSDDL("D:P(A;;FA;;;SY)(A;;FW;;;BU)", p, false)).To(MatchError(store.ErrInsecure))
	})
})

var _ = Describe("OpenTrusted on Windows", func() {
	It("reads a file of the store through its handle", func() {
		s, err := store.Open(filepath.Join(testutil.TempDir(), "orc"))
		Expect(err).NotTo(HaveOccurred())
		p := filepath.Join(s.StateDir(), "notify.json")
		Expect(os.WriteFile(p, []byte(`{"good":true}`), 0o600)).To(Succeed())
		Expect(store.ReadTrusted(s.Home, p, 1024)).To(Equal([]byte(`{"good":true}`)))
		_, err = store.ReadTrusted(s.Home, filepath.Join(s.StateDir(), "none.json"), 1024)
		Expect(err).To(MatchError(os.ErrNotExist))
	})

	It("gives a secret the private DACL, read back from the file", func() {
		skipOnWine("a protected DACL")
		s, err := store.Open(filepath.Join(testutil.TempDir(), "orc"))
		Expect(err).NotTo(HaveOccurred())
		p := filepath.Join(s.StateDir(), "notify.secret")
		Expect(os.WriteFile(p, []byte("x"), 0o600)).To(Succeed())
		Expect(store.MakePrivate(p)).To(Succeed())
		f, err := store.OpenPrivate(s.Home, p)
		Expect(err).NotTo(HaveOccurred())
		Expect(f.Close()).To(Succeed())
		sd, err := windows.GetNamedSecurityInfo(p, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
		Expect(err).NotTo(HaveOccurred())
		Expect(sd.String()).To(ContainSubstring("D:P(A;;FA;;;SY)(A;;FA;;;BA)"))
	})
})

var _ = Describe("the folders that hold output", func() {
	It("grant SYSTEM and Administrators full control and Users nothing, inheritance cut", func() {
		Expect(store.OutputDirSDDL).To(Equal("D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"))
		// A file inside inherits the folder's grants: it must pass the
		// private check, Users may not even read it.
		Expect(store.CheckSDDL("D:P(A;ID;FA;;;SY)(A;ID;FA;;;BA)", `C:\ProgramData\Orchestrator\runs\job\r1.log`, true)).To(Succeed())
	})

	It("are created that way by an elevated Open", func() {
		skipOnWine("a protected DACL")
		if !windows.GetCurrentProcessToken().IsElevated() {
			Skip("needs an elevated process, as an install is")
		}
		s, err := store.Open(filepath.Join(testutil.TempDir(), "orc"))
		Expect(err).NotTo(HaveOccurred())
		for _, d := range []string{"history", "runs", "logs"} {
			sd, err := windows.GetNamedSecurityInfo(filepath.Join(s.Home, d), windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
			Expect(err).NotTo(HaveOccurred())
			Expect(sd.String()).To(And(HavePrefix("D:P"), ContainSubstring("(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"), Not(ContainSubstring(";BU)"))), d)
		}
	})
})
