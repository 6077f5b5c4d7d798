//go:build linux

package e2e_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
)

var _ = Describe("notify set on damaged settings", func() {
	// Settings hold where alerts go: replacing a damaged file with the one
	// flag given would silently drop the server, sender and recipients.
	DescribeTable("refuses with the parse error and leaves the file as it was",
		func(damaged string, wantProblem string) {
			s := newStore()
			sess := s.run("notify", "set", "--smtp-host", "mail.example.com", "--from", "orc@example.com", "--to", "ops@example.com", "--tls", "none")
			Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
			settings := filepath.Join(s.home, "state", "notify.json")
			Expect(os.WriteFile(settings, []byte(damaged), 0o600)).To(Succeed())

			sess = s.run("notify", "set", "--to", "dba@example.com")
			Expect(sess.ExitCode()).To(Equal(3), string(sess.Err.Contents()))
			Expect(string(sess.Err.Contents())).To(And(ContainSubstring(settings), ContainSubstring(wantProblem)))
			Expect(os.ReadFile(settings)).To(Equal([]byte(damaged)))
		},
		Entry("cut short by a full disk", `{"schema":"orc.notify-settings/v1","smtp":{"host":"mail.exa`, "unexpected end of JSON input"),
		Entry("edited by hand into bad JSON", "{ smtp: {host: mail} }", "invalid character"),
		Entry("a field of the wrong type", `{"schema":"orc.notify-settings/v1","smtp":{"host":5}}`, "cannot unmarshal number"),
		Entry("empty", "", "unexpected end of JSON input"),
	)
})

var _ = Describe("a store others could change", func() {
	// orc-exec often runs as root: whoever can swap a folder above the
	// store, or a file orc-exec trusts, can choose what root runs or where
	// root mails the password.
	var (
		s      *store
		marker string
	)
	BeforeEach(func() {
		shared := filepath.Join(GinkgoT().TempDir(), "shared")
		Expect(os.Mkdir(shared, 0o755)).To(Succeed())
		s = &store{home: filepath.Join(shared, "orc")}
		Expect(os.MkdirAll(filepath.Join(s.home, "tasks"), 0o700)).To(Succeed())
		marker = filepath.Join(GinkgoT().TempDir(), "ran")
		s.define("job", map[string]any{"name": "job", "action": sh("echo ran > " + marker)})
	})

	DescribeTable("refuses to run a task, naming the unsafe folder and the fix",
		func(unsafe func() string, problem string) {
			p := unsafe()
			sess := s.run("run", "job")
			Expect(sess.ExitCode()).To(Equal(4), string(sess.Err.Contents()))
			Expect(string(sess.Err.Contents())).To(And(ContainSubstring(p+" "+problem), ContainSubstring("fix:")))
			Expect(marker).NotTo(BeAnExistingFile())
		},
		Entry("a parent of the store others may write", func() string {
			p := filepath.Dir(s.home)
			Expect(os.Chmod(p, 0o777)).To(Succeed())
			return p
		}, "is writable by group and others"),
		Entry("a parent of the store its group may write", func() string {
			p := filepath.Dir(s.home)
			Expect(os.Chmod(p, 0o775)).To(Succeed())
			return p
		}, "is writable by group"),
		Entry("a parent of the store owned by another user", func() string {
			if os.Geteuid() != 0 {
				Skip("needs root to give a folder to uid 65534")
			}
			p := filepath.Dir(s.home)
			Expect(os.Chown(p, 65534, 65534)).To(Succeed())
			return p
		}, "is owned by uid 65534"),
		Entry("the tasks folder others may write", func() string {
			p := filepath.Join(s.home, "tasks")
			Expect(os.Chmod(p, 0o777)).To(Succeed())
			return p
		}, "is writable by group and others"),
	)

	It("runs it when the folders are safe, sticky /tmp-like parents included", func() {
		Expect(os.Chmod(filepath.Dir(s.home), 0o777|os.ModeSticky)).To(Succeed())
		sess := s.run("run", "job")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		Expect(marker).To(BeAnExistingFile())
	})

	Context("when notify.json is writable by others", func() {
		It("sends nothing (the mail could go anywhere, with the password) and says why", func() {
			srv := startSMTP(GinkgoT().TempDir())
			s.configureMail(srv)
			s.define("job", map[string]any{"name": "job", "action": sh("exit 3"), "notify": map[string]any{"on": []string{"failure"}}})
			settings := filepath.Join(s.home, "state", "notify.json")
			Expect(os.Chmod(settings, 0o666)).To(Succeed())

			sess := s.run("run", "job", "-v")
			Expect(sess.ExitCode()).To(Equal(1))
			Expect(string(sess.Err.Contents())).To(ContainSubstring(settings + " is writable by group and others"))
			Expect(srv.Messages()).To(BeEmpty())

			show := s.run("notify", "show")
			Expect(show.ExitCode()).To(Equal(4))
			Expect(string(show.Err.Contents())).To(ContainSubstring("chmod go-w " + settings))
		})
	})
})

var _ = Describe("orc-exec's own secrets in the environment", func() {
	It("reach neither the command, nor its output, history or the alert mail; history and output are owner-only", func() {
		s := newStore()
		srv := startSMTP(GinkgoT().TempDir())
		s.configureMail(srv)
		s.define("job", map[string]any{"name": "job", "action": sh("env; exit 3"), "notify": map[string]any{"on": []string{"failure"}, "attachOutput": true}})
		c := s.cmd("run", "job", "--output", "json")
		c.Env = append(c.Env, "ORC_SMTP_PASSWORD="+smtpPassword, "ORC_WEBHOOK_URL=https://hooks.example.com/E2e-Hook-T0ken")
		sess, err := gexec.Start(c, GinkgoWriter, GinkgoWriter)
		Expect(err).NotTo(HaveOccurred())
		Eventually(sess).WithTimeout(60 * time.Second).Should(gexec.Exit(1))
		r := record(sess)
		Expect(r.OutputTail).To(ContainSubstring("ORC_TASK=job"))
		Expect(srv.Messages()).To(HaveLen(1), "the password from the environment still authenticates orc-exec itself")
		for _, leak := range []string{smtpPassword, "E2e-Hook-T0ken"} {
			Expect(r.OutputTail).NotTo(ContainSubstring(leak))
			Expect(string(srv.Messages()[0].Data)).NotTo(ContainSubstring(leak))
			Expect(filepath.WalkDir(s.home, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || d.Name() == "notify.secret" {
					return err // the secret file is where a stored password lives
				}
				b, err := os.ReadFile(p)
				Expect(err).NotTo(HaveOccurred())
				Expect(string(b)).NotTo(ContainSubstring(leak), p)
				return nil
			})).To(Succeed())
		}
		for _, p := range []string{filepath.Join(s.home, "history", "job.jsonl"), r.OutputFile} {
			fi, err := os.Stat(p)
			Expect(err).NotTo(HaveOccurred())
			Expect(fi.Mode().Perm()&0o077).To(BeZero(), "%s has mode %04o", p, fi.Mode().Perm())
		}
	})
})

var _ = Describe("notify set on a secret file others could read", func() {
	var (
		s      *store
		secret string
	)
	BeforeEach(func() {
		s = newStore()
		sess := s.withStdin(smtpPassword+"\nhttps://hooks.example.com/E2e-Hook-T0ken\n", "notify", "set", "--smtp-host", "mail.example.com",
			"--from", "orc@example.com", "--tls", "none", "--auth", "plain", "--username", "orc", "--password-stdin", "--webhook-url-stdin")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		secret = filepath.Join(s.home, "state", "notify.secret")
		Expect(os.Chmod(secret, 0o644)).To(Succeed())
	})

	It("refuses to replace one secret, which would silently drop the other", func() {
		before, err := os.ReadFile(secret)
		Expect(err).NotTo(HaveOccurred())
		sess := s.withStdin("new-password\n", "notify", "set", "--password-stdin")
		Expect(sess.ExitCode()).To(Equal(4), string(sess.Err.Contents()))
		Expect(string(sess.Err.Contents())).To(And(ContainSubstring("chmod 600 "+secret), ContainSubstring("both")))
		Expect(os.ReadFile(secret)).To(Equal(before))
	})

	It("replaces the file, owner-only again, when both secrets are given", func() {
		sess := s.withStdin("new-password\nhttps://hooks.example.com/new\n", "notify", "set", "--password-stdin", "--webhook-url-stdin")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		fi, err := os.Stat(secret)
		Expect(err).NotTo(HaveOccurred())
		Expect(fi.Mode().Perm()).To(Equal(os.FileMode(0o600)))
		show := s.run("notify", "show", "--output", "json")
		Expect(show.ExitCode()).To(Equal(0), string(show.Err.Contents()))
		Expect(string(show.Out.Contents())).To(And(ContainSubstring(`"passwordSet":true`), ContainSubstring(`"webhookSet":true`)))
	})
})
