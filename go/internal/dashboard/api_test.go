package dashboard_test

import (
	"fmt"
	"net/http"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

var _ = Describe("the read API", func() {
	var e *env
	t0 := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)

	BeforeEach(func() {
		e = newEnv(dashboard.Options{})
		e.defineTask("backup", "/bin/echo", "a b")
		e.define("broken", `{"name":"broken","action":{}}`)
		for i := range 5 {
			e.record("backup", fmt.Sprintf("run-%d", i), result.Success, t0.Add(time.Duration(i)*time.Hour), fmt.Sprintf("out %d\n", i))
		}
	})

	Describe("GET /api/v1/tasks", func() {
		It("lists every task under Get-OrcTask's property names, with its last run", func() {
			r := e.get("/api/v1/tasks")
			Expect(r.status).To(Equal(http.StatusOK))
			var tasks []map[string]any
			Expect(jsonUnmarshal(r.body, &tasks)).To(Succeed())
			Expect(tasks).To(HaveLen(2))
			b := tasks[0]
			Expect(b).To(HaveKeyWithValue("Name", "backup"))
			Expect(b).To(HaveKeyWithValue("Enabled", true))
			Expect(b).To(HaveKeyWithValue("Schedule", "0 3 * * *"))
			Expect(b).To(HaveKeyWithValue("Command", "/bin/echo"))
			Expect(b).To(HaveKeyWithValue("Arguments", []any{"a b"}))
			Expect(b).To(HaveKeyWithValue("LastStatus", "SUCCESS"))
			Expect(b).To(HaveKey("NextRunTime"))
			Expect(b).To(HaveKeyWithValue("Running", false))
			last := b["LastResult"].(map[string]any)
			Expect(last).To(HaveKeyWithValue("RunId", "run-4"))
			Expect(last).To(HaveKeyWithValue("Duration", "1.5s"))
			Expect(b).NotTo(HaveKey("Definition"), "the list stays small; GET /tasks/{name} has the definition")
		})

		It("says each schedule in words beside its cron expression", func() {
			e.define("weekdays", `{"name":"weekdays","action":{"command":"/bin/true"},"schedule":{"cron":"30 2 * * 1-5"}}`)
			e.define("odd", `{"name":"odd","action":{"command":"/bin/true"},"schedule":{"cron":"*/7 * * * *"}}`)
			e.define("hourly", `{"name":"hourly","action":{"command":"/bin/true"},"schedule":{"interval":"1h"}}`)
			words := map[string]string{}
			var tasks []map[string]any
			Expect(jsonUnmarshal(e.get("/api/v1/tasks").body, &tasks)).To(Succeed())
			for _, t := range tasks {
				w, _ := t["ScheduleText"].(string)
				words[t["Name"].(string)] = w
			}
			Expect(words).To(HaveKeyWithValue("weekdays", "weekly on Mon-Fri at 02:30"))
			Expect(words["odd"]).To(Equal("daily at 00:00, then every 1h for 23h30m (24 starts); daily at 00:07, then every 1h for 23h30m (24 starts); and 7 more triggers"))
			Expect(words).To(HaveKeyWithValue("hourly", "every 1h"))
			page := e.get("/").body
			Expect(page).To(ContainSubstring("weekly on Mon-Fri at 02:30"))
		})

		It("shows no next run for a disabled task", func() {
			e.define("off", `{"name":"off","enabled":false,"action":{"command":"/bin/true"},"schedule":{"cron":"0 3 * * *"}}`)
			var tasks []map[string]any
			Expect(jsonUnmarshal(e.get("/api/v1/tasks").body, &tasks)).To(Succeed())
			for _, t := range tasks {
				if t["Name"] == "off" {
					Expect(t).NotTo(HaveKey("NextRunTime"))
					return
				}
			}
			Fail("task off not listed")
		})

		It("lists a definition that does not validate with its error, as INVALID", func() {
			var tasks []map[string]any
			Expect(jsonUnmarshal(e.get("/api/v1/tasks").body, &tasks)).To(Succeed())
			Expect(tasks[1]).To(HaveKeyWithValue("Name", "broken"))
			Expect(tasks[1]).To(HaveKeyWithValue("Valid", false))
			Expect(tasks[1]).To(HaveKeyWithValue("LastStatus", "INVALID"))
			Expect(tasks[1]["Error"]).To(ContainSubstring("action.command"))
		})
	})

	Describe("GET /api/v1/tasks/{name}", func() {
		It("returns the task with its definition", func() {
			r := e.get("/api/v1/tasks/backup")
			Expect(r.status).To(Equal(http.StatusOK))
			Expect(r.json()["Definition"]).To(HaveKeyWithValue("name", "backup"))
		})

		It("answers an unknown task with 404 Orc.TaskNotFound", func() {
			r := e.get("/api/v1/tasks/nope")
			Expect(r.status).To(Equal(http.StatusNotFound))
			Expect(r.apiError()).To(HaveKeyWithValue("code", "Orc.TaskNotFound"))
			Expect(r.apiError()).To(HaveKey("fix"))
		})
	})

	Describe("GET /api/v1/tasks/{name}/history", func() {
		It("pages the runs newest first", func() {
			r := e.get("/api/v1/tasks/backup/history?limit=2")
			Expect(r.status).To(Equal(http.StatusOK))
			runs := r.json()["Runs"].([]any)
			Expect(runs).To(HaveLen(2))
			Expect(runs[0]).To(HaveKeyWithValue("RunId", "run-4"))
			Expect(runs[1]).To(HaveKeyWithValue("RunId", "run-3"))
			next := r.json()["Next"].(string)

			r = e.get("/api/v1/tasks/backup/history?limit=2&before=" + next)
			runs = r.json()["Runs"].([]any)
			Expect(runs[0]).To(HaveKeyWithValue("RunId", "run-2"))
			Expect(runs[1]).To(HaveKeyWithValue("RunId", "run-1"))

			r = e.get("/api/v1/tasks/backup/history?limit=2&before=4")
			Expect(r.json()["Runs"]).To(HaveLen(1))
			Expect(r.json()).NotTo(HaveKey("Next"), "the last page has no next")
		})

		It("returns the output tail of each run", func() {
			runs := e.get("/api/v1/tasks/backup/history").json()["Runs"].([]any)
			Expect(runs[0]).To(HaveKeyWithValue("OutputTail", "out 4\n"))
		})
	})

	Describe("GET /api/v1/tasks/{name}/runs/{runId}/output", func() {
		It("returns the end of a run's captured output", func() {
			dir, err := e.store.EnsureRunDir("backup")
			Expect(err).NotTo(HaveOccurred())
			f, _ := e.store.OutputFile("backup", "run-4")
			Expect(writeFile(f, "line 1\nline 2\n")).To(Succeed())
			_ = dir
			r := e.get("/api/v1/tasks/backup/runs/run-4/output")
			Expect(r.status).To(Equal(http.StatusOK))
			Expect(r.json()).To(HaveKeyWithValue("OutputTail", "line 1\nline 2\n"))
			Expect(r.json()).To(HaveKeyWithValue("Truncated", false))
		})

		It("answers a run without output with 404", func() {
			Expect(e.get("/api/v1/tasks/backup/runs/run-9/output").status).To(Equal(http.StatusNotFound))
		})
	})

	Describe("GET /api/v1/scheduler", func() {
		It("shows the backend, the store and its security check, and the counts", func() {
			m := e.get("/api/v1/scheduler").json()
			Expect(m).To(HaveKeyWithValue("StorePath", e.store.Home))
			Expect(m).To(HaveKeyWithValue("StoreSecure", true))
			Expect(m).To(HaveKeyWithValue("TasksDefined", 2.0))
			Expect(m).To(HaveKeyWithValue("OutboxBacklog", 0.0))
			Expect(m).To(HaveKeyWithValue("CanChange", false), "no module, no changes")
			Expect(m).To(HaveKeyWithValue("CsrfToken", e.csrf))
			Expect(m).To(HaveKey("Backend"))
		})
	})

	Describe("GET /api/v1/cron/explain", func() {
		It("explains the expression in words with its next start times", func() {
			r := e.get("/api/v1/cron/explain?expr=0+9+*+*+1-5&tz=UTC&next=10")
			Expect(r.status).To(Equal(http.StatusOK))
			Expect(r.json()["Explain"]).To(ContainElement("weekly on Mon-Fri at 09:00"))
			Expect(r.json()["Next"]).To(HaveLen(10))
		})

		DescribeTable("refuses a bad query with 400 naming the field",
			func(query, field string) {
				r := e.get("/api/v1/cron/explain?" + query)
				Expect(r.status).To(Equal(http.StatusBadRequest))
				Expect(r.apiError()).To(HaveKeyWithValue("field", field))
			},
			Entry("no expression", "", "expr"),
			Entry("not cron", "expr=every+day", "schedule.cron"),
			Entry("a zone that does not exist", "expr=0+9+*+*+*&tz=Mars/Base", "tz"),
			Entry("too many times", "expr=0+9+*+*+*&next=5000", "next"),
		)
	})
})
