package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/mail"
	"os"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/orchestrator/orchestrator/go/internal/store"
)

// Mail is one composed message: its envelope and its RFC 5322 bytes. The
// outbox keeps exactly these, so a retry sends the same message (same
// Message-ID, same Date) as the first try.
type Mail struct {
	From      string   `json:"from"`
	To        []string `json:"to"`
	Subject   string   `json:"subject"`
	MessageID string   `json:"messageId"`
	Raw       []byte   `json:"raw"`
}

// Content is what a mail says.
type Content struct {
	From, Subject, Text, HTML string
	To                        []string
	Date                      time.Time
	MessageID                 string // without angle brackets
	Attachment                *Attachment
}

// Attachment is a file attached to a mail.
type Attachment struct {
	Name string
	Data []byte
}

// Compose builds the message: text and HTML alternatives, Date and
// Message-ID headers and the attachment.
func Compose(c Content) (Mail, error) {
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := m.From(c.From); err != nil {
		return Mail{}, fmt.Errorf("sender %q: %w", c.From, err)
	}
	if err := m.To(c.To...); err != nil {
		return Mail{}, fmt.Errorf("recipients %v: %w", c.To, err)
	}
	m.Subject(c.Subject)
	m.SetDateWithValue(c.Date)
	m.SetMessageIDWithValue(c.MessageID)
	m.SetUserAgent("orc-exec")
	m.SetGenHeader("Auto-Submitted", "auto-generated")
	m.SetBodyString(gomail.TypeTextPlain, c.Text)
	if c.HTML != "" {
		m.AddAlternativeString(gomail.TypeTextHTML, c.HTML)
	}
	if c.Attachment != nil {
		if err := m.AttachReader(c.Attachment.Name, bytes.NewReader(c.Attachment.Data)); err != nil {
			return Mail{}, fmt.Errorf("attaching %s: %w", c.Attachment.Name, err)
		}
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return Mail{}, fmt.Errorf("composing mail: %w", err)
	}
	from, _ := mail.ParseAddress(c.From)
	env := Mail{From: from.Address, Subject: c.Subject, MessageID: c.MessageID, Raw: buf.Bytes()}
	for _, to := range c.To {
		a, _ := mail.ParseAddress(to)
		env.To = append(env.To, a.Address)
	}
	return env, nil
}

// Send delivers m with the settings and password. The whole conversation,
// from the dial to QUIT, is bounded by the settings' timeout (and ctx):
// when it is up the connection is closed under the client, so a server
// that stalls or drips bytes cannot hold the caller longer.
func Send(ctx context.Context, s *Settings, password string, m Mail) error {
	if !s.MailConfigured() {
		return errors.New("mail is not configured; fix: orc-exec notify set --smtp-host <host> --from <address>")
	}
	ctx, cancel := context.WithTimeout(ctx, s.TimeoutD())
	defer cancel()
	tlsConf, err := s.tlsConfig()
	if err != nil {
		return err
	}
	mode := s.tlsMode()
	dial := func(dialCtx context.Context, network, addr string) (net.Conn, error) {
		d := net.Dialer{}
		raw, err := d.DialContext(dialCtx, network, addr)
		if err != nil {
			return nil, err
		}
		// The hard bound: closing the socket ends any read or write. It
		// hangs on the whole send's ctx (dialCtx ends with the dial).
		context.AfterFunc(ctx, func() { _ = raw.Close() })
		if mode != TLSImplicit {
			return raw, nil
		}
		tc := tls.Client(raw, tlsConf)
		if err := tc.HandshakeContext(dialCtx); err != nil {
			_ = raw.Close()
			return nil, err
		}
		return tc, nil
	}
	opts := []gomail.Option{
		gomail.WithPort(s.port()),
		gomail.WithTimeout(s.TimeoutD()),
		gomail.WithDialContextFunc(dial),
		gomail.WithTLSConfig(tlsConf),
	}
	switch mode {
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSOpportunistic:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	default: // implicit TLS is done by dial; none is none
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	switch s.authMode() {
	case AuthPlain:
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain))
	case AuthLogin:
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthLogin))
	case AuthCramMD5:
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthCramMD5))
	default:
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthNoAuth))
	}
	if s.authMode() != AuthNone {
		if password == "" {
			return errors.New("no SMTP password is set; fix: orc-exec notify set --password-stdin, or set " + EnvSMTPPassword)
		}
		opts = append(opts, gomail.WithUsername(s.SMTP.Username), gomail.WithPassword(password))
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		opts = append(opts, gomail.WithHELO(h))
	}
	c, err := gomail.NewClient(s.SMTP.Host, opts...)
	if err != nil {
		return fmt.Errorf("mail client: %w", err)
	}
	sc, err := c.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return smtpError(ctx, s, "connecting", err)
	}
	defer sc.Close()
	// go-mail's client sends the argument as given: the RFC 5321 path
	// needs its angle brackets, or strict servers answer 501.
	if err := sc.Mail(smtpPath(m.From)); err != nil {
		return smtpError(ctx, s, "MAIL FROM", err)
	}
	for _, to := range m.To {
		if err := sc.Rcpt(smtpPath(to)); err != nil {
			return smtpError(ctx, s, "RCPT TO "+to, err)
		}
	}
	w, err := sc.Data()
	if err != nil {
		return smtpError(ctx, s, "DATA", err)
	}
	if _, err := w.Write(m.Raw); err != nil {
		return smtpError(ctx, s, "sending the message", err)
	}
	if err := w.Close(); err != nil {
		return smtpError(ctx, s, "ending the message", err)
	}
	_ = sc.Quit()
	return nil
}

// smtpPath is addr as an RFC 5321 path, "<addr>". The outbox keeps bare
// addresses (Compose strips display names), so items spooled by older
// versions are sent right too.
func smtpPath(addr string) string {
	if strings.HasPrefix(addr, "<") && strings.HasSuffix(addr, ">") {
		return addr
	}
	return "<" + addr + ">"
}

// smtpError names the step and the server, and says when the timeout, not
// the server, ended the conversation.
func smtpError(ctx context.Context, s *Settings, step string, err error) error {
	addr := net.JoinHostPort(s.SMTP.Host, strconv.Itoa(s.port()))
	// Either clock may run out first: the send's context, or the socket
	// deadline go-mail sets from the same timeout a moment later.
	var ne net.Error
	if ctx.Err() != nil || (errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("smtp %s: %s: gave up after %s (the timeout): %w", addr, step, s.TimeoutD(), err)
	}
	return fmt.Errorf("smtp %s: %s: %w", addr, step, err)
}

func (s *Settings) tlsConfig() (*tls.Config, error) {
	conf := &tls.Config{ServerName: s.SMTP.Host, MinVersion: tls.VersionTLS12}
	if s.SMTP.CAFile == "" {
		return conf, nil
	}
	// The CA decides which server gets the password: checked like the
	// settings that name it.
	pem, err := store.ReadTrustedFile(s.SMTP.CAFile, 1<<20)
	if err != nil {
		return nil, fmt.Errorf("reading --ca-file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("--ca-file %s holds no PEM certificate", s.SMTP.CAFile)
	}
	conf.RootCAs = pool
	return conf, nil
}

// readTail returns at most max bytes from the end of the file at path, and
// whether it was cut.
func readTail(path string, max int64) ([]byte, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, false, err
	}
	off := int64(0)
	if st.Size() > max {
		off = st.Size() - max
	}
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil, false, err
	}
	b, err := io.ReadAll(io.LimitReader(f, max))
	return b, off > 0, err
}
