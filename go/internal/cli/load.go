package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// openStore resolves --home / ORC_HOME / the platform default and opens it,
// creating the store if it does not exist yet.
func (a *app) openStore() (*store.Store, exitcode.Code) { return a.storeAt(true) }

// readStore is openStore for commands that only read: a store that does not
// exist yet is not created. Creating it here would let a non-elevated
// 'Get-OrcTask' make %ProgramData%\Orchestrator with the folder's inherited,
// user-writable ACL, which orc-exec running as SYSTEM then refuses for good.
func (a *app) readStore() (*store.Store, exitcode.Code) { return a.storeAt(false) }

func (a *app) storeAt(create bool) (*store.Store, exitcode.Code) {
	home, code := a.homePath()
	if home == "" {
		return nil, code
	}
	if !create {
		if _, err := os.Stat(home); errors.Is(err, os.ErrNotExist) {
			return &store.Store{Home: home}, exitcode.Success
		}
	}
	s, err := store.Open(home)
	if err != nil {
		return nil, a.fail(exitcode.Internal, err, "check that the folder exists and that you may write to it, or pass --home")
	}
	return s, exitcode.Success
}

// homePath is the store's absolute path: --home, else ORC_HOME or the
// platform default. It is "" (with the exit code) when there is none.
func (a *app) homePath() (string, exitcode.Code) {
	home := a.g.home
	if home == "" {
		h, err := store.DefaultHome()
		if err != nil {
			return "", a.fail(exitcode.Internal, err, "set ORC_HOME or pass --home")
		}
		home = h
	}
	abs, err := filepath.Abs(home)
	if err != nil {
		return "", a.fail(exitcode.Usage, err, "pass --home with a valid folder")
	}
	return abs, exitcode.Success
}

// loadTask reads a task's definition after checking that nobody but an
// admin could have written it: a task may run as SYSTEM.
func (a *app) loadTask(s *store.Store, name string) (*definition.Task, exitcode.Code) {
	if err := definition.ValidName(name); err != nil {
		return nil, a.fail(exitcode.Definition, err, "task names use letters, digits, '.', '_' and '-' only")
	}
	file, _ := s.TaskFile(name)
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		return nil, a.fail(exitcode.NotFound, fmt.Errorf("task %q not found: %s does not exist", name, file), "run 'orc-exec list' to see the tasks, or register it first")
	}
	// Checked and read on one open handle (store.OpenTrusted), so the file
	// parsed is the file checked.
	data, err := s.ReadTask(name)
	if err != nil {
		code := exitcode.Internal
		if errors.Is(err, store.ErrInsecure) {
			code = exitcode.Insecure
		}
		return nil, a.fail(code, err, "only administrators (root) may be able to change task definitions")
	}
	t, err := definition.Parse(file, data)
	if err != nil {
		return nil, a.fail(exitcode.Definition, err, "fix the definition, then check it with 'orc-exec validate "+name+"'")
	}
	return t, exitcode.Success
}
