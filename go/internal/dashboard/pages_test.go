package dashboard_test

import (
	"fmt"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

var _ = Describe("the pages", func() {
	var e *env
	BeforeEach(func() {
		e = newEnv(dashboard.Options{})
		e.defineTask("alpha", "/bin/echo", "<script>alert(1)</script>")
		e.record("alpha", "run-1", result.Failed, time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC), "boom\n")
	})

	// The browser tests (docs/dashboard.md) find elements by these; a
	// renamed test ID breaks them, so each page's set is pinned here.
	DescribeTable("carry the DOM contract's test IDs",
		func(path string, ids ...string) {
			r := e.get(path)
			Expect(r.status).To(Equal(http.StatusOK))
			for _, id := range ids {
				Expect(string(r.body)).To(ContainSubstring(`data-testid="`+id+`"`), path)
			}
		},
		Entry("the list", "/", "task-list", "task-row", "task-status", "task-filter", "action-result", "confirm-yes"),
		Entry("a task", "/tasks/alpha", "task-form", "save", "run-now", "stop", "enable", "disable", "delete", "confirm-yes", "history-row", "output-tail", "task-status", "action-result"),
		Entry("the create form", "/tasks/new", "task-form", "save"),
		Entry("the scheduler", "/scheduler", "scheduler-status"),
	)

	It("renders the first 50 rows of a long list and leaves the rest to the script, so it paints at once", func() {
		for i := range 150 {
			e.defineTask(fmt.Sprintf("t%03d", i), "/bin/true")
		}
		page := string(e.get("/").body)
		Expect(strings.Count(page, `data-testid="task-row"`)).To(Equal(50))
		Expect(page).To(ContainSubstring(`data-partial="151"`), "the tbody says how many tasks there are in all")
		Expect(page).To(ContainSubstring(`50 of 151 tasks`))
		Expect(strings.Count(string(e.get("/api/v1/tasks").body), `"Name":`)).To(Equal(151), "the script loads every task from the API")
	})

	It("names each row after its task", func() {
		Expect(string(e.get("/").body)).To(ContainSubstring(`data-testid="task-row" data-task="alpha"`))
	})

	It("shows the notifications sent for the task's failure episode", func() {
		Expect(notify.SaveIncident(notify.PathsOf(e.store), notify.Incident{Task: "alpha", Open: true, Since: time.Date(2026, 11, 30, 8, 0, 1, 0, time.UTC),
			Failures: 3, LastStatus: result.Failed, Notified: true, Notices: 2, LastNotified: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)})).To(Succeed())
		Expect(string(e.get("/tasks/alpha").body)).To(MatchRegexp(`data-testid="notifications-sent">Failing since .* \(3 unsuccessful runs, last FAILED\):\s+2 alert\(s\) and reminder\(s\) sent, the last at`))
	})

	It("escapes what a definition holds", func() {
		body := string(e.get("/tasks/alpha").body)
		Expect(body).NotTo(ContainSubstring("<script>alert(1)</script>"))
		Expect(body).To(ContainSubstring("&lt;script&gt;alert(1)&lt;/script&gt;"))
	})

	It("answers the browser's favicon request without an error", func() {
		Expect(e.get("/favicon.ico").status).To(Equal(http.StatusNoContent))
	})

	It("keeps hidden elements hidden whatever the form styles say", func() {
		css := string(e.get("/assets/app.css").body)
		Expect(css).To(HavePrefix("[hidden]{display:none !important}"))
	})

	It("answers a task that does not exist with 404", func() {
		Expect(e.get("/tasks/ghost").status).To(Equal(http.StatusNotFound))
	})

	It("serves the embedded script and style with their types", func() {
		Expect(e.get("/assets/app.js").header.Get("Content-Type")).To(HavePrefix("text/javascript"))
		Expect(e.get("/assets/app.css").header.Get("Content-Type")).To(HavePrefix("text/css"))
		Expect(e.get("/assets/list.html").status).To(Equal(http.StatusNotFound), "templates are not assets")
	})

	It("has no inline script, inline style or third-party origin anywhere (the CSP would block them)", func() {
		inline := regexp.MustCompile(`<script(?:\s+[^>]*)?>\s*[^<\s]|\sstyle=|\son[a-z]+=|javascript:`)
		third := regexp.MustCompile(`(?:src|href)="(?:https?:)?//`)
		for _, path := range []string{"/", "/tasks/alpha", "/tasks/new", "/scheduler"} {
			body := e.get(path).body
			Expect(inline.Find(body)).To(BeNil(), path)
			Expect(third.Find(body)).To(BeNil(), path)
		}
		Expect(fs.WalkDir(dashboard.Assets(), ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
				b, _ := fs.ReadFile(dashboard.Assets(), p)
				Expect(inline.Find(b)).To(BeNil(), p)
			}
			return err
		})).To(Succeed())
	})
})
