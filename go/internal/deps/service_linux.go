package deps

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

// checkService asks systemd. `systemctl is-active` prints the unit's state
// ("active", "inactive", "failed", "activating") and exits non-zero for
// anything but active, so its output, not its exit code, is the reason.
func checkService(ctx context.Context, c definition.Check) outcome {
	name := c.Service
	// sd_booted(3): this directory exists only when systemd is PID 1.
	if _, err := os.Stat("/run/systemd/system"); err != nil {
		return unmet("service checks need Windows or systemd, and systemd is not running here")
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "systemctl", "is-active", "--", name)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	state := strings.TrimSpace(string(out))
	switch {
	case err == nil && state == "active":
		return met("service %s is active", name)
	case state != "":
		return unmet("service %s is %s", name, state)
	case errors.Is(err, exec.ErrNotFound):
		return unmet("service checks need Windows or systemd, and systemctl is missing")
	case ctx.Err() != nil:
		return unmet("systemctl: %s", ctxReason(ctx, c, err))
	}
	msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
	if msg == "" && err != nil {
		msg = err.Error()
	}
	return unmet("cannot ask systemd about %s: %s", name, msg)
}
