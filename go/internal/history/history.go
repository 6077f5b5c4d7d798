// Package history keeps a task's run history: one NDJSON file per task, one
// result.Record per line, appended by every orc-exec run and read newest
// first without loading the whole file.
//
// A run appends a RUNNING marker before its command starts and its final
// record afterwards, both with the same RunID. Readers collapse by RunID: the
// record written last wins, so a marker without a final record (the run was
// killed, or is still going) shows as RUNNING.
//
// Runs are ordered by when their last record was appended, and a record's
// time is its End, or its Start while it has no End (see When). Those times
// need not grow along the file (a clock set back, a record dated 1970 by a
// broken RTC), so time filters (Since, Prune's maxAge) skip the records they
// exclude and never stop at one; only a count (Limit, keep) ends a read
// early, which keeps "the last N" a short backward read.
package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// chunkSize is how much Query reads per step backwards: about 200 typical
// records, so "--last 20" costs a single read.
const chunkSize = 64 << 10

// firstChunk is the first, smaller read: a few typical records.
const firstChunk = 4 << 10

// Filter selects records for Query. Zero fields do not filter.
type Filter struct {
	Since  time.Time     // only runs whose When is at or after Since
	Status result.Status // only runs with this (collapsed) status
	Limit  int           // at most this many, the newest; <= 0 means all
}

// When is the time a record stands for: End once the run finished, Start for
// a RUNNING marker.
func When(rec result.Record) time.Time {
	if !rec.End.IsZero() {
		return rec.End
	}
	return rec.Start
}

// Query returns the runs in the history at path that match f, oldest first
// (newest last). A missing file is an empty history. Torn or unparseable
// lines are skipped.
func Query(path string, f Filter) ([]result.Record, error) {
	var out []result.Record
	var skip func(time.Time) bool
	if !f.Since.IsZero() {
		// Not a reason to stop: an earlier line may still be newer, since
		// times are not sorted along the file.
		skip = func(w time.Time) bool { return w.Before(f.Since) }
	}
	err := scan(path, skip, func(rec result.Record, _ []byte) bool {
		if f.Status == "" || rec.Status == f.Status {
			out = append(out, rec)
		}
		return f.Limit <= 0 || len(out) < f.Limit
	})
	if err != nil {
		return nil, err
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// Latest returns the newest run in the history at path; false if there is
// none.
func Latest(path string) (result.Record, bool, error) {
	recs, err := Query(path, Filter{Limit: 1})
	if err != nil || len(recs) == 0 {
		return result.Record{}, false, err
	}
	return recs[0], true, nil
}

// scan calls fn for each run in the file at path, newest first, until fn
// returns false. raw is the record's line, valid only during the call. A
// record is passed once per RunID: the newest one. Runs whose When skip
// reports true (skip may be nil) are not passed. A time filter must read
// the whole file, so skip sees each line's time without decoding the line
// where it can (see peek): a full JSON decode per line cost 14.6 s for
// "the last day" of 1,000,000 runs.
func scan(path string, skip func(when time.Time) bool, fn func(rec result.Record, raw []byte) bool) error {
	f, err := openRead(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open history %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("stat history %s: %w", path, err)
	}
	seen := make(map[string]struct{})
	err = linesBackward(f, st.Size(), func(line []byte) bool {
		if skip != nil {
			if id, when, ok := peek(line); ok {
				if _, dup := seen[string(id)]; dup {
					return true // superseded by a newer record of the same run
				}
				seen[string(id)] = struct{}{}
				if skip(when) {
					return true
				}
				var rec result.Record
				if json.Unmarshal(line, &rec) != nil {
					return true
				}
				return fn(rec, line)
			}
		}
		var rec result.Record
		if json.Unmarshal(line, &rec) != nil {
			return true // torn by a crash or edited by hand: not a record
		}
		if rec.RunID != "" {
			if _, dup := seen[rec.RunID]; dup {
				return true // superseded by a newer record of the same run
			}
			seen[rec.RunID] = struct{}{}
		}
		if skip != nil && skip(When(rec)) {
			return true
		}
		return fn(rec, line)
	})
	if err != nil {
		return fmt.Errorf("read history %s: %w", path, err)
	}
	return nil
}

// linesBackward calls fn for each non-empty line of r (without its '\n'),
// last line first, until fn returns false. line is only valid during the
// call.
func linesBackward(r io.ReaderAt, size int64, fn func(line []byte) bool) error {
	// The first read is small and each next one doubles up to chunkSize:
	// the newest record (Latest, read for every task of a list) is in the
	// last few KiB, and a 64 KiB buffer per file made listing 1,000 tasks
	// allocate 64 MB.
	step := int64(firstChunk)
	buf := make([]byte, min(step, size))
	// carry is the start of a line whose beginning lies in an earlier chunk.
	var carry []byte
	for pos := size; pos > 0; {
		n := min(step, pos)
		if int64(len(buf)) < n {
			buf = make([]byte, n)
		}
		step = min(2*step, chunkSize)
		pos -= n
		if _, err := r.ReadAt(buf[:n], pos); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		data := buf[:n:n]
		if len(carry) > 0 {
			data = append(data, carry...) // cap is n: copies, buf is not touched
		}
		for {
			i := bytes.LastIndexByte(data, '\n')
			if i < 0 {
				break
			}
			if line := data[i+1:]; len(line) > 0 && !fn(line) {
				return nil
			}
			data = data[:i]
		}
		// data may alias buf, which the next ReadAt overwrites.
		carry = append(carry[:0:0], data...)
	}
	if len(carry) > 0 {
		fn(carry)
	}
	return nil
}

// peek reads a record line's run ID and When without decoding the line. It
// only trusts lines in the order json.Marshal writes result.Record
// ({"schema":…,"runId":…,"start":…,"end":…, attempts after): ok is false
// for any other line (hand-edited, torn), which the caller then decodes.
func peek(line []byte) (runID []byte, when time.Time, ok bool) {
	if !bytes.HasPrefix(line, []byte(`{"schema":`)) {
		return nil, time.Time{}, false
	}
	runID, rest, ok := field(line, `"runId":"`)
	if !ok || len(runID) == 0 || bytes.IndexByte(runID, '\\') >= 0 {
		return nil, time.Time{}, false
	}
	start, rest, ok := field(rest, `"start":"`)
	if !ok {
		return nil, time.Time{}, false
	}
	end, _, ok := field(rest, `"end":"`)
	if !ok {
		return nil, time.Time{}, false
	}
	var t time.Time
	if t.UnmarshalText(end) != nil {
		return nil, time.Time{}, false
	}
	if t.IsZero() && t.UnmarshalText(start) != nil {
		return nil, time.Time{}, false
	}
	return runID, t, true
}

// field finds key (a member name with its colon and opening quote) in b and
// returns the string value after it, up to the closing quote, and the rest
// of b. A key cannot occur inside a JSON string, whose quotes are escaped.
func field(b []byte, key string) (val, rest []byte, ok bool) {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return nil, nil, false
	}
	b = b[i+len(key):]
	j := bytes.IndexByte(b, '"')
	if j < 0 {
		return nil, nil, false
	}
	return b[:j], b[j+1:], true
}
