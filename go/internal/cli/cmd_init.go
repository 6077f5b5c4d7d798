package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

const initUsage = `Create the store (or check an existing one) and print where it is.
A store created by an elevated process (root) gets the protected ACL (mode)
described in docs/orc-exec.md; an existing store is only checked: one that
others can write is refused with the fix (exit 4). Initialize-Orchestrator
runs this.

Usage:
  orc-exec init [--home DIR]

Examples:
  orc-exec init
  orc-exec init --home D:\Orchestrator --output json
`

// InitReport is what 'init' prints: schema orc.init/v1.
type InitReport struct {
	Schema  string `json:"schema"`
	Home    string `json:"home"`
	Created bool   `json:"created"`
}

func cmdInit(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("init", initUsage)
	if done, code := a.parse(fs, initUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("init", "no arguments", fs.NArg()), "orc-exec init [--home DIR]")
	}
	home, code := a.homePath()
	if home == "" {
		return code
	}
	_, statErr := os.Stat(home)
	created := errors.Is(statErr, os.ErrNotExist)
	s, code := a.openStore()
	if s == nil {
		return code
	}
	for _, p := range []string{s.Home, filepath.Join(s.Home, store.TasksDir), s.StateDir()} {
		if err := store.CheckSecure(p); err != nil {
			return a.fail(exitcode.Insecure, err, "only administrators (root) may be able to change the store")
		}
	}
	rep := InitReport{Schema: "orc.init/v1", Home: s.Home, Created: created}
	if a.table() {
		verb := "exists"
		if created {
			verb = "created"
		}
		fmt.Fprintf(a.io.Stdout, "store %s: %s\n", verb, s.Home)
		return exitcode.Success
	}
	writeJSONLine(a.io.Stdout, rep)
	return exitcode.Success
}
