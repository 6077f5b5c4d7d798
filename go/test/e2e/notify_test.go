//go:build linux

package e2e_test

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/notify/smtptest"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

func outboxFiles(home string) []string {
	entries, _ := os.ReadDir(filepath.Join(home, "state", "outbox"))
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// flaky fails while the flag file exists.
func flaky(s *store, name string, notifyPolicy map[string]any) string {
	flag := filepath.Join(s.home, name+".fail")
	s.define(name, map[string]any{"name": name, "action": sh("echo working; if [ -e " + flag + " ]; then echo broken >&2; exit 3; fi"), "notify": notifyPolicy})
	return flag
}

var _ = Describe("notifications", func() {
	var (
		s   *store
		dir string
	)
	BeforeEach(func() {
		s = newStore()
		dir = GinkgoT().TempDir()
	})

	It("is set up with one command and tested with another; show never prints the secret", func() {
		srv := startSMTP(dir)
		s.configureMail(srv)
		show := s.run("notify", "show", "--output", "json")
		Expect(show.ExitCode()).To(Equal(0))
		Expect(string(show.Out.Contents())).To(ContainSubstring(`"passwordSet":true`))
		Expect(string(show.Out.Contents())).NotTo(ContainSubstring(smtpPassword))
		test := s.run("notify", "test", "--to", "me@example.com", "--output", "json")
		Expect(test.ExitCode()).To(Equal(0), string(test.Err.Contents()))
		Expect(string(test.Out.Contents())).To(ContainSubstring(`"sent":true`))
		Expect(srv.Messages()).To(HaveLen(1))
		Expect(srv.Messages()[0].To).To(Equal([]string{"me@example.com"}))
		Expect(subjects(srv)[0]).To(HavePrefix("[Orchestrator] Test mail from "))
	})

	It("alerts once per incident across separate processes, then tells the recovery", func() {
		srv := startSMTP(dir)
		s.configureMail(srv)
		flag := flaky(s, "flaky", map[string]any{"on": []string{"failure", "recovery"}, "to": []string{"dba@example.com"}})
		Expect(os.WriteFile(flag, nil, 0o600)).To(Succeed())
		for range 3 {
			sess := s.run("run", "flaky", "--output", "json")
			Expect(sess.ExitCode()).To(Equal(1))
		}
		Expect(subjects(srv)).To(HaveLen(1))
		Expect(subjects(srv)[0]).To(HavePrefix("[Orchestrator] FAILED: flaky on "))
		Expect(srv.Messages()[0].To).To(Equal([]string{"dba@example.com"}))
		Expect(os.Remove(flag)).To(Succeed())
		Expect(s.run("run", "flaky").ExitCode()).To(Equal(0))
		Expect(s.run("run", "flaky").ExitCode()).To(Equal(0))
		Expect(subjects(srv)).To(HaveLen(2))
		Expect(subjects(srv)[1]).To(HavePrefix("[Orchestrator] RECOVERED: flaky on "))
		show := s.run("notify", "show", "--output", "json")
		Expect(string(show.Out.Contents())).NotTo(ContainSubstring("openIncidents"))
	})

	DescribeTable("never changes the result when the server is down, refuses the password or stalls; the next run delivers",
		func(breakIt func(srv *smtptest.Server) (host string, port int, cleanup func())) {
			srv := startSMTP(dir)
			s.configureMail(srv)
			host, port, cleanup := breakIt(srv)
			Expect(s.run("notify", "set", "--smtp-host", host, "--smtp-port", strconv.Itoa(port), "--timeout", "1s").ExitCode()).To(Equal(0))
			flag := flaky(s, "job", map[string]any{})
			Expect(os.WriteFile(flag, nil, 0o600)).To(Succeed())

			start := time.Now()
			sess := s.run("run", "job", "--output", "json")
			took := time.Since(start)
			Expect(sess.ExitCode()).To(Equal(1))
			r := record(sess)
			Expect(r.Status).To(Equal(result.Failed))
			Expect(r.ExitCode).To(Equal(3))
			Expect(took).To(BeNumerically("<", 3*time.Second), "the notification is bounded by its 1s timeout")
			h := s.history("job")
			Expect(h).To(HaveLen(1))
			Expect(h[0].Status).To(Equal(result.Failed))
			Expect(h[0].RunID).To(Equal(r.RunID))
			Expect(outboxFiles(s.home)).To(HaveLen(1))
			Expect(srv.Messages()).To(BeEmpty())
			cleanup()

			// Mail is fixed; the next orc-exec run (another task, no policy) delivers the spooled alert.
			s.configureMail(srv)
			s.define("other", map[string]any{"name": "other", "action": sh("true")})
			Expect(s.run("run", "other").ExitCode()).To(Equal(0))
			Expect(outboxFiles(s.home)).To(BeEmpty())
			Expect(srv.Messages()).To(HaveLen(1))
			msg, err := mail.ReadMessage(bytes.NewReader(srv.Messages()[0].Data))
			Expect(err).NotTo(HaveOccurred())
			Expect(msg.Header.Get("Message-Id")).To(HavePrefix("<" + r.RunID + ".failure@"))
		},
		Entry("down", func(*smtptest.Server) (string, int, func()) {
			p, err := smtptest.FreePort()
			Expect(err).NotTo(HaveOccurred())
			return "127.0.0.1", p, func() {}
		}),
		Entry("refusing the password", func(srv *smtptest.Server) (string, int, func()) {
			// Same server, wrong password for this one run.
			Expect(os.Setenv("ORC_SMTP_PASSWORD", "wrong")).To(Succeed())
			DeferCleanup(os.Unsetenv, "ORC_SMTP_PASSWORD")
			return srv.Host, srv.Port, func() { Expect(os.Unsetenv("ORC_SMTP_PASSWORD")).To(Succeed()) }
		}),
		Entry("stalling", func(*smtptest.Server) (string, int, func()) {
			st, err := smtptest.StartStaller()
			Expect(err).NotTo(HaveOccurred())
			return st.Host, st.Port, st.Close
		}),
	)

	It("posts to a webhook whose URL was given on stdin", func() {
		srv := startSMTP(dir)
		var mu sync.Mutex
		var got []map[string]any
		hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			var m map[string]any
			_ = json.Unmarshal(b, &m)
			mu.Lock()
			got = append(got, m)
			mu.Unlock()
		}))
		DeferCleanup(hook.Close)
		s.configureMail(srv)
		sess := s.withStdin(smtpPassword+"\n"+hook.URL+"/hook/S3CRET-TOKEN\n", "notify", "set", "--password-stdin", "--webhook-url-stdin")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		Expect(string(sess.Out.Contents())).NotTo(ContainSubstring("S3CRET-TOKEN"))
		flag := flaky(s, "hooked", map[string]any{"webhook": true})
		Expect(os.WriteFile(flag, nil, 0o600)).To(Succeed())
		Expect(s.run("run", "hooked").ExitCode()).To(Equal(1))
		mu.Lock()
		defer mu.Unlock()
		Expect(got).To(HaveLen(1))
		Expect(got[0]["task"]).To(Equal("hooked"))
		Expect(got[0]["event"]).To(Equal("failure"))
		Expect(got[0]["status"]).To(Equal("FAILED"))
		Expect(srv.Messages()).To(HaveLen(1), "mail goes to the default recipients too")
	})

	It("sends the daily report", func() {
		srv := startSMTP(dir)
		s.configureMail(srv)
		s.define("ok", map[string]any{"name": "ok", "schedule": map[string]any{"cron": "0 7 * * *"}, "action": sh("sleep 0.2")})
		s.define("bad", map[string]any{"name": "bad", "action": sh("exit 2")})
		Expect(s.run("run", "ok").ExitCode()).To(Equal(0))
		Expect(s.run("run", "ok").ExitCode()).To(Equal(0))
		Expect(s.run("run", "bad").ExitCode()).To(Equal(1))
		sess := s.run("report", "--since", "24h", "--send", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		lines := strings.Split(strings.TrimSpace(string(sess.Out.Contents())), "\n")
		Expect(lines).To(HaveLen(2))
		var ok map[string]any
		Expect(json.Unmarshal([]byte(lines[1]), &ok)).To(Succeed())
		Expect(ok["task"]).To(Equal("ok"))
		Expect(ok["runs"]).To(BeEquivalentTo(2))
		Expect(ok["nextRun"]).NotTo(BeNil())
		Expect(subjects(srv)).To(ConsistOf(ContainSubstring("3 run(s), 1 failure(s)")))
		html := s.run("report", "--output", "html")
		Expect(string(html.Out.Contents())).To(ContainSubstring("<table"))
	})

	It("never leaks the password: not in the store, logs, results, history, output or any argument list", func() {
		srv := startSMTP(dir)
		s.configureMail(srv)
		flag := flaky(s, "leaky", map[string]any{"attachOutput": true})
		Expect(os.WriteFile(flag, nil, 0o600)).To(Succeed())
		s.define("slow-leaky", map[string]any{"name": "slow-leaky", "action": sh("sleep 1; exit 4"), "notify": map[string]any{}})

		// Watch every process's argument list while a notifying run is going on.
		stop := make(chan struct{})
		var seen []string
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
				for _, p := range procs {
					if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(smtpPassword)) {
						seen = append(seen, p+": "+string(bytes.ReplaceAll(b, []byte{0}, []byte{' '})))
					}
				}
				time.Sleep(20 * time.Millisecond)
			}
		}()
		var outputs bytes.Buffer
		for _, sess := range []*gexec.Session{
			s.run("run", "leaky", "--output", "json", "-v"),
			s.run("run", "slow-leaky", "--output", "json", "-v"),
			s.run("notify", "show", "--output", "json", "-v"),
			s.run("notify", "show", "--output", "table"),
			s.run("history", "--output", "json", "--last", "0"),
			s.run("notify", "test", "-v"),
			s.run("report", "--send", "-v"),
		} {
			outputs.Write(sess.Out.Contents())
			outputs.Write(sess.Err.Contents())
		}
		close(stop)
		wg.Wait()
		Expect(seen).To(BeEmpty())
		Expect(len(srv.Messages())).To(BeNumerically(">=", 4))
		for _, m := range srv.Messages() {
			Expect(string(m.Data)).NotTo(ContainSubstring(smtpPassword))
		}
		Expect(outputs.String()).NotTo(ContainSubstring(smtpPassword))
		Expect(outputs.String()).To(ContainSubstring("FAILED"))

		// Every file in the store, but the secret file itself (which on
		// Linux is the owner-only place the password lives).
		secretFile := filepath.Join(s.home, "state", "notify.secret")
		var checked int
		Expect(filepath.WalkDir(s.home, func(p string, d fs.DirEntry, err error) error {
			Expect(err).NotTo(HaveOccurred())
			if d.IsDir() || p == secretFile {
				return nil
			}
			b, err := os.ReadFile(p)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(b)).NotTo(ContainSubstring(smtpPassword), p)
			checked++
			return nil
		})).To(Succeed())
		Expect(checked).To(BeNumerically(">=", 8))
		fi, err := os.Stat(secretFile)
		Expect(err).NotTo(HaveOccurred())
		Expect(fi.Mode().Perm()).To(Equal(os.FileMode(0o600)))
	})

	It("refuses a secret file others can read, with the fix", func() {
		srv := startSMTP(dir)
		s.configureMail(srv)
		Expect(os.Chmod(filepath.Join(s.home, "state", "notify.secret"), 0o644)).To(Succeed())
		sess := s.run("notify", "test")
		Expect(sess.ExitCode()).To(Equal(4))
		Expect(string(sess.Err.Contents())).To(ContainSubstring("chmod 600"))
	})
})
