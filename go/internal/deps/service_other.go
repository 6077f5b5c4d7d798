//go:build !windows && !linux

package deps

import (
	"context"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

func checkService(context.Context, definition.Check) outcome {
	return unmet("service checks need Windows (or systemd on Linux)")
}
