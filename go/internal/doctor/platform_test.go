package doctor_test

import (
	"context"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/doctor"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

var _ = Describe("doctor on this system", func() {
	It("reads the real free space of the store's volume", func() {
		s, err := store.Open(filepath.Join(testutil.TempDir(), "home"))
		Expect(err).NotTo(HaveOccurred())
		for _, c := range doctor.Run(context.Background(), doctor.Options{Store: s, ExecutorVersion: "1.0.0"}) {
			if c.Name == "disk.space" {
				Expect(c.Detail).To(MatchRegexp(`[0-9.]+ [KMGT]iB free of [0-9.]+ [KMGT]iB`))
				return
			}
		}
		Fail("no disk.space check")
	})
})
