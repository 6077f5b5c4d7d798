package definition

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// MaxFileSize is the largest definition file Load and Parse accept. A task
// definition is a few KiB; anything near this is a mistake or an attack, and
// orc-exec reads the file on every trigger.
const MaxFileSize = 256 << 10

// Load reads and validates the definition at path; see Parse.
func Load(path string) (*Task, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading task definition: %w", err)
	}
	defer f.Close()
	// Read one byte past the limit so an oversized file is reported as such
	// without reading all of it.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading task definition %s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse validates data as the definition stored in file and returns the task
// with defaults applied (see (*Task).ApplyDefaults). The checks run in order,
// and the first stage that fails returns all of its problems as Errors:
//
//  1. size at most MaxFileSize;
//  2. well-formed JSON (problems carry line and column);
//  3. the shape: unknown fields, missing required fields, JSON types, and
//     the exact form of durations and sizes (see checkShape);
//  4. strict decoding into Task (unknown fields again, as a backstop);
//  5. the value rules of (*Task).Validate (enums, ranges, names, cron,
//     time zone, cross-field rules), including that the name matches the
//     file name.
//
// When stage 3 fails but the file still decodes (say the only problem is a
// misspelt field), the problems stage 5 finds in other fields are reported
// with it, so one run of `orc-exec validate` shows as much as possible.
//
// A byte order mark (UTF-8, or UTF-16 as Windows PowerShell 5.1 writes
// files) is accepted; see DecodeText.
//
// Stages 3 and 5 together enforce every rule of the published JSON Schema
// (SchemaJSON) and more; the drift spec in schema_test.go holds them to the
// same verdict. Parse does not use a JSON Schema library: orc-exec parses a
// definition at every trigger, and linking and compiling one costs ~10 ms.
//
// file names the definition in messages and is used for the name check; it
// is not read.
func Parse(file string, data []byte) (*Task, error) {
	c := &errs{file: file}
	data = DecodeText(data)
	if len(data) > MaxFileSize {
		c.add("", fmt.Sprintf("file is larger than the %d KiB limit", MaxFileSize>>10),
			"a task definition is a few KiB; check that this is the right file, and move large data (scripts, lists) to files the command reads")
		return nil, c.err()
	}
	doc, ok := syntax(c, data)
	if !ok {
		return nil, c.err()
	}
	raw, _ := doc.(map[string]any)
	duplicateKeys(c, data)
	checkShape(c, doc)
	t := new(Task)
	if len(c.list) > 0 {
		if json.Unmarshal(data, t) == nil { // lenient: ignores the unknown fields just reported
			v := &errs{file: file, doc: raw}
			t.validate(v)
			for _, e := range v.list {
				if !c.covers(e.Field) {
					c.list = append(c.list, e)
				}
			}
		}
		return nil, c.err()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(t); err != nil {
		decodeError(c, err)
		return nil, c.err()
	}
	c.doc = raw
	t.validate(c)
	if len(c.list) > 0 {
		return nil, c.err()
	}
	t.ApplyDefaults()
	return t, nil
}

// syntax decodes data generically (numbers kept exact for checkShape) and
// reports malformed JSON with its line and column.
func syntax(c *errs, data []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	err := dec.Decode(&doc)
	if err == nil {
		off := dec.InputOffset()
		if _, terr := dec.Token(); terr != io.EOF {
			// Point at the first stray character, not at the end of the value.
			for off < int64(len(data)) && bytes.IndexByte([]byte(" \t\r\n"), data[off]) >= 0 {
				off++
			}
			c.add(lineCol(data, off), "unexpected content after the closing brace",
				"a definition is one JSON object; remove what follows it")
			return nil, false
		}
		return doc, true
	}
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		c.add("", "file is empty", `write a JSON object, e.g. {"name": "...", "action": {"command": "..."}}`)
	case errors.Is(err, io.ErrUnexpectedEOF):
		c.add(lineCol(data, int64(len(data))), "file ends in the middle of the JSON",
			"close every open brace, bracket and string")
	case errors.As(err, &se):
		c.add(lineCol(data, se.Offset-1) /* Offset is just past the bad byte */, "malformed JSON: "+se.Error(),
			"check for a missing comma or quote, or a trailing comma, just before this point")
	default:
		c.add("", "malformed JSON: "+err.Error(), "check the file is JSON")
	}
	return nil, false
}

// lineCol renders the byte at index i as the Field of a syntax error, with
// 1-based line and column; i == len(data) means just past the end.
func lineCol(data []byte, i int64) string {
	i = min(max(i, 0), int64(len(data)))
	before := data[:i]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := i - int64(bytes.LastIndexByte(before, '\n'))
	return fmt.Sprintf("line %d, column %d", line, col)
}

// decodeError reports a strict-decoding failure. checkShape catches these
// first, so this is a backstop should the two ever disagree.
func decodeError(c *errs, err error) {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		c.add(te.Field, fmt.Sprintf("a JSON %s cannot go here", te.Value),
			fmt.Sprintf("use a %s; `orc-exec schema` shows every field", te.Type))
		return
	}
	c.add("", err.Error(), "correct the field named in the message; `orc-exec schema` shows every field")
}

// Save validates t exactly as Load would, then writes it to path as indented
// JSON, atomically: a reader (a trigger firing now) sees the old file or the
// new one, never half of either. The file is created 0600 on Unix; on Windows
// it inherits the store folder's ACL.
func Save(path string, t *Task) error {
	data, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding task definition: %w", err)
	}
	data = append(data, '\n')
	if _, err := Parse(path, data); err != nil {
		return err
	}
	return writeAtomic(path, data, 0o600)
}

// writeAtomic writes data to a temporary file beside path, flushes it to
// disk, and renames it over path, so a crash leaves the old or new content.
func writeAtomic(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("saving %s: flushing: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	claimOwner(tmp.Name())
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}
