package dashboard_test

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// repoFile finds a file of the repository above this package.
func repoFile(rel string) string {
	dir, err := os.Getwd()
	Expect(err).NotTo(HaveOccurred())
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// pwshPath is the pwsh the specs run the module in: ORC_SPEC_PWSH, the
// bootstrapped one under .tools, or the one on PATH.
func pwshPath() string {
	if p := os.Getenv("ORC_SPEC_PWSH"); p != "" {
		return p
	}
	if p := repoFile(filepath.Join(".tools", "bin", "pwsh")); p != "" {
		return p
	}
	p, _ := exec.LookPath("pwsh")
	return p
}

var _ = Describe("changes through the module's cmdlets", Label("pwsh"), func() {
	It("creates, schedules, runs, disables, enables and deletes a task on the cron backend", func() {
		if runtime.GOOS == "windows" {
			Skip("the Windows lane has no ScheduledTasks module to register with")
		}
		pwsh, module := pwshPath(), repoFile("Orchestrator.psd1")
		if pwsh == "" || module == "" {
			Skip("no pwsh or no Orchestrator.psd1: run scripts/bootstrap.sh")
		}
		self, err := os.Executable()
		Expect(err).NotTo(HaveOccurred())
		// The cmdlets call this test binary as orc-exec, and edit a crontab
		// file of the spec's own rather than the machine's.
		crontab := filepath.Join(testutil.TempDir(), "crontab")
		GinkgoT().Setenv("ORC_SPEC_AS_ORC_EXEC", "1")
		GinkgoT().Setenv("ORC_EXEC_PATH", self)
		GinkgoT().Setenv("ORC_CRON_TARGET", crontab)
		e := newEnv(dashboard.Options{Module: module, Pwsh: pwsh, ExecPath: self, PwshTimeout: 3 * time.Minute})

		By("creating: the definition is validated, stored and scheduled")
		r := e.change(http.MethodPost, "/api/v1/tasks", `{"name":"web-made","schedule":{"cron":"0 3 * * *"},"action":{"command":"/bin/echo","arguments":["from the dashboard"]}}`)
		Expect(r.status).To(Equal(http.StatusCreated), string(r.body))
		Expect(r.json()).To(HaveKeyWithValue("Ok", true))
		f, _ := e.store.TaskFile("web-made")
		Expect(f).To(BeAnExistingFile())
		Expect(os.ReadFile(crontab)).To(ContainSubstring("web-made"))

		By("reading the scheduler's view once for all tasks")
		Expect(e.srv.Refresh(ctx())).To(Succeed())
		t := e.get("/api/v1/tasks/web-made").json()
		Expect(t).To(HaveKeyWithValue("Registered", true))
		Expect(t).To(HaveKeyWithValue("Drift", BeEmpty()))

		By("running it now, recorded as a manual run")
		r = e.change(http.MethodPost, "/api/v1/tasks/web-made/run", "")
		Expect(r.status).To(Equal(http.StatusOK), string(r.body))
		Eventually(func() any {
			runs := e.get("/api/v1/tasks/web-made/history").json()["Runs"].([]any)
			if len(runs) == 0 {
				return nil
			}
			return runs[0]
		}).WithTimeout(30 * time.Second).Should(And(HaveKeyWithValue("Status", "SUCCESS"), HaveKeyWithValue("Trigger", "manual"), HaveKeyWithValue("OutputTail", "from the dashboard\n")))

		By("disabling and enabling it")
		r = e.change(http.MethodPost, "/api/v1/tasks/web-made/disable", "")
		Expect(r.status).To(Equal(http.StatusOK), string(r.body))
		Expect(r.json()["Task"]).To(HaveKeyWithValue("Enabled", false))
		r = e.change(http.MethodPost, "/api/v1/tasks/web-made/enable", "")
		Expect(r.status).To(Equal(http.StatusOK), string(r.body))
		Expect(r.json()["Task"]).To(HaveKeyWithValue("Enabled", true))

		By("deleting it: definition and crontab line are gone")
		r = e.change(http.MethodDelete, "/api/v1/tasks/web-made", "")
		Expect(r.status).To(Equal(http.StatusOK), string(r.body))
		Expect(f).NotTo(BeAnExistingFile())
		Expect(os.ReadFile(crontab)).NotTo(ContainSubstring("web-made"))
		// At once, before the scheduler's view is read again: the view read
		// before the delete still has the registration, and must not bring
		// the task back as "registered without definition".
		Expect(e.get("/api/v1/tasks").body).NotTo(ContainSubstring(`"web-made"`))
	})
})
