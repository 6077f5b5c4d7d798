package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

const historyUsage = `Show run history, oldest first, one JSON object per line (schema
orc.result/v1), or a table on a terminal. Reads from the end of the history
files, so --last is fast however long the history is.

Usage:
  orc-exec history [<task>] [--last N] [--since TIME|DURATION] [--status STATUS] [flags]

Examples:
  orc-exec history db-export --last 20
  orc-exec history --since 24h --status FAILED
  orc-exec history db-export --since 2026-11-01T00:00:00Z
`

func cmdHistory(_ context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("history", historyUsage)
	last := fs.Int("last", 20, "show at most this many runs (0 = all)")
	since := fs.String("since", "", "only runs that started after this RFC 3339 time, or within this duration (\"24h\", \"7d\")")
	status := fs.String("status", "", "only runs with this status: SUCCESS, FAILED, TIMEOUT, SKIPPED, STOPPED, ERROR, DISABLED, RUNNING")
	if done, code := a.parse(fs, historyUsage, args); done {
		return code
	}
	if fs.NArg() > 1 {
		return a.fail(exitcode.Usage, errArgs("history", "at most one task name", fs.NArg()), "orc-exec history [<task>]")
	}
	if *last < 0 {
		return a.fail(exitcode.Usage, fmt.Errorf("--last %d is negative", *last), "use --last 20, or --last 0 for all")
	}
	f := history.Filter{Limit: *last, Status: result.Status(strings.ToUpper(*status))}
	if *since != "" {
		t, err := parseSince(*since, time.Now())
		if err != nil {
			return a.fail(exitcode.Usage, err, "use an RFC 3339 time (2026-11-01T00:00:00Z) or a duration (24h, 7d)")
		}
		f.Since = t
	}
	if f.Status != "" && !knownStatus(f.Status) {
		return a.fail(exitcode.Usage, fmt.Errorf("--status %q is not a status", *status), "use SUCCESS, FAILED, TIMEOUT, SKIPPED, STOPPED, ERROR, DISABLED or RUNNING")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	var names []string
	if fs.NArg() == 1 {
		if err := definition.ValidName(fs.Arg(0)); err != nil {
			return a.fail(exitcode.Usage, err, "")
		}
		names = []string{fs.Arg(0)}
	} else {
		all, err := s.TaskNames()
		if err != nil {
			return a.fail(exitcode.Internal, err, "")
		}
		names = all
	}
	var recs []result.Record
	for _, n := range names {
		p, err := s.HistoryFile(n)
		if err != nil {
			return a.fail(exitcode.Usage, err, "")
		}
		r, err := history.Query(p, f)
		if err != nil {
			return a.fail(exitcode.Internal, err, "")
		}
		recs = append(recs, r...)
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Start.Before(recs[j].Start) })
	if f.Limit > 0 && len(recs) > f.Limit {
		recs = recs[len(recs)-f.Limit:]
	}
	if a.table() {
		renderRecords(a.io.Stdout, recs)
		return exitcode.Success
	}
	for _, r := range recs {
		writeJSONLine(a.io.Stdout, r)
	}
	return exitcode.Success
}

func parseSince(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := definition.ParseDuration(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--since %q is neither a time nor a duration", s)
	}
	return now.Add(-d), nil
}

func knownStatus(s result.Status) bool {
	switch s {
	case result.Success, result.Failed, result.Timeout, result.Skipped, result.Stopped, result.Error, result.Disabled, result.Running:
		return true
	}
	return false
}
