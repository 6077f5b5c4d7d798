// Command appender is a test helper: it appends records to a history file
// from its own process, so specs can race real processes on one file.
//
//	appender PATH WRITER COUNT [PAD]
//
// COUNT < 0 appends until killed. PAD pads each record's outputTail with that
// many bytes (default 100, which gives records of about 300 bytes).
// Retention keeps 1,000,000 runs, so pruning runs but must drop nothing.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: appender PATH WRITER COUNT [PAD]")
		os.Exit(2)
	}
	path, writer := os.Args[1], os.Args[2]
	count, err := strconv.Atoi(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	pad := 100
	if len(os.Args) > 4 {
		if pad, err = strconv.Atoi(os.Args[4]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	for i := 0; count < 0 || i < count; i++ {
		now := time.Now().UTC()
		rec := result.Record{
			Schema: result.Schema, Task: "race", RunID: fmt.Sprintf("%s-%d", writer, i),
			Trigger: result.Scheduled, Host: "test", Status: result.Success,
			Start: now, End: now, ExitCode: 0,
			OutputTail: strings.Repeat("x", pad),
		}
		if err := history.AppendWith(path, rec, history.Retention{Keep: 1_000_000}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
