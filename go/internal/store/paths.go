package store

import (
	"path/filepath"
)

// TaskPaths are every path of one task, resolved once from a validated name
// so the code of a run does not re-validate at every step.
type TaskPaths struct {
	Name    string
	Task    string // tasks/<name>.json
	History string // history/<name>.jsonl
	Runs    string // runs/<name>/ (created on demand)
	Log     string // logs/<name>.log
	Lock    string // locks/<name>.lock
}

// For validates name and returns its paths.
func (s *Store) For(name string) (TaskPaths, error) {
	task, err := s.TaskFile(name)
	if err != nil {
		return TaskPaths{}, err
	}
	return TaskPaths{
		Name:    name,
		Task:    task,
		History: filepath.Join(s.Home, HistoryDir, name+".jsonl"),
		Runs:    filepath.Join(s.Home, RunsDir, name),
		Log:     filepath.Join(s.Home, LogsDir, name+".log"),
		Lock:    filepath.Join(s.Home, LocksDir, name+".lock"),
	}, nil
}
