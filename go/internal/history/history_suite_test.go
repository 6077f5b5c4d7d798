package history_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
)

func TestHistory(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "History Suite")
}

// appender is the helper binary that appends from its own process, built
// once and shared by the parallel workers.
var appender string

var _ = SynchronizedBeforeSuite(func() []byte {
	bin, err := gexec.Build("github.com/orchestrator/orchestrator/go/internal/history/testdata/appender")
	Expect(err).NotTo(HaveOccurred())
	return []byte(bin)
}, func(bin []byte) {
	appender = string(bin)
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})
