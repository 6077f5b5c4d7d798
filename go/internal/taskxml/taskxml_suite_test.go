package taskxml_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestTaskXML(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Task XML Suite")
}

// schemaPath is the dahall XSD, found from the repository root (the folder
// holding go.mod) as ../shared/schemas/task-scheduler/.
func schemaPath() string {
	dir, err := os.Getwd()
	Expect(err).NotTo(HaveOccurred())
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		Expect(parent).NotTo(Equal(dir), "no go.mod above the test's folder")
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "schemas", "task-scheduler", "TaskSchedulerV2Schema.dahall.xsd")
	_, err = os.Stat(p)
	Expect(err).NotTo(HaveOccurred(), "the Task Scheduler XSD is missing")
	return p
}

// expectSchemaValid runs xmllint --schema on doc (read from stdin).
func expectSchemaValid(doc []byte) {
	GinkgoHelper()
	lint, err := exec.LookPath("xmllint")
	if err != nil && runtime.GOOS == "windows" {
		// Wine starts the Linux xmllint but then loses its process handle
		// (WaitForSingleObject: Invalid handle), so it cannot be used there.
		Skip("xmllint.exe is not on PATH; under Wine the Linux xmllint cannot be waited for (Wine gap), so the Linux lane validates this XML against the XSD")
	}
	if err != nil {
		Skip("xmllint is not installed (apt-get install libxml2-utils)")
	}
	cmd := exec.Command(lint, "--noout", "--schema", schemaPath(), "-")
	cmd.Stdin = bytes.NewReader(doc)
	out, err := cmd.CombinedOutput()
	Expect(err).NotTo(HaveOccurred(), "xmllint rejected the XML:\n%s\n%s", out, doc)
}
