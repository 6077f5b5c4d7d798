package history_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// appenderEnv set to 1 makes the test binary act as appenderMain (see TestMain).
const appenderEnv = "ORC_HISTORY_SPEC_APPENDER"

// appenderMain appends records to a history file from its own process:
//
//	PATH WRITER COUNT [PAD]
//
// COUNT < 0 appends until killed. PAD pads each record's outputTail with that
// many bytes (default 100, which gives records of about 300 bytes).
// Retention keeps 1,000,000 runs, so pruning runs but must drop nothing.
func appenderMain(args []string) int {
	if len(args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: appender PATH WRITER COUNT [PAD]")
		return 2
	}
	path, writer := args[0], args[1]
	count, err := strconv.Atoi(args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	pad := 100
	if len(args) > 3 {
		if pad, err = strconv.Atoi(args[3]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
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
			return 1
		}
	}
	return 0
}
