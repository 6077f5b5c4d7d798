// Package notify tells people about task outcomes: host-wide settings and
// secrets in the store, per-task policies with one alert per incident,
// mail over SMTP (text + HTML, optional output attachment) and JSON posted
// to a webhook, and an outbox that keeps what could not be delivered for
// the next orc-exec invocation. Nothing here can change a run's result:
// the runner calls Handle after the result is final and in history, and
// every delivery is bounded by the configured timeout.
package notify

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/secret"
	"github.com/orchestrator/orchestrator/go/internal/store"
)

// SettingsSchema versions the settings file and 'notify show'.
const SettingsSchema = "orc.notify-settings/v1"

// Defaults for settings left unset.
const (
	DefaultTimeout     = 10 * time.Second
	DefaultAttachMax   = 1 << 20 // bytes of output attached to a mail
	DefaultMaxAttempts = 10      // deliveries tried per outbox item
	DefaultExpiry      = 24 * time.Hour
)

// Environment overrides for containers: they win over the stored secrets.
const (
	EnvSMTPPassword = "ORC_SMTP_PASSWORD"
	EnvWebhookURL   = "ORC_WEBHOOK_URL"
)

// SecretEnv lists the variables above: they are orc-exec's, and the runner
// keeps them from the commands it starts.
var SecretEnv = []string{EnvSMTPPassword, EnvWebhookURL}

// TLSMode says how the SMTP connection is encrypted.
type TLSMode string

const (
	TLSStartTLS      TLSMode = "starttls"               // STARTTLS required (default)
	TLSOpportunistic TLSMode = "starttls-opportunistic" // STARTTLS when offered
	TLSImplicit      TLSMode = "implicit"               // TLS from the first byte (port 465)
	TLSNone          TLSMode = "none"                   // plain text
)

// AuthMode is the SMTP AUTH mechanism.
type AuthMode string

const (
	AuthPlain   AuthMode = "plain"
	AuthLogin   AuthMode = "login"
	AuthCramMD5 AuthMode = "cram-md5"
	AuthNone    AuthMode = "none"
)

// SMTP is how to reach the mail server. The password is not here: it is a
// secret (see Secrets).
type SMTP struct {
	Host     string   `json:"host,omitempty"`
	Port     int      `json:"port,omitempty"`
	TLS      TLSMode  `json:"tls,omitempty"`
	Auth     AuthMode `json:"auth,omitempty"`
	Username string   `json:"username,omitempty"`
	// CAFile is a PEM file of certificates trusted for the server, beside
	// the system roots (for an internal CA or a self-signed server).
	CAFile string `json:"caFile,omitempty"`
}

// Settings are the host-wide notification settings, state/notify.json.
type Settings struct {
	Schema  string              `json:"schema"`
	SMTP    SMTP                `json:"smtp"`
	From    string              `json:"from,omitempty"`
	To      []string            `json:"to,omitempty"` // default recipients
	Timeout definition.Duration `json:"timeout,omitempty"`
	// SecretScope is the DPAPI scope of the stored secrets (Windows).
	SecretScope secret.Scope `json:"secretScope,omitempty"`
	// AttachMax caps the output attached to a mail; a longer output is
	// attached from its end, with a note.
	AttachMax   int64               `json:"attachMax,omitempty"`
	MaxAttempts int                 `json:"outboxMaxAttempts,omitempty"`
	Expiry      definition.Duration `json:"outboxExpiry,omitempty"`
}

// Secrets are kept apart from Settings, in state/notify.secret.
type Secrets struct {
	SMTPPassword string `json:"smtpPassword,omitempty"`
	WebhookURL   string `json:"webhookUrl,omitempty"`
}

// TimeoutD is the delivery timeout with its default.
func (s *Settings) TimeoutD() time.Duration {
	if s.Timeout <= 0 {
		return DefaultTimeout
	}
	return s.Timeout.D()
}

func (s *Settings) attachMax() int64 {
	if s.AttachMax <= 0 {
		return DefaultAttachMax
	}
	return s.AttachMax
}

func (s *Settings) maxAttempts() int {
	if s.MaxAttempts <= 0 {
		return DefaultMaxAttempts
	}
	return s.MaxAttempts
}

func (s *Settings) expiry() time.Duration {
	if s.Expiry <= 0 {
		return DefaultExpiry
	}
	return s.Expiry.D()
}

// port is the SMTP port with the usual default for the TLS mode.
func (s *Settings) port() int {
	switch {
	case s.SMTP.Port > 0:
		return s.SMTP.Port
	case s.SMTP.TLS == TLSImplicit:
		return 465
	case s.SMTP.TLS == TLSNone:
		return 25
	}
	return 587
}

func (s *Settings) tlsMode() TLSMode {
	if s.SMTP.TLS == "" {
		return TLSStartTLS
	}
	return s.SMTP.TLS
}

func (s *Settings) authMode() AuthMode {
	if s.SMTP.Auth == "" {
		if s.SMTP.Username != "" {
			return AuthPlain
		}
		return AuthNone
	}
	return s.SMTP.Auth
}

// MailConfigured reports whether mail can be sent at all.
func (s *Settings) MailConfigured() bool { return s.SMTP.Host != "" && s.From != "" }

// Validate checks the settings for mistakes a mail server would only
// report later, with a fix for each.
func (s *Settings) Validate() error {
	var problems []string
	switch s.SMTP.TLS {
	case "", TLSStartTLS, TLSOpportunistic, TLSImplicit, TLSNone:
	default:
		problems = append(problems, fmt.Sprintf("--tls %q is not starttls, starttls-opportunistic, implicit or none", s.SMTP.TLS))
	}
	switch s.SMTP.Auth {
	case "", AuthPlain, AuthLogin, AuthCramMD5, AuthNone:
	default:
		problems = append(problems, fmt.Sprintf("--auth %q is not plain, login, cram-md5 or none", s.SMTP.Auth))
	}
	if s.SMTP.Port < 0 || s.SMTP.Port > 65535 {
		problems = append(problems, fmt.Sprintf("--smtp-port %d is not a TCP port", s.SMTP.Port))
	}
	if a := s.authMode(); a != AuthNone && s.SMTP.Username == "" {
		problems = append(problems, fmt.Sprintf("--auth %s needs --username", a))
	}
	if s.From != "" {
		if _, err := mail.ParseAddress(s.From); err != nil {
			problems = append(problems, fmt.Sprintf("--from %q is not a mail address", s.From))
		}
	}
	for _, to := range s.To {
		if _, err := mail.ParseAddress(to); err != nil {
			problems = append(problems, fmt.Sprintf("--to %q is not a mail address", to))
		}
	}
	if s.Timeout < 0 || (s.Timeout > 0 && s.Timeout.D() < 100*time.Millisecond) || s.Timeout.D() > 5*time.Minute {
		problems = append(problems, "--timeout must be between 100ms and 5m")
	}
	if _, err := secret.ParseScope(string(s.SecretScope)); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// Paths are where notification state lives in the store.
type Paths struct {
	Home      string // the store's home: every file below is read through store.OpenTrusted
	Settings  string // state/notify.json
	Secret    string // state/notify.secret
	Incidents string // state/incidents/
	Outbox    string // state/outbox/
}

// PathsOf returns the notification paths of store s.
func PathsOf(s *store.Store) Paths {
	st := s.StateDir()
	return Paths{
		Home:      s.Home,
		Settings:  filepath.Join(st, "notify.json"),
		Secret:    filepath.Join(st, "notify.secret"),
		Incidents: filepath.Join(st, "incidents"),
		Outbox:    filepath.Join(st, "outbox"),
	}
}

// Largest state files read: settings and incidents are a few hundred
// bytes; an outbox item holds a mail with its attachment.
const (
	maxSettingsSize = 64 << 10
	maxItemSize     = 64 << 20
)

// LoadSettings reads the settings; ok is false when none were ever set.
// Settings say where mail goes, with the stored password: a file or folder
// someone else could change is refused (an error wrapping
// store.ErrInsecure), like a task definition.
func LoadSettings(p Paths) (*Settings, bool, error) {
	data, err := store.ReadTrusted(p.Home, p.Settings, maxSettingsSize)
	if errors.Is(err, os.ErrNotExist) {
		return &Settings{Schema: SettingsSchema}, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading notification settings: %w", err)
	}
	var s Settings
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, false, fmt.Errorf("reading notification settings %s: %w; fix: set them again with 'orc-exec notify set'", p.Settings, err)
	}
	return &s, true, nil
}

// SaveSettings writes the settings atomically with mode 0600.
func SaveSettings(p Paths, s *Settings) error {
	s.Schema = SettingsSchema
	if err := s.Validate(); err != nil {
		return err
	}
	return writeJSONAtomic(p.Settings, s)
}

// LoadSecrets reads the stored secrets and applies the environment
// overrides. A missing secret file is no secrets.
func LoadSecrets(p Paths) (Secrets, error) {
	var sec Secrets
	data, err := secret.Load(p.Home, p.Secret)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return sec, err
	default:
		if err := json.Unmarshal(data, &sec); err != nil {
			return sec, fmt.Errorf("reading %s: not a secret file; fix: set the secrets again with 'orc-exec notify set --password-stdin'", p.Secret)
		}
	}
	if v := os.Getenv(EnvSMTPPassword); v != "" {
		sec.SMTPPassword = v
	}
	if v := os.Getenv(EnvWebhookURL); v != "" {
		sec.WebhookURL = v
	}
	return sec, nil
}

// StoredSecrets reads the secret file only, without environment overrides
// (for updating one secret while keeping the other).
func StoredSecrets(p Paths) (Secrets, error) {
	var sec Secrets
	data, err := secret.Load(p.Home, p.Secret)
	if errors.Is(err, os.ErrNotExist) {
		return sec, nil
	}
	if err != nil {
		return sec, err
	}
	if err := json.Unmarshal(data, &sec); err != nil {
		return Secrets{}, nil // unreadable: replaced by the caller
	}
	return sec, nil
}

// SaveSecrets stores sec protected in the given scope.
func SaveSecrets(p Paths, sec Secrets, scope secret.Scope) error {
	data, err := json.Marshal(sec)
	if err != nil {
		return err
	}
	return secret.Save(p.Secret, data, scope)
}
