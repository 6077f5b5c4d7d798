package doctor

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/notify"
)

// checkSecrets opens the secret file the way a run does (OpenPrivate): a
// secret file anyone else could read is a leaked SMTP password.
func checkSecrets(o Options) Check {
	c := Check{Name: "secrets.access"}
	p := notify.PathsOf(o.Store)
	if _, err := os.Lstat(p.Secret); errors.Is(err, os.ErrNotExist) {
		c.Status, c.Detail = OK, "no secrets are stored"
		return c
	}
	// StoredSecrets, not LoadSecrets: an ORC_SMTP_PASSWORD in doctor's own
	// environment must not hide a bad file.
	if _, err := notify.StoredSecrets(p); err != nil {
		c.Status, c.Detail = Fail, firstLine(err.Error())
		c.Fix = fixOf(err)
		if c.Fix == "" {
			c.Fix = "set the secrets again with Set-OrcNotificationSetting (it writes them private)"
		}
		return c
	}
	c.Status, c.Detail = OK, p.Secret+" is readable only by administrators and its owner"
	return c
}

// checkNotify checks the settings parse and validate, and that the SMTP
// host resolves (or, with SMTPConnect, answers with an SMTP greeting).
func checkNotify(ctx context.Context, o Options) []Check {
	settings := Check{Name: "notify.settings"}
	s, ok, err := notify.LoadSettings(notify.PathsOf(o.Store))
	switch {
	case err != nil:
		settings.Status, settings.Detail, settings.Fix = Fail, firstLine(err.Error()), fixOf(err)
		return []Check{settings}
	case !ok:
		settings.Status, settings.Detail = Warn, "no notification settings: failures alert nobody"
		settings.Fix = "Set-OrcNotificationSetting -SmtpServer <host> -From <address> -To <address>, then Send-OrcTestMail"
		return []Check{settings}
	}
	if err := s.Validate(); err != nil {
		settings.Status, settings.Detail = Fail, strings.ReplaceAll(err.Error(), "\n", "; ")
		settings.Fix = "set them again with Set-OrcNotificationSetting"
		return []Check{settings}
	}
	settings.Status, settings.Detail = OK, "notification settings are valid"
	if !s.MailConfigured() {
		return []Check{settings}
	}
	return []Check{settings, checkSMTP(ctx, o, s)}
}

func checkSMTP(ctx context.Context, o Options, s *notify.Settings) Check {
	c := Check{Name: "smtp.server"}
	host := s.SMTP.Host
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	if net.ParseIP(host) == nil {
		if _, err := o.Lookup(ctx, host); err != nil {
			c.Status = Fail
			c.Detail = fmt.Sprintf("the SMTP host %q does not resolve: %v", host, err)
			c.Fix = "correct it with Set-OrcNotificationSetting -SmtpServer <host>, or fix this host's DNS"
			return c
		}
	}
	addr := net.JoinHostPort(host, strconv.Itoa(smtpPort(s)))
	if !o.SMTPConnect {
		c.Status, c.Detail = OK, fmt.Sprintf("%s resolves (not contacted; add --smtp-connect to try it)", host)
		return c
	}
	greeting, err := smtpGreeting(ctx, o, addr, s.SMTP.TLS == notify.TLSImplicit)
	if err != nil {
		c.Status, c.Detail = Fail, fmt.Sprintf("%s does not answer as an SMTP server: %v", addr, err)
		c.Fix = "check the server and port (Set-OrcNotificationSetting -SmtpServer/-Port) and any firewall between"
		return c
	}
	c.Status, c.Detail = OK, fmt.Sprintf("%s answered: %s", addr, greeting)
	return c
}

// smtpPort is the settings' port, or the default for the TLS mode.
func smtpPort(s *notify.Settings) int {
	if s.SMTP.Port != 0 {
		return s.SMTP.Port
	}
	if s.SMTP.TLS == notify.TLSImplicit {
		return 465
	}
	return 587
}

// smtpGreeting reads the server's 220 line and says QUIT: enough to know
// the host and port are an SMTP server, without logging in.
func smtpGreeting(ctx context.Context, o Options, addr string, implicit bool) (string, error) {
	conn, err := o.Dial(ctx, "tcp", addr)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	if implicit {
		host, _, _ := net.SplitHostPort(addr)
		tc := tls.Client(conn, &tls.Config{ServerName: host, InsecureSkipVerify: true}) //nolint:gosec // only the greeting is read; mail itself verifies
		if err := tc.HandshakeContext(ctx); err != nil {
			return "", err
		}
		conn = tc
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("no greeting: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if !strings.HasPrefix(line, "220") {
		return "", fmt.Errorf("greeting %q is not 220", line)
	}
	_, _ = conn.Write([]byte("QUIT\r\n"))
	return line, nil
}

// checkOutbox warns about mail and webhooks waiting for delivery: each
// sits there until a later run delivers it or it expires.
func checkOutbox(o Options) Check {
	c := Check{Name: "notify.outbox"}
	items, err := notify.OutboxItems(notify.PathsOf(o.Store))
	if err != nil {
		c.Status, c.Detail, c.Fix = Fail, firstLine(err.Error()), fixOf(err)
		return c
	}
	if len(items) == 0 {
		c.Status, c.Detail = OK, "the outbox is empty"
		return c
	}
	oldest := time.Time{}
	for _, it := range items {
		if oldest.IsZero() || it.Created.Before(oldest) {
			oldest = it.Created
		}
	}
	c.Status = Warn
	c.Detail = fmt.Sprintf("%d notifications wait for delivery, the oldest since %s", len(items), oldest.UTC().Format(time.RFC3339))
	c.Fix = "check the SMTP server and webhook (orc-exec doctor --smtp-connect, Send-OrcTestMail); the next run retries them"
	return c
}
