package proc_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"syscall"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/proc"
)

func escapeScans() int64 { return proc.EscapeScans() }

// Each spec runs a fresh process (the spec binary in helper mode), as
// orc-exec is: its only children are the commands it starts.
var _ = Describe("looking for escaped processes as a child subreaper", func() {
	var dir string
	BeforeEach(func() { dir = GinkgoT().TempDir() })

	scan := func(command string) map[string]any {
		GinkgoHelper()
		c := exec.Command(os.Args[0])
		c.Env = append(os.Environ(), helperEnv+"=scan", helperDir+"="+dir, "ORC_PROC_TEST_CMD="+command)
		out, err := c.Output()
		Expect(err).NotTo(HaveOccurred(), string(out))
		var r map[string]any
		Expect(json.Unmarshal(out, &r)).To(Succeed(), string(out))
		return r
	}

	It("skips the /proc search when the command left nothing behind", func() {
		r := scan("true")
		Expect(r).To(HaveKeyWithValue("scans", BeEquivalentTo(0)))
		Expect(r).To(HaveKeyWithValue("escaped", BeEquivalentTo(0)))
		Expect(r).To(HaveKeyWithValue("mayRemain", false))
	})

	It("still finds and kills a process that left the group with setsid", func() {
		r := scan(`setsid sh -c 'echo $$ > esc.pid; exec sleep 300' & while [ ! -s esc.pid ]; do sleep 0.01; done`)
		esc := readPID(dir, "esc.pid")()
		DeferCleanup(func() { _ = syscall.Kill(esc, syscall.SIGKILL) })
		Expect(r).To(HaveKeyWithValue("scans", BeEquivalentTo(1)))
		Expect(r).To(HaveKeyWithValue("escaped", BeEquivalentTo(1)))
		Eventually(func() bool { return alive(esc) }).Should(BeFalse())
	})

	It("still finds a double-forked daemon whose parent is gone", func() {
		r := scan(`(setsid sh -c 'echo $$ > esc.pid; exec sleep 300' &) ; while [ ! -s esc.pid ]; do sleep 0.01; done`)
		esc := readPID(dir, "esc.pid")()
		DeferCleanup(func() { _ = syscall.Kill(esc, syscall.SIGKILL) })
		Expect(r).To(HaveKeyWithValue("escaped", BeEquivalentTo(1)), "re-parented to us, so seen, then found by its tag")
		Eventually(func() bool { return alive(esc) }).Should(BeFalse())
	})
})
