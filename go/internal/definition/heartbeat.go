package definition

import (
	"net/url"
	"strings"
	"time"
)

// Heartbeat defaults and bounds.
const (
	DefaultHeartbeatTimeout = 5 * time.Second
	MinHeartbeatTimeout     = 100 * time.Millisecond
	MaxHeartbeatTimeout     = 30 * time.Second
)

// validateHeartbeat never quotes the URL in a message: it usually holds
// the check's secret UUID, and validation errors reach logs and consoles.
func validateHeartbeat(c *errs, h *Heartbeat) {
	if h == nil {
		return
	}
	if h.URL != "" {
		u, err := url.Parse(h.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			c.add("heartbeat.url", "is not an absolute http(s) URL (the value is not shown: it may hold a secret)",
				`write a URL starting with http:// or https:// and a host, e.g. "https://hc-ping.com/<uuid>"`)
		}
	}
	switch h.Method {
	case "", "GET", "POST":
	default:
		c.add("heartbeat.method", "is not an allowed method", `use "GET" or "POST", or omit it for "GET"`)
	}
	for _, s := range []struct{ field, v string }{
		{"heartbeat.startSuffix", h.StartSuffix}, {"heartbeat.successSuffix", h.SuccessSuffix}, {"heartbeat.failSuffix", h.FailSuffix},
	} {
		if s.v != "" && !strings.HasPrefix(s.v, "/") {
			c.add(s.field, "is not a path suffix", `start it with "/", e.g. "/fail", or omit it for the default`)
		}
	}
	if d := h.Timeout.D(); h.Timeout != 0 && (d < MinHeartbeatTimeout || d > MaxHeartbeatTimeout) {
		c.add("heartbeat.timeout", FormatDuration(d)+" is out of range", `use a timeout between "100ms" and "30s", or omit it for "5s"`)
	}
}

// PingTimeout is the heartbeat's per-ping bound.
func (h *Heartbeat) PingTimeout() time.Duration {
	if h.Timeout == 0 {
		return DefaultHeartbeatTimeout
	}
	return h.Timeout.D()
}
