package definition_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
)

var _ = Describe("a heartbeat URL in an error", func() {
	It("is never quoted, since it holds the check's secret", func() {
		for _, u := range []string{"ftp://hc.example/SECRET-UUID", "https:///SECRET-UUID", "SECRET-UUID"} {
			_, err := definition.Parse("db-export.json", []byte(task(`, "heartbeat": {"url": "`+u+`"}`)))
			Expect(err).To(MatchError(ContainSubstring("heartbeat.url")))
			Expect(err.Error()).NotTo(ContainSubstring("SECRET-UUID"))
		}
	})
})

var _ = Describe("Heartbeat.PingTimeout", func() {
	It("is 5s when omitted and the given value otherwise", func() {
		Expect((&definition.Heartbeat{}).PingTimeout()).To(Equal(definition.DefaultHeartbeatTimeout))
		Expect((&definition.Heartbeat{Timeout: definition.Duration(definition.MinHeartbeatTimeout)}).PingTimeout()).To(Equal(definition.MinHeartbeatTimeout))
	})
})
