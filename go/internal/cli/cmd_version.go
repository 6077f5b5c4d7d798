package cli

import (
	"context"
	"fmt"
	"runtime"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

const versionUsage = `Print orc-exec's version.

Usage:
  orc-exec version [--output json]

Examples:
  orc-exec version
  orc-exec version --output json
`

const schemaUsage = `Print the JSON Schema that task definitions follow. Point a definition's
"$schema" at a saved copy and editors validate and complete it.

Usage:
  orc-exec schema > task.schema.json

Examples:
  orc-exec schema
`

// VersionInfo is what 'version --output json' prints: schema orc.version/v1.
type VersionInfo struct {
	Schema  string `json:"schema"`
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Go      string `json:"go"`
	OS      string `json:"os"`
	Arch    string `json:"arch"`
}

func cmdVersion(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("version", versionUsage)
	if done, code := a.parse(fs, versionUsage, args); done {
		return code
	}
	v := VersionInfo{"orc.version/v1", a.build.Version, a.build.Commit, runtime.Version(), runtime.GOOS, runtime.GOARCH}
	if a.g.output == "json" {
		writeJSONLine(a.io.Stdout, v)
		return exitcode.Success
	}
	fmt.Fprintf(a.io.Stdout, "orc-exec %s (commit %s, %s, %s/%s)\n", v.Version, v.Commit, v.Go, v.OS, v.Arch)
	return exitcode.Success
}

func cmdSchema(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("schema", schemaUsage)
	if done, code := a.parse(fs, schemaUsage, args); done {
		return code
	}
	_, _ = a.io.Stdout.Write(definition.SchemaJSON())
	return exitcode.Success
}
