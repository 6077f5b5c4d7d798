//go:build linux || windows

package e2e_test

import (
	"bytes"
	"net/mail"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/notify/smtptest"
)

const smtpPassword = "E2e-Canary-Pa55w0rd-7f3a"

// withStdin runs orc-exec with stdin and waits for it.
func (s *store) withStdin(stdin string, args ...string) *gexec.Session {
	c := s.cmd(args...)
	c.Stdin = strings.NewReader(stdin)
	sess, err := gexec.Start(c, GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	Eventually(sess).WithTimeout(60 * time.Second).Should(gexec.Exit())
	return sess
}

// configureMail points the store at srv through 'notify set', the password on stdin.
func (s *store) configureMail(srv *smtptest.Server, extra ...string) {
	GinkgoHelper()
	args := append([]string{"notify", "set", "--smtp-host", srv.Host, "--smtp-port", strconv.Itoa(srv.Port),
		"--tls", "starttls", "--auth", "plain", "--username", "orc", "--password-stdin", "--ca-file", srv.CAFile,
		"--from", "orc@example.com", "--to", "ops@example.com", "--timeout", "2s", "--output", "json"}, extra...)
	sess := s.withStdin(smtpPassword+"\n", args...)
	Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
}

func startSMTP(dir string) *smtptest.Server {
	GinkgoHelper()
	srv, err := smtptest.Start(smtptest.Options{TLS: true, Dir: dir, Username: "orc", Password: smtpPassword})
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(srv.Close)
	return srv
}

func subjects(srv *smtptest.Server) []string {
	var out []string
	for _, m := range srv.Messages() {
		msg, err := mail.ReadMessage(bytes.NewReader(m.Data))
		Expect(err).NotTo(HaveOccurred())
		out = append(out, msg.Header.Get("Subject"))
	}
	return out
}
