package doctor_test

import (
	"context"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"golang.org/x/sys/windows/registry"

	"github.com/orchestrator/orchestrator/go/internal/doctor"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

const sourceKey = `SYSTEM\CurrentControlSet\Services\EventLog\Application\Orchestrator`

var _ = Describe("doctor's Event Log check on Windows", func() {
	eventCheck := func() doctor.Check {
		GinkgoHelper()
		s, err := store.Open(filepath.Join(testutil.TempDir(), "home"))
		Expect(err).NotTo(HaveOccurred())
		for _, c := range doctor.Run(context.Background(), doctor.Options{Store: s, ExecutorVersion: "1.0.0"}) {
			if c.Name == "eventlog.source" {
				return c
			}
		}
		Fail("no eventlog.source check")
		return doctor.Check{}
	}

	It("finds the source by its registry key, and misses it once removed", func() {
		if k, err := registry.OpenKey(registry.LOCAL_MACHINE, sourceKey, registry.QUERY_VALUE); err == nil {
			k.Close()
			Skip("the Orchestrator source is registered on this host; the spec will not remove a real one")
		}
		k, _, err := registry.CreateKey(registry.LOCAL_MACHINE, sourceKey, registry.ALL_ACCESS)
		Expect(err).NotTo(HaveOccurred(), "needs an elevated run (Wine's user is)")
		k.Close()
		DeferCleanup(func() { _ = registry.DeleteKey(registry.LOCAL_MACHINE, sourceKey) })
		Expect(eventCheck().Status).To(Equal(doctor.OK))
		Expect(registry.DeleteKey(registry.LOCAL_MACHINE, sourceKey)).To(Succeed())
		Expect(eventCheck().Status).To(Equal(doctor.Warn))
	})
})
