package testutil_test

import (
	"bufio"
	"go/build"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// Every spec file that builds for Windows also runs in the Windows lane
// under Wine, where some everyday spec idioms break. These specs find them
// on Linux, before the lane does, and say what to use instead.
var _ = Describe("spec files that build for Windows", func() {
	// windowsSpecFiles lists the _test.go files under go/internal that a
	// windows/amd64 build includes (build constraints and _GOOS suffixes).
	windowsSpecFiles := func() []string {
		ctx := build.Default
		ctx.GOOS, ctx.GOARCH = "windows", "amd64"
		var files []string
		err := filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, "_test.go") || filepath.Base(filepath.Dir(p)) == "testutil" {
				return nil
			}
			ok, err := ctx.MatchFile(filepath.Dir(p), d.Name())
			if ok {
				files = append(files, p)
			}
			return err
		})
		Expect(err).NotTo(HaveOccurred())
		Expect(files).NotTo(BeEmpty())
		return files
	}

	DescribeTable("avoid what breaks under Wine",
		func(construct, fix string) {
			var found []string
			for _, p := range windowsSpecFiles() {
				f, err := os.Open(p)
				Expect(err).NotTo(HaveOccurred())
				sc := bufio.NewScanner(f)
				for n := 1; sc.Scan(); n++ {
					if strings.Contains(sc.Text(), construct) {
						found = append(found, p+":"+strconv.Itoa(n))
					}
				}
				Expect(f.Close()).To(Succeed())
				Expect(sc.Err()).NotTo(HaveOccurred())
			}
			Expect(found).To(BeEmpty(), "%s in spec files that build for Windows: %s", construct, fix)
		},
		Entry("a Ginkgo temp dir", "GinkgoT().TempDir()",
			"use testutil.TempDir(): Wine 8 breaks os.RemoveAll on folders with files, so the cleanup fails"),
		Entry("a helper built at run time", "gexec.Build(",
			"re-run the test binary as the helper (see history's appenderCmd): the Windows lane has no Go toolchain"),
	)
})
