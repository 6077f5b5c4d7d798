package proc_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/proc"
)

// helperEnv selects a helper mode when the test binary is run as a child;
// helperDir is where helpers write their PIDs.
const (
	helperEnv = "ORC_PROC_TEST_HELPER"
	helperDir = "ORC_PROC_TEST_DIR"
)

func helperMain(mode string) int {
	dir := os.Getenv(helperDir)
	switch mode {
	case "sleep":
		time.Sleep(5 * time.Minute)
		return 0
	case "exit":
		code, _ := strconv.Atoi(os.Getenv("ORC_PROC_TEST_CODE"))
		return code
	case "output":
		fmt.Fprintln(os.Stdout, "to stdout")
		fmt.Fprintln(os.Stderr, "to stderr")
		return 0
	case "leave":
		// Exits at once, leaving a background grandchild behind.
		gc := exec.Command(os.Args[0])
		gc.Env = append(os.Environ(), helperEnv+"=sleep")
		if err := gc.Start(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		writePID(dir, "grandchild.pid", gc.Process.Pid)
		return 0
	case "pwd":
		wd, _ := os.Getwd()
		fmt.Println(wd)
		return 0
	case "args":
		// Echo the arguments as the child parsed them.
		b, _ := json.Marshal(os.Args[1:])
		fmt.Println(string(b))
		return 0
	case "tree":
		// A child that starts a grandchild and outlives nothing on its own.
		writePID(dir, "child.pid", os.Getpid())
		gc := exec.Command(os.Args[0])
		gc.Env = append(os.Environ(), helperEnv+"=sleep")
		if err := gc.Start(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		writePID(dir, "grandchild.pid", gc.Process.Pid)
		time.Sleep(5 * time.Minute)
		return 0
	case "scan":
		// A fresh process, as orc-exec is: runs ORC_PROC_TEST_CMD with a tag and
		// reports whether /proc had to be searched and what was found.
		tag := "ORC_RUN_ID=scan-" + strconv.Itoa(os.Getpid())
		o := proc.Run(context.Background(), proc.Spec{
			Command: os.Getenv("ORC_PROC_TEST_CMD"), Shell: true, Dir: dir, Env: append(os.Environ(), tag), Tag: tag,
			Timeout: 5 * time.Second, OutputDelay: 300 * time.Millisecond,
		})
		b, _ := json.Marshal(map[string]any{"scans": escapeScans(), "escaped": o.Escaped, "mayRemain": o.EscapedMayRemain, "exit": o.ExitCode})
		fmt.Println(string(b))
		return 0
	case "runner":
		// Stands in for orc-exec: runs a "tree" child through proc.Run.
		writePID(dir, "runner.pid", os.Getpid())
		o := proc.Run(context.Background(), proc.Spec{
			Command: os.Args[0],
			Env:     append(os.Environ(), helperEnv+"=tree"),
		})
		fmt.Fprintln(os.Stderr, o.Err)
		return 4
	}
	fmt.Fprintln(os.Stderr, "unknown helper mode", mode)
	return 2
}

// writePID writes atomically, so a reader never sees a half-written number.
func writePID(dir, name string, pid int) {
	tmp := filepath.Join(dir, name+".tmp")
	_ = os.WriteFile(tmp, []byte(strconv.Itoa(pid)), 0o644)
	_ = os.Rename(tmp, filepath.Join(dir, name))
}

// readPID returns 0 until the file holds a PID, for use with Eventually.
func readPID(dir, name string) func() int {
	return func() int {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return 0
		}
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		return pid
	}
}

// helperSpec runs the test binary itself in the given helper mode.
func helperSpec(mode, dir string) proc.Spec {
	self, err := os.Executable()
	if err != nil {
		panic(err)
	}
	return proc.Spec{
		Command: self,
		Env:     append(os.Environ(), helperEnv+"="+mode, helperDir+"="+dir),
	}
}
