package eventlog_test

import (
	"strconv"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/eventlog"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// outcomes is every final record shape a run can end with.
var outcomes = []struct {
	name  string
	rec   result.Record
	id    uint32
	level eventlog.Level
}{
	{"SUCCESS", result.Record{Status: result.Success, OrcExitCode: int(exitcode.Success)}, eventlog.IDSuccess, eventlog.Info},
	{"FAILED (command)", result.Record{Status: result.Failed, OrcExitCode: int(exitcode.CommandFailed)}, eventlog.IDFailed, eventlog.Error},
	{"TIMEOUT", result.Record{Status: result.Timeout, OrcExitCode: int(exitcode.Timeout)}, eventlog.IDTimeout, eventlog.Error},
	{"FAILED (dependencies)", result.Record{Status: result.Failed, OrcExitCode: int(exitcode.DependencyUnmet)}, eventlog.IDDepsFailed, eventlog.Error},
	{"SKIPPED (dependencies)", result.Record{Status: result.Skipped, OrcExitCode: int(exitcode.DependencyUnmet)}, eventlog.IDDepsSkipped, eventlog.Warn},
	{"SKIPPED (overlap)", result.Record{Status: result.Skipped, OrcExitCode: int(exitcode.OverlapSkipped)}, eventlog.IDOverlapSkip, eventlog.Warn},
	{"DISABLED", result.Record{Status: result.Disabled, OrcExitCode: int(exitcode.Disabled)}, eventlog.IDDisabled, eventlog.Info},
	{"STOPPED", result.Record{Status: result.Stopped, OrcExitCode: int(exitcode.Interrupted)}, eventlog.IDStopped, eventlog.Warn},
	{"ERROR", result.Record{Status: result.Error, OrcExitCode: int(exitcode.Internal)}, eventlog.IDError, eventlog.Error},
}

var _ = Describe("Classify", func() {
	for _, o := range outcomes {
		It("gives "+o.name+" event "+strconv.Itoa(int(o.id))+" at level "+o.level.String(), func() {
			id, level := eventlog.Classify(o.rec)
			Expect(id).To(Equal(o.id))
			Expect(level).To(Equal(o.level))
		})
	}

	It("gives each outcome its own ID, within EventCreate's 1..1000", func() {
		seen := map[uint32]string{}
		for _, o := range outcomes {
			id, _ := eventlog.Classify(o.rec)
			Expect(seen).NotTo(HaveKey(id), "%s shares an ID with %s", o.name, seen[id])
			seen[id] = o.name
			Expect(id).To(BeNumerically(">=", 1))
			Expect(id).To(BeNumerically("<=", 1000))
		}
	})

	It("gives a status this build does not know the catch-all warning, not a success", func() {
		id, level := eventlog.Classify(result.Record{Status: "SOMETHING-NEW"})
		Expect(id).To(Equal(eventlog.IDOther))
		Expect(level).To(Equal(eventlog.Warn))
	})
})

var _ = Describe("OutcomeEvent", func() {
	It("starts with a sentence, then the task, run ID, status, duration, exit code and reason as separate strings", func() {
		e := eventlog.OutcomeEvent(result.Record{Task: "db-export", RunID: "r-1", Status: result.Failed,
			OrcExitCode: int(exitcode.CommandFailed), DurationMs: 1500, ExitCode: 3, Reason: "exit code 3"})
		Expect(e.ID).To(Equal(eventlog.IDFailed))
		Expect(e.Strings).To(HaveLen(1 + len(eventlog.OutcomeFields)))
		Expect(e.Strings[0]).To(Equal("Task db-export: FAILED after 1.5s, exit code 3: exit code 3 (run r-1)"))
		Expect(e.Strings[1:]).To(Equal([]string{"db-export", "r-1", "FAILED", "1500", "3", "exit code 3"}))
	})
})

var _ = Describe("the sink of this platform", func() {
	It("accepts every outcome and warning without error", func() {
		s, err := eventlog.Open(eventlog.Source)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(s.Close)
		for _, o := range outcomes {
			rec := o.rec
			rec.Task, rec.RunID = "spec-task", "spec-run"
			Expect(s.Outcome(rec)).To(Succeed(), o.name)
		}
		Expect(s.Warning(eventlog.IDOutboxBacklog, "12 notifications wait in the outbox", "12")).To(Succeed())
	})
})
