package dashboard_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
)

type received struct {
	event dashboard.Event
	at    time.Time
}

// subscribe reads /api/v1/events into a channel until the spec ends.
func (e *env) subscribe() <-chan received {
	ctx, cancel := context.WithCancel(context.Background())
	DeferCleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.http.URL+"/api/v1/events", nil)
	Expect(err).NotTo(HaveOccurred())
	res, err := e.http.Client().Do(req)
	Expect(err).NotTo(HaveOccurred())
	Expect(res.StatusCode).To(Equal(http.StatusOK))
	Expect(res.Header.Get("Content-Type")).To(Equal("text/event-stream"))
	out := make(chan received, 64)
	go func() {
		defer GinkgoRecover()
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			var ev dashboard.Event
			if json.Unmarshal([]byte(data), &ev) == nil {
				out <- received{ev, time.Now()}
			}
		}
	}()
	return out
}

var _ = Describe("live events at /api/v1/events", func() {
	It("delivers a real orc-exec run's start and end, each within a second of its record", func() {
		e := newEnv(dashboard.Options{})
		gate := filepath.Join(e.store.Home, "go")
		self, err := os.Executable()
		Expect(err).NotTo(HaveOccurred())
		def, _ := json.Marshal(map[string]any{"name": "live", "action": map[string]any{"command": self,
			"environment": map[string]string{"ORC_SPEC_WAIT_FOR": gate, "ORC_SPEC_AS_ORC_EXEC": "0"}}})
		e.define("live", string(def))

		ctx, cancel := context.WithCancel(context.Background())
		DeferCleanup(cancel)
		go e.srv.Watch(ctx)
		events := e.subscribe()

		run := exec.Command(self, "run", "live", "--home", e.store.Home)
		run.Env = append(os.Environ(), "ORC_SPEC_AS_ORC_EXEC=1")
		Expect(run.Start()).To(Succeed())
		DeferCleanup(func() { _ = run.Process.Kill(); _, _ = run.Process.Wait() })

		var start received
		Eventually(events).WithTimeout(20 * time.Second).Should(Receive(&start))
		Expect(start.event.Type).To(Equal("run"))
		Expect(start.event.Task).To(Equal("live"))
		Expect(start.event.Status).To(Equal("RUNNING"))
		Expect(start.at.Sub(*start.event.Start)).To(BeNumerically("<", time.Second), "start seen late")
		Expect(e.get("/api/v1/tasks/live").json()).To(HaveKeyWithValue("Running", true))

		Expect(os.WriteFile(gate, nil, 0o600)).To(Succeed())
		var end received
		Eventually(events).WithTimeout(20 * time.Second).Should(Receive(&end))
		Expect(end.event.Status).To(Equal("SUCCESS"))
		Expect(end.event.RunId).To(Equal(start.event.RunId))
		Expect(end.at.Sub(*end.event.End)).To(BeNumerically("<", time.Second), "end seen late")
		Expect(run.Wait()).To(Succeed())
		Expect(e.get("/api/v1/tasks/live").json()).To(HaveKeyWithValue("Running", false))
	})

	It("tells the pages when a definition changes", func() {
		e := newEnv(dashboard.Options{})
		ctx, cancel := context.WithCancel(context.Background())
		DeferCleanup(cancel)
		go e.srv.Watch(ctx)
		events := e.subscribe()
		// The watcher's first look is its baseline; a change after it is news.
		n := 0
		Eventually(func() int { n++; e.defineTask(fmt.Sprintf("added-%d", n), "/bin/true"); return len(events) }).WithTimeout(5 * time.Second).Should(BeNumerically(">", 0))
		var got received
		Expect(events).To(Receive(&got))
		Expect(got.event.Type).To(Equal("changed"))
	})
})
