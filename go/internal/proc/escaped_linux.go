//go:build linux

package proc

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"syscall"
)

// killEscaped kills the processes of a tree that left its process group.
// A child can leave a process group (setsid, a shell's job control) but it
// keeps its environment unless it rebuilds it on purpose, so the run's tag is
// what follows every process of the tree. cgroups would hold them all, but
// orc-exec runs without a delegated cgroup on most hosts.
// Members of the group itself were just killed with it and may not have
// exited yet: they are not counted as escaped.
func (t *tree) killEscaped(tag string) (int, bool) {
	if tag == "" {
		return 0, true
	}
	n, err := killTagged(tag, t.pid)
	return n, err != nil
}

// KillTagged SIGKILLs every process whose environment holds tag ("K=V"),
// repeating until a pass finds none (a process may fork while we look), and
// returns how many it killed. It reads /proc/<pid>/environ, which shows only
// processes of the same user unless we are root.
func KillTagged(tag string) (int, error) { return killTagged(tag, 0) }

func killTagged(tag string, skipGroup int) (int, error) {
	if tag == "" {
		return 0, errors.New("could not look for processes: no tag")
	}
	want := []byte(tag)
	self := os.Getpid()
	// A killed process may still show its environment for a moment; count
	// each PID once. SIGKILL cannot be blocked, so nobody forks after it.
	killed := map[int]bool{}
	for pass := 0; pass < 10; pass++ {
		d, err := os.Open("/proc")
		if err != nil {
			return len(killed), err
		}
		names, err := d.Readdirnames(-1)
		d.Close()
		if err != nil {
			return len(killed), err
		}
		found := 0
		for _, name := range names {
			pid, err := strconv.Atoi(name)
			if err != nil || pid == self || killed[pid] {
				continue
			}
			env, err := os.ReadFile("/proc/" + name + "/environ")
			if err != nil || !hasEntry(env, want) {
				continue // gone, a zombie (empty), or not ours to read
			}
			if skipGroup > 0 {
				if g, err := syscall.Getpgid(pid); err == nil && g == skipGroup {
					continue
				}
			}
			if syscall.Kill(pid, syscall.SIGKILL) == nil {
				killed[pid] = true
				found++
			}
		}
		if found == 0 {
			break
		}
	}
	return len(killed), nil
}

func hasEntry(env, entry []byte) bool {
	for len(env) > 0 {
		i := bytes.IndexByte(env, 0)
		if i < 0 {
			i = len(env)
		}
		if bytes.Equal(env[:i], entry) {
			return true
		}
		env = env[min(i+1, len(env)):]
	}
	return false
}
