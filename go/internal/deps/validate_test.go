package deps_test

import (
	"errors"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/deps"
)

var _ = Describe("ValidateCheck", func() {
	DescribeTable("when the check is valid",
		func(c definition.Check) { Expect(deps.ValidateCheck(c)).To(Succeed()) },
		Entry("task", definition.Check{Type: "task", Task: "db-export", Within: dur(12 * time.Hour)}),
		Entry("tcp", definition.Check{Type: "tcp", Address: "db:5432"}),
		Entry("tcp IPv6", definition.Check{Type: "tcp", Address: "[::1]:5432"}),
		Entry("http", definition.Check{Type: "http", URL: "https://app/health", ExpectStatus: []int{200, 401}}),
		Entry("dns", definition.Check{Type: "dns", Host: "db.example.com"}),
		Entry("path", definition.Check{Type: "path", Path: `D:\exports\today.csv`, MaxAge: dur(time.Hour)}),
		Entry("service", definition.Check{Type: "service", Service: "MSSQLSERVER"}),
		Entry("process", definition.Check{Type: "process", Process: "sqlservr.exe"}),
		Entry("interface", definition.Check{Type: "interface", Interface: "VPN"}),
		Entry("command", definition.Check{Type: "command", Command: `C:\ready.exe`, Arguments: []string{"-q"}, Timeout: dur(time.Second)}),
	)

	DescribeTable("when a field is wrong",
		func(c definition.Check, want string) {
			Expect(deps.ValidateCheck(c)).To(MatchError(want))
		},
		Entry("tcp without a port", definition.Check{Type: "tcp", Address: "db"},
			`address: "db" has no port; use host:port, e.g. "db:5432"`),
		Entry("tcp without a host", definition.Check{Type: "tcp", Address: ":5432"},
			`address: ":5432" has no host; use host:port, e.g. "db:5432"`),
		Entry("tcp with a bad port", definition.Check{Type: "tcp", Address: "db:99999"},
			`address: port "99999" is not a number from 1 to 65535`),
		Entry("missing target", definition.Check{Type: "task"},
			`task: required for type "task", e.g. "db-export"`),
		Entry("http with another scheme", definition.Check{Type: "http", URL: "ftp://x/"},
			`url: "ftp://x/" must start with http:// or https://`),
		Entry("http with a bad status", definition.Check{Type: "http", URL: "http://x/", ExpectStatus: []int{200, 42}},
			`expectStatus[1]: 42 is not an HTTP status; use 100-599`),
		Entry("dns given a URL", definition.Check{Type: "dns", Host: "https://db.example.com/"},
			`host: "https://db.example.com/" is a URL; give only the host name, e.g. "db.example.com"`),
		Entry("process given a path", definition.Check{Type: "process", Process: `C:\x\sqlservr.exe`},
			`process: "C:\\x\\sqlservr.exe" is a path; give the image name only, e.g. "sqlservr.exe"`),
		Entry("unknown type", definition.Check{Type: "ftp"},
			`type: "ftp" is not a check type; use one of task, tcp, http, dns, path, service, process, interface, command`),
		Entry("a field of another type", definition.Check{Type: "tcp", Address: "db:1", URL: "http://db/"},
			`url: does not apply to type "tcp"`),
	)

	Context("when several fields are wrong", func() {
		It("reports each as a FieldError", func() {
			err := deps.ValidateCheck(definition.Check{Type: "path", MaxAge: dur(time.Hour), Host: "x"})
			var fe *deps.FieldError
			Expect(errors.As(err, &fe)).To(BeTrue())
			Expect(fe.Field).To(Equal("path"))
			Expect(err.Error()).To(ContainSubstring(`host: does not apply to type "path"`))
		})
	})
})

var _ = Describe("ValidateDependencies", func() {
	Context("when a check is wrong", func() {
		It("prefixes the field with the check's index", func() {
			err := deps.ValidateDependencies(&definition.Dependencies{Checks: []definition.Check{
				{Type: "path", Path: "/x"}, {Type: "path", Path: "/y"}, {Type: "tcp", Address: "db"},
			}})
			Expect(err).To(MatchError(`checks[2].address: "db" has no port; use host:port, e.g. "db:5432"`))
		})
	})

	Context("when wait settings are given without policy wait", func() {
		It("says they only apply to wait", func() {
			err := deps.ValidateDependencies(&definition.Dependencies{Policy: "skip", WaitTimeout: dur(time.Minute)})
			Expect(err).To(MatchError(`waitTimeout: only applies to policy "wait"`))
		})
	})

	Context("when the recheck interval exceeds the wait timeout", func() {
		It("rejects it", func() {
			err := deps.ValidateDependencies(&definition.Dependencies{Policy: "wait", WaitTimeout: dur(time.Minute), RecheckInterval: dur(2 * time.Minute)})
			Expect(err).To(MatchError(`recheckInterval: 2m is longer than waitTimeout 1m, so it would never recheck`))
		})
	})

	Context("when the policy is unknown", func() {
		It("rejects it", func() {
			Expect(deps.ValidateDependencies(&definition.Dependencies{Policy: "retry"})).
				To(MatchError(`policy: "retry" is not a policy; use skip, fail or wait`))
		})
	})

	Context("when everything is valid or absent", func() {
		It("returns nil", func() {
			Expect(deps.ValidateDependencies(nil)).To(Succeed())
			Expect(deps.ValidateDependencies(&definition.Dependencies{Policy: "wait", WaitTimeout: dur(time.Minute),
				Checks: []definition.Check{{Type: "dns", Host: "localhost"}}})).To(Succeed())
		})
	})
})
