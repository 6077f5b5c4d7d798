package notify_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestNotify(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "notify")
}

// part is one decoded leaf of a MIME message.
type part struct {
	ContentType string
	Filename    string
	Body        string
}

// parseMail reads raw RFC 5322 bytes into headers and decoded leaf parts.
func parseMail(raw []byte) (mail.Header, []part) {
	GinkgoHelper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	Expect(err).NotTo(HaveOccurred())
	return m.Header, leaves(m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), "", m.Body)
}

func leaves(ctype, cte, disp string, body io.Reader) []part {
	GinkgoHelper()
	mt, params, err := mime.ParseMediaType(ctype)
	Expect(err).NotTo(HaveOccurred())
	if strings.HasPrefix(mt, "multipart/") {
		var out []part
		r := multipart.NewReader(body, params["boundary"])
		for {
			p, err := r.NextRawPart()
			if err == io.EOF {
				return out
			}
			Expect(err).NotTo(HaveOccurred())
			out = append(out, leaves(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p.Header.Get("Content-Disposition"), p)...)
		}
	}
	switch strings.ToLower(cte) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, err := io.ReadAll(body)
	Expect(err).NotTo(HaveOccurred())
	p := part{ContentType: mt, Body: string(b)}
	if disp != "" {
		_, dp, _ := mime.ParseMediaType(disp)
		p.Filename = dp["filename"]
	}
	return []part{p}
}

func partOf(parts []part, ctype string) part {
	GinkgoHelper()
	for _, p := range parts {
		if p.ContentType == ctype && p.Filename == "" {
			return p
		}
	}
	Fail("no " + ctype + " part")
	return part{}
}
