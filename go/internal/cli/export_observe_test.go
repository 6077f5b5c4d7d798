package cli

import "github.com/orchestrator/orchestrator/go/internal/eventlog"

// SetEventSink replaces the Event Log for the specs; the returned func
// restores it.
func SetEventSink(open func(source string) (eventlog.Sink, error)) func() {
	old := openEventSink
	openEventSink = open
	return func() { openEventSink = old }
}

// GateMisses exposes gateMisses to the specs.
var GateMisses = gateMisses
