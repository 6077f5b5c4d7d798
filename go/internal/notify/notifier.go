package notify

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/uuid"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Notifier delivers notifications for one orc-exec invocation.
type Notifier struct {
	Paths Paths
	Log   zerolog.Logger
	Host  string
	Now   func() time.Time
}

// New returns a Notifier for store s with real clocks.
func New(s *store.Store, log zerolog.Logger) *Notifier {
	host, _ := os.Hostname()
	return &Notifier{Paths: PathsOf(s), Log: log, Host: host, Now: time.Now}
}

// Handle is the runner's hook, called once a run's result is final and in
// history. It updates the task's incident, sends what the task's policy
// asks for and retries the outbox. It never fails: what cannot be
// delivered is logged and spooled. Everything it does, all deliveries
// together, ends within the configured timeout (default 10s).
func (n *Notifier) Handle(ctx context.Context, t *definition.Task, rec result.Record) {
	if t.Notify == nil && outboxEmpty(n.Paths) {
		return // the run path's whole cost when nothing is to be told
	}
	log := n.Log.With().Str(logging.KeyTask, t.Name).Str(logging.KeyRunID, rec.RunID).Logger()
	s, configured, err := LoadSettings(n.Paths)
	if err != nil {
		log.Error().Err(err).Msg("Notification settings unreadable; nothing sent")
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.TimeoutD())
	defer cancel()
	down := map[string]bool{}
	if t.Notify != nil {
		notice, err := n.decide(ctx, t, rec)
		if err != nil {
			log.Error().Err(err).Msg("Could not update the incident state; nothing sent")
		} else if notice != nil {
			if !configured {
				log.Warn().Str("event", string(notice.Event)).Msg("Notification due but notifications are not configured (orc-exec notify set); nothing sent")
			} else {
				n.deliver(ctx, s, t, *notice, down, log)
			}
		}
	}
	if configured && !outboxEmpty(n.Paths) {
		n.flush(ctx, s, down, log)
	}
}

// decide applies the policy under the task's incident lock, so parallel
// runs of one task do not both alert.
func (n *Notifier) decide(ctx context.Context, t *definition.Task, rec result.Record) (*Notice, error) {
	// The common case, a success with no incident open, changes nothing:
	// decide it without the lock, and take the lock only to change state.
	if inc, err := LoadIncident(n.Paths, t.Name); err == nil {
		if after, notice := Decide(t, t.Notify, inc, rec, n.Host, n.Now().UTC()); notice == nil && after == inc {
			return nil, nil
		}
	}
	if err := os.MkdirAll(n.Paths.Incidents, 0o700); err != nil {
		return nil, err
	}
	lk := flock.New(filepath.Join(n.Paths.Incidents, t.Name+".lock"))
	ok, err := lk.TryLockContext(ctx, 20*time.Millisecond)
	if err != nil || !ok {
		return nil, fmt.Errorf("locking the incident state: %w", errors.Join(err, ctx.Err()))
	}
	defer func() { _ = lk.Unlock() }()
	inc, err := LoadIncident(n.Paths, t.Name)
	if err != nil {
		return nil, err
	}
	after, notice := Decide(t, t.Notify, inc, rec, n.Host, n.Now().UTC())
	if after != inc {
		if err := SaveIncident(n.Paths, after); err != nil {
			return nil, err
		}
	}
	return notice, nil
}

// deliver sends notice by mail and, when the policy says so, by webhook;
// each failure is logged and spooled.
func (n *Notifier) deliver(ctx context.Context, s *Settings, t *definition.Task, notice Notice, down map[string]bool, log zerolog.Logger) {
	sec, err := LoadSecrets(n.Paths)
	if err != nil {
		log.Error().Err(err).Msg("Could not read the notification secrets")
	}
	log = log.With().Str("event", string(notice.Event)).Bool("reminder", notice.Reminder).Logger()
	to := t.Notify.To
	if len(to) == 0 {
		to = s.To
	}
	if len(to) > 0 && s.MailConfigured() {
		m, err := n.compose(s, t, notice, to)
		if err != nil {
			log.Error().Err(err).Msg("Could not compose the notification mail")
		} else {
			down[KindMail] = !n.sendOrSpool(ctx, s, sec, Item{Kind: KindMail, Task: t.Name, RunID: notice.Record.RunID, Event: notice.Event, Mail: &m}, log)
		}
	} else if !t.Notify.Webhook {
		log.Warn().Msg("Notification due but no mail recipients or server are configured; nothing sent")
	}
	if t.Notify.Webhook {
		down[KindWebhook] = !n.sendOrSpool(ctx, s, sec, Item{Kind: KindWebhook, Task: t.Name, RunID: notice.Record.RunID, Event: notice.Event, Body: notice.Payload()}, log)
	}
}

// sendOrSpool reports whether it delivered.
func (n *Notifier) sendOrSpool(ctx context.Context, s *Settings, sec Secrets, it Item, log zerolog.Logger) bool {
	it.Attempts, it.LastAttempt = 1, n.Now().UTC()
	start := time.Now()
	err := deliverItem(ctx, s, sec, &it)
	ev := log.Info()
	if err != nil {
		ev = log.Warn().Err(err)
	}
	ev = ev.Str("channel", it.Kind).Int64(logging.KeyDurationMs, time.Since(start).Milliseconds())
	if it.Mail != nil {
		ev = ev.Str("messageId", it.Mail.MessageID).Int("recipients", len(it.Mail.To))
	}
	if err == nil {
		ev.Msg("Notification delivered")
		return true
	}
	it.LastError = err.Error()
	spooled, serr := Spool(n.Paths, it)
	if serr != nil {
		log.Error().Err(serr).Str("channel", it.Kind).Msg("Could not spool the undelivered notification; it is lost")
	}
	ev.Str("outboxId", spooled.ID).Msg("Notification not delivered; kept in the outbox for the next run")
	return false
}

func deliverItem(ctx context.Context, s *Settings, sec Secrets, it *Item) error {
	switch it.Kind {
	case KindMail:
		if it.Mail == nil {
			return errors.New("outbox item without a mail")
		}
		return Send(ctx, s, sec.SMTPPassword, *it.Mail)
	case KindWebhook:
		return Post(ctx, sec.WebhookURL, it.Body, s.TimeoutD())
	}
	return fmt.Errorf("unknown outbox item kind %q", it.Kind)
}

// Flush retries the outbox now, within the configured timeout.
func (n *Notifier) Flush(ctx context.Context) (FlushResult, error) {
	s, configured, err := LoadSettings(n.Paths)
	if err != nil {
		return FlushResult{}, err
	}
	if !configured {
		return FlushResult{}, errors.New("notifications are not configured; fix: orc-exec notify set --smtp-host <host> --from <address>")
	}
	ctx, cancel := context.WithTimeout(ctx, s.TimeoutD())
	defer cancel()
	return n.flush(ctx, s, nil, n.Log), nil
}

func (n *Notifier) flush(ctx context.Context, s *Settings, down map[string]bool, log zerolog.Logger) FlushResult {
	sec, err := LoadSecrets(n.Paths)
	if err != nil {
		log.Error().Err(err).Msg("Could not read the notification secrets")
	}
	res, err := flush(ctx, n.Paths, s, n.Now, down, func(ctx context.Context, it *Item) error {
		return deliverItem(ctx, s, sec, it)
	}, func(it Item, why string) {
		log.Error().Str("outboxId", it.ID).Str("channel", it.Kind).Str(logging.KeyTask, it.Task).
			Str("lastError", it.LastError).Msg("Notification dropped from the outbox: " + why)
	})
	if err != nil {
		log.Error().Err(err).Msg("Could not read the outbox")
	}
	if res.Delivered+res.Failed+res.Dropped > 0 {
		log.Info().Int("delivered", res.Delivered).Int("failed", res.Failed).Int("dropped", res.Dropped).
			Int("pending", res.Pending).Msg("Outbox retried")
	}
	return res
}

// compose builds the mail of a notice.
func (n *Notifier) compose(s *Settings, t *definition.Task, notice Notice, to []string) (Mail, error) {
	id := fmt.Sprintf("%s.%s", notice.Record.RunID, notice.Event)
	if notice.Reminder {
		id += fmt.Sprintf(".r%d", notice.Incident.Notices)
	}
	c := Content{
		From: s.From, To: to, Subject: notice.Subject(), Text: notice.Text(), HTML: notice.HTML(),
		Date: n.Now(), MessageID: id + "@" + msgIDHost(n.Host),
	}
	if t.Notify.Attach && notice.Record.OutputFile != "" {
		data, cut, err := readTail(notice.Record.OutputFile, s.attachMax())
		if err == nil {
			if cut {
				data = append([]byte(fmt.Sprintf("[orc-exec: output cut to its last %d of %d bytes]\n", len(data), notice.Record.OutputBytes)), data...)
			}
			c.Attachment = &Attachment{Name: t.Name + "-" + notice.Record.RunID + ".log", Data: data}
		}
	}
	return Compose(c)
}

// Test sends a test mail to to (default: the configured recipients) now,
// and a test post to the webhook when one is set and webhook is true.
// Errors are returned, not spooled.
func (n *Notifier) Test(ctx context.Context, to []string, webhook bool) (Mail, error) {
	s, configured, err := LoadSettings(n.Paths)
	if err != nil {
		return Mail{}, err
	}
	if !configured || !s.MailConfigured() {
		return Mail{}, errors.New("mail is not configured; fix: orc-exec notify set --smtp-host <host> --from <address> --to <address>")
	}
	if len(to) == 0 {
		to = s.To
	}
	if len(to) == 0 {
		return Mail{}, errors.New("no recipient: pass --to or configure one with 'orc-exec notify set --to'")
	}
	sec, err := LoadSecrets(n.Paths)
	if err != nil {
		return Mail{}, err
	}
	now := n.Now()
	text := fmt.Sprintf("This is a test mail from orc-exec on %s, sent %s.\n\nServer: %s port %d, TLS %s, auth %s.\nIf you can read this, task notifications will reach you.\n",
		n.Host, stamp(now), s.SMTP.Host, s.port(), s.tlsMode(), s.authMode())
	m, err := Compose(Content{
		From: s.From, To: to, Subject: fmt.Sprintf("[Orchestrator] Test mail from %s", n.Host), Text: text,
		HTML: "<!DOCTYPE html>\n<html><body><p>" + strings.ReplaceAll(html.EscapeString(text), "\n", "<br>\n") + "</p></body></html>\n",
		Date: now, MessageID: "test." + uuid.NewString() + "@" + msgIDHost(n.Host),
	})
	if err != nil {
		return Mail{}, err
	}
	if err := Send(ctx, s, sec.SMTPPassword, m); err != nil {
		return m, err
	}
	if webhook && sec.WebhookURL != "" {
		body := []byte(fmt.Sprintf(`{"schema":%q,"event":"test","text":"Test from orc-exec on %s","host":%q}`, WebhookSchema, n.Host, n.Host))
		if err := Post(ctx, sec.WebhookURL, body, s.TimeoutD()); err != nil {
			return m, err
		}
	}
	return m, nil
}

// SendContent composes c and sends it now (used by the report).
func (n *Notifier) SendContent(ctx context.Context, c Content) (Mail, error) {
	s, configured, err := LoadSettings(n.Paths)
	if err != nil {
		return Mail{}, err
	}
	if !configured || !s.MailConfigured() {
		return Mail{}, errors.New("mail is not configured; fix: orc-exec notify set --smtp-host <host> --from <address> --to <address>")
	}
	if len(c.To) == 0 {
		c.To = s.To
	}
	if len(c.To) == 0 {
		return Mail{}, errors.New("no recipient: pass --to or configure one with 'orc-exec notify set --to'")
	}
	c.From = s.From
	if c.Date.IsZero() {
		c.Date = n.Now()
	}
	if c.MessageID == "" {
		c.MessageID = uuid.NewString() + "@" + msgIDHost(n.Host)
	}
	m, err := Compose(c)
	if err != nil {
		return Mail{}, err
	}
	sec, err := LoadSecrets(n.Paths)
	if err != nil {
		return m, err
	}
	return m, Send(ctx, s, sec.SMTPPassword, m)
}

func msgIDHost(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "localhost"
	}
	return b.String()
}
