package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

var _ = Describe("orc-exec doctor", func() {
	var o *orc
	BeforeEach(func() { o = newOrc() })

	checks := func(inv invocation) map[string]map[string]string {
		GinkgoHelper()
		out := map[string]map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(inv.stdout), "\n") {
			var c map[string]string
			Expect(json.Unmarshal([]byte(line), &c)).To(Succeed(), line)
			Expect(c["schema"]).To(Equal("orc.doctor/v1"))
			out[c["name"]] = c
		}
		return out
	}

	It("exits 0 with warnings only, printing one JSON line per check", func() {
		o.define("ok", "exit0", nil)
		inv := o.run("doctor", "--output", "json")
		Expect(inv.code).To(Equal(int(exitcode.Success)), inv.stderr)
		c := checks(inv)
		Expect(c["store.definitions"]["status"]).To(Equal("ok"))
		Expect(c["notify.settings"]["status"]).To(Equal("warn"))
		Expect(c["executor.version"]["detail"]).To(ContainSubstring("version spec"))
	})

	It("exits 11 (Unhealthy) when a check fails, with its fix", func() {
		if runtime.GOOS == "windows" {
			Skip("Wine synthesizes DACLs from Unix modes; the Windows rule is store's, specified there")
		}
		o.define("ok", "exit0", nil)
		Expect(os.Chmod(filepath.Join(o.home, "tasks"), 0o777)).To(Succeed())
		inv := o.run("doctor", "--output", "json")
		Expect(inv.code).To(Equal(int(exitcode.Unhealthy)))
		c := checks(inv)
		Expect(c["store.security"]).To(HaveKeyWithValue("status", "fail"))
		Expect(c["store.security"]["fix"]).To(ContainSubstring("chmod go-w"))
	})

	It("reports a stale executor against the module's version", func() {
		inv := o.run("doctor", "--output", "json", "--module-version", "1.0.0")
		Expect(checks(inv)["executor.version"]["status"]).To(Equal("warn"), "a build named 'spec' is not comparable")
	})

	It("does not create the store it checks", func() {
		inv := o.run("doctor", "--output", "json")
		Expect(inv.code).To(Equal(0), inv.stderr)
		_, err := os.Stat(o.home)
		Expect(os.IsNotExist(err)).To(BeTrue(), "doctor created %s", o.home)
	})

	It("refuses arguments", func() {
		Expect(o.run("doctor", "extra").code).To(Equal(int(exitcode.Usage)))
	})
})
