// Command orc-exec runs one Orchestrator task per trigger. Everything it does
// lives in go/internal; main only wires signals and the exit code.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/orchestrator/orchestrator/go/internal/cli"
)

// Set by the build (-ldflags "-X main.version=… -X main.commit=…").
var (
	version = "dev"
	commit  = "unknown"
)

func main() {
	// SIGTERM (and Ctrl-C) cancel the run: the command's tree is killed and
	// the result recorded as STOPPED instead of vanishing.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Build{Version: version, Commit: commit}, cli.IO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(code)
}
