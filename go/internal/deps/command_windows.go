//go:build windows

package deps

import (
	"os/exec"
	"syscall"

	"golang.org/x/sys/windows"
)

// isolate hides the console window of a check command. A timeout kills the
// command itself; its children are only killed when orc-exec's own job
// object closes, which is the executor's business, not this package's.
func isolate(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: windows.CREATE_NO_WINDOW}
}
