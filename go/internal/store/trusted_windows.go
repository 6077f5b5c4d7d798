//go:build windows

package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// openTrusted opens abs without sharing write access, so the file cannot
// change while it is read, and checks the security descriptor of the
// handle itself. Then it checks each folder from the file's up to home:
// Windows refuses to rename a folder while a file inside it is open, so
// those names still lead to the file that was opened. A link (reparse
// point) in the file's place is refused.
func openTrusted(home, abs string, private bool) (*os.File, error) {
	p, err := windows.UTF16PtrFromString(abs)
	if err != nil {
		return nil, fmt.Errorf("could not open %s: %w", abs, err)
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.READ_CONTROL,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_DELETE, nil, windows.OPEN_EXISTING,
		windows.FILE_ATTRIBUTE_NORMAL|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if err != nil {
		return nil, fmt.Errorf("could not open %s: %w", abs, err)
	}
	if err := checkHandle(h, abs, private); err != nil {
		_ = windows.CloseHandle(h)
		return nil, err
	}
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		if err := CheckSecure(d); err != nil {
			_ = windows.CloseHandle(h)
			return nil, err
		}
		if strings.EqualFold(d, home) || filepath.Dir(d) == d {
			break
		}
	}
	return os.NewFile(uintptr(h), abs), nil
}

func checkHandle(h windows.Handle, path string, private bool) error {
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		return fmt.Errorf("could not check %s: %w", path, err)
	}
	if info.FileAttributes&(windows.FILE_ATTRIBUTE_REPARSE_POINT|windows.FILE_ATTRIBUTE_DIRECTORY) != 0 {
		return &InsecureError{Path: path, Problem: "is a link or a folder, not a regular file", Fix: "move it away and save the file again"}
	}
	sd, err := windows.GetSecurityInfo(h, windows.SE_FILE_OBJECT,
		windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return fmt.Errorf("could not check permissions of %s: %w", path, err)
	}
	return checkDescriptor(sd, path, private)
}

// trustRoot is where ReadTrustedFile's checks stop: the file's folder.
func trustRoot(abs string) string { return filepath.Dir(abs) }

// PrivateSDDL is the DACL a secret file gets: protected from inheritance
// (P), so the store's "Users may read" grant does not reach it, and full
// control for SYSTEM (SY) and Administrators (BA) only. user, when not
// empty, is the SID string of a non-elevated account saving a secret in
// its own store: it gets full control too, or it could not read its
// secret back.
func PrivateSDDL(user string) string {
	sddl := "D:P(A;;FA;;;SY)(A;;FA;;;BA)"
	if user != "" {
		sddl += "(A;;FA;;;" + user + ")"
	}
	return sddl
}

// MakePrivate gives the file at path the PrivateSDDL DACL (and, when
// elevated, Administrators as owner), so only SYSTEM, Administrators and a
// non-elevated saver may read it. Call it before writing the secret.
func MakePrivate(path string) error {
	tok := windows.GetCurrentProcessToken()
	user := ""
	if !tok.IsElevated() {
		u, err := tok.GetTokenUser()
		if err != nil {
			return fmt.Errorf("could not protect %s: %w", path, err)
		}
		user = u.User.Sid.String()
	} else if admins, err := windows.CreateWellKnownSid(windows.WinBuiltinAdministratorsSid); err == nil {
		_ = windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.OWNER_SECURITY_INFORMATION, admins, nil, nil, nil)
	}
	if err := setDACL(path, PrivateSDDL(user)); err != nil {
		return fmt.Errorf("could not protect %s: %w", path, err)
	}
	return nil
}
