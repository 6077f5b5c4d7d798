package definition

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// DecodeText returns a definition file's bytes as UTF-8 without a byte order
// mark. Windows tools write JSON with one: Windows PowerShell 5.1's
// Out-File and '>' write UTF-16LE with a BOM, its Set-Content -Encoding UTF8
// and older Notepad write UTF-8 with a BOM, and encoding/json rejects both.
// A UTF-8 BOM is dropped; UTF-16 (LE or BE) with a BOM is converted. Bytes
// without a BOM are returned unchanged, as is UTF-16 of odd length (JSON
// parsing then reports it).
func DecodeText(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):]
	case len(data)%2 == 0 && bytes.HasPrefix(data, bomUTF16LE):
		return utf16ToUTF8(data[2:], binary.LittleEndian)
	case len(data)%2 == 0 && bytes.HasPrefix(data, bomUTF16BE):
		return utf16ToUTF8(data[2:], binary.BigEndian)
	}
	return data
}

func utf16ToUTF8(b []byte, order binary.ByteOrder) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = order.Uint16(b[2*i:])
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}
