//go:build linux || windows

package e2e_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// Shared by Linux and Windows (see helper_test.go).
var _ = Describe("many tasks at once", func() {
	It("records 50 concurrent runs of different tasks with nothing lost or torn", func() {
		s := newStore()
		const n = 50
		for i := range n {
			name := fmt.Sprintf("t%02d", i)
			s.define(name, map[string]any{"name": name, "action": helper("print", "", codeEnv, "0")})
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
		s.define("upstream", map[string]any{"name": "upstream", "action": helper("print", "", codeEnv, "0")})
		Expect(s.run("run", "upstream").ExitCode()).To(Equal(0))

		s.define("downstream", map[string]any{"name": "downstream", "action": helper("print", "", codeEnv, "0"),
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
		missing := filepath.Join(testutil.TempDir(), "absent.flag")
		s.define("blocked", map[string]any{"name": "blocked", "action": helper("print", "", codeEnv, "0"),
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
