//go:build !linux && !windows

package deps

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
)

// listProcesses asks ps, which on darwin and the BSDs prints the
// executable's full path as comm; sameImage compares its base name.
func listProcesses(ctx context.Context) ([]proc, error) {
	b, err := exec.CommandContext(ctx, "ps", "-axo", "pid=,comm=").Output()
	if err != nil {
		return nil, fmt.Errorf("ps: %w", err)
	}
	var out []proc
	for line := range strings.SplitSeq(string(b), "\n") {
		pidText, comm, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		pid, err := strconv.Atoi(pidText)
		if err != nil {
			continue
		}
		out = append(out, proc{pid: pid, names: []string{strings.TrimSpace(comm)}})
	}
	return out, nil
}
