package dashboard_test

import (
	"net/http"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
)

var _ = Describe("the dashboard's security checks", func() {
	Context("on every response", func() {
		It("sets a strict Content-Security-Policy and the other protective headers", func() {
			e := newEnv(dashboard.Options{})
			for _, path := range []string{"/", "/api/v1/tasks", "/assets/app.js", "/api/v1/nope"} {
				h := e.get(path).header
				Expect(h.Get("Content-Security-Policy")).To(ContainSubstring("default-src 'self'"), path)
				Expect(h.Get("Content-Security-Policy")).To(ContainSubstring("frame-ancestors 'none'"), path)
				Expect(h.Get("Content-Security-Policy")).NotTo(ContainSubstring("unsafe-inline"), path)
				Expect(h.Get("X-Content-Type-Options")).To(Equal("nosniff"), path)
			}
		})
	})

	Context("when a change comes without the CSRF token or from another site", func() {
		DescribeTable("it is refused with 403 Orc.CsrfRejected and changes nothing",
			func(header ...string) {
				e := newEnv(dashboard.Options{})
				e.defineTask("keep", "/bin/true")
				before := e.snapshot()
				for _, req := range [][2]string{{http.MethodPost, "/api/v1/tasks"}, {http.MethodPut, "/api/v1/tasks/keep"}, {http.MethodDelete, "/api/v1/tasks/keep"}, {http.MethodPost, "/api/v1/tasks/keep/run"}} {
					r := e.do(req[0], req[1], `{"name":"keep","action":{"command":"/bin/false"}}`, header...)
					Expect(r.status).To(Equal(http.StatusForbidden), req[0]+" "+req[1])
					Expect(r.apiError()).To(HaveKeyWithValue("code", "Orc.CsrfRejected"))
				}
				Expect(e.snapshot()).To(Equal(before))
			},
			Entry("no token", "Sec-Fetch-Site", "same-origin"),
			Entry("a wrong token", "X-CSRF-Token", "0000"),
			Entry("a cross-site request with the token", "X-CSRF-Token", "<csrf>", "Sec-Fetch-Site", "cross-site"),
			Entry("another origin with the token", "X-CSRF-Token", "<csrf>", "Origin", "http://evil.example"),
		)
	})

	Context("when no token is configured", func() {
		DescribeTable("it answers only requests addressed to a loopback name, against DNS rebinding",
			func(host string, status int) {
				e := newEnv(dashboard.Options{})
				req, err := http.NewRequest(http.MethodGet, e.http.URL+"/api/v1/tasks", nil)
				Expect(err).NotTo(HaveOccurred())
				req.Host = host
				res, err := e.http.Client().Do(req)
				Expect(err).NotTo(HaveOccurred())
				res.Body.Close()
				Expect(res.StatusCode).To(Equal(status))
			},
			Entry(nil, "127.0.0.1:8080", http.StatusOK),
			Entry(nil, "localhost:8080", http.StatusOK),
			Entry(nil, "[::1]:8080", http.StatusOK),
			Entry(nil, "evil.example:8080", http.StatusForbidden),
			Entry(nil, "127.0.0.1.evil.example", http.StatusForbidden),
			Entry(nil, "192.168.1.2:8080", http.StatusForbidden),
		)
	})

	Context("when the dashboard is read-only", func() {
		It("refuses every change with 403 Orc.ReadOnly, and reads still work", func() {
			e := newEnv(dashboard.Options{ReadOnly: true})
			e.defineTask("keep", "/bin/true")
			before := e.snapshot()
			for _, req := range [][2]string{{http.MethodPost, "/api/v1/tasks"}, {http.MethodDelete, "/api/v1/tasks/keep"}, {http.MethodPost, "/api/v1/tasks/keep/enable"}} {
				r := e.change(req[0], req[1], `{"name":"new","action":{"command":"/bin/true"}}`)
				Expect(r.status).To(Equal(http.StatusForbidden))
				Expect(r.apiError()).To(HaveKeyWithValue("code", "Orc.ReadOnly"))
			}
			Expect(e.snapshot()).To(Equal(before))
			Expect(e.get("/api/v1/tasks").status).To(Equal(http.StatusOK))
		})
	})

	Context("when a token is configured", func() {
		var e *env
		BeforeEach(func() { e = newEnv(dashboard.Options{Token: "s3cret-token"}) })

		It("refuses a request without it with 401", func() {
			r := e.get("/api/v1/tasks")
			Expect(r.status).To(Equal(http.StatusUnauthorized))
			Expect(r.apiError()).To(HaveKeyWithValue("code", "Orc.Unauthorized"))
			Expect(e.do(http.MethodGet, "/api/v1/tasks", "", "Authorization", "Bearer wrong").status).To(Equal(http.StatusUnauthorized))
		})

		It("accepts the bearer token", func() {
			Expect(e.do(http.MethodGet, "/api/v1/tasks", "", "Authorization", "Bearer s3cret-token").status).To(Equal(http.StatusOK))
		})

		It("turns ?token= into a session cookie that later requests use", func() {
			r := e.get("/?token=s3cret-token")
			Expect(r.status).To(Equal(http.StatusOK))
			cookie := r.header.Get("Set-Cookie")
			Expect(cookie).To(ContainSubstring("HttpOnly"))
			Expect(cookie).To(ContainSubstring("SameSite=Strict"))
			Expect(e.do(http.MethodGet, "/api/v1/tasks", "", "Cookie", strings.Split(cookie, ";")[0]).status).To(Equal(http.StatusOK))
		})
	})

	Describe("IsLoopback", func() {
		DescribeTable("tells loopback listen addresses from the rest",
			func(addr string, want bool) { Expect(dashboard.IsLoopback(addr)).To(Equal(want)) },
			Entry(nil, "127.0.0.1:0", true),
			Entry(nil, "[::1]:8080", true),
			Entry(nil, "localhost:8080", true),
			Entry(nil, "0.0.0.0:8080", false),
			Entry(nil, ":8080", false),
			Entry(nil, "192.168.1.5:80", false),
			Entry(nil, "[::]:80", false),
			Entry(nil, "nonsense", false),
		)
	})
})
