package proc_test

import (
	"os/exec"
	"strconv"
	"strings"
)

// alive reports whether pid is a running process; a zombie counts as dead.
func alive(pid int) bool {
	out, err := exec.Command("ps", "-o", "stat=", "-p", strconv.Itoa(pid)).Output()
	s := strings.TrimSpace(string(out))
	return err == nil && s != "" && !strings.HasPrefix(s, "Z")
}
