package history

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// Prune rewrites the history at path keeping only the newest keep runs
// (keep <= 0: no count limit) whose When is within maxAge of now (maxAge <= 0:
// no age limit); times need not be sorted along the file. It also drops
// superseded RUNNING markers and unparseable lines. The rewrite is atomic
// (temp file + rename) under the writers' lock, so no Append is lost;
// readers holding the old file keep reading it.
//
// Then it deletes the output files (RunsDir(path)/<runID>.log) of runs it
// no longer keeps, and orphaned ones no record names, except files changed
// within OutputGrace (a run creates its output file before it records).
//
// Only kept lines are held in memory, so keep bounds the cost.
func Prune(path string, keep int, maxAge time.Duration, now time.Time) error {
	// Nothing to prune, and no lock file to litter a missing directory with.
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil
	}
	lock := flock.New(path + ".lock")
	if err := lock.Lock(); err != nil {
		return fmt.Errorf("lock history %s: %w", path, err)
	}
	defer lock.Unlock()
	return prune(path, keep, maxAge, now)
}

// prune is Prune for a caller that holds the lock.
func prune(path string, keep int, maxAge time.Duration, now time.Time) error {
	st, err := os.Stat(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("stat history %s: %w", path, err)
	}
	var cutoff time.Time
	if maxAge > 0 {
		cutoff = now.Add(-maxAge)
	}
	var kept [][]byte // newest first
	keptIDs := map[string]bool{}
	var expired func(time.Time) bool
	if !cutoff.IsZero() {
		// Skipped, not a reason to stop: an earlier line may still be
		// young enough, since times are not sorted along the file.
		expired = func(w time.Time) bool { return w.Before(cutoff) }
	}
	err = scan(path, expired, func(rec result.Record, raw []byte) bool {
		kept = append(kept, append([]byte(nil), raw...))
		keptIDs[rec.RunID] = true
		return keep <= 0 || len(kept) < keep
	})
	if err != nil {
		return err
	}

	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".prune-*")
	if err != nil {
		return fmt.Errorf("prune history %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	err = writeLines(tmp, kept, st.Mode().Perm())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("prune history %s: %w", path, err)
	}
	return pruneOutputs(RunsDir(path), keptIDs, time.Now())
}

// OutputGrace spares an output file no kept record names while it is this
// fresh: its run may have created it and not yet written its RUNNING marker.
const OutputGrace = time.Hour

// RunsDir is the folder of the output files of the runs in the history at
// path, by the store's layout: <home>/history/<task>.jsonl keeps its runs'
// output in <home>/runs/<task>/. "" when path is not laid out that way.
func RunsDir(path string) string {
	dir := filepath.Dir(path)
	if filepath.Base(dir) != "history" {
		return ""
	}
	task := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(filepath.Dir(dir), "runs", task)
}

// pruneOutputs deletes the <runID>.log files in dir that no kept record
// names and that are older than OutputGrace. Other files are left alone.
// Failures are not errors: the history is already pruned, and the next
// prune tries again.
func pruneOutputs(dir string, kept map[string]bool, now time.Time) error {
	if dir == "" {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // no outputs yet, or none we may list
	}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".log")
		if !ok || !e.Type().IsRegular() || kept[id] {
			continue
		}
		if info, err := e.Info(); err != nil || now.Sub(info.ModTime()) < OutputGrace {
			continue
		}
		_ = os.Remove(filepath.Join(dir, e.Name()))
	}
	return nil
}

// writeLines writes lines (newest first) oldest first and syncs, so that the
// rename never exposes a file whose data is not on disk yet.
func writeLines(f *os.File, lines [][]byte, perm os.FileMode) error {
	if err := f.Chmod(perm); err != nil {
		return err
	}
	var size int
	for _, l := range lines {
		size += len(l) + 1
	}
	buf := make([]byte, 0, size)
	for i := len(lines) - 1; i >= 0; i-- {
		buf = append(append(buf, lines[i]...), '\n')
	}
	if _, err := f.Write(buf); err != nil {
		return err
	}
	return f.Sync()
}
