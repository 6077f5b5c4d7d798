package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/exitcode"
)

var _ = Describe("orc-exec dashboard", func() {
	var o *orc
	BeforeEach(func() { o = newOrc() })

	// started is the one line the dashboard prints once it listens.
	started := func(inv invocation) map[string]any {
		line, _, _ := strings.Cut(inv.stdout, "\n")
		var m map[string]any
		Expect(json.Unmarshal([]byte(line), &m)).To(Succeed(), inv.stdout+inv.stderr)
		return m
	}

	Context("when asked to listen beyond loopback without a token", func() {
		It("refuses with a usage error naming --token-file", func() {
			inv := o.run("dashboard", "--listen", "0.0.0.0:0")
			Expect(inv.code).To(Equal(int(exitcode.Usage)))
			Expect(inv.stderr).To(ContainSubstring("not a loopback address"))
			Expect(inv.stderr).To(ContainSubstring("--token-file"))
			Expect(inv.stdout).To(BeEmpty())
		})
	})

	Context("by default", func() {
		It("listens on loopback, prints its URL and CSRF token, and exits after --idle-exit", func() {
			inv := o.run("dashboard", "--idle-exit", "50ms")
			Expect(inv.code).To(Equal(0), inv.stderr)
			m := started(inv)
			Expect(m).To(HaveKeyWithValue("schema", "orc.dashboard/v1"))
			Expect(m["url"]).To(MatchRegexp(`^http://127\.0\.0\.1:\d+/$`))
			Expect(m["csrfToken"]).To(HaveLen(64))
			Expect(m).NotTo(HaveKey("token"))
		})
	})

	Context("with a token file that does not exist yet", func() {
		It("makes a token, stores it privately, and shows it once", func() {
			Expect(os.MkdirAll(filepath.Join(o.home, "state"), 0o700)).To(Succeed())
			file := filepath.Join(o.home, "state", "dashboard.token")
			first := started(o.run("dashboard", "--idle-exit", "50ms", "--token-file", file))
			token, _ := first["token"].(string)
			Expect(token).To(HaveLen(64))
			Expect(file).To(BeAnExistingFile())

			second := o.run("dashboard", "--idle-exit", "50ms", "--token-file", file)
			Expect(second.code).To(Equal(0), second.stderr)
			Expect(started(second)).NotTo(HaveKey("token"), "the token is shown only when it is made")
		})
	})
})
