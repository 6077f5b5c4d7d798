package proc_test

import (
	"bytes"
	"fmt"
	"os"
)

// alive reports whether pid is a running process. A zombie counts as dead:
// an orphaned grandchild is reaped by whoever PID 1 is, maybe never in a
// container, but it runs no code.
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the parenthesised command name, which may hold spaces.
	i := bytes.LastIndexByte(b, ')')
	return i < 0 || i+2 >= len(b) || b[i+2] != 'Z'
}
