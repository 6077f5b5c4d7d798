//go:build windows

package store

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// writeRights are the access bits that let a principal change what a file
// says or who may change it. FILE_DELETE_CHILD matters for folders: it lets
// the holder delete (and so replace) any file inside.
const writeRights = windows.FILE_WRITE_DATA | windows.FILE_APPEND_DATA | fileDeleteChild |
	windows.DELETE | windows.WRITE_DAC | windows.WRITE_OWNER |
	windows.GENERIC_WRITE | windows.GENERIC_ALL | windows.MAXIMUM_ALLOWED

// fileDeleteChild is FILE_DELETE_CHILD, which x/sys/windows does not define.
const fileDeleteChild = 0x40

// trustedInstaller is NT SERVICE\TrustedInstaller, which owns system files.
const trustedInstaller = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"

// CheckSecure returns an *InsecureError (wrapping ErrInsecure) when path's
// DACL lets someone other than a trusted principal write it, or its owner is
// not trusted (an owner can always rewrite the DACL). Trusted: SYSTEM,
// BUILTIN\Administrators, TrustedInstaller, CREATOR OWNER, and the account
// this process runs as (it can do no more by editing the file than by
// running as itself). A missing (NULL) DACL grants everyone everything and
// is refused. Inherit-only ACEs are ignored: they apply to children, which
// are checked on their own.
func CheckSecure(path string) error {
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return fmt.Errorf("checking permissions of %s: %w", path, err)
	}
	return checkDescriptor(sd, path, false)
}

// readRights are the access bits that let a principal read what a file
// says.
const readRights = windows.FILE_READ_DATA | windows.GENERIC_READ | windows.GENERIC_ALL | windows.MAXIMUM_ALLOWED

// checkDescriptor is CheckSecure's rule applied to a security descriptor,
// however it was obtained (by name, from an open handle, or built from
// SDDL by a spec). With private, read access is held to the same rule,
// except that only SYSTEM, Administrators and the account this process
// runs as may read: a secret is for whoever runs the tasks.
func checkDescriptor(sd *windows.SECURITY_DESCRIPTOR, path string, private bool) error {
	trusted, err := trustedSIDs()
	if err != nil {
		return fmt.Errorf("checking permissions of %s: %w", path, err)
	}
	readers, err := readerSIDs()
	if err != nil {
		return fmt.Errorf("checking permissions of %s: %w", path, err)
	}
	owner, _, err := sd.Owner()
	if err != nil {
		return fmt.Errorf("checking permissions of %s: reading owner: %w", path, err)
	}
	if owner != nil && !isTrusted(owner, trusted) {
		return &InsecureError{Path: path,
			Problem: fmt.Sprintf("is owned by %s, who can change its permissions at will", principal(owner)),
			Fix:     fmt.Sprintf("icacls \"%s\" /setowner *S-1-5-32-544", path)}
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil {
		fix := fmt.Sprintf("icacls \"%s\" /inheritance:r /grant:r *S-1-5-18:F *S-1-5-32-544:F *S-1-5-32-545:RX", path)
		if private {
			fix = fmt.Sprintf("icacls \"%s\" /inheritance:r /grant:r *S-1-5-18:F *S-1-5-32-544:F", path)
		}
		return &InsecureError{Path: path, Problem: "has no access control list, so everyone may write it", Fix: fix}
	}
	for i := range uint32(dacl.AceCount) {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(dacl, i, &ace); err != nil {
			return fmt.Errorf("checking permissions of %s: reading ACE %d: %w", path, i, err)
		}
		if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE || ace.Header.AceFlags&windows.INHERIT_ONLY_ACE != 0 {
			continue
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		what := ""
		switch {
		case ace.Mask&writeRights != 0 && !isTrusted(sid, trusted):
			what = "write"
		case private && ace.Mask&readRights != 0 && !isTrusted(sid, readers):
			what = "read"
		default:
			continue
		}
		who := principal(sid)
		fix := fmt.Sprintf("icacls \"%s\" /remove:g \"%s\"", path, who)
		if ace.Header.AceFlags&windows.INHERITED_ACE != 0 {
			// An inherited grant cannot be removed on its own: cut the
			// inheritance (keeping copies), then remove it.
			fix = fmt.Sprintf("icacls \"%s\" /inheritance:d && icacls \"%s\" /remove:g \"%s\"", path, path, who)
		}
		return &InsecureError{Path: path,
			Problem: fmt.Sprintf("grants %s access (mask 0x%x) to %s", what, ace.Mask, who),
			Fix:     fix}
	}
	return nil
}

// readerSIDs may read a private file: SYSTEM, Administrators, and the
// account this process runs as.
func readerSIDs() ([]*windows.SID, error) {
	var out []*windows.SID
	for _, t := range []windows.WELL_KNOWN_SID_TYPE{windows.WinLocalSystemSid, windows.WinBuiltinAdministratorsSid} {
		s, err := windows.CreateWellKnownSid(t)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if u, err := windows.GetCurrentProcessToken().GetTokenUser(); err == nil {
		out = append(out, u.User.Sid)
	}
	return out, nil
}

func trustedSIDs() ([]*windows.SID, error) {
	var out []*windows.SID
	for _, t := range []windows.WELL_KNOWN_SID_TYPE{
		windows.WinLocalSystemSid, windows.WinBuiltinAdministratorsSid, windows.WinCreatorOwnerSid,
	} {
		s, err := windows.CreateWellKnownSid(t)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	ti, err := windows.StringToSid(trustedInstaller)
	if err != nil {
		return nil, err
	}
	out = append(out, ti)
	if u, err := windows.GetCurrentProcessToken().GetTokenUser(); err == nil {
		out = append(out, u.User.Sid)
	}
	return out, nil
}

func isTrusted(sid *windows.SID, trusted []*windows.SID) bool {
	for _, t := range trusted {
		if sid.Equals(t) {
			return true
		}
	}
	return false
}

// principal names a SID as DOMAIN\name for messages and icacls, falling
// back to *S-1-... (which icacls also accepts) when it cannot be looked up.
func principal(sid *windows.SID) string {
	account, domain, _, err := sid.LookupAccount("")
	if err != nil || account == "" {
		return "*" + sid.String()
	}
	if domain == "" {
		return account
	}
	return domain + `\` + account
}
