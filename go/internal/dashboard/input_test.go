package dashboard_test

import (
	"net/http"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
)

var _ = Describe("bad input to the API", func() {
	var e *env
	var before []string

	BeforeEach(func() {
		e = newEnv(dashboard.Options{})
		e.defineTask("keep", "/bin/true")
		before = e.snapshot()
	})
	AfterEach(func() {
		Expect(e.snapshot()).To(Equal(before), "a refused request changed the store")
	})

	DescribeTable("a definition that does not validate gets 4xx naming the field, as 'orc-exec validate' does",
		func(method, path, body string, status int, field string) {
			r := e.change(method, path, body)
			Expect(r.status).To(Equal(status), string(r.body))
			er := r.apiError()
			Expect(er["code"]).To(HavePrefix("Orc."))
			Expect(er).To(HaveKeyWithValue("field", field))
			Expect(er["message"]).NotTo(BeEmpty())
		},
		Entry("an unknown field", "POST", "/api/v1/tasks", `{"name":"n1","action":{"command":"/bin/true"},"actoin":1}`, 422, "actoin"),
		Entry("a wrong type", "POST", "/api/v1/tasks", `{"name":"n1","enabled":"yes","action":{"command":"/bin/true"}}`, 422, "enabled"),
		Entry("a missing command", "POST", "/api/v1/tasks", `{"name":"n1","action":{}}`, 422, "action.command"),
		Entry("a bad cron", "POST", "/api/v1/tasks", `{"name":"n1","schedule":{"cron":"61 * * * *"},"action":{"command":"/bin/true"}}`, 422, "schedule.cron"),
		Entry("a name with a path in it", "POST", "/api/v1/tasks", `{"name":"../../etc/passwd","action":{"command":"/bin/true"}}`, 422, "name"),
		Entry("an existing task created again", "POST", "/api/v1/tasks", `{"name":"keep","action":{"command":"/bin/true"}}`, 409, "name"),
		Entry("a rename through PUT", "PUT", "/api/v1/tasks/keep", `{"name":"other","action":{"command":"/bin/true"}}`, 422, "name"),
		Entry("an update of a task that does not exist", "PUT", "/api/v1/tasks/ghost", `{"name":"ghost","action":{"command":"/bin/true"}}`, 404, "name"),
		Entry("an unknown action", "POST", "/api/v1/tasks/keep/explode", ``, 404, "action"),
		Entry("an action on a task that does not exist", "POST", "/api/v1/tasks/ghost/run", ``, 404, "name"),
	)

	DescribeTable("a body that is not a definition at all gets 4xx",
		func(body string, status int) {
			r := e.change("POST", "/api/v1/tasks", body)
			Expect(r.status).To(Equal(status), string(r.body))
			Expect(r.apiError()["code"]).To(HavePrefix("Orc."))
		},
		Entry("empty", "", 400),
		Entry("not JSON", "name=x", 422),
		Entry("an array", "[1,2]", 422),
		Entry("truncated", `{"name":"n1",`, 422),
		Entry("larger than 1 MiB", `{"name":"n1","description":"`+strings.Repeat("x", 2<<20)+`"}`, 413),
	)

	DescribeTable("a name or run ID that would leave the store gets 4xx",
		func(method, path string) {
			r := e.change(method, path, "")
			Expect(r.status).To(BeNumerically(">=", 400), string(r.body))
			Expect(r.status).To(BeNumerically("<", 500), string(r.body))
		},
		Entry(nil, "GET", "/api/v1/tasks/..%2F..%2Fetc%2Fpasswd"),
		Entry(nil, "GET", "/api/v1/tasks/..%5C..%5Cwindows"),
		Entry(nil, "GET", "/api/v1/tasks/a%00b"),
		Entry(nil, "GET", "/api/v1/tasks/keep/history?limit=abc"),
		Entry(nil, "GET", "/api/v1/tasks/keep/history?limit=100000"),
		Entry(nil, "GET", "/api/v1/tasks/keep/history?before=-1"),
		Entry(nil, "GET", "/api/v1/tasks/keep/history?before=9223372036854775807"),
		Entry(nil, "GET", "/api/v1/tasks/..%2Fx/history"),
		Entry(nil, "GET", "/api/v1/tasks/keep/runs/..%2F..%2Ftasks%2Fkeep/output"),
		Entry(nil, "DELETE", "/api/v1/tasks/..%2Fkeep"),
		Entry(nil, "POST", "/api/v1/tasks/..%2Fkeep/run"),
		Entry(nil, "PATCH", "/api/v1/tasks/keep"),
	)

	It("checks a definition without saving it at POST /api/v1/validate", func() {
		r := e.change("POST", "/api/v1/validate", `{"name":"fine","action":{"command":"/bin/true"}}`)
		Expect(r.status).To(Equal(http.StatusOK))
		Expect(r.json()).To(HaveKeyWithValue("Valid", true))
		r = e.change("POST", "/api/v1/validate", `{"name":"fine","timeout":"forever","action":{"command":"/bin/true"}}`)
		Expect(r.status).To(Equal(http.StatusUnprocessableEntity))
		Expect(r.apiError()).To(HaveKeyWithValue("field", "timeout"))
		Expect(r.apiError()["errors"]).To(HaveLen(1))
	})

	It("refuses a valid change with 403 Orc.ReadOnly when no module was given, naming the fix", func() {
		r := e.change("POST", "/api/v1/tasks", `{"name":"n2","action":{"command":"/bin/true"}}`)
		Expect(r.status).To(Equal(http.StatusForbidden))
		Expect(r.apiError()).To(HaveKeyWithValue("code", "Orc.ReadOnly"))
		Expect(r.apiError()["fix"]).To(ContainSubstring("Start-OrcDashboard"))
	})
})
