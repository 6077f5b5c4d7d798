//go:build windows

package definition

import "golang.org/x/sys/windows"

// syncDir is a no-op on Windows: NTFS journals the rename itself, and a
// directory cannot be opened for FlushFileBuffers without backup semantics.
func syncDir(string) {}

// claimOwner makes BUILTIN\Administrators the owner of a definition an
// elevated admin saves. Under the "Object creator" owner default (Windows
// 10/11) the file would otherwise be owned by the admin's own account, and
// orc-exec running as SYSTEM refuses a definition whose owner is not an
// administrator principal it trusts. Best effort: a non-elevated writer
// cannot assign that owner, and the store check then says what is wrong.
func claimOwner(path string) {
	if !windows.GetCurrentProcessToken().IsElevated() {
		return
	}
	admins, err := windows.CreateWellKnownSid(windows.WinBuiltinAdministratorsSid)
	if err != nil {
		return
	}
	_ = windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.OWNER_SECURITY_INFORMATION, admins, nil, nil, nil)
}
