// Package store knows where Orchestrator keeps its files (the "home") and
// who may write them. Every path it hands out is built from a validated task
// name, so a name can never reach outside the store.
//
// Layout under the home:
//
//	tasks/<name>.json         task definitions
//	history/<name>.jsonl      one result record per run
//	runs/<name>/<runID>.log   captured output of one run
//	logs/<name>.log           orc-exec's own log
//	locks/<name>.lock         overlap lock
//	state/                    everything else orc-exec keeps between runs
//
// Permissions: the store is never writable by anyone but its owner and the
// administrators, because orc-exec runs whatever tasks/ says, often as SYSTEM
// or root. On Unix a store created by root is 0755 (users may read status,
// only root writes); a store created by another user is 0700 (private). On
// Windows a home created by an elevated process gets a protected DACL:
// SYSTEM and Administrators full control, Users read (see SecureDir);
// otherwise it inherits its parent's ACL. What may hold a command's output
// is not for Users: history, runs/ and logs/ files are 0600 on Unix, and
// on Windows those folders get SYSTEM and Administrators only
// (outputDirSDDL); secrets are private on both (see OpenPrivate).
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// Subfolders of the home, created by Open.
const (
	TasksDir     = "tasks"
	HistoryDir   = "history"
	RunsDir      = "runs"
	LogsDir      = "logs"
	LocksDir     = "locks"
	StateDirName = "state"
)

// Store is an opened store. Home is an absolute path.
type Store struct{ Home string }

// DefaultHome returns the home used when no --home is given: $ORC_HOME if
// set; on Windows %ProgramData%\Orchestrator; on Unix /var/lib/orchestrator
// for root, else $XDG_DATA_HOME/orchestrator (default
// ~/.local/share/orchestrator).
func DefaultHome() (string, error) {
	if h := os.Getenv("ORC_HOME"); h != "" {
		return filepath.Abs(h)
	}
	return platformHome()
}

// Open makes sure the store layout exists under home, creating missing
// folders with the permissions described in the package comment, and
// returns the Store. It does not change folders that already exist: use
// OpenTrusted or CheckSecure to find out whether they are safe.
func Open(home string) (*Store, error) {
	if home == "" {
		return nil, errors.New("opening store: no home folder given; fix: pass --home or set ORC_HOME")
	}
	abs, err := filepath.Abs(home)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", home, err)
	}
	created, err := mkdir(abs, true)
	if err != nil {
		return nil, err
	}
	if created {
		if err := SecureDir(abs); err != nil {
			return nil, err
		}
	}
	for _, d := range []string{TasksDir, HistoryDir, RunsDir, LogsDir, LocksDir, StateDirName} {
		created, err := mkdir(filepath.Join(abs, d), false)
		if err != nil {
			return nil, err
		}
		if created && (d == HistoryDir || d == RunsDir || d == LogsDir) {
			if err := ProtectOutputDir(filepath.Join(abs, d)); err != nil {
				return nil, err
			}
		}
	}
	return &Store{Home: abs}, nil
}

// mkdir creates dir (and, for the home, its parents) with the store's mode,
// reporting whether it created dir itself.
func mkdir(dir string, parents bool) (bool, error) {
	fi, err := os.Stat(dir)
	if err == nil {
		if !fi.IsDir() {
			return false, fmt.Errorf("opening store: %s exists and is not a folder; fix: move it away or choose another --home", dir)
		}
		return false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("opening store: %w", err)
	}
	if parents {
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			return false, fmt.Errorf("opening store: creating %s: %w", filepath.Dir(dir), err)
		}
	}
	if err := os.Mkdir(dir, dirMode()); err != nil && !errors.Is(err, fs.ErrExist) {
		return false, fmt.Errorf("opening store: creating %s: %w", dir, err)
	}
	// Mkdir's mode is filtered by the umask; set it exactly so a permissive
	// umask cannot leave the store writable by others.
	if err := chmodDir(dir); err != nil {
		return false, fmt.Errorf("opening store: setting permissions on %s: %w", dir, err)
	}
	return true, nil
}

// TaskFile is the definition file of task name.
func (s *Store) TaskFile(name string) (string, error) {
	return s.file(name, TasksDir, name+".json")
}

// HistoryFile is the result history (JSON lines) of task name.
func (s *Store) HistoryFile(name string) (string, error) {
	return s.file(name, HistoryDir, name+".jsonl")
}

// RunDir is the folder holding the output files of task name; it is
// created on first use by the caller (see EnsureRunDir).
func (s *Store) RunDir(name string) (string, error) {
	return s.file(name, RunsDir, name)
}

// EnsureRunDir returns RunDir(name), creating it if missing.
func (s *Store) EnsureRunDir(name string) (string, error) {
	dir, err := s.RunDir(name)
	if err != nil {
		return "", err
	}
	if _, err := mkdir(dir, false); err != nil {
		return "", err
	}
	return dir, nil
}

// OutputFile is the captured output of one run. runID follows the same
// rules as a task name (a UUID does), since it also becomes a file name.
func (s *Store) OutputFile(name, runID string) (string, error) {
	dir, err := s.RunDir(name)
	if err != nil {
		return "", err
	}
	if err := definition.ValidName(runID); err != nil {
		return "", fmt.Errorf("run ID: %w", err)
	}
	return filepath.Join(dir, runID+".log"), nil
}

// LogFile is orc-exec's own log for task name.
func (s *Store) LogFile(name string) (string, error) {
	return s.file(name, LogsDir, name+".log")
}

// LockFile is the overlap lock of task name.
func (s *Store) LockFile(name string) (string, error) {
	return s.file(name, LocksDir, name+".lock")
}

// StateDir is the folder for state kept between runs.
func (s *Store) StateDir() string { return filepath.Join(s.Home, StateDirName) }

// file joins a store path after validating name: callers check names too,
// but this is the last line before a name becomes a path.
func (s *Store) file(name, dir, base string) (string, error) {
	if err := definition.ValidName(name); err != nil {
		return "", err
	}
	return filepath.Join(s.Home, dir, base), nil
}

// TaskNames lists the tasks defined in tasks/, sorted. Files whose base name
// is not a valid task name (editor backups, temp files of an interrupted
// save) are not tasks and are left out.
func (s *Store) TaskNames() ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(s.Home, TasksDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // a store nothing was registered in yet
	}
	if err != nil {
		return nil, fmt.Errorf("listing tasks: %w", err)
	}
	var names []string
	for _, e := range entries {
		n, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !e.Type().IsRegular() || definition.ValidName(n) != nil {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}
