//go:build linux || windows

package e2e_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// The spec binary doubles as the tasks' command: with helperEnv set it acts
// as one of the programs below instead of running specs. So the specs that
// use it need no shell and run the same on Linux and, under Wine, against
// orc-exec.exe, where /bin/sh does not exist and bare names do not resolve.
const (
	helperEnv = "ORC_E2E_HELPER"      // the mode
	dirEnv    = "ORC_E2E_HELPER_DIR"  // where a helper leaves its PID files and waits for "release"
	codeEnv   = "ORC_E2E_HELPER_CODE" // the exit code of mode "print"
)

func init() {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helperMain(mode))
	}
}

func helperMain(mode string) int {
	dir := os.Getenv(dirEnv)
	switch mode {
	case "print":
		fmt.Println("out")
		fmt.Fprintln(os.Stderr, "err")
		code, _ := strconv.Atoi(os.Getenv(codeEnv))
		return code
	case "args":
		// The arguments as this process parsed them, one JSON line.
		b, _ := json.Marshal(os.Args[1:])
		fmt.Println(string(b))
		return 0
	case "loud":
		// 10 MB between two marker lines, for the output cap.
		w := bufio.NewWriter(os.Stdout)
		fmt.Fprintln(w, "FIRST-LINE")
		line := strings.Repeat("x", 1000)
		for range 10_000 {
			w.WriteString(line)
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "LAST-LINE")
		if err := w.Flush(); err != nil {
			return 3
		}
		return 0
	case "block":
		// One started.<pid> per run, so parallel runs can be counted.
		writePID(dir, "started."+strconv.Itoa(os.Getpid()))
		for {
			if _, err := os.Stat(filepath.Join(dir, "release")); err == nil {
				return 0
			}
			time.Sleep(20 * time.Millisecond)
		}
	case "tree":
		// The command starts a child that starts a grandchild; all three
		// wait for ever, so only a tree kill ends them.
		writePID(dir, "pid")
		if err := spawn("child"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		waitForever()
	case "child":
		writePID(dir, "child")
		if err := spawn("grandchild"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		waitForever()
	case "grandchild":
		writePID(dir, "grandchild")
		waitForever()
	}
	fmt.Fprintln(os.Stderr, "unknown helper mode", mode)
	return 2
}

// spawn starts this binary in another mode and leaves it running.
func spawn(mode string) error {
	c := exec.Command(os.Args[0])
	c.Env = append(os.Environ(), helperEnv+"="+mode)
	if err := c.Start(); err != nil {
		return fmt.Errorf("could not start the %s: %w", mode, err)
	}
	return nil
}

// writePID writes this process's PID atomically (temp + rename), so a
// spec polling the file never reads half of it.
func writePID(dir, name string) {
	tmp := filepath.Join(dir, "."+name+".tmp")
	if err := os.WriteFile(tmp, []byte(strconv.Itoa(os.Getpid())), 0o600); err == nil {
		_ = os.Rename(tmp, filepath.Join(dir, name))
	}
}

// helper is a task action that runs this binary in mode, with dir as its
// folder; extra adds environment entries.
func helper(mode, dir string, extra ...string) map[string]any {
	GinkgoHelper()
	self, err := os.Executable()
	Expect(err).NotTo(HaveOccurred())
	// A -race build sleeps 1 s at exit (atexit_sleep_ms) by default: a
	// helper would seem to outlive its release by that second.
	env := map[string]any{helperEnv: mode, dirEnv: dir, "GORACE": "atexit_sleep_ms=0"}
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	return map[string]any{"command": self, "environment": env}
}

// waitForever blocks without looking deadlocked to the Go runtime.
func waitForever() {
	for {
		time.Sleep(time.Hour)
	}
}

// readPID reads a PID file, 0 while it is not there yet.
func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}
