//go:build !windows

package deps

import (
	"os/exec"
	"syscall"
)

// isolate puts the command in its own process group so a timeout kills the
// whole group (a shell script and what it started), not just its leader.
func isolate(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
