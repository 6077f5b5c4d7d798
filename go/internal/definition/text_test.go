package definition_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"unicode/utf16"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// utf16WithBOM encodes s as UTF-16 with a byte order mark, the way Windows
// PowerShell 5.1's Out-File (LE) writes a file.
func utf16WithBOM(s string, order binary.ByteOrder) []byte {
	units := utf16.Encode([]rune(s))
	out := make([]byte, 2+2*len(units))
	order.PutUint16(out, 0xFEFF)
	for i, u := range units {
		order.PutUint16(out[2+2*i:], u)
	}
	return out
}

var _ = Describe("a definition file written by a Windows tool", func() {
	const text = `{"name": "db-export", "description": "Export für Ärzte", "action": {"command": "C:\\Tools\\export.exe"}}`

	DescribeTable("Parse accepts it",
		func(data []byte) {
			t, err := definition.Parse("db-export.json", data)
			Expect(err).NotTo(HaveOccurred())
			Expect(t.Name).To(Equal("db-export"))
			Expect(t.Description).To(Equal("Export für Ärzte"))
			Expect(t.Action.Command).To(Equal(`C:\Tools\export.exe`))
		},
		Entry("UTF-8 with a BOM (Set-Content -Encoding UTF8 in 5.1, older Notepad)", append([]byte{0xEF, 0xBB, 0xBF}, text...)),
		Entry("UTF-16LE with a BOM (Out-File and '>' in 5.1)", utf16WithBOM(text, binary.LittleEndian)),
		Entry("UTF-16BE with a BOM", utf16WithBOM(text, binary.BigEndian)),
		Entry("UTF-8 without a BOM", []byte(text)),
	)

	It("Load accepts a UTF-16LE file", func() {
		path := filepath.Join(testutil.TempDir(), "db-export.json")
		Expect(os.WriteFile(path, utf16WithBOM(text, binary.LittleEndian), 0o600)).To(Succeed())
		t, err := definition.Load(path)
		Expect(err).NotTo(HaveOccurred())
		Expect(t.Name).To(Equal("db-export"))
	})

	It("DecodeText leaves text without a BOM and odd-length UTF-16 alone", func() {
		Expect(definition.DecodeText([]byte(text))).To(Equal([]byte(text)))
		odd := []byte{0xFF, 0xFE, '{'}
		Expect(definition.DecodeText(odd)).To(Equal(odd))
	})
})
