// Package smtptest runs real SMTP servers for specs (never linked into
// orc-exec): go-smtp with STARTTLS or implicit TLS on a self-signed
// certificate and AUTH PLAIN, LOGIN and CRAM-MD5, plus a server that
// accepts connections and then never says a word. Every server records the
// commands clients send, as they crossed the wire (see Commands), because
// go-smtp itself accepts some malformed ones that stricter servers refuse.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Options shape a server.
type Options struct {
	// Username and Password, when set, make AUTH required and the only
	// accepted credentials.
	Username, Password string
	// TLS offers STARTTLS; Implicit speaks TLS from the first byte.
	TLS, Implicit bool
	// Dir is where the CA file goes (required with TLS or Implicit).
	Dir string
}

// Message is one accepted mail.
type Message struct {
	From     string
	To       []string
	Data     []byte
	AuthUser string
	AuthMech string
	TLS      bool
}

// Server is a running SMTP server on 127.0.0.1.
type Server struct {
	Host   string
	Port   int
	CAFile string // PEM of the self-signed certificate, for --ca-file

	srv  *smtp.Server
	ln   net.Listener
	mu   sync.Mutex
	msgs []Message
	auth int // AUTH attempts
	wire wire
}

// Start starts a server; Close stops it.
func Start(o Options) (*Server, error) {
	s := &Server{Host: "127.0.0.1"}
	be := smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{s: s, o: o, c: c}, nil
	})
	srv := smtp.NewServer(be)
	srv.Domain = "localhost"
	srv.ReadTimeout = 30 * time.Second
	srv.WriteTimeout = 30 * time.Second
	srv.MaxMessageBytes = 32 << 20
	// go-smtp tees every byte read and written through Debug, after
	// STARTTLS too, so this sees the commands in clear text.
	srv.Debug = &s.wire
	var ln net.Listener
	var err error
	if o.TLS || o.Implicit {
		conf, caFile, err := selfSigned(o.Dir)
		if err != nil {
			return nil, err
		}
		s.CAFile = caFile
		srv.TLSConfig = conf
		if o.Implicit {
			ln, err = tls.Listen("tcp", "127.0.0.1:0", conf)
		} else {
			ln, err = net.Listen("tcp", "127.0.0.1:0")
		}
		if err != nil {
			return nil, err
		}
	} else {
		srv.AllowInsecureAuth = true
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return nil, err
		}
	}
	s.srv, s.ln = srv, ln
	s.Port = ln.Addr().(*net.TCPAddr).Port
	go func() { _ = srv.Serve(ln) }()
	return s, nil
}

// Addr is host:port.
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Close stops the server.
func (s *Server) Close() { _ = s.srv.Close() }

// Messages returns the mails accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Commands returns the SMTP commands clients sent so far, one per line
// without CRLF, exactly as they were on the wire: "MAIL FROM:<a@b> ...",
// "RCPT TO:<c@d>". Server replies, AUTH exchanges and message content are
// left out. Meant for one client at a time: concurrent sessions interleave.
func (s *Server) Commands() []string { return s.wire.commands() }

// AuthAttempts counts AUTH commands.
func (s *Server) AuthAttempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.auth
}

// wire receives go-smtp's debug stream (both directions, interleaved) and
// keeps the lines that start with an SMTP verb. Replies start with a
// three-digit code and so never match; SMTP is lock-step, so each read or
// write is whole lines. Message content (DATA up to the lone ".") is
// skipped: a body line may start with any word.
type wire struct {
	mu      sync.Mutex
	partial []byte
	lines   []string
	inData  bool
}

var verbs = []string{"HELO ", "EHLO ", "MAIL ", "RCPT ", "DATA", "RSET", "NOOP", "QUIT", "STARTTLS", "AUTH ", "VRFY ", "BDAT "}

func (w *wire) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.partial = append(w.partial, b...)
	for {
		i := bytes.Index(w.partial, []byte("\r\n"))
		if i < 0 {
			return len(b), nil
		}
		line := string(w.partial[:i])
		w.partial = w.partial[i+2:]
		if w.inData {
			w.inData = line != "."
			continue
		}
		if strings.EqualFold(line, "DATA") {
			w.inData = true
		}
		for _, v := range verbs {
			if len(line) >= len(v) && strings.EqualFold(line[:len(v)], v) {
				w.lines = append(w.lines, line)
				break
			}
		}
	}
}

func (w *wire) commands() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.lines...)
}

type session struct {
	s    *Server
	o    Options
	c    *smtp.Conn
	user string
	mech string
	msg  Message
}

func (x *session) AuthMechanisms() []string {
	return []string{sasl.Plain, sasl.Login, "CRAM-MD5"}
}

var errBadCredentials = &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}

func (x *session) Auth(mech string) (sasl.Server, error) {
	x.s.mu.Lock()
	x.s.auth++
	x.s.mu.Unlock()
	check := func(user, pass string) error {
		if user != x.o.Username || pass != x.o.Password {
			return errBadCredentials
		}
		x.user, x.mech = user, mech
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	case "CRAM-MD5":
		return &cramServer{want: x.o, done: func(u string) { x.user, x.mech = u, mech }}, nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

func (x *session) requireAuth() error {
	if x.o.Username != "" && x.user == "" {
		return smtp.ErrAuthRequired
	}
	return nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if err := x.requireAuth(); err != nil {
		return err
	}
	x.msg = Message{From: from}
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := x.requireAuth(); err != nil {
		return err
	}
	x.msg.To = append(x.msg.To, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.msg.Data = b
	x.msg.AuthUser, x.msg.AuthMech = x.user, x.mech
	_, x.msg.TLS = x.c.TLSConnectionState()
	x.s.mu.Lock()
	x.s.msgs = append(x.s.msgs, x.msg)
	x.s.mu.Unlock()
	return nil
}

func (x *session) Reset()        { x.msg = Message{} }
func (x *session) Logout() error { return nil }

// loginServer is AUTH LOGIN: "Username:", "Password:".
type loginServer struct {
	check func(user, pass string) error
	step  int
	user  string
}

func (l *loginServer) Next(resp []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step = 1
		if resp == nil {
			return []byte("Username:"), false, nil
		}
		fallthrough
	case 1:
		l.user, l.step = string(resp), 2
		return []byte("Password:"), false, nil
	default:
		return nil, true, l.check(l.user, string(resp))
	}
}

// cramServer is AUTH CRAM-MD5 (RFC 2195).
type cramServer struct {
	want      Options
	done      func(user string)
	challenge []byte
}

func (c *cramServer) Next(resp []byte) ([]byte, bool, error) {
	if c.challenge == nil {
		n, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
		c.challenge = fmt.Appendf(nil, "<%d.%d@localhost>", n, time.Now().UnixNano())
		return c.challenge, false, nil
	}
	user, digest, ok := bytes.Cut(resp, []byte(" "))
	if !ok {
		return nil, true, errBadCredentials
	}
	h := hmac.New(md5.New, []byte(c.want.Password))
	h.Write(c.challenge)
	if string(user) != c.want.Username || !hmac.Equal([]byte(hex.EncodeToString(h.Sum(nil))), digest) {
		return nil, true, errBadCredentials
	}
	c.done(string(user))
	return nil, true, nil
}

// selfSigned makes a certificate for 127.0.0.1 and localhost and writes
// it to dir/ca.pem.
func selfSigned(dir string) (*tls.Config, string, error) {
	if dir == "" {
		return nil, "", errors.New("smtptest: Options.Dir is required with TLS")
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, "", err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "smtptest"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, "", err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, "", err
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb})
	pair, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return nil, "", err
	}
	caFile := filepath.Join(dir, "smtptest-ca.pem")
	if err := os.WriteFile(caFile, certPEM, 0o644); err != nil {
		return nil, "", err
	}
	return &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}, caFile, nil
}

// Staller accepts TCP connections and never answers: the worst mail
// server there is.
type Staller struct {
	Host string
	Port int
	ln   net.Listener
	mu   sync.Mutex
	cons []net.Conn
}

// StartStaller starts one on 127.0.0.1.
func StartStaller() (*Staller, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	st := &Staller{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			st.mu.Lock()
			st.cons = append(st.cons, c)
			st.mu.Unlock()
		}
	}()
	return st, nil
}

// Close stops it and drops its connections.
func (st *Staller) Close() {
	_ = st.ln.Close()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, c := range st.cons {
		_ = c.Close()
	}
}

// FreePort returns a port on 127.0.0.1 that nothing listens on (a server
// that is down).
func FreePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	p := ln.Addr().(*net.TCPAddr).Port
	return p, ln.Close()
}
