//go:build linux

package e2e_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"unicode/utf16"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("define --file with a file saved by Windows PowerShell 5.1", func() {
	const text = `{"name": "bom", "action": {"command": "true"}}`

	DescribeTable("stores the definition",
		func(data []byte) {
			s := newStore()
			file := filepath.Join(GinkgoT().TempDir(), "bom.json")
			Expect(os.WriteFile(file, data, 0o600)).To(Succeed())
			sess := s.run("define", "--file", file, "--output", "json")
			Expect(sess.ExitCode()).To(Equal(0), string(sess.Err.Contents()))
			Expect(string(sess.Out.Contents())).To(ContainSubstring(`"task":"bom"`))
			stored, err := os.ReadFile(filepath.Join(s.home, "tasks", "bom.json"))
			Expect(err).NotTo(HaveOccurred())
			Expect(stored[0]).To(Equal(byte('{')), "stored as UTF-8 without a BOM")
		},
		Entry("UTF-8 with a BOM (Set-Content -Encoding UTF8)", append([]byte{0xEF, 0xBB, 0xBF}, text...)),
		Entry("UTF-16LE with a BOM (Out-File, '>')", func() []byte {
			units := utf16.Encode([]rune(text))
			out := make([]byte, 2+2*len(units))
			binary.LittleEndian.PutUint16(out, 0xFEFF)
			for i, u := range units {
				binary.LittleEndian.PutUint16(out[2+2*i:], u)
			}
			return out
		}()),
	)
})
