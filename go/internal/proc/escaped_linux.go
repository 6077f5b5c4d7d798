//go:build linux

package proc

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// reaper records whether this process became a child subreaper: then
// every process the command leaves behind is re-parented to us when its
// parent exits, instead of to init, so "no children but the command" means
// "nothing escaped" and the /proc search can be skipped.
var reaper struct {
	once sync.Once
	ok   bool
}

// escapeScans counts /proc searches, for the specs (export_test.go).
var escapeScans atomic.Int64

// becomeReaper makes orc-exec the child subreaper of what it starts
// (PR_SET_CHILD_SUBREAPER, Linux 3.4+). It must run before the first
// command starts; later calls do nothing.
func becomeReaper() {
	reaper.once.Do(func() {
		reaper.ok = unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == nil
	})
}

// onlyChild reports whether pid (the command, exited but not yet reaped) is
// this process's only child. ok is false when the kernel cannot say
// (/proc/<pid>/task/<tid>/children needs CONFIG_PROC_CHILDREN).
func onlyChild(pid int) (only, ok bool) {
	// Each thread lists the children it forked (and the orphans it adopted).
	// Not filepath.Glob: that would also list every thread's directory.
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return false, false
	}
	want := strconv.Itoa(pid)
	for _, t := range tasks {
		b, err := os.ReadFile("/proc/self/task/" + t.Name() + "/children")
		if errors.Is(err, os.ErrNotExist) {
			if _, serr := os.Stat("/proc/self/task/" + t.Name()); serr != nil {
				continue // a thread that ended meanwhile
			}
			return false, false // no CONFIG_PROC_CHILDREN
		}
		if err != nil {
			return false, false
		}
		for _, c := range strings.Fields(string(b)) {
			if c != want {
				return false, true
			}
		}
	}
	return true, true
}

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
	// Scanning /proc reads every process's environment (about 1 ms with a
	// hundred processes), on every run. As subreaper we know the common case
	// for the price of reading a few small files: nothing was left behind.
	if reaper.ok {
		if only, ok := onlyChild(t.pid); ok && only {
			return 0, false
		}
	}
	escapeScans.Add(1)
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
