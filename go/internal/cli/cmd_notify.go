package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/secret"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

const notifyUsage = `Configure, show and test notifications (mail and webhook) for this host.

Usage:
  orc-exec notify set [settings flags] [--password-stdin] [--webhook-url-stdin]
  orc-exec notify show
  orc-exec notify test [--to <address>] [--webhook]
  orc-exec notify flush

'set' changes only the settings you pass. Secrets never go on the command
line: --password-stdin reads the SMTP password from the first line of
stdin, --webhook-url-stdin the webhook URL (with its token) from the next
one. On Windows they are kept in a file only SYSTEM and Administrators can
read, encrypted with DPAPI (machine scope by default, so tasks running as
SYSTEM can use them); on Unix in a file only its owner can read.
ORC_SMTP_PASSWORD and ORC_WEBHOOK_URL override the stored secrets
(containers); orc-exec never passes them on to a task's command.

'test' sends a test mail now and reports the server's verdict. 'flush'
retries the outbox (notifications a dead server could not take) now; every
'orc-exec run' does that too.

Examples:
  echo "$SMTP_PASSWORD" | orc-exec notify set --smtp-host mail.example.com \
      --smtp-port 587 --tls starttls --auth plain --username orc@example.com \
      --password-stdin --from orc@example.com --to ops@example.com,dba@example.com --timeout 10s
  orc-exec notify show --output table
  orc-exec notify test --to me@example.com
`

// NotifyShow is what 'notify show' and 'notify set' print: schema
// orc.notify-settings/v1. It never carries a secret, only whether one is set.
type NotifyShow struct {
	Schema         string              `json:"schema"`
	Configured     bool                `json:"configured"`
	SMTP           notify.SMTP         `json:"smtp"`
	From           string              `json:"from,omitempty"`
	To             []string            `json:"to,omitempty"`
	Timeout        string              `json:"timeout"`
	SecretScope    secret.Scope        `json:"secretScope"`
	AttachMax      int64               `json:"attachMax"`
	PasswordSet    bool                `json:"passwordSet"`
	PasswordSource string              `json:"passwordSource,omitempty"` // store | environment
	WebhookSet     bool                `json:"webhookSet"`
	WebhookSource  string              `json:"webhookSource,omitempty"`
	OutboxPending  int                 `json:"outboxPending"`
	OpenIncidents  []string            `json:"openIncidents,omitempty"`
	SecretError    string              `json:"secretError,omitempty"`
	Flush          *notify.FlushResult `json:"flush,omitempty"`

	secretErr error // SecretError, for its exit code
}

// NotifyTest is what 'notify test' prints: schema orc.notify-test/v1.
type NotifyTest struct {
	Schema    string   `json:"schema"`
	Sent      bool     `json:"sent"`
	To        []string `json:"to,omitempty"`
	MessageID string   `json:"messageId,omitempty"`
	Error     string   `json:"error,omitempty"`
}

func cmdNotify(ctx context.Context, a *app, args []string) exitcode.Code {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(a.io.Stdout, notifyUsage)
		if len(args) == 0 {
			return exitcode.Usage
		}
		return exitcode.Success
	}
	switch args[0] {
	case "set":
		return notifySet(a, args[1:])
	case "show":
		return notifyShow(a, args[1:])
	case "test":
		return notifyTest(ctx, a, args[1:])
	case "flush":
		return notifyFlush(ctx, a, args[1:])
	}
	return a.fail(exitcode.Usage, fmt.Errorf("unknown notify command %q", args[0]), "use notify set, show, test or flush")
}

func notifySet(a *app, args []string) exitcode.Code {
	fs := a.flags("notify set", notifyUsage)
	host := fs.String("smtp-host", "", "the mail server's host name")
	port := fs.Int("smtp-port", 0, "its port (default 587; 465 with --tls implicit; 25 with --tls none)")
	tlsMode := fs.String("tls", "", "starttls (default), starttls-opportunistic, implicit or none")
	auth := fs.String("auth", "", "plain, login, cram-md5 or none (default plain with --username, else none)")
	user := fs.String("username", "", "the SMTP user name")
	pwStdin := fs.Bool("password-stdin", false, "read the SMTP password from the first line of stdin")
	from := fs.String("from", "", "the sender address")
	to := fs.StringSlice("to", nil, "default recipients, comma-separated")
	timeout := fs.String("timeout", "", "bound on each delivery (connect + every command), default 10s")
	hookStdin := fs.Bool("webhook-url-stdin", false, "read the webhook URL from stdin (the line after the password, if both)")
	caFile := fs.String("ca-file", "", "PEM certificates to trust for the mail server (internal CA, self-signed)")
	scope := fs.String("secret-scope", "", "Windows DPAPI scope of the secrets: machine (default) or user")
	attachMax := fs.String("attach-max", "", "largest output attached to a mail, e.g. 1MiB (default)")
	maxAttempts := fs.Int("outbox-max-attempts", 0, "deliveries tried per outbox item before it is dropped (default 10)")
	expiry := fs.String("outbox-expiry", "", "age after which an undelivered item is dropped (default 24h)")
	clearPw := fs.Bool("clear-password", false, "forget the stored SMTP password")
	clearHook := fs.Bool("clear-webhook", false, "forget the stored webhook URL")
	if done, code := a.parse(fs, notifyUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("notify set", "no arguments", fs.NArg()), "secrets go on stdin: --password-stdin, --webhook-url-stdin")
	}
	s, code := a.openStore()
	if s == nil {
		return code
	}
	p := notify.PathsOf(s)
	// A damaged file is refused, not replaced: 'set' changes only the
	// flags given, so starting from nothing would silently drop the
	// server, sender and recipients.
	st, _, err := notify.LoadSettings(p)
	if err != nil {
		code := exitcode.Definition
		if errors.Is(err, store.ErrInsecure) {
			code = exitcode.Insecure
		}
		return a.fail(code, err, "repair or remove "+p.Settings+", then set every setting again")
	}
	changed := func(n string) bool { return fs.Changed(n) }
	if changed("smtp-host") {
		st.SMTP.Host = *host
	}
	if changed("smtp-port") {
		st.SMTP.Port = *port
	}
	if changed("tls") {
		st.SMTP.TLS = notify.TLSMode(*tlsMode)
	}
	if changed("auth") {
		st.SMTP.Auth = notify.AuthMode(*auth)
	}
	if changed("username") {
		st.SMTP.Username = *user
	}
	if changed("from") {
		st.From = *from
	}
	if changed("to") {
		st.To = nil
		for _, t := range *to {
			if t = strings.TrimSpace(t); t != "" {
				st.To = append(st.To, t)
			}
		}
	}
	if changed("ca-file") {
		st.SMTP.CAFile = *caFile
	}
	if changed("secret-scope") {
		st.SecretScope = secret.Scope(*scope)
	}
	if changed("outbox-max-attempts") {
		st.MaxAttempts = *maxAttempts
	}
	for _, d := range []struct {
		flag string
		val  string
		dst  *definition.Duration
	}{{"timeout", *timeout, &st.Timeout}, {"outbox-expiry", *expiry, &st.Expiry}} {
		if changed(d.flag) {
			v, err := definition.ParseDuration(d.val)
			if err != nil {
				return a.fail(exitcode.Usage, fmt.Errorf("--%s: %w", d.flag, err), "write a duration like 10s, 2m or 24h")
			}
			*d.dst = definition.Duration(v)
		}
	}
	if changed("attach-max") {
		v, err := definition.ParseSize(*attachMax)
		if err != nil {
			return a.fail(exitcode.Usage, fmt.Errorf("--attach-max: %w", err), "write a size like 512KiB or 1MiB")
		}
		st.AttachMax = v
	}
	if err := st.Validate(); err != nil {
		return a.fail(exitcode.Usage, err, "run 'orc-exec notify --help' for the settings")
	}

	secretsChanged := *pwStdin || *hookStdin || *clearPw || *clearHook || changed("secret-scope")
	var sec notify.Secrets
	if secretsChanged {
		sec, err = notify.StoredSecrets(p)
		switch {
		case errors.Is(err, secret.ErrInsecure):
			// The file is rewritten with safe permissions, but the secret not
			// given now would be lost with it, and may have been planted:
			// replace both, or fix the file first.
			if !(*pwStdin || *clearPw) || !(*hookStdin || *clearHook) {
				return a.fail(exitcode.Insecure, err, "fix the permissions as the message says and run this again, or give (or clear) both the password and the webhook URL to replace the file")
			}
			sec = notify.Secrets{}
		case err != nil:
			return a.fail(exitcode.Internal, err, "")
		}
		r := bufio.NewReader(io.LimitReader(a.io.Stdin, 64<<10))
		if *pwStdin {
			if sec.SMTPPassword, err = readSecretLine(r); err != nil || sec.SMTPPassword == "" {
				return a.fail(exitcode.Usage, errors.New("--password-stdin: no password on stdin"), "pipe the password in: ... | orc-exec notify set --password-stdin")
			}
		}
		if *hookStdin {
			if sec.WebhookURL, err = readSecretLine(r); err != nil || sec.WebhookURL == "" {
				return a.fail(exitcode.Usage, errors.New("--webhook-url-stdin: no URL on stdin"), "pipe the URL in (after the password line when both are given)")
			}
			if !strings.HasPrefix(sec.WebhookURL, "https://") && !strings.HasPrefix(sec.WebhookURL, "http://") {
				return a.fail(exitcode.Usage, errors.New("--webhook-url-stdin: not an http(s) URL"), "")
			}
		}
		if *clearPw {
			sec.SMTPPassword = ""
		}
		if *clearHook {
			sec.WebhookURL = ""
		}
	}
	if err := notify.SaveSettings(p, st); err != nil {
		return a.fail(exitcode.Internal, err, "check that you may write to the store's state folder")
	}
	if secretsChanged {
		scope, _ := secret.ParseScope(string(st.SecretScope))
		if err := notify.SaveSecrets(p, sec, scope); err != nil {
			return a.fail(exitcode.Internal, err, "check that you may write to the store's state folder")
		}
	}
	return a.printShow(s)
}

// readSecretLine reads one line, without its line ending.
func readSecretLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func notifyShow(a *app, args []string) exitcode.Code {
	fs := a.flags("notify show", notifyUsage)
	if done, code := a.parse(fs, notifyUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("notify show", "no arguments", fs.NArg()), "")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	return a.printShow(s)
}

func showOf(s *store.Store) (NotifyShow, error) {
	p := notify.PathsOf(s)
	st, ok, err := notify.LoadSettings(p)
	if err != nil {
		return NotifyShow{}, err
	}
	scope, _ := secret.ParseScope(string(st.SecretScope))
	out := NotifyShow{Schema: notify.SettingsSchema, Configured: ok && st.MailConfigured(), SMTP: st.SMTP, From: st.From, To: st.To,
		Timeout: definition.FormatDuration(st.TimeoutD()), SecretScope: scope, AttachMax: st.AttachMax}
	if out.AttachMax <= 0 {
		out.AttachMax = notify.DefaultAttachMax
	}
	stored, err := notify.StoredSecrets(p)
	if err != nil {
		out.SecretError, out.secretErr = err.Error(), err
	}
	source := func(stored bool, env string) string {
		switch {
		case os.Getenv(env) != "":
			return "environment"
		case stored:
			return "store"
		}
		return ""
	}
	out.PasswordSource = source(stored.SMTPPassword != "", notify.EnvSMTPPassword)
	out.PasswordSet = out.PasswordSource != ""
	out.WebhookSource = source(stored.WebhookURL != "", notify.EnvWebhookURL)
	out.WebhookSet = out.WebhookSource != ""
	items, _ := notify.OutboxItems(p)
	out.OutboxPending = len(items)
	if entries, err := os.ReadDir(p.Incidents); err == nil {
		for _, e := range entries {
			name, ok := strings.CutSuffix(e.Name(), ".json")
			if !ok || definition.ValidName(name) != nil {
				continue
			}
			if inc, err := notify.LoadIncident(p, name); err == nil && inc.Open {
				out.OpenIncidents = append(out.OpenIncidents, name)
			}
		}
	}
	return out, nil
}

func (a *app) printShow(s *store.Store) exitcode.Code {
	out, err := showOf(s)
	if err != nil {
		code := exitcode.Internal
		if errors.Is(err, store.ErrInsecure) {
			code = exitcode.Insecure
		}
		return a.fail(code, err, "only administrators (root) may be able to change the notification settings")
	}
	if a.table() {
		t := newTable(a.io.Stdout)
		t.AppendHeader(table.Row{"Setting", "Value"})
		port := ""
		if out.SMTP.Port > 0 {
			port = fmt.Sprint(out.SMTP.Port)
		}
		for _, r := range [][2]string{
			{"SMTP server", strings.TrimSuffix(out.SMTP.Host+":"+port, ":")}, {"TLS", string(out.SMTP.TLS)}, {"Auth", string(out.SMTP.Auth)},
			{"User name", out.SMTP.Username}, {"Password", setOrNot(out.PasswordSet, out.PasswordSource)}, {"CA file", out.SMTP.CAFile},
			{"From", out.From}, {"To", strings.Join(out.To, ", ")}, {"Timeout", out.Timeout},
			{"Webhook", setOrNot(out.WebhookSet, out.WebhookSource)}, {"Secret scope", string(out.SecretScope)},
			{"Outbox", fmt.Sprintf("%d pending", out.OutboxPending)}, {"Open incidents", strings.Join(out.OpenIncidents, ", ")},
		} {
			t.AppendRow(table.Row{r[0], r[1]})
		}
		t.Render()
	} else {
		writeJSONLine(a.io.Stdout, out)
	}
	if out.secretErr != nil {
		code := exitcode.Internal
		if errors.Is(out.secretErr, secret.ErrInsecure) {
			code = exitcode.Insecure
		}
		return a.fail(code, out.secretErr, "")
	}
	return exitcode.Success
}

func setOrNot(set bool, source string) string {
	if !set {
		return "not set"
	}
	return "set (" + source + ")"
}

func notifyTest(ctx context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("notify test", notifyUsage)
	to := fs.StringSlice("to", nil, "send to these addresses instead of the configured ones")
	hook := fs.Bool("webhook", false, "also post a test to the webhook")
	if done, code := a.parse(fs, notifyUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("notify test", "no arguments", fs.NArg()), "")
	}
	s, code := a.openStore()
	if s == nil {
		return code
	}
	n := notify.New(s, a.commandLog(s))
	m, err := n.Test(ctx, *to, *hook)
	rep := NotifyTest{Schema: "orc.notify-test/v1", Sent: err == nil, To: m.To, MessageID: m.MessageID}
	if err != nil {
		rep.Error = err.Error()
	}
	writeJSONLine(a.io.Stdout, rep)
	if err != nil {
		code := exitcode.CommandFailed
		if errors.Is(err, secret.ErrInsecure) {
			code = exitcode.Insecure
		}
		return a.fail(code, err, "check the settings with 'orc-exec notify show', fix them with 'orc-exec notify set'")
	}
	return exitcode.Success
}

func notifyFlush(ctx context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("notify flush", notifyUsage)
	if done, code := a.parse(fs, notifyUsage, args); done {
		return code
	}
	s, code := a.openStore()
	if s == nil {
		return code
	}
	res, err := notify.New(s, a.commandLog(s)).Flush(ctx)
	if err != nil {
		return a.fail(exitcode.Internal, err, "")
	}
	writeJSONLine(a.io.Stdout, struct {
		Schema string `json:"schema"`
		notify.FlushResult
	}{"orc.notify-flush/v1", res})
	if res.Pending > 0 {
		return exitcode.CommandFailed
	}
	return exitcode.Success
}

// commandLog is the logger of notify and report commands: stderr with
// --verbose, nothing otherwise (their outcome is printed).
func (a *app) commandLog(_ *store.Store) zerolog.Logger {
	return logging.New(logging.Options{Verbose: a.g.verbose, Console: a.io.Stderr})
}
