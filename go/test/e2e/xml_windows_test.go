package e2e_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// xmlDirEnv is where the Windows run leaves the XML orc-exec.exe rendered:
// xmllint is a Linux program, so scripts/test-windows-e2e.sh validates
// these files against the XSD after the spec binary has finished.
const xmlDirEnv = "ORC_E2E_XML_DIR"

func expectValidTaskXML(doc []byte) {
	GinkgoHelper()
	dir := os.Getenv(xmlDirEnv)
	if dir == "" {
		Skip(xmlDirEnv + " is not set: nothing would validate the XML")
	}
	sum := sha256.Sum256(doc)
	name := filepath.Join(dir, hex.EncodeToString(sum[:8])+".xml")
	tmp := name + ".tmp"
	Expect(os.WriteFile(tmp, doc, 0o600)).To(Succeed())
	Expect(os.Rename(tmp, name)).To(Succeed())
}
