package doctor

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// checkStore: the home and the folders orc-exec trusts must be writable by
// nobody but root/SYSTEM, Administrators and the owner, because orc-exec
// runs whatever tasks/ says.
func checkStore(o Options) (Check, bool) {
	c := Check{Name: "store.security"}
	home := o.Store.Home
	if _, err := os.Stat(home); errors.Is(err, os.ErrNotExist) {
		c.Status, c.Detail = Warn, fmt.Sprintf("the store %s does not exist yet", home)
		c.Fix = "register a task (Register-OrcTask) or run Initialize-Orchestrator; an elevated first run creates it with the right ACL"
		return c, false
	}
	for _, p := range []string{home, filepath.Join(home, store.TasksDir), filepath.Join(home, store.StateDirName)} {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := store.CheckSecure(p); err != nil {
			c.Status, c.Detail, c.Fix = Fail, err.Error(), fixOf(err)
			return c, true
		}
	}
	c.Status, c.Detail = OK, fmt.Sprintf("%s is writable only by administrators and its owner", home)
	return c, true
}

// stored is one definition file as a run would read it: its bytes through
// the trusted open, or why they could not be read.
type stored struct {
	name, file string
	data       []byte
	err        error
}

// readDefinitions reads every definition once, for every check that needs
// them (definitions, time zones, the clock's history).
func readDefinitions(o Options) ([]stored, error) {
	names, err := o.Store.TaskNames()
	if err != nil {
		return nil, err
	}
	defs := make([]stored, 0, len(names))
	for _, n := range names {
		file, _ := o.Store.TaskFile(n)
		data, err := o.Store.ReadTask(n)
		defs = append(defs, stored{name: n, file: file, data: data, err: err})
	}
	return defs, nil
}

// checkDefinitions parses and validates every definition the way a run
// does, so a task that would refuse to run at its next trigger shows up now.
func checkDefinitions(defs []stored, listErr error) Check {
	c := Check{Name: "store.definitions"}
	if listErr != nil {
		c.Status, c.Detail, c.Fix = Fail, listErr.Error(), "check that the store's tasks folder is readable"
		return c
	}
	var bad []string
	var fix string
	for _, d := range defs {
		err := d.err
		if err == nil {
			_, err = definition.Parse(d.file, d.data)
		}
		if err != nil {
			bad = append(bad, firstLine(err.Error()))
			if fix == "" {
				fix = fixOf(err)
			}
		}
	}
	switch {
	case len(bad) > 0:
		c.Status = Fail
		c.Detail = fmt.Sprintf("%d of %d definitions would not run: %s", len(bad), len(defs), strings.Join(limit(bad, 3), "; "))
		if fix == "" {
			fix = "fix each definition and check it with 'orc-exec validate <task>', or register it again"
		}
		c.Fix = fix
	default:
		c.Status, c.Detail = OK, fmt.Sprintf("%d definitions, all trusted and valid", len(defs))
	}
	return c
}

// fixOf pulls the fix out of an error: an InsecureError carries one, and
// other errors say "fix: …" in their text.
func fixOf(err error) string {
	var ie *store.InsecureError
	if errors.As(err, &ie) {
		return ie.Fix
	}
	if _, after, ok := strings.Cut(err.Error(), "fix: "); ok {
		return firstLine(after)
	}
	return ""
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func limit(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], fmt.Sprintf("and %d more", len(s)-n))
}
