//go:build windows

package store

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

func platformHome() (string, error) {
	pd := os.Getenv("ProgramData")
	if pd == "" || !filepath.IsAbs(pd) {
		p, err := windows.KnownFolderPath(windows.FOLDERID_ProgramData, 0)
		if err != nil {
			return "", fmt.Errorf("finding the store: %%ProgramData%% is not set (%w); fix: pass --home or set ORC_HOME", err)
		}
		pd = p
	}
	return filepath.Join(pd, "Orchestrator"), nil
}

// dirMode only matters for the read-only attribute on Windows; the DACL is
// what protects the store (see SecureDir).
func dirMode() os.FileMode { return 0o755 }

// chmodDir is a no-op: subfolders inherit the home's DACL.
func chmodDir(string) error { return nil }

// storeSDDL is the DACL a new home gets: protected from inheritance
// (P), SYSTEM (SY) and Administrators (BA) full control, Users (BU) read and
// execute, all inherited by subfolders and files (OICI). Users may read
// status; only admins change what runs as SYSTEM.
const storeSDDL = "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"

// outputDirSDDL is the DACL of history, runs and logs in a store made by an
// elevated process: like storeSDDL without Users, since records, output
// and logs may hold whatever a command printed.
const outputDirSDDL = "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"

// ProtectOutputDir keeps Users out of a new folder that will hold output
// (history, runs, logs, the notify outbox): when elevated it gives the
// folder outputDirSDDL; a non-elevated user's own store is theirs alone
// already.
func ProtectOutputDir(dir string) error {
	if !windows.GetCurrentProcessToken().IsElevated() {
		return nil
	}
	return setDACL(dir, outputDirSDDL)
}

// SecureDir gives dir the store DACL when this process is elevated (or
// SYSTEM). A non-elevated user's own store keeps its inherited ACL: the
// protected DACL would lock that user out of their own folder.
func SecureDir(dir string) error {
	if !windows.GetCurrentProcessToken().IsElevated() {
		return nil
	}
	// Administrators own the store, not the admin who happened to create it:
	// CheckSecure trusts owners by principal, not by group membership.
	if admins, err := windows.CreateWellKnownSid(windows.WinBuiltinAdministratorsSid); err == nil {
		_ = windows.SetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT, windows.OWNER_SECURITY_INFORMATION, admins, nil, nil, nil)
	}
	return setDACL(dir, storeSDDL)
}

// setDACL replaces path's DACL with the one in sddl, protected from
// inheritance when sddl says "P".
func setDACL(path, sddl string) error {
	sd, err := windows.SecurityDescriptorFromString(sddl)
	if err != nil {
		return fmt.Errorf("securing %s: %w", path, err)
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return fmt.Errorf("securing %s: %w", path, err)
	}
	info := windows.SECURITY_INFORMATION(windows.DACL_SECURITY_INFORMATION)
	if ctl, _, err := sd.Control(); err == nil && ctl&windows.SE_DACL_PROTECTED != 0 {
		info |= windows.PROTECTED_DACL_SECURITY_INFORMATION
	}
	if err := windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, info, nil, nil, dacl, nil); err != nil {
		return fmt.Errorf("securing %s: %w", path, err)
	}
	return nil
}
