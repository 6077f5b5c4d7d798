package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cli"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// The spec binary doubles as the tasks' command, so these specs need no
// shell and run the same under Wine as on Linux.
const (
	helperEnv = "ORC_CLI_SPEC_HELPER"
	dirEnv    = "ORC_CLI_SPEC_DIR"
)

func init() {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helperMain(mode))
	}
}

func helperMain(mode string) int {
	dir := os.Getenv(dirEnv)
	switch mode {
	case "ok":
		fmt.Println("hello from the command")
		return 0
	case "block":
		_ = os.WriteFile(filepath.Join(dir, "started"), nil, 0o644)
		for {
			if _, err := os.Stat(filepath.Join(dir, "release")); err == nil {
				return 0
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	fmt.Fprintln(os.Stderr, "unknown helper mode", mode)
	return 2
}

// orc is one spec's store and helper folder, driven through cli.Main.
type orc struct {
	home, dir string
}

func newOrc() *orc {
	base := testutil.TempDir()
	o := &orc{home: filepath.Join(base, "home"), dir: filepath.Join(base, "helper")}
	Expect(os.Mkdir(o.dir, 0o700)).To(Succeed())
	return o
}

type invocation struct {
	code           int
	stdout, stderr string
}

// main runs orc-exec in-process with stdin and returns what it wrote.
func (o *orc) main(ctx context.Context, stdin string, args ...string) invocation {
	var out, errOut bytes.Buffer
	code := cli.Main(ctx, append(args, "--home", o.home), cli.Build{Version: "spec"},
		cli.IO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut})
	return invocation{code, out.String(), errOut.String()}
}

func (o *orc) run(args ...string) invocation { return o.main(context.Background(), "", args...) }

// define stores a task whose command is this binary in helper mode.
func (o *orc) define(name, mode string, extra map[string]any) {
	self, err := os.Executable()
	Expect(err).NotTo(HaveOccurred())
	def := map[string]any{"name": name, "action": map[string]any{"command": self,
		"environment": map[string]string{helperEnv: mode, dirEnv: o.dir}}}
	for k, v := range extra {
		def[k] = v
	}
	b, err := json.Marshal(def)
	Expect(err).NotTo(HaveOccurred())
	inv := o.main(context.Background(), string(b), "define", "--file", "-")
	Expect(inv.code).To(Equal(0), inv.stderr)
}

// record parses the one result line a 'run' prints.
func record(inv invocation) result.Record {
	lines := strings.Split(strings.TrimSpace(inv.stdout), "\n")
	Expect(lines).To(HaveLen(1), "one JSON line: %q (stderr %q)", inv.stdout, inv.stderr)
	var r result.Record
	Expect(json.Unmarshal([]byte(lines[0]), &r)).To(Succeed())
	return r
}
