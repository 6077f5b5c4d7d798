package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

func errArgs(cmd, want string, got int) error {
	return fmt.Errorf("%s takes %s, got %d argument(s)", cmd, want, got)
}

// writeJSONLine writes v as one line of JSON: the NDJSON contract the
// PowerShell module reads line by line.
func writeJSONLine(w io.Writer, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": err.Error()})
	}
	b = append(b, '\n')
	_, _ = w.Write(b)
}

func newTable(w io.Writer) table.Writer {
	t := table.NewWriter()
	t.SetOutputMirror(w)
	t.SetStyle(table.StyleLight)
	return t
}

func renderRecords(w io.Writer, recs []result.Record) {
	t := newTable(w)
	t.AppendHeader(table.Row{"Task", "Status", "Start", "Duration", "Exit", "Attempts", "Reason"})
	for _, r := range recs {
		t.AppendRow(table.Row{r.Task, r.Status, localTime(r.Start), ms(r.DurationMs), r.ExitCode, len(r.Attempts), short(r.Reason, 60)})
	}
	t.Render()
}

func localTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

func ms(v int64) string {
	return (time.Duration(v) * time.Millisecond).String()
}

func short(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func yesNo(b bool) string { return strconv.FormatBool(b) }
