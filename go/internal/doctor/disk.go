package doctor

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Free space below which runs start failing to write output and history.
const (
	diskFailBytes = 100 << 20
	diskWarnBytes = 1 << 30
)

// checkDisk: history, output and the atomic rewrites (temp + rename) all
// need room on the store's volume.
func checkDisk(o Options) Check {
	c := Check{Name: "disk.space"}
	path := existingParent(o.Store.Home)
	free, total, err := o.DiskSpace(path)
	if err != nil {
		c.Status, c.Detail = Warn, fmt.Sprintf("could not read the free space of %s: %v", path, err)
		return c
	}
	detail := fmt.Sprintf("%s free of %s on the store's volume (%s)", bytesText(free), bytesText(total), path)
	switch {
	case free < diskFailBytes:
		c.Status, c.Detail = Fail, detail
		c.Fix = "free space on the volume, or move the store (ORC_HOME) to a larger one"
	case free < diskWarnBytes || (total > 0 && free*20 < total):
		c.Status, c.Detail = Warn, detail
		c.Fix = "free space soon; old run output can go with Remove-OrcOrphan / orc-exec cleanup"
	default:
		c.Status, c.Detail = OK, detail
	}
	return c
}

// existingParent is path, or its nearest existing parent (a store that
// does not exist yet will be created there).
func existingParent(path string) string {
	for {
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			return path
		}
		parent := filepath.Dir(path)
		if parent == path {
			return path
		}
		path = parent
	}
}

func bytesText(n uint64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := uint64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// checkEventSource: without the source, the Event Log shows our events as
// "description not found" and install was incomplete.
func checkEventSource(o Options) Check {
	c := Check{Name: "eventlog.source"}
	exists, ok, err := o.EventSource()
	switch {
	case !ok:
		c.Status, c.Detail = Skip, "no Windows Event Log on this system"
	case err != nil:
		c.Status, c.Detail = Warn, "could not read the Event Log sources: "+err.Error()
	case !exists:
		c.Status, c.Detail = Warn, "the Event Log source Orchestrator is not registered: run outcomes do not reach the Application log"
		c.Fix = "run 'orc-exec eventlog install' elevated (Initialize-Orchestrator does it)"
	default:
		c.Status, c.Detail = OK, "the Event Log source Orchestrator is registered in the Application log"
	}
	return c
}
