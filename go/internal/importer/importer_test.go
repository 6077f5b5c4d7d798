package importer_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/importer"
)

func read(name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	Expect(err).NotTo(HaveOccurred())
	return b
}

// byName indexes entries by name and checks every converted definition
// loads exactly as 'define' would load it.
func byName(es []importer.Entry) map[string]importer.Entry {
	out := map[string]importer.Entry{}
	for _, e := range es {
		if e.Status == importer.Converted {
			_, err := definition.Parse(e.Name+".json", e.Definition)
			Expect(err).NotTo(HaveOccurred(), "%s converts to a valid definition", e.Name)
		}
		out[e.Name] = e
	}
	return out
}

func def(e importer.Entry) map[string]any {
	Expect(e.Status).To(Equal(importer.Converted), "%s: %s %s", e.Name, e.Field, e.Reason)
	var m map[string]any
	Expect(json.Unmarshal(e.Definition, &m)).To(Succeed())
	return m
}

func at(m map[string]any, path string) any {
	var v any = m
	for _, k := range strings.Split(path, ".") {
		v = v.(map[string]any)[k]
	}
	return v
}

var _ = Describe("Crontab", func() {
	Context("when reading a real-world user crontab", func() {
		es := importer.Crontab(read("user.crontab"), "user.crontab", importer.CrontabOptions{})
		all := byName(es)

		It("returns one entry per schedule line, in order, with its file:line", func() {
			Expect(es).To(HaveLen(23))
			Expect(es[0].Source).To(Equal("user.crontab:9"))
			Expect(es[len(es)-1].Source).To(Equal("user.crontab:33"))
		})

		DescribeTable("converts steps as large as their range, keeping the expression", func(name, cron string) {
			Expect(at(def(all[name]), "schedule.cron")).To(Equal(cron))
		},
			Entry(nil, "rotate-tokens", "*/60 * * * *"),
			Entry(nil, "daily-rollup", "0 */24 * * *"),
			Entry(nil, "yearly-archive", "0 0 1 */12 *"),
			Entry(nil, "afternoon-sync", "0 15-15/3 * * *"),
			Entry(nil, "rotate-tokens-3", "*/60 */99 * * *"),
			Entry(nil, "report-hourly", "0 9-17/2 * * mon-fri"),
			Entry(nil, "report-weekly", "30 2 * * 7"),
			Entry(nil, "find-app", "@daily"),
		)

		It("applies env lines to the entries after them: SHELL runs the command, CRON_TZ, MAILTO, the rest as environment", func() {
			d := def(all["heartbeat"])
			Expect(at(d, "action.command")).To(Equal("/bin/bash"))
			Expect(at(d, "action.arguments")).To(Equal([]any{"-c", "/usr/local/bin/heartbeat.sh >/dev/null 2>&1"}))
			Expect(at(d, "action.environment")).To(Equal(map[string]any{"APP_ENV": "production",
				"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}))
			Expect(at(d, "schedule.timezone")).To(Equal("Europe/Berlin"))
			Expect(at(d, "notify")).To(Equal(map[string]any{"on": []any{"failure"}, "to": []any{"ops@example.com"}}))
			Expect(def(all["month-end"])).NotTo(HaveKey("notify"), "MAILTO=\"\" turns mail off")
		})

		It("reads % as Vixie cron does: \\% is a literal %, the first % starts stdin, further ones are line breaks", func() {
			Expect(at(def(all["pg-dump-app"]), "action.arguments")).To(Equal([]any{"-c", "pg_dump -Fc app > /backup/app-$(date +%Y%m%d).dump"}))
			Expect(at(def(all["mail-nightly"]), "action.arguments")).To(Equal([]any{"-c",
				"(mail -s \"nightly done\" ops@example.com) <<'ORC_STDIN'\nThe nightly job finished.\nBye\nORC_STDIN"}))
		})

		It("makes @reboot a startup schedule", func() {
			Expect(at(def(all["warm-cache"]), "schedule")).To(Equal(map[string]any{"startup": map[string]any{}}))
		})

		It("names tasks after the command, stably and without duplicates, unless '# orc:name=' says otherwise", func() {
			Expect(all).To(HaveKey("rotate-tokens-2"))
			Expect(all).To(HaveKey("cleanup-logs"))
			Expect(all).To(HaveKey("vacuum"), "cd dir && is skipped")
			again := importer.Crontab(read("user.crontab"), "user.crontab", importer.CrontabOptions{})
			for k := range es {
				Expect(again[k].Name).To(Equal(es[k].Name))
			}
		})

		It("trims leading blanks, tabs and trailing spaces", func() {
			Expect(at(def(all["report-morning"]), "action.arguments")).To(Equal([]any{"-c", "/opt/app/bin/report.py morning"}))
			Expect(at(def(all["poll-queue"]), "action.arguments")).To(Equal([]any{"-c", "/opt/app/bin/poll-queue --queue=orders"}))
		})

		DescribeTable("refuses, naming the field and the reason", func(source, field, reason string) {
			var e importer.Entry
			for _, x := range es {
				if x.Source == source {
					e = x
				}
			}
			Expect(e.Status).To(Equal(importer.Refused))
			Expect(e.Field).To(Equal(field))
			Expect(e.Reason).To(ContainSubstring(reason))
		},
			Entry("a date that never comes", "user.crontab:29", "schedule.cron", "matches no day"),
			Entry("minute 61", "user.crontab:30", "schedule.cron", "above maximum"),
			Entry("a continuation line", "user.crontab:31", "action.command", "no line continuation"),
			Entry("@every", "user.crontab:32", "schedule.cron", "not a known descriptor"),
		)
	})

	Context("when reading the /etc/cron.d format", func() {
		es := importer.Crontab(read("cron.d-backup"), "backup", importer.CrontabOptions{System: true})
		all := byName(es)

		It("reads the user column: root runs as system, another user as that user", func() {
			Expect(at(def(all["backup-full"]), "runAs")).To(Equal(map[string]any{"type": "user", "user": "backup"}))
			Expect(at(def(all["logrotate-logrotate-conf"]), "runAs")).To(Equal(map[string]any{"type": "system"}))
		})

		It("runs the command through sh when SHELL is /bin/sh", func() {
			d := def(all["anacron"])
			Expect(at(d, "action.shell")).To(BeTrue())
			Expect(at(d, "action.command")).To(Equal("test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )"))
		})

		It("refuses a line with no command", func() {
			Expect(es[len(es)-1].Status).To(Equal(importer.Refused))
			Expect(es[len(es)-1].Source).To(Equal("backup:11"))
		})
	})
})

var _ = Describe("TaskXML", func() {
	It("converts a weekly trigger exported as UTF-16 with a BOM, splitting the arguments as Windows does", func() {
		es := importer.TaskXML(read("weekly-backup.xml"), "weekly-backup.xml")
		Expect(es).To(HaveLen(1))
		d := def(byName(es)["nightly-backup"])
		Expect(at(d, "schedule.cron")).To(Equal("30 2 * * 1,3,5"))
		Expect(at(d, "action.command")).To(Equal(`C:\Tools\robocopy.exe`))
		Expect(at(d, "action.arguments")).To(Equal([]any{`D:\Shares`, `\\nas01\backup\Shares`, "/MIR", "/R:2", `/LOG:C:\Logs\backup log.txt`}))
		Expect(at(d, "action.workingDirectory")).To(Equal(`C:\Tools`))
		Expect(at(d, "timeout")).To(Equal("72h"))
	})

	It("converts a repetition that is the same every day", func() {
		es := importer.TaskXML(read("repeating-poller.xml"), "repeating-poller.xml")
		Expect(at(def(byName(es)["queue-poller"]), "schedule.cron")).To(Equal("5-50/15 * * * *"))
	})

	It("refuses a repetition whose last start Windows' readings disagree on", func() {
		es := importer.TaskXML(read("office-hours-sync.xml"), "office-hours-sync.xml")
		Expect(es).To(HaveLen(1))
		Expect(es[0].Status).To(Equal(importer.Refused))
		Expect(es[0].Field).To(Equal("Triggers.CalendarTrigger"))
		Expect(es[0].Reason).To(ContainSubstring("whole number of Intervals"))
	})

	DescribeTable("refuses what a cron cannot say exactly", func(triggers, actions, field, reason string) {
		doc := `<?xml version="1.0" encoding="UTF-8"?><Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">` +
			`<RegistrationInfo><URI>\x</URI></RegistrationInfo><Triggers>` + triggers + `</Triggers><Actions>` + actions + `</Actions></Task>`
		es := importer.TaskXML([]byte(doc), "x.xml")
		Expect(es).To(HaveLen(1))
		Expect(es[0].Status).To(Equal(importer.Refused))
		Expect(es[0].Field).To(Equal(field))
		Expect(es[0].Reason).To(ContainSubstring(reason))
	},
		Entry("an event trigger", `<EventTrigger><Subscription>x</Subscription></EventTrigger>`, `<Exec><Command>a.exe</Command></Exec>`, "Triggers.EventTrigger", "no cron equivalent"),
		Entry("an environment variable in the command", daily("09:00"), `<Exec><Command>%windir%\system32\cleanmgr.exe</Command></Exec>`, "Actions.Exec.Command", "orc-exec does not"),
		Entry("an environment variable in the arguments", daily("09:00"), `<Exec><Command>C:\t\a.exe</Command><Arguments>/log %TEMP%\a.log</Arguments></Exec>`, "Actions.Exec.Arguments", "%TEMP%"),
		Entry("two actions", daily("09:00"), `<Exec><Command>a.exe</Command></Exec><Exec><Command>b.exe</Command></Exec>`, "Actions", "has 2 actions"),
		Entry("a COM handler", daily("09:00"), `<ComHandler><ClassId>{1}</ClassId></ComHandler>`, "Actions", "ComHandler"),
		Entry("every 2 days", `<CalendarTrigger><StartBoundary>2026-01-01T09:00:00</StartBoundary><ScheduleByDay><DaysInterval>2</DaysInterval></ScheduleByDay></CalendarTrigger>`, `<Exec><Command>a.exe</Command></Exec>`, "Triggers.CalendarTrigger.ScheduleByDay.DaysInterval", "counts from the start date"),
		Entry("an end date", `<CalendarTrigger><StartBoundary>2026-01-01T09:00:00</StartBoundary><EndBoundary>2027-01-01T00:00:00</EndBoundary><ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay></CalendarTrigger>`, `<Exec><Command>a.exe</Command></Exec>`, "Triggers.CalendarTrigger.EndBoundary", "no end date"),
		Entry("a whole-day repetition on some weekdays (a start at its end would fall on the next day)", `<CalendarTrigger><Repetition><Interval>PT5M</Interval><Duration>P1D</Duration></Repetition><StartBoundary>2026-01-01T00:00:00</StartBoundary><ScheduleByWeek><WeeksInterval>1</WeeksInterval><DaysOfWeek><Friday/></DaysOfWeek></ScheduleByWeek></CalendarTrigger>`, `<Exec><Command>a.exe</Command></Exec>`, "Triggers.CalendarTrigger", "PT23H59M instead of P1D"),
		Entry("triggers differing in days and times", daily("09:00")+`<CalendarTrigger><StartBoundary>2026-01-01T10:00:00</StartBoundary><ScheduleByMonth><DaysOfMonth><Day>1</Day></DaysOfMonth></ScheduleByMonth></CalendarTrigger>`, `<Exec><Command>a.exe</Command></Exec>`, "Triggers", "differ in both days and times"),
		Entry("triggers whose times are no minutes x hours grid", daily("09:00")+daily("10:30"), `<Exec><Command>a.exe</Command></Exec>`, "Triggers.Repetition", "not every listed minute of every listed hour"),
		Entry("an event trigger beside a calendar trigger", daily("09:00")+`<EventTrigger><Subscription>x</Subscription></EventTrigger>`, `<Exec><Command>a.exe</Command></Exec>`, "Triggers.EventTrigger[1]", "no cron equivalent"),
		Entry("a start with seconds", `<CalendarTrigger><StartBoundary>2026-01-01T09:00:30</StartBoundary><ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay></CalendarTrigger>`, `<Exec><Command>a.exe</Command></Exec>`, "Triggers.CalendarTrigger.StartBoundary", "whole minutes"),
	)

	DescribeTable("converts calendar triggers whose starts a cron repeats exactly (round trip through the simulator)", func(trigger, cron string) {
		doc := `<?xml version="1.0" encoding="UTF-8"?><Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">` +
			`<RegistrationInfo><URI>\x</URI></RegistrationInfo><Triggers>` + trigger + `</Triggers><Actions><Exec><Command>a.exe</Command></Exec></Actions></Task>`
		es := importer.TaskXML([]byte(doc), "x.xml")
		Expect(at(def(byName(es)["x"]), "schedule.cron")).To(Equal(cron))
	},
		Entry("daily", daily("06:15"), "15 6 * * *"),
		Entry("monthly on days and the last day", `<CalendarTrigger><StartBoundary>2026-01-01T01:00:00</StartBoundary><ScheduleByMonth><DaysOfMonth><Day>1</Day><Day>15</Day><Day>Last</Day></DaysOfMonth><Months><January/><July/></Months></ScheduleByMonth></CalendarTrigger>`, "0 1 1,15,L 1,7 *"),
		Entry("the second Tuesday", `<CalendarTrigger><StartBoundary>2026-01-01T20:00:00</StartBoundary><ScheduleByMonthDayOfWeek><Weeks><Week>2</Week></Weeks><DaysOfWeek><Tuesday/></DaysOfWeek></ScheduleByMonthDayOfWeek></CalendarTrigger>`, "0 20 * * 2#2"),
		Entry("two daily triggers", daily("09:00")+daily("17:00"), "0 9,17 * * *"),
		Entry("weekly triggers at the same time on different days", weekly("07:45", "Monday")+weekly("07:45", "Thursday"), "45 7 * * 1,4"),
		Entry("every 30 minutes indefinitely", `<TimeTrigger><Repetition><Interval>PT30M</Interval></Repetition><StartBoundary>2026-01-01T00:10:00</StartBoundary></TimeTrigger>`, "10,40 * * * *"),
	)

	DescribeTable("maps the principal to runAs, and refuses one a definition cannot say",
		func(principal string, runAs map[string]any, field, reason string) {
			doc := `<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><RegistrationInfo><URI>\p</URI></RegistrationInfo>` +
				`<Principals><Principal id="Author">` + principal + `</Principal></Principals>` +
				`<Actions><Exec><Command>a.exe</Command></Exec></Actions></Task>`
			es := importer.TaskXML([]byte(doc), "p.xml")
			if runAs != nil {
				Expect(at(def(es[0]), "runAs")).To(Equal(runAs))
				return
			}
			Expect(es[0].Status).To(Equal(importer.Refused))
			Expect(es[0].Field).To(Equal(field))
			Expect(es[0].Reason).To(ContainSubstring(reason))
		},
		Entry("SYSTEM", `<UserId>S-1-5-18</UserId><RunLevel>HighestAvailable</RunLevel>`, map[string]any{"type": "system"}, "", ""),
		Entry("SYSTEM, limited", `<UserId>S-1-5-18</UserId><RunLevel>LeastPrivilege</RunLevel>`, map[string]any{"type": "system", "runLevel": "limited"}, "", ""),
		Entry("a user with a stored password", `<UserId>CORP\svc</UserId><LogonType>Password</LogonType><RunLevel>HighestAvailable</RunLevel>`, map[string]any{"type": "user", "user": `CORP\svc`, "logonType": "password", "runLevel": "highest"}, "", ""),
		Entry("a user by S4U", `<UserId>CORP\svc</UserId><LogonType>S4U</LogonType>`, map[string]any{"type": "user", "user": `CORP\svc`, "logonType": "s4u"}, "", ""),
		Entry("a gMSA", `<UserId>CORP\orc$</UserId><LogonType>Password</LogonType>`, map[string]any{"type": "gmsa", "user": `CORP\orc$`}, "", ""),
		Entry("only while logged on", `<UserId>CORP\ann</UserId><LogonType>InteractiveToken</LogonType>`, nil, "Principals.Principal.LogonType", "only while that user is logged on"),
		Entry("a group", `<GroupId>S-1-5-32-545</GroupId>`, nil, "Principals.Principal.GroupId", "for the group"),
		Entry("NETWORK SERVICE", `<UserId>S-1-5-20</UserId>`, nil, "Principals.Principal.UserId", "S-1-5-20"),
	)

	It("keeps the start of a description longer than a definition allows", func() {
		doc := `<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><RegistrationInfo><URI>\d</URI><Description>` +
			strings.Repeat("é", 3000) + `</Description></RegistrationInfo><Actions><Exec><Command>a.exe</Command></Exec></Actions></Task>`
		d := def(importer.TaskXML([]byte(doc), "d.xml")[0])
		Expect([]rune(d["description"].(string))).To(HaveLen(definition.MaxDescriptionLen))
	})

	It("maps a boot trigger to a startup schedule with its delay", func() {
		doc := `<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><RegistrationInfo><URI>\Boot Job</URI></RegistrationInfo><Triggers><BootTrigger><Delay>PT2M</Delay></BootTrigger></Triggers><Actions><Exec><Command>a.exe</Command></Exec></Actions></Task>`
		Expect(at(def(byName(importer.TaskXML([]byte(doc), "b.xml"))["boot-job"]), "schedule")).To(Equal(map[string]any{"startup": map[string]any{"delay": "2m"}}))
	})
})

func weekly(hhmm, day string) string {
	return `<CalendarTrigger><StartBoundary>2026-01-01T` + hhmm + `:00</StartBoundary><ScheduleByWeek><WeeksInterval>1</WeeksInterval><DaysOfWeek><` + day + `/></DaysOfWeek></ScheduleByWeek></CalendarTrigger>`
}

func daily(hhmm string) string {
	return `<CalendarTrigger><StartBoundary>2026-01-01T` + hhmm + `:00</StartBoundary><ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay></CalendarTrigger>`
}

var _ = Describe("task lists", func() {
	It("reads a JSON list: arguments, dependencies, retries, timeout and notify", func() {
		es := importer.ListJSON(read("tasks.json"), "tasks.json")
		Expect(es).To(HaveLen(6))
		all := byName(es)
		d := def(es[0])
		Expect(at(d, "retry.attempts")).To(BeNumerically("==", 3))
		Expect(at(d, "timeout")).To(Equal("2h"))
		Expect(at(d, "notify.to")).To(Equal([]any{"ops@example.com"}))
		r := def(all["report"])
		Expect(at(r, "schedule.cron")).To(Equal("*/60 9-17 * * 1-5"))
		Expect(at(r, "dependencies.checks")).To(HaveLen(4))
		Expect(all["bad-cron"].Field).To(Equal("cron"))
		Expect(all["bad-timeout"].Field).To(Equal("timeout"))
		Expect(es[4].Reason).To(ContainSubstring(`unknown field "retry"`))
		Expect(es[5].Status).To(Equal(importer.Refused))
		Expect(es[5].Reason).To(ContainSubstring("used by an earlier task"))
	})

	It("reads a CSV list: quoted arguments, ';' lists, file:line sources", func() {
		es := importer.ListCSV(read("tasks.csv"), "tasks.csv")
		Expect(es).To(HaveLen(4))
		d := def(es[0])
		Expect(at(d, "action.arguments")).To(Equal([]any{"-Fc", "-f", "/backup/db dump.sql", "app"}))
		Expect(at(d, "notify.to")).To(Equal([]any{"ops@example.com", "dba@example.com"}))
		Expect(es[1].Source).To(Equal("tasks.csv:3"))
		Expect(at(def(es[1]), "dependencies.checks")).To(HaveLen(2))
		Expect(es[2].Field).To(Equal("cron"))
		Expect(es[3].Field).To(Equal("notify"))
	})
})

var _ = Describe("TaskXML (property: triggers a cron can say convert, and the cron starts at the same minutes)", func() {
	It("converts random weekly triggers repeating every divisor of an hour, all day", func() {
		days := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
		intervals := []int{5, 10, 12, 15, 20, 30, 60}
		for k := range 60 {
			iv := intervals[k%len(intervals)]
			var dow strings.Builder
			for d := range days {
				if (k+d)%3 != 0 {
					dow.WriteString("<" + days[d] + "/>")
				}
			}
			trig := `<CalendarTrigger><Repetition><Interval>PT` + itoa(iv) + `M</Interval><Duration>PT23H59M</Duration></Repetition>` +
				`<StartBoundary>2026-02-0` + itoa(1+k%9) + `T00:0` + itoa(k%5) + `:00</StartBoundary>` +
				`<ScheduleByWeek><WeeksInterval>1</WeeksInterval><DaysOfWeek>` + dow.String() + `</DaysOfWeek></ScheduleByWeek></CalendarTrigger>`
			doc := `<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><RegistrationInfo><URI>\p</URI></RegistrationInfo><Triggers>` +
				trig + `</Triggers><Actions><Exec><Command>a.exe</Command></Exec></Actions></Task>`
			es := importer.TaskXML([]byte(doc), "p.xml")
			Expect(es[0].Status).To(Equal(importer.Converted), "%s: %s %s", trig, es[0].Field, es[0].Reason)
		}
	})
})

func itoa(n int) string { return strconv.Itoa(n) }
