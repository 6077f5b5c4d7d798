package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/cleanup"
)

var _ = Describe("orc-exec cleanup", func() {
	var o *orc
	BeforeEach(func() { o = newOrc() })

	oldOutput := func() string {
		o.define("t", "ok", nil)
		Expect(o.run("run", "t", "--output", "json").code).To(Equal(0))
		logs, _ := filepath.Glob(filepath.Join(o.home, "runs", "t", "*.log"))
		Expect(logs).To(HaveLen(1))
		old := time.Now().Add(-40 * 24 * time.Hour)
		Expect(os.Chtimes(logs[0], old, old)).To(Succeed())
		return logs[0]
	}

	items := func(inv invocation) []cleanup.Item {
		var out []cleanup.Item
		for _, line := range strings.Split(strings.TrimSpace(inv.stdout), "\n") {
			if line == "" {
				continue
			}
			var it cleanup.Item
			Expect(json.Unmarshal([]byte(line), &it)).To(Succeed())
			out = append(out, it)
		}
		return out
	}

	It("prints one orc.cleanup/v1 line per item and removes it; --dry-run only reports", func() {
		path := oldOutput()
		dry := o.run("cleanup", "--dry-run", "--older-than", "30d", "--output", "json")
		Expect(dry.code).To(Equal(0), dry.stderr)
		Expect(items(dry)).To(ConsistOf(HaveField("Action", cleanup.Reported)))
		Expect(path).To(BeAnExistingFile())

		real := o.run("cleanup", "--older-than", "30d", "--output", "json")
		Expect(real.code).To(Equal(0), real.stderr)
		got := items(real)
		Expect(got).To(HaveLen(1))
		Expect(got[0].Schema).To(Equal("orc.cleanup/v1"))
		Expect(got[0].Kind).To(Equal(cleanup.KindOutput))
		Expect(got[0].Action).To(Equal(cleanup.Removed))
		Expect(path).NotTo(BeAnExistingFile())
	})

	It("keeps output younger than the default 90 days", func() {
		path := oldOutput()
		inv := o.run("cleanup", "--output", "json")
		Expect(inv.code).To(Equal(0), inv.stderr)
		Expect(inv.stdout).To(BeEmpty())
		Expect(path).To(BeAnExistingFile())
	})

	DescribeTable("refuses a bad --older-than with exit 2, naming the flag",
		func(value string) {
			inv := o.run("cleanup", "--older-than", value)
			Expect(inv.code).To(Equal(2))
			Expect(inv.stderr).To(ContainSubstring("--older-than"))
		},
		Entry("a word", "soon"),
		Entry("zero", "0s"),
		Entry("a negative duration", "-1h"),
	)

	It("finds nothing in a store that does not exist, and does not create it", func() {
		inv := o.run("cleanup", "--output", "json")
		Expect(inv.code).To(Equal(0), inv.stderr)
		Expect(o.home).NotTo(BeADirectory())
	})
})
