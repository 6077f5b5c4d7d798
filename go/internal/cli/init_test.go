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

var _ = Describe("orc-exec init", func() {
	var o *orc
	BeforeEach(func() { o = newOrc() })

	report := func(inv invocation) map[string]any {
		GinkgoHelper()
		Expect(inv.code).To(Equal(0), inv.stderr)
		var r map[string]any
		Expect(json.Unmarshal([]byte(inv.stdout), &r)).To(Succeed(), inv.stdout)
		return r
	}

	It("creates the store with its folders, then reports it exists", func() {
		r := report(o.run("init", "--output", "json"))
		Expect(r).To(HaveKeyWithValue("schema", "orc.init/v1"))
		Expect(r).To(HaveKeyWithValue("created", true))
		Expect(r).To(HaveKeyWithValue("home", o.home))
		for _, d := range []string{"tasks", "history", "runs", "logs", "locks", "state"} {
			Expect(filepath.Join(o.home, d)).To(BeADirectory())
		}
		Expect(report(o.run("init", "--output", "json"))).To(HaveKeyWithValue("created", false))
	})

	It("refuses an existing store others can write, with the fix (exit 4)", func() {
		if runtime.GOOS == "windows" {
			Skip("Wine synthesizes DACLs from Unix modes; the Windows rule is store's, specified there")
		}
		Expect(o.run("init").code).To(Equal(0))
		Expect(os.Chmod(filepath.Join(o.home, "state"), 0o777)).To(Succeed())
		inv := o.run("init")
		Expect(inv.code).To(Equal(int(exitcode.Insecure)))
		Expect(inv.stderr).To(ContainSubstring("chmod go-w"))
	})
})

var _ = Describe("commands that only read", func() {
	It("'notify show' does not create the store it reads (a non-elevated Get-OrcNotificationSetting would create it with a weak ACL)", func() {
		o := newOrc()
		inv := o.run("notify", "show", "--output", "json")
		Expect(inv.code).To(Equal(0), inv.stderr)
		Expect(inv.stdout).To(ContainSubstring(`"configured":false`))
		_, err := os.Stat(o.home)
		Expect(os.IsNotExist(err)).To(BeTrue(), "notify show created %s", o.home)
	})
})

var _ = Describe("orc-exec list", func() {
	It("gives a disabled task no next run, whatever its schedule says", func() {
		o := newOrc()
		o.define("off", "exit0", map[string]any{"enabled": false, "schedule": map[string]any{"cron": "0 3 * * *"}})
		o.define("on", "exit0", map[string]any{"schedule": map[string]any{"cron": "0 3 * * *"}})
		inv := o.run("list", "--output", "json")
		Expect(inv.code).To(Equal(0), inv.stderr)
		next := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSpace(inv.stdout), "\n") {
			var s map[string]any
			Expect(json.Unmarshal([]byte(line), &s)).To(Succeed())
			_, has := s["nextRun"]
			next[s["name"].(string)] = has
		}
		Expect(next).To(Equal(map[string]bool{"off": false, "on": true}))
	})
})
