//go:build linux

package e2e_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"github.com/orchestrator/orchestrator/go/internal/result"
)

var _ = Describe("overlapping runs", func() {
	var s *store
	var dir string
	BeforeEach(func() {
		s = newStore()
		dir = GinkgoT().TempDir()
	})

	// first starts a run that holds the task until the spec releases it.
	first := func(policy string) (*gexec.Session, func()) {
		gate := filepath.Join(dir, "release")
		started := filepath.Join(dir, "started")
		s.define("job", map[string]any{"name": "job", "overlap": policy, "action": sh(
			`touch ` + started + `.$$; while [ ! -e ` + gate + ` ]; do sleep 0.05; done`)})
		sess := s.start("run", "job", "--output", "json")
		Eventually(func() []string { m, _ := filepath.Glob(started + ".*"); return m }).Should(HaveLen(1))
		return sess, func() { Expect(os.WriteFile(gate, nil, 0o600)).To(Succeed()) }
	}

	It("skip: the second run is recorded as SKIPPED and exits 7", func() {
		a, release := first("skip")
		b := s.run("run", "job", "--output", "json")
		Expect(b.ExitCode()).To(Equal(7))
		Expect(record(b).Status).To(Equal(result.Skipped))
		Expect(record(b).Reason).To(ContainSubstring("skip"))
		release()
		Eventually(a).Should(gexec.Exit(0))
		Expect(s.history("job", "--status", "SKIPPED")).To(HaveLen(1))
	})

	It("queue: the second run waits for the first, then runs", func() {
		a, release := first("queue")
		b := s.start("run", "job", "--output", "json")
		Consistently(b, "500ms").ShouldNot(gexec.Exit())
		release()
		Eventually(a).Should(gexec.Exit(0))
		Eventually(b).Should(gexec.Exit(0))
		ra, rb := record(a), record(b)
		Expect(rb.Attempts[0].Start).To(BeTemporally(">=", ra.Attempts[0].End))
	})

	It("parallel: both runs execute at the same time", func() {
		a, release := first("parallel")
		b := s.start("run", "job", "--output", "json")
		Eventually(func() []string { m, _ := filepath.Glob(filepath.Join(dir, "started.*")); return m }).Should(HaveLen(2))
		release()
		Eventually(a).Should(gexec.Exit(0))
		Eventually(b).Should(gexec.Exit(0))
	})

	It("stop-previous: the running one is stopped with its tree, the new one runs", func() {
		a, release := first("stop-previous")
		defer release()
		b := s.start("run", "job", "--output", "json")
		Eventually(a).WithTimeout(20 * time.Second).Should(gexec.Exit(130))
		Expect(record(a).Status).To(Equal(result.Stopped))
		release()
		Eventually(b).WithTimeout(20 * time.Second).Should(gexec.Exit(0))
		Expect(record(b).Status).To(Equal(result.Success))
	})
})

var _ = Describe("many tasks at once", func() {
	It("records 50 concurrent runs of different tasks with nothing lost or torn", func() {
		s := newStore()
		const n = 50
		for i := range n {
			name := fmt.Sprintf("t%02d", i)
			s.define(name, map[string]any{"name": name, "action": sh("echo " + name)})
		}
		var wg sync.WaitGroup
		codes := make([]int, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer GinkgoRecover()
				sess := s.run("run", fmt.Sprintf("t%02d", i))
				codes[i] = sess.ExitCode()
			}()
		}
		wg.Wait()
		Expect(codes).To(HaveEach(0))
		all := s.history("")
		Expect(all).To(HaveLen(n))
		seen := map[string]bool{}
		for _, r := range all {
			Expect(r.Status).To(Equal(result.Success))
			seen[r.Task] = true
		}
		Expect(seen).To(HaveLen(n))
	})
})

var _ = Describe("dependencies", func() {
	var s *store
	BeforeEach(func() { s = newStore() })

	It("runs when a TCP port and an HTTP endpoint are up, and another task succeeded recently", func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(ln.Close)
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				c.Close()
			}
		}()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(204) }))
		DeferCleanup(srv.Close)
		s.define("upstream", map[string]any{"name": "upstream", "action": sh("true")})
		Expect(s.run("run", "upstream").ExitCode()).To(Equal(0))

		s.define("downstream", map[string]any{"name": "downstream", "action": sh("echo ran"),
			"dependencies": map[string]any{"checks": []any{
				map[string]any{"type": "tcp", "address": ln.Addr().String()},
				map[string]any{"type": "http", "url": srv.URL, "expectStatus": []int{204}},
				map[string]any{"type": "task", "task": "upstream", "within": "1h"},
			}}})
		sess := s.run("run", "downstream", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
		r := record(sess)
		Expect(r.Dependencies).To(HaveLen(3))
		for _, d := range r.Dependencies {
			Expect(d.Met).To(BeTrue(), d.Reason)
		}
	})

	It("skips with every reason when dependencies are unmet, and 'check' agrees", func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		closed := ln.Addr().String()
		ln.Close()
		missing := filepath.Join(GinkgoT().TempDir(), "absent.flag")
		s.define("blocked", map[string]any{"name": "blocked", "action": sh("echo should not run"),
			"dependencies": map[string]any{"policy": "skip", "checks": []any{
				map[string]any{"type": "tcp", "address": closed, "timeout": "2s"},
				map[string]any{"type": "path", "path": missing},
			}}})
		sess := s.run("run", "blocked", "--output", "json")
		Expect(sess.ExitCode()).To(Equal(6))
		r := record(sess)
		Expect(r.Status).To(Equal(result.Skipped))
		Expect(r.Attempts).To(BeEmpty())
		Expect(r.Reason).To(ContainSubstring(closed))
		Expect(r.Reason).To(ContainSubstring("absent.flag"))

		chk := s.run("check", "blocked", "--output", "json")
		Expect(chk.ExitCode()).To(Equal(6))
		Expect(string(chk.Out.Contents())).To(ContainSubstring(`"met":false`))
	})
})
