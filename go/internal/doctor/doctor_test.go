package doctor_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/doctor"
	"github.com/orchestrator/orchestrator/go/internal/history"
	"github.com/orchestrator/orchestrator/go/internal/notify"
	"github.com/orchestrator/orchestrator/go/internal/notify/smtptest"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/secret"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// fine is a task every check accepts.
const fine = `{"name":"fine","action":{"command":"true"},"schedule":{"cron":"0 2 * * *"}}`

var _ = Describe("doctor", func() {
	var (
		dir  string
		s    *store.Store
		opts doctor.Options
	)
	BeforeEach(func() {
		dir = testutil.TempDir()
		var err error
		s, err = store.Open(filepath.Join(dir, "home"))
		Expect(err).NotTo(HaveOccurred())
		opts = doctor.Options{
			Store: s, ExecutorPath: "/opt/orc-exec", ExecutorVersion: "1.2.0",
			Timeout:     2 * time.Second,
			DiskSpace:   func(string) (uint64, uint64, error) { return 50 << 30, 100 << 30, nil },
			EventSource: func() (bool, bool, error) { return true, true, nil },
		}
	})

	define := func(name, text string) {
		GinkgoHelper()
		p, err := s.TaskFile(name)
		Expect(err).NotTo(HaveOccurred())
		Expect(os.WriteFile(p, []byte(text), 0o644)).To(Succeed())
	}
	run := func() map[string]doctor.Check {
		GinkgoHelper()
		byName := map[string]doctor.Check{}
		for _, c := range doctor.Run(context.Background(), opts) {
			Expect(c.Schema).To(Equal(doctor.Schema))
			Expect(byName).NotTo(HaveKey(c.Name), "each check reports once")
			byName[c.Name] = c
		}
		return byName
	}
	// failing asserts check name fails (or warns) with a detail and a fix
	// naming what to do.
	expectFinding := func(c doctor.Check, status doctor.Status, detail, fix string) {
		GinkgoHelper()
		Expect(c.Status).To(Equal(status), c.Detail)
		Expect(c.Detail).To(ContainSubstring(detail))
		Expect(c.Fix).To(ContainSubstring(fix))
	}

	Context("when the installation is healthy", func() {
		It("passes every check and the worst status is ok", func() {
			define("fine", fine)
			settings := &notify.Settings{SMTP: notify.SMTP{Host: "127.0.0.1", Port: 25, TLS: notify.TLSNone, Auth: notify.AuthNone}, From: "orc@example.com", To: []string{"ops@example.com"}}
			Expect(notify.SaveSettings(notify.PathsOf(s), settings)).To(Succeed())
			checks := doctor.Run(context.Background(), opts)
			for _, c := range checks {
				Expect(c.Status).To(BeElementOf(doctor.OK, doctor.Skip), "%s: %s", c.Name, c.Detail)
			}
			Expect(doctor.Worst(checks)).To(Equal(doctor.OK))
		})

		It("names the checks with stable IDs, in a fixed order", func() {
			settings := &notify.Settings{SMTP: notify.SMTP{Host: "127.0.0.1", Port: 25, TLS: notify.TLSNone, Auth: notify.AuthNone}, From: "orc@example.com", To: []string{"ops@example.com"}}
			Expect(notify.SaveSettings(notify.PathsOf(s), settings)).To(Succeed())
			var names []string
			for _, c := range doctor.Run(context.Background(), opts) {
				names = append(names, c.Name)
			}
			Expect(names).To(Equal([]string{"store.security", "store.definitions", "secrets.access", "notify.settings", "smtp.server",
				"notify.outbox", "clock", "executor.version", "timezones", "disk.space", "eventlog.source"}))
		})
	})

	Context("when the store does not exist yet", func() {
		It("warns that it will be created and checks nothing inside it, creating nothing", func() {
			opts.Store = &store.Store{Home: filepath.Join(dir, "none")}
			c := run()
			expectFinding(c["store.security"], doctor.Warn, "does not exist yet", "Register-OrcTask")
			Expect(c).NotTo(HaveKey("store.definitions"))
			Expect(filepath.Join(dir, "none")).NotTo(BeAnExistingFile())
			_, err := os.Stat(filepath.Join(dir, "none"))
			Expect(os.IsNotExist(err)).To(BeTrue())
		})
	})

	Context("with a seeded misconfiguration", func() {
		It("fails on a secret file others can read (Unix mode; Windows checks the DACL the same way)", func() {
			if runtime.GOOS == "windows" {
				Skip("Wine synthesizes DACLs from Unix modes; the DACL rule itself is store's OpenPrivate, specified there")
			}
			p := notify.PathsOf(s)
			Expect(notify.SaveSecrets(p, notify.Secrets{SMTPPassword: "pw"}, secret.Machine)).To(Succeed())
			Expect(os.Chmod(p.Secret, 0o644)).To(Succeed())
			c := run()
			expectFinding(c["secrets.access"], doctor.Fail, "holds secrets", "chmod 600 "+p.Secret)
			Expect(c["secrets.access"].Detail).NotTo(ContainSubstring("pw\""), "never the secret itself")
		})

		It("fails on a tasks folder others can write", func() {
			if runtime.GOOS == "windows" {
				Skip("Wine synthesizes DACLs from Unix modes; SecureDir's DACL is specified in store")
			}
			Expect(os.Chmod(filepath.Join(s.Home, store.TasksDir), 0o777)).To(Succeed())
			c := run()
			expectFinding(c["store.security"], doctor.Fail, "writable by group and others", "chmod go-w")
			Expect(c).NotTo(HaveKey("store.definitions"), "nothing below an unsafe store is read")
		})

		It("fails on a stale executor, older than the module", func() {
			opts.ExecutorVersion, opts.ModuleVersion = "1.2.0", "1.10.0"
			expectFinding(run()["executor.version"], doctor.Fail, "older than the module's 1.10.0: a stale executor", "Register-OrcTask -Force")
		})

		DescribeTable("compares versions by SemVer precedence",
			func(exe, module string, want doctor.Status) {
				opts.ExecutorVersion, opts.ModuleVersion = exe, module
				Expect(run()["executor.version"].Status).To(Equal(want))
			},
			Entry("same", "1.2.0", "1.2.0", doctor.OK),
			Entry("numeric, not text", "0.10.0", "0.9.0", doctor.Warn),
			Entry("prerelease before release", "1.0.0-rc.1", "1.0.0", doctor.Fail),
			Entry("numeric prerelease identifiers", "1.0.0-rc.10", "1.0.0-rc.9", doctor.Warn),
			Entry("build metadata ignored", "1.0.0+abc", "1.0.0", doctor.OK),
			Entry("a development build", "dev", "1.0.0", doctor.Warn),
		)

		It("fails on an SMTP host that does not resolve", func() {
			settings := &notify.Settings{SMTP: notify.SMTP{Host: "smtp.nonexistent.invalid", TLS: notify.TLSNone, Auth: notify.AuthNone}, From: "orc@example.com", To: []string{"ops@example.com"}}
			Expect(notify.SaveSettings(notify.PathsOf(s), settings)).To(Succeed())
			expectFinding(run()["smtp.server"], doctor.Fail, `"smtp.nonexistent.invalid" does not resolve`, "Set-OrcNotificationSetting -SmtpServer")
		})

		It("fails on a server that accepts the connection but never greets", func() {
			st, err := smtptest.StartStaller()
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(st.Close)
			settings := &notify.Settings{SMTP: notify.SMTP{Host: st.Host, Port: st.Port, TLS: notify.TLSNone, Auth: notify.AuthNone}, From: "orc@example.com", To: []string{"ops@example.com"}}
			Expect(notify.SaveSettings(notify.PathsOf(s), settings)).To(Succeed())
			opts.SMTPConnect, opts.Timeout = true, 300*time.Millisecond
			expectFinding(run()["smtp.server"], doctor.Fail, "does not answer as an SMTP server", "firewall")
		})

		It("fails on damaged notification settings, with the parse error", func() {
			Expect(os.WriteFile(notify.PathsOf(s).Settings, []byte("{not json"), 0o600)).To(Succeed())
			expectFinding(run()["notify.settings"], doctor.Fail, "notify.json", "notify set")
		})

		It("fails on a definition that would not run, naming it", func() {
			define("fine", fine)
			define("broken", `{"name":"broken","action":{"command":""}}`)
			expectFinding(run()["store.definitions"], doctor.Fail, "1 of 2 definitions would not run", "")
			Expect(run()["store.definitions"].Detail).To(ContainSubstring("broken"))
		})

		It("fails on a time zone the host's data lacks, naming the task", func() {
			define("martian", `{"name":"martian","action":{"command":"true"},"schedule":{"cron":"0 2 * * *","timezone":"Mars/Olympus_Mons"}}`)
			expectFinding(run()["timezones"], doctor.Fail, "Mars/Olympus_Mons (tasks martian)", "tzdata")
		})

		It("fails when the clock is behind the newest recorded run", func() {
			define("fine", fine)
			p, err := s.HistoryFile("fine")
			Expect(err).NotTo(HaveOccurred())
			future := time.Now().Add(2 * time.Hour).UTC()
			Expect(history.Append(p, result.Record{Schema: result.Schema, Task: "fine", RunID: "r1", Trigger: result.Scheduled, Status: result.Success, Start: future, End: future})).To(Succeed())
			expectFinding(run()["clock"], doctor.Fail, "is behind the newest recorded run", "w32tm /resync")
		})

		DescribeTable("grades free disk space on the store's volume",
			func(free, total uint64, want doctor.Status) {
				opts.DiskSpace = func(string) (uint64, uint64, error) { return free, total, nil }
				Expect(run()["disk.space"].Status).To(Equal(want))
			},
			Entry("plenty", uint64(50<<30), uint64(100<<30), doctor.OK),
			Entry("under 1 GiB", uint64(800<<20), uint64(2<<30), doctor.Warn),
			Entry("under 5 % of a large volume", uint64(4<<30), uint64(100<<30), doctor.Warn),
			Entry("under 100 MiB", uint64(50<<20), uint64(100<<30), doctor.Fail),
		)

		It("warns on notifications waiting in the outbox", func() {
			_, err := notify.Spool(notify.PathsOf(s), notify.Item{Kind: "webhook", Task: "fine", Body: []byte(`{}`)})
			Expect(err).NotTo(HaveOccurred())
			expectFinding(run()["notify.outbox"], doctor.Warn, "1 notifications wait for delivery", "--smtp-connect")
		})

		It("warns when the Event Log source is not registered, and skips where there is no Event Log", func() {
			opts.EventSource = func() (bool, bool, error) { return false, true, nil }
			expectFinding(run()["eventlog.source"], doctor.Warn, "not registered", "orc-exec eventlog install")
			opts.EventSource = func() (bool, bool, error) { return false, false, nil }
			Expect(run()["eventlog.source"].Status).To(Equal(doctor.Skip))
		})
	})

	Context("with a real SMTP server", func() {
		It("reads its greeting when asked to connect", func() {
			srv, err := smtptest.Start(smtptest.Options{})
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(srv.Close)
			settings := &notify.Settings{SMTP: notify.SMTP{Host: srv.Host, Port: srv.Port, TLS: notify.TLSNone, Auth: notify.AuthNone}, From: "orc@example.com", To: []string{"ops@example.com"}}
			Expect(notify.SaveSettings(notify.PathsOf(s), settings)).To(Succeed())
			opts.SMTPConnect = true
			c := run()["smtp.server"]
			Expect(c.Status).To(Equal(doctor.OK), c.Detail)
			Expect(c.Detail).To(MatchRegexp(`answered: 220 `))
			Expect(srv.Messages()).To(BeEmpty(), "no mail is sent")
		})
	})

	It("prints each check as one JSON line of schema orc.doctor/v1", func() {
		b, err := json.Marshal(doctor.Check{Schema: doctor.Schema, Name: "clock", Status: doctor.OK, Detail: "d"})
		Expect(err).NotTo(HaveOccurred())
		Expect(string(b)).To(Equal(`{"schema":"orc.doctor/v1","name":"clock","status":"ok","detail":"d"}`))
	})
})
