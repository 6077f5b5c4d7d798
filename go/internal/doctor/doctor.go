// Package doctor checks an Orchestrator installation from the executor's
// side and says what to fix: the store's and secrets' permissions, the
// definitions, the notification settings and SMTP server, the executor's
// version against the module's, time zone data and the clock, free disk
// space, the outbox and the Event Log source. The module adds what only it
// can see (the scheduler) in Test-OrcEnvironment.
//
// Every check is read-only: doctor never repairs, because what a repair
// should be (whose ACL, which version) is the admin's call; each failing
// check carries the command that fixes it.
package doctor

import (
	"context"
	"net"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Status is a check's verdict.
type Status string

const (
	OK   Status = "ok"
	Warn Status = "warn"
	Fail Status = "fail"
	Skip Status = "skip" // not applicable here (e.g. the Event Log off Windows)
)

// Schema versions one line of 'orc-exec doctor --output json'.
const Schema = "orc.doctor/v1"

// Check is one check's result. Name is a stable ID scripts may match on.
type Check struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	Status Status `json:"status"`
	Detail string `json:"detail"`
	Fix    string `json:"fix,omitempty"`
}

// Options are what the checks need from outside; every field that reaches
// the network, the disk's size or the clock is a seam for the specs.
type Options struct {
	Store *store.Store // the store to check; it may not exist yet

	ExecutorPath    string // this orc-exec
	ExecutorVersion string // this orc-exec's version
	ModuleVersion   string // the module's version, when the module asks; empty skips the comparison

	// SMTPConnect dials the SMTP server and waits for its greeting;
	// otherwise the host name is only resolved.
	SMTPConnect bool
	Timeout     time.Duration // per network check; default 5 s

	Lookup    func(ctx context.Context, host string) ([]string, error)
	Dial      func(ctx context.Context, network, addr string) (net.Conn, error)
	Now       func() time.Time
	DiskSpace func(path string) (free, total uint64, err error)
	// EventSource reports whether the Event Log source is registered;
	// ok=false means there is no Event Log here (not Windows).
	EventSource func() (exists, ok bool, err error)
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Second
	}
	if o.Lookup == nil {
		o.Lookup = net.DefaultResolver.LookupHost
	}
	if o.Dial == nil {
		d := &net.Dialer{}
		o.Dial = d.DialContext
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.DiskSpace == nil {
		o.DiskSpace = diskSpace
	}
	if o.EventSource == nil {
		o.EventSource = eventSource
	}
}

// Run runs every check in a fixed order and returns their results.
func Run(ctx context.Context, o Options) []Check {
	o.defaults()
	var out []Check
	add := func(cs ...Check) {
		for _, c := range cs {
			c.Schema = Schema
			out = append(out, c)
		}
	}
	// Below an unsafe or missing store there is nothing to trust or read.
	c, exists := checkStore(o)
	add(c)
	var defs []stored
	if exists && c.Status != Fail {
		var err error
		defs, err = readDefinitions(o)
		add(checkDefinitions(defs, err))
		add(checkSecrets(o))
		add(checkNotify(ctx, o)...)
		add(checkOutbox(o))
		add(checkClock(o, defs))
	}
	add(checkExecutor(o))
	add(checkTimeZones(defs))
	add(checkDisk(o))
	add(checkEventSource(o))
	return out
}

// Worst is the worst status among checks (skip counts as ok).
func Worst(checks []Check) Status {
	w := OK
	for _, c := range checks {
		switch c.Status {
		case Fail:
			return Fail
		case Warn:
			w = Warn
		}
	}
	return w
}
