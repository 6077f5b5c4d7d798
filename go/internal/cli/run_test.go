package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/lock"
	"github.com/orchestrator/orchestrator/go/internal/logging"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

var _ = Describe("orc-exec run", func() {
	var o *orc
	BeforeEach(func() { o = newOrc() })

	It("runs the task, prints its record as one JSON line, and history shows it", func() {
		o.define("hello", "ok", nil)
		inv := o.run("run", "hello", "--output", "json")
		Expect(inv.code).To(Equal(0), inv.stderr)
		r := record(inv)
		Expect(r.Status).To(Equal(result.Success))
		Expect(r.OutputTail).To(ContainSubstring("hello from the command"))

		h := o.run("history", "hello", "--output", "json")
		Expect(h.code).To(Equal(0))
		Expect(record(h).RunID).To(Equal(r.RunID))
	})

	It("exits 10 with the error on stderr for a task that does not exist", func() {
		inv := o.run("run", "nope")
		Expect(inv.code).To(Equal(10))
		Expect(inv.stdout).To(BeEmpty())
		Expect(inv.stderr).To(ContainSubstring(`task "nope" not found`))
	})

	Context("when its result cannot be recorded (disk full)", func() {
		It("exits 70 and says why on stderr, not only in the record on stdout", func() {
			o.define("full", "ok", nil)
			Expect(os.MkdirAll(filepath.Join(o.home, "history", "full.jsonl"), 0o700)).To(Succeed())
			inv := o.run("run", "full", "--output", "json")
			Expect(inv.code).To(Equal(70))
			Expect(record(inv).Status).To(Equal(result.Error))
			Expect(inv.stderr).To(ContainSubstring("orc-exec: error: "))
			Expect(inv.stderr).To(ContainSubstring("could not record"))
		})
	})

	Context("when its log is due for rotation while another run holds the task and the log", func() {
		// On Windows the rotation (a rename) failed while the other run had
		// the log open, and the second start exited 70 without a record
		// instead of being skipped.
		It("is skipped (exit 7, recorded) and rotates nothing under the running run", func() {
			o.define("busy", "ok", nil)
			logPath := filepath.Join(o.home, "logs", "busy.log")
			Expect(os.WriteFile(logPath, []byte(strings.Repeat("x", 11<<20)), 0o600)).To(Succeed())
			other, err := logging.OpenFile(logPath, logging.DefaultRotation)
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(other.Close)
			held := lock.New(filepath.Join(o.home, "locks", "busy.lock"))
			Expect(held.TryAcquire(lock.Self("running-run"))).To(Succeed())
			DeferCleanup(held.Release)

			inv := o.run("run", "busy", "--output", "json")
			Expect(inv.code).To(Equal(7), inv.stderr)
			Expect(record(inv).Status).To(Equal(result.Skipped))
			Expect(logPath + ".1").NotTo(BeAnExistingFile())
		})

		It("rotates it once the lock is free", func() {
			o.define("big", "ok", nil)
			logPath := filepath.Join(o.home, "logs", "big.log")
			Expect(os.WriteFile(logPath, []byte(strings.Repeat("x", 11<<20)), 0o600)).To(Succeed())
			other, err := logging.OpenFile(logPath, logging.DefaultRotation)
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(other.Close)

			inv := o.run("run", "big", "--output", "json")
			Expect(inv.code).To(Equal(0), inv.stderr)
			Expect(logPath + ".1").To(BeAnExistingFile())
			b, err := os.ReadFile(logPath)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(b)).To(ContainSubstring("Run finished"))
		})
	})
})

var _ = Describe("orc-exec stop", func() {
	var o *orc
	BeforeEach(func() { o = newOrc() })

	It("exits 0 and says so on stderr when no run is in progress", func() {
		o.define("idle", "ok", nil)
		inv := o.run("stop", "idle")
		Expect(inv.code).To(Equal(0))
		Expect(inv.stdout).To(BeEmpty())
		Expect(inv.stderr).To(ContainSubstring("no run of idle is in progress"))
	})

	It("exits 10 for a task that does not exist", func() {
		Expect(o.run("stop", "nope").code).To(Equal(10))
	})

	It("refuses a grace that is not a positive duration with exit 2", func() {
		o.define("idle", "ok", nil)
		inv := o.run("stop", "idle", "--grace", "soon")
		Expect(inv.code).To(Equal(2))
		Expect(inv.stderr).To(ContainSubstring("--grace"))
	})

	It("stops a running run: it records STOPPED and exits 130, stop prints that record and exits 0", func() {
		if runtime.GOOS != "windows" {
			Skip("on Unix the request is SIGTERM to orc-exec, which would end this spec process: see the e2e specs")
		}
		o.define("long", "block", nil)
		done := make(chan invocation, 1)
		go func() {
			defer GinkgoRecover()
			done <- o.run("run", "long", "--output", "json")
		}()
		Eventually(filepath.Join(o.dir, "started")).WithTimeout(30 * time.Second).Should(BeAnExistingFile())
		stop := o.main(context.Background(), "", "stop", "long", "--output", "json")
		Expect(stop.code).To(Equal(0), stop.stderr)
		var run invocation
		Eventually(done).Should(Receive(&run))
		Expect(run.code).To(Equal(130))
		r := record(run)
		Expect(r.Status).To(Equal(result.Stopped))
		Expect(record(stop).RunID).To(Equal(r.RunID))
	})
})
