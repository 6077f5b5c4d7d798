package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

// WebhookSchema versions the JSON posted to a webhook.
const WebhookSchema = "orc.notify/v1"

// WebhookPayload is what a webhook receives. "text" is what Slack and
// Teams incoming webhooks show; the other fields are for generic
// receivers.
type WebhookPayload struct {
	Schema     string        `json:"schema"`
	Text       string        `json:"text"`
	Event      Event         `json:"event"`
	Reminder   bool          `json:"reminder,omitempty"`
	Subject    string        `json:"subject"`
	Task       string        `json:"task"`
	Host       string        `json:"host"`
	Status     result.Status `json:"status"`
	Reason     string        `json:"reason,omitempty"`
	RunID      string        `json:"runId"`
	Start      time.Time     `json:"start"`
	End        time.Time     `json:"end"`
	DurationMs int64         `json:"durationMs"`
	ExitCode   int           `json:"exitCode"`
	Attempts   int           `json:"attempts"`
	Failures   int           `json:"incidentFailures,omitempty"`
	OutputTail string        `json:"outputTail,omitempty"`
}

// Payload builds the webhook JSON of n.
func (n Notice) Payload() []byte {
	r := n.Record
	b, _ := json.Marshal(WebhookPayload{
		Schema: WebhookSchema, Text: n.Subject() + "\n" + n.Headline(), Event: n.Event, Reminder: n.Reminder,
		Subject: n.Subject(), Task: r.Task, Host: n.Host, Status: r.Status, Reason: r.Reason, RunID: r.RunID,
		Start: r.Start, End: r.End, DurationMs: r.DurationMs, ExitCode: r.ExitCode, Attempts: len(r.Attempts),
		Failures: n.Incident.Failures, OutputTail: n.tail(),
	})
	return b
}

// webhookClient never follows a redirect: Go's client would resend a POST
// as a GET without its body (301-303), count the target's 200 as delivery,
// and hand the secret URL to the target in Referer. A 3xx is a failure the
// outbox keeps, until whoever owns the URL fixes it.
var webhookClient = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// Post sends body as JSON to the webhook at rawURL within timeout. Any
// 2xx answer is delivery; anything else, a redirect included, is not.
// Errors never contain the URL: it may carry a token.
func Post(ctx context.Context, rawURL string, body []byte, timeout time.Duration) error {
	if rawURL == "" {
		return errors.New("no webhook URL is set; fix: orc-exec notify set --webhook-url-stdin, or set " + EnvWebhookURL)
	}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("the webhook URL is not an http(s) URL; fix: set it again with 'orc-exec notify set --webhook-url-stdin'")
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rawURL, bytes.NewReader(body))
	if err != nil {
		return errors.New("webhook: cannot build the request")
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "orc-exec")
	resp, err := webhookClient.Do(req)
	if err != nil {
		// *url.Error repeats the URL; keep only what went wrong.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if ctx.Err() != nil {
			return fmt.Errorf("webhook %s: gave up after %s (the timeout): %v", u.Host, timeout, err)
		}
		return fmt.Errorf("webhook %s: %v", u.Host, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 == 3 {
		return fmt.Errorf("webhook %s: answered %s, a redirect, which orc-exec does not follow; fix: set the final URL with 'orc-exec notify set --webhook-url-stdin'", u.Host, resp.Status)
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("webhook %s: answered %s", u.Host, resp.Status)
	}
	return nil
}
