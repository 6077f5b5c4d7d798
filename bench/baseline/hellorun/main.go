// Command hellorun is the baseline of 'orc-exec run' of a trivial task: a Go
// program that starts the same command and waits for it, nothing else. The
// issue's target is 1.5 times it (bench/ratio_test.go).
package main

import (
	"os"
	"os/exec"
)

func main() {
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if cmd.Run() != nil {
		os.Exit(1)
	}
}
