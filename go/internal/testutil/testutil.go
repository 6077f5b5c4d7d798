// Package testutil holds helpers shared by specs. Only _test files import it.
package testutil

import (
	"os"
	"path/filepath"
	"sort"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/gomega"
)

// TempDir returns a new directory that is removed when the spec ends.
//
// It replaces GinkgoT().TempDir() in specs that also run in the Windows lane:
// under Wine 8, Go 1.26's os.RemoveAll fails on non-empty folders
// (FileDispositionInformationEx is not implemented), while removing one
// entry at a time works there and everywhere else.
func TempDir() string {
	dir, err := os.MkdirTemp("", "orc-spec-")
	gomega.Expect(err).NotTo(gomega.HaveOccurred())
	ginkgo.DeferCleanup(func() { RemoveTree(dir) })
	return dir
}

// RemoveTree deletes dir bottom-up, one entry at a time, ignoring errors.
func RemoveTree(dir string) {
	var paths []string
	_ = filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return nil
	})
	// Deepest first: children sort after their parent.
	sort.Sort(sort.Reverse(sort.StringSlice(paths)))
	for _, p := range paths {
		_ = os.Remove(p)
	}
}
