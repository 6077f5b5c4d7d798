package taskxml_test

import (
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

// asExported rewrites a rendered task the way Task Scheduler hands it back
// from Export-ScheduledTask after registering it, without changing what the
// task does: a UTF-16 declaration, CRLF and other indentation, a new
// RegistrationInfo (Date, Author), a renamed principal id and Context,
// Settings in another order with the default IdleSettings added, booleans in
// another case and durations in another spelling.
func asExported(xml string) string {
	r := strings.NewReplacer(
		"\n", "\r\n",
		"  ", "\t",
		`<Principal id="Author">`, `<Principal id="LocalSystem">`,
		`<Actions Context="Author">`, `<Actions Context="LocalSystem">`,
		"<Date>2025-07-01T10:00:00</Date>", "<Date>2026-11-30T21:14:03.1234567</Date>",
		"<Author>CORP\\admin</Author>", "<Author>CORP\\someone-else</Author>",
		"<AllowHardTerminate>true</AllowHardTerminate>", "<AllowHardTerminate>True</AllowHardTerminate>",
		"<ExecutionTimeLimit>PT7H28M</ExecutionTimeLimit>", "<ExecutionTimeLimit>PT448M</ExecutionTimeLimit>",
		"<Priority>7</Priority>", "<IdleSettings><StopOnIdleEnd>true</StopOnIdleEnd><RestartOnIdle>false</RestartOnIdle></IdleSettings>",
		"<MultipleInstancesPolicy>Queue</MultipleInstancesPolicy>", "",
		"</Settings>", "<MultipleInstancesPolicy>Queue</MultipleInstancesPolicy><UseUnifiedSchedulingEngine>false</UseUnifiedSchedulingEngine></Settings>",
		"<UserId>CORP\\svc-export$</UserId>", "<UserId>corp\\SVC-EXPORT$</UserId>",
	)
	return `<?xml version="1.0" encoding="UTF-16"?>` + "\r\n" + r.Replace(xml)
}

var _ = Describe("Diff (registered task XML against the rendered one)", func() {
	var golden string

	BeforeEach(func() {
		b, err := os.ReadFile(filepath.Join("testdata", "db-export.golden.xml"))
		Expect(err).NotTo(HaveOccurred())
		golden = string(b)
	})

	It("finds no difference between a rendered task and itself", func() {
		Expect(taskxml.Diff([]byte(golden), []byte(golden))).To(BeEmpty())
	})

	It("finds no difference in what Task Scheduler rewrites on registration", func() {
		exported := asExported(golden)
		Expect(exported).NotTo(Equal(golden))
		Expect(taskxml.Diff([]byte(exported), []byte(golden))).To(BeEmpty())
	})

	It("treats the spellings of the SYSTEM account and its ServiceAccount logon as one", func() {
		rendered := strings.Replace(golden, "<UserId>CORP\\svc-export$</UserId>\n      <LogonType>Password</LogonType>", "<UserId>S-1-5-18</UserId>", 1)
		exported := strings.Replace(golden, "<UserId>CORP\\svc-export$</UserId>\n      <LogonType>Password</LogonType>", "<UserId>NT AUTHORITY\\SYSTEM</UserId><LogonType>ServiceAccount</LogonType>", 1)
		Expect(rendered).NotTo(Equal(golden))
		Expect(taskxml.Diff([]byte(exported), []byte(rendered))).To(BeEmpty())
	})

	DescribeTable("names the section a hand edit in taskschd.msc changed",
		func(from, to string, want []string) {
			Expect(golden).To(ContainSubstring(from))
			edited := asExported(strings.Replace(golden, from, to, 1))
			Expect(edited).NotTo(Equal(asExported(golden)), "the edit must apply")
			Expect(taskxml.Diff([]byte(edited), []byte(golden))).To(Equal(want))
		},
		Entry("a trigger's start time", "<StartBoundary>2025-07-07T02:30:00</StartBoundary>", "<StartBoundary>2025-07-07T03:30:00</StartBoundary>", []string{"Triggers"}),
		Entry("a day taken out of a weekly trigger", "<Friday></Friday>", "", []string{"Triggers"}),
		Entry("a trigger disabled", "<Enabled>true</Enabled>\n      <RandomDelay>", "<Enabled>false</Enabled><RandomDelay>", []string{"Triggers"}),
		Entry("the account", "<UserId>CORP\\svc-export$</UserId>", "<UserId>CORP\\admin</UserId>", []string{"Principal"}),
		Entry("the run level", "<RunLevel>HighestAvailable</RunLevel>", "<RunLevel>LeastPrivilege</RunLevel>", []string{"Principal"}),
		Entry("the time limit", "<ExecutionTimeLimit>PT7H28M</ExecutionTimeLimit>", "<ExecutionTimeLimit>PT72H</ExecutionTimeLimit>", []string{"Settings"}),
		Entry("start when available", "<StartWhenAvailable>true</StartWhenAvailable>", "<StartWhenAvailable>false</StartWhenAvailable>", []string{"Settings"}),
		Entry("the program", "<Command>C:\\Program Files\\Orchestrator\\orc-exec.exe</Command>", "<Command>C:\\Temp\\orc-exec.exe</Command>", []string{"Actions"}),
		Entry("the arguments", "<Arguments>run db-export --home D:\\Orchestrator</Arguments>", "<Arguments>run other --home D:\\Orchestrator</Arguments>", []string{"Actions"}),
		Entry("a second trigger added", "</CalendarTrigger>", "</CalendarTrigger><BootTrigger></BootTrigger>", []string{"Triggers"}),
	)

	It("reports several sections in a fixed order", func() {
		edited := strings.Replace(strings.Replace(golden, "<RunLevel>HighestAvailable</RunLevel>", "", 1), "<Friday></Friday>", "", 1)
		Expect(taskxml.Diff([]byte(edited), []byte(golden))).To(Equal([]string{"Triggers", "Principal"}))
	})

	It("says which side is not task XML", func() {
		_, err := taskxml.Diff([]byte("<NotATask/>"), []byte(golden))
		Expect(err).To(MatchError(ContainSubstring("could not read the registered task XML")))
		_, err = taskxml.Diff([]byte(golden), []byte("<Task"))
		Expect(err).To(MatchError(ContainSubstring("could not read the rendered task XML")))
	})
})
