// Package logging builds orc-exec's zerolog logger: JSON lines to a per-task
// log file (rotated and pruned) and, on request, to stderr.
//
// One logger is built in main and passed down explicitly; nothing here is
// global. Secrets never reach a logger: callers log command names and
// argument counts, environment keys but never values.
package logging

import (
	"io"
	"os"
	"time"

	"github.com/rs/zerolog"
	"golang.org/x/term"
)

func init() {
	// Timestamps in UTC with milliseconds: logs from hosts in different zones line up.
	zerolog.TimestampFunc = func() time.Time { return time.Now().UTC() }
	zerolog.TimeFieldFormat = "2006-01-02T15:04:05.000Z07:00"
}

// Options say where log lines go.
type Options struct {
	Verbose bool      // also log to Console at debug level
	Console io.Writer // usually os.Stderr
}

// New returns a logger writing to the given files (JSON) and, when Verbose,
// to the console (human-readable on a terminal, JSON otherwise).
func New(opts Options, files ...io.Writer) zerolog.Logger {
	var ws []io.Writer
	ws = append(ws, files...)
	level := zerolog.InfoLevel
	if opts.Verbose && opts.Console != nil {
		level = zerolog.DebugLevel
		c := opts.Console
		if f, ok := c.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			c = zerolog.ConsoleWriter{Out: f, TimeFormat: "15:04:05.000"}
		}
		ws = append(ws, c)
	}
	if len(ws) == 0 {
		return zerolog.Nop()
	}
	return zerolog.New(resilient(ws)).Level(level).With().Timestamp().Logger()
}

// resilient writes to every writer and ignores individual failures: a
// console that is gone (Task Scheduler runs us without one) or a full disk
// must never fail a run through its logging.
type resilient []io.Writer

func (r resilient) Write(p []byte) (int, error) {
	for _, w := range r {
		_, _ = w.Write(p)
	}
	return len(p), nil
}
