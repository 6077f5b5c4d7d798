//go:build windows

package store

import "golang.org/x/sys/windows"

// SetDACL exposes setDACL to the specs.
var SetDACL = setDACL

// CheckSDDL applies the check of every trusted read to a security
// descriptor built from sddl in-process, which works under Wine too.
func CheckSDDL(sddl, path string, private bool) error {
	sd, err := windows.SecurityDescriptorFromString(sddl)
	if err != nil {
		return err
	}
	return checkDescriptor(sd, path, private)
}

// OutputDirSDDL exposes the DACL of history, runs and logs.
const OutputDirSDDL = outputDirSDDL
