package heartbeat_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/heartbeat"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

const secret = "0f6ae5a4-1d6e-4e4b-9b1c-3f1b2a8f9c01"

// monitor is a real HTTP server that records every ping it gets.
type monitor struct {
	*httptest.Server
	mu    sync.Mutex
	pings []string // "METHOD path?query body"
}

func newMonitor(handler func(w http.ResponseWriter, r *http.Request)) *monitor {
	m := &monitor{}
	m.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		m.mu.Lock()
		p := r.Method + " " + r.URL.RequestURI()
		if len(body) > 0 {
			p += " " + string(body)
		}
		m.pings = append(m.pings, p)
		m.mu.Unlock()
		if handler != nil {
			handler(w, r)
		}
	}))
	DeferCleanup(m.Close)
	return m
}

func (m *monitor) seen() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.pings...)
}

func run(p *heartbeat.Pinger, st result.Status, reason string) {
	p.Start(context.Background())
	p.Finish(context.Background(), result.Record{Status: st, Reason: reason})
}

var _ = Describe("Pinger", func() {
	var logs *bytes.Buffer
	var log zerolog.Logger
	BeforeEach(func() {
		logs = &bytes.Buffer{}
		log = zerolog.New(io.MultiWriter(logs, GinkgoWriter)).Level(zerolog.DebugLevel)
	})

	It("is nil, and does nothing, for a task without a heartbeat", func() {
		p := heartbeat.New(nil, log)
		Expect(p).To(BeNil())
		run(p, result.Success, "")
	})

	DescribeTable("pings /start, then the outcome's URL, in that order",
		func(st result.Status, want []string) {
			m := newMonitor(nil)
			run(heartbeat.New(&definition.Heartbeat{URL: m.URL + "/ping/" + secret}, log), st, "why")
			Expect(m.seen()).To(Equal(want))
		},
		Entry("SUCCESS: the URL itself", result.Success, []string{"GET /ping/" + secret + "/start", "GET /ping/" + secret}),
		Entry("FAILED: /fail", result.Failed, []string{"GET /ping/" + secret + "/start", "GET /ping/" + secret + "/fail"}),
		Entry("TIMEOUT: /fail", result.Timeout, []string{"GET /ping/" + secret + "/start", "GET /ping/" + secret + "/fail"}),
		Entry("STOPPED: /fail", result.Stopped, []string{"GET /ping/" + secret + "/start", "GET /ping/" + secret + "/fail"}),
		Entry("ERROR: /fail", result.Error, []string{"GET /ping/" + secret + "/start", "GET /ping/" + secret + "/fail"}),
		Entry("SKIPPED: no end ping (the job did not run)", result.Skipped, []string{"GET /ping/" + secret + "/start"}),
	)

	It("sends only the end ping for a run that fails before its command starts", func() {
		m := newMonitor(nil)
		heartbeat.New(&definition.Heartbeat{URL: m.URL + "/p"}, log).Finish(context.Background(), result.Record{Status: result.Error})
		Expect(m.seen()).To(Equal([]string{"GET /p/fail"}))
	})

	It("uses custom suffixes, POST with the status and reason as body, and keeps a query string last", func() {
		m := newMonitor(nil)
		p := heartbeat.New(&definition.Heartbeat{URL: m.URL + "/p/?rid=1", Method: "POST",
			StartSuffix: "/begin", FailSuffix: "/bad"}, log)
		run(p, result.Failed, "exit code 3")
		Expect(m.seen()).To(Equal([]string{"POST /p/begin?rid=1", "POST /p/bad?rid=1 FAILED: exit code 3"}))
	})

	It("still sends the end ping when the run's context was cancelled (a stopped run)", func() {
		m := newMonitor(nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		heartbeat.New(&definition.Heartbeat{URL: m.URL + "/p"}, log).Finish(ctx, result.Record{Status: result.Stopped})
		Expect(m.seen()).To(Equal([]string{"GET /p/fail"}))
	})

	It("logs nothing from its own goroutine, so the run may log while a ping is in flight (checked by -race)", func() {
		release := make(chan struct{})
		arrived := make(chan struct{}, 1)
		m := newMonitor(func(http.ResponseWriter, *http.Request) {
			select {
			case arrived <- struct{}{}:
				<-release
			default:
			}
		})
		p := heartbeat.New(&definition.Heartbeat{URL: m.URL + "/p"}, log)
		p.Start(context.Background())
		Eventually(arrived).Should(Receive())
		close(release)
		for i := range 50 {
			log.Info().Int("line", i).Msg("the run goes on")
		}
		p.Finish(context.Background(), result.Record{Status: result.Success})
		Expect(logs.String()).To(ContainSubstring(`"ping":"start"`))
	})

	Context("when the monitor hangs", func() {
		It("does not hold up the start at all, and the end for at most twice the timeout", func() {
			release := make(chan struct{})
			arrived := make(chan struct{}, 4)
			m := newMonitor(func(http.ResponseWriter, *http.Request) {
				arrived <- struct{}{}
				<-release
			})
			DeferCleanup(func() { close(release) })
			timeout := 300 * time.Millisecond
			p := heartbeat.New(&definition.Heartbeat{URL: m.URL + "/p/" + secret, Timeout: definition.Duration(timeout)}, log)

			began := time.Now()
			p.Start(context.Background())
			Expect(time.Since(began)).To(BeNumerically("<", 50*time.Millisecond), "Start only hands the ping off")
			Eventually(arrived).Should(Receive(), "the start ping reached the server and hangs there")

			began = time.Now()
			p.Finish(context.Background(), result.Record{Status: result.Success})
			Expect(time.Since(began)).To(BeNumerically("<", 2*timeout+500*time.Millisecond))
			Expect(logs.String()).To(ContainSubstring("Heartbeat ping failed"))
			Expect(logs.String()).NotTo(ContainSubstring(secret), "the URL is a secret")
		})
	})

	Context("when the monitor is down or answers with an error", func() {
		It("logs a warning without the URL and returns", func() {
			m := newMonitor(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNotFound) })
			run(heartbeat.New(&definition.Heartbeat{URL: m.URL + "/p/" + secret}, log), result.Success, "")
			down := httptest.NewServer(http.NotFoundHandler())
			down.Close()
			run(heartbeat.New(&definition.Heartbeat{URL: down.URL + "/p/" + secret}, log), result.Failed, "")
			Expect(logs.String()).To(ContainSubstring(`"httpStatus":404`))
			Expect(logs.String()).To(ContainSubstring("Heartbeat ping failed"))
			Expect(logs.String()).NotTo(ContainSubstring(secret))
		})
	})
})
