package deps

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"time"
)

// runCommand is the default Env.RunCommand: the command runs directly (no
// shell, arguments never re-parsed) with its output discarded, and is
// killed, with its children where the OS allows, when ctx ends.
func runCommand(ctx context.Context, command string, args []string) (int, error) {
	cmd := exec.CommandContext(ctx, command, args...)
	isolate(cmd)
	// A grandchild that outlives the kill must not hold us past the timeout.
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return -1, fmt.Errorf("start: %w", err)
	}
	err := cmd.Wait()
	if ctx.Err() != nil {
		return -1, fmt.Errorf("killed: %w", ctx.Err())
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), nil
	}
	if err != nil {
		return -1, fmt.Errorf("wait: %w", err)
	}
	return 0, nil
}
