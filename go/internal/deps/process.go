package deps

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

// proc is one running process as the OS names it. Names holds every name
// the process is known by (Linux: comm, argv[0] and exe basenames).
type proc struct {
	pid   int
	names []string
}

func checkProcess(ctx context.Context, want string) outcome {
	procs, err := listProcesses(ctx)
	if err != nil {
		return unmet("cannot list processes: %v", err)
	}
	var pids []string
	for _, p := range procs {
		for _, n := range p.names {
			if sameImage(want, n) {
				pids = append(pids, fmt.Sprint(p.pid))
				break
			}
		}
	}
	switch len(pids) {
	case 0:
		return unmet("no process named %s is running", want)
	case 1:
		return met("%s is running (pid %s)", want, pids[0])
	}
	return met("%d %s processes are running (pid %s)", len(pids), want, firstFew(pids))
}

// sameImage compares image names the way an admin means them: ".exe" is
// optional, and case only matters where the file system cares.
func sameImage(want, got string) bool {
	want, got = trimExe(want), trimExe(filepath.Base(got))
	if foldNames {
		return strings.EqualFold(want, got)
	}
	return want == got
}

func trimExe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[len(s)-4:], ".exe") {
		return s[:len(s)-4]
	}
	return s
}
