//go:build linux

package proc

import (
	"errors"
	"fmt"
	"syscall"

	"golang.org/x/sys/unix"
)

// setPdeathsig makes the kernel SIGKILL the direct child if orc-exec dies
// without a chance to clean up (SIGKILL, OOM). Grandchildren are not covered:
// that would need a subreaper or cgroup, which a one-shot executor lacks.
func setPdeathsig(a *syscall.SysProcAttr) {
	a.Pdeathsig = syscall.SIGKILL
}

// waitExit blocks until the child has exited but leaves it unreaped (a
// zombie), so neither its PID nor its process group ID can be reused while
// the group is being killed.
func (t *tree) waitExit() error {
	for {
		var info unix.Siginfo
		err := unix.Waitid(unix.P_PID, t.pid, &info, unix.WEXITED|unix.WNOWAIT, nil)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return fmt.Errorf("wait for %d: %w", t.pid, err)
		}
		return nil
	}
}
