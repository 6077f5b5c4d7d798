// Package heartbeat pings a task's monitoring URL (healthchecks.io style):
// URL+"/start" when the command starts, URL on success, URL+"/fail" on
// failure. A ping can neither delay the command's start (it is sent in the
// background) nor change the run's result; the end of a run waits for it at
// most the ping timeout twice (the start ping, then the end ping). The URL
// usually embeds the check's secret, so it is never logged.
package heartbeat

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// Kind names a ping.
type Kind string

const (
	Start   Kind = "start"
	Success Kind = "success"
	Fail    Kind = "fail"
)

// maxBody bounds what a POST ping carries (healthchecks.io keeps 100 kB).
const maxBody = 1000

// KindFor is the end ping for a final status; ok is false for outcomes
// that are not a run of the job (SKIPPED, DISABLED), which send none.
func KindFor(st result.Status) (Kind, bool) {
	switch st {
	case result.Success:
		return Success, true
	case result.Skipped, result.Disabled, result.Running:
		return "", false
	}
	return Fail, true
}

// Pinger sends one run's pings.
type Pinger struct {
	h       *definition.Heartbeat
	client  *http.Client
	log     zerolog.Logger
	started chan struct{} // closed when the start ping is over; nil before Start
	// startResult is the start ping's outcome, written before started is
	// closed and read only after.
	startResult pingResult
}

// New returns a Pinger for h, or nil when h is nil.
func New(h *definition.Heartbeat, log zerolog.Logger) *Pinger {
	if h == nil || h.URL == "" {
		return nil
	}
	return &Pinger{h: h, log: log, client: &http.Client{Timeout: h.PingTimeout()}}
}

// Start sends the start ping in the background and returns at once. The
// ping does not log: the run's logger is not safe for use from two
// goroutines, so Finish logs how it went.
func (p *Pinger) Start(ctx context.Context) {
	if p == nil {
		return
	}
	p.started = make(chan struct{})
	go func() {
		defer close(p.started)
		p.startResult = p.ping(context.WithoutCancel(ctx), Start, "")
	}()
}

// Finish sends the end ping for rec, after the start ping is over so the
// monitor sees them in order. It returns within twice the ping timeout.
func (p *Pinger) Finish(ctx context.Context, rec result.Record) {
	if p == nil {
		return
	}
	kind, ok := KindFor(rec.Status)
	if p.started != nil {
		t := time.NewTimer(p.h.PingTimeout())
		select {
		case <-p.started:
			p.logResult(p.startResult)
		case <-t.C: // the client's timeout ends it soon; do not wait more
			p.log.Warn().Str("ping", string(Start)).Msg("Heartbeat ping failed: still unanswered at the end of the run")
		}
		t.Stop()
	}
	if !ok {
		return
	}
	body := string(rec.Status)
	if rec.Reason != "" {
		body += ": " + rec.Reason
	}
	p.logResult(p.ping(context.WithoutCancel(ctx), kind, body))
}

// pingResult is how one ping went.
type pingResult struct {
	kind    Kind
	status  int
	err     error
	elapsed time.Duration
}

func (p *Pinger) logResult(r pingResult) {
	ev := p.log.Debug()
	if r.err != nil || r.status/100 != 2 {
		ev = p.log.Warn()
	}
	ev = ev.Str("ping", string(r.kind)).Dur("elapsed", r.elapsed)
	if r.err != nil {
		ev.Str("error", r.err.Error()).Msg("Heartbeat ping failed")
		return
	}
	ev.Int("httpStatus", r.status).Msg("Heartbeat ping sent")
}

func (p *Pinger) suffix(k Kind) string {
	switch k {
	case Start:
		if p.h.StartSuffix != "" {
			return p.h.StartSuffix
		}
		return "/start"
	case Fail:
		if p.h.FailSuffix != "" {
			return p.h.FailSuffix
		}
		return "/fail"
	}
	return p.h.SuccessSuffix
}

// target joins the URL and the suffix before any query string.
func (p *Pinger) target(k Kind) (string, error) {
	u, err := url.Parse(p.h.URL)
	if err != nil {
		return "", errors.New("the heartbeat URL does not parse")
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + p.suffix(k)
	u.RawPath = ""
	return u.String(), nil
}

func (p *Pinger) ping(ctx context.Context, k Kind, body string) pingResult {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, p.h.PingTimeout())
	defer cancel()
	status, err := p.send(ctx, k, body)
	return pingResult{kind: k, status: status, err: err, elapsed: time.Since(start)}
}

// send returns errors without the URL: net/http puts it in *url.Error.
func (p *Pinger) send(ctx context.Context, k Kind, body string) (int, error) {
	target, err := p.target(k)
	if err != nil {
		return 0, err
	}
	method := p.h.Method
	if method == "" {
		method = http.MethodGet
	}
	var rd io.Reader
	if method == http.MethodPost {
		if len(body) > maxBody {
			body = body[:maxBody]
		}
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return 0, errors.New("could not build the heartbeat request")
	}
	req.Header.Set("User-Agent", "orc-exec")
	if rd != nil {
		req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	}
	resp, err := p.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return 0, fmt.Errorf("could not send the %s ping: %w", k, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}
