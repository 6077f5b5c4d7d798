package deps

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// listProcesses reads /proc. comm is cut to 15 bytes by the kernel, and
// /proc/<pid>/exe is unreadable for other users' processes, so argv[0] is
// read too: between the three, a long name run by anyone is found.
func listProcesses(ctx context.Context) ([]proc, error) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil, err
	}
	var out []proc
	for _, e := range entries {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		dir := filepath.Join("/proc", e.Name())
		if zombie(dir) {
			continue // exited, waiting to be reaped: not running
		}
		p := proc{pid: pid}
		if b, err := os.ReadFile(filepath.Join(dir, "comm")); err == nil {
			p.names = append(p.names, strings.TrimSuffix(string(b), "\n"))
		}
		if b, err := os.ReadFile(filepath.Join(dir, "cmdline")); err == nil && len(b) > 0 {
			if arg0, _, _ := bytes.Cut(b, []byte{0}); len(arg0) > 0 {
				p.names = append(p.names, string(arg0))
			}
		}
		if exe, err := os.Readlink(filepath.Join(dir, "exe")); err == nil {
			p.names = append(p.names, strings.TrimSuffix(exe, " (deleted)"))
		}
		if len(p.names) > 0 { // gone between ReadDir and now
			out = append(out, p)
		}
	}
	return out, nil
}

// zombie reports whether /proc/<pid>/stat says state Z (or X, dead). The
// state follows the last ')' because comm, in parentheses, may hold any byte.
func zombie(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "stat"))
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 || i+2 >= len(b) {
		return false
	}
	return b[i+2] == 'Z' || b[i+2] == 'X'
}
