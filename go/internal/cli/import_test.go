package cli_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("orc-exec import", func() {
	testdata := filepath.Join("..", "importer", "testdata")

	DescribeTable("prints one NDJSON object per source entry and exits 3 when some were refused",
		func(args []string, converted, refused, code int) {
			inv := newOrc().run(append([]string{"import"}, args...)...)
			Expect(inv.code).To(Equal(code), inv.stderr)
			var c, r int
			for _, line := range strings.Split(strings.TrimSpace(inv.stdout), "\n") {
				var e struct {
					Status     string          `json:"status"`
					Source     string          `json:"source"`
					Definition json.RawMessage `json:"definition"`
				}
				Expect(json.Unmarshal([]byte(line), &e)).To(Succeed(), line)
				Expect(e.Source).NotTo(BeEmpty())
				switch e.Status {
				case "converted":
					c++
					Expect(e.Definition).NotTo(BeEmpty())
				case "refused":
					r++
				}
			}
			Expect([]int{c, r}).To(Equal([]int{converted, refused}))
		},
		Entry("a crontab", []string{"--from", "crontab", filepath.Join(testdata, "user.crontab")}, 19, 4, 3),
		Entry("a cron.d file", []string{"--from", "crontab", "--system", filepath.Join(testdata, "cron.d-backup")}, 5, 1, 3),
		Entry("a task XML", []string{"--from", "taskxml", filepath.Join(testdata, "weekly-backup.xml")}, 1, 0, 0),
		Entry("a JSON list", []string{"--from", "list", filepath.Join(testdata, "tasks.json")}, 2, 4, 3),
		Entry("a CSV list", []string{"--from", "list", "--format", "csv", filepath.Join(testdata, "tasks.csv")}, 2, 2, 3),
	)

	It("reads the source from stdin for -, naming it stdin:line", func() {
		inv := newOrc().main(context.Background(), "# m h dom mon dow\n*/60 * * * * /usr/bin/true\n", "import", "--from", "crontab", "-")
		Expect(inv.code).To(Equal(0), inv.stderr)
		Expect(inv.stdout).To(ContainSubstring(`"source":"stdin:2","status":"converted"`))
	})

	It("refuses an unknown source with a usage error naming the fix", func() {
		inv := newOrc().run("import", "--from", "launchd", "x")
		Expect(inv.code).To(Equal(2))
		Expect(inv.stderr).To(ContainSubstring("--from crontab"))
	})
})
