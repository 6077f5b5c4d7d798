package taskxml_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/schedule"
	"github.com/orchestrator/orchestrator/go/internal/taskxml"
)

const execPath = `C:\Program Files\Orchestrator\orc-exec.exe`

var opts = taskxml.Options{ExecPath: execPath}

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04", s)
	Expect(err).NotTo(HaveOccurred())
	return t
}

func newTask(name string) *definition.Task {
	t := &definition.Task{Name: name, Action: definition.Action{Command: `C:\Tools\x.exe`}}
	t.ApplyDefaults()
	return t
}

func render(t *definition.Task, p schedule.Plan, o taskxml.Options) string {
	GinkgoHelper()
	b, err := taskxml.Render(t, p, o)
	Expect(err).NotTo(HaveOccurred())
	expectSchemaValid(b)
	return string(b)
}

func plan(ts ...schedule.Trigger) schedule.Plan { return schedule.Plan{Triggers: ts} }

// squash removes the indentation so specs can match element sequences.
func squash(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimSpace(l))
	}
	return b.String()
}

var _ = Describe("Render", func() {
	DescribeTable("every trigger kind validates against the XSD and renders its fields",
		func(tr schedule.Trigger, want ...string) {
			out := squash(render(newTask("kinds"), plan(tr), opts))
			for _, w := range want {
				Expect(out).To(ContainSubstring(w))
			}
		},
		Entry("once with indefinite repetition and a random delay",
			schedule.Trigger{Kind: schedule.Once, Start: at("2025-07-01T09:00"), RandomDelay: 90 * time.Second,
				Repetition: &schedule.Repetition{Interval: 15 * time.Minute}},
			"<TimeTrigger><Repetition><Interval>PT15M</Interval><StopAtDurationEnd>false</StopAtDurationEnd></Repetition>"+
				"<StartBoundary>2025-07-01T09:00:00</StartBoundary><Enabled>true</Enabled><RandomDelay>PT1M30S</RandomDelay></TimeTrigger>"),
		Entry("daily with a bounded repetition",
			schedule.Trigger{Kind: schedule.Daily, Start: at("2025-07-01T09:00"), DaysInterval: 2,
				Repetition: &schedule.Repetition{Interval: time.Hour, Duration: 8*time.Hour + time.Minute, StopAtDurationEnd: true}},
			"<Repetition><Interval>PT1H</Interval><Duration>PT8H1M</Duration><StopAtDurationEnd>true</StopAtDurationEnd></Repetition>",
			"<ScheduleByDay><DaysInterval>2</DaysInterval></ScheduleByDay>"),
		Entry("daily with DaysInterval 0 means every day",
			schedule.Trigger{Kind: schedule.Daily, Start: at("2025-07-01T09:00")},
			"<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>"),
		Entry("weekly on several days, every other week, with an end",
			schedule.Trigger{Kind: schedule.Weekly, Start: at("2025-07-07T06:30"), End: at("2026-01-01T00:00"), WeeksInterval: 2,
				DaysOfWeek: []time.Weekday{time.Friday, time.Monday, time.Sunday}},
			"<StartBoundary>2025-07-07T06:30:00</StartBoundary><EndBoundary>2026-01-01T00:00:00</EndBoundary><Enabled>true</Enabled>",
			"<ScheduleByWeek><WeeksInterval>2</WeeksInterval><DaysOfWeek><Monday></Monday><Friday></Friday><Sunday></Sunday></DaysOfWeek></ScheduleByWeek>"),
		Entry("monthly on days and the last day, some months",
			schedule.Trigger{Kind: schedule.Monthly, Start: at("2025-07-01T02:00"), DaysOfMonth: []int{15, 1, 15}, LastDayOfMonth: true,
				Months: []time.Month{time.July, time.January}},
			"<ScheduleByMonth><DaysOfMonth><Day>1</Day><Day>15</Day><Day>Last</Day></DaysOfMonth><Months><January></January><July></July></Months></ScheduleByMonth>"),
		Entry("monthly with no months listed writes all twelve",
			schedule.Trigger{Kind: schedule.Monthly, Start: at("2025-07-01T02:00"), DaysOfMonth: []int{31}},
			"<Months><January></January><February></February><March></March><April></April><May></May><June></June>"+
				"<July></July><August></August><September></September><October></October><November></November><December></December></Months>"),
		Entry("monthly day of week, first and last week",
			schedule.Trigger{Kind: schedule.MonthlyDOW, Start: at("2025-07-01T02:00"), Weeks: []int{schedule.LastWeek, 1},
				DaysOfWeek: []time.Weekday{time.Tuesday}, Months: []time.Month{time.March}, RandomDelay: time.Hour},
			"<RandomDelay>PT1H</RandomDelay><ScheduleByMonthDayOfWeek><Weeks><Week>1</Week><Week>Last</Week></Weeks>"+
				"<DaysOfWeek><Tuesday></Tuesday></DaysOfWeek><Months><March></March></Months></ScheduleByMonthDayOfWeek>"),
		Entry("boot with a delay",
			schedule.Trigger{Kind: schedule.Boot, Delay: 2 * time.Minute},
			"<BootTrigger><Enabled>true</Enabled><Delay>PT2M</Delay></BootTrigger>"),
		Entry("logon of one user with a delay",
			schedule.Trigger{Kind: schedule.Logon, UserID: `CORP\alice`, Delay: 30 * time.Second},
			`<LogonTrigger><Enabled>true</Enabled><UserId>CORP\alice</UserId><Delay>PT30S</Delay></LogonTrigger>`),
		Entry("logon of any user",
			schedule.Trigger{Kind: schedule.Logon},
			"<LogonTrigger><Enabled>true</Enabled></LogonTrigger>"),
	)

	It("renders no Triggers content for an on-demand task, and 48 triggers at most", func() {
		out := render(newTask("on-demand"), schedule.Plan{}, opts)
		Expect(out).To(ContainSubstring("<Triggers></Triggers>"))

		var ts []schedule.Trigger
		for i := range taskxml.MaxTriggers {
			ts = append(ts, schedule.Trigger{Kind: schedule.Daily, Start: at("2025-07-01T00:00").Add(time.Duration(i) * time.Minute)})
		}
		out = render(newTask("many"), plan(ts...), opts)
		Expect(strings.Count(out, "<CalendarTrigger>")).To(Equal(48))
	})

	It("writes the trigger base in Windows' export order: Repetition, StartBoundary, EndBoundary, Enabled", func() {
		out := render(newTask("order"), plan(schedule.Trigger{Kind: schedule.Daily, Start: at("2025-07-01T09:00"), End: at("2025-08-01T09:00"),
			Repetition: &schedule.Repetition{Interval: time.Hour}}), opts)
		idx := func(s string) int { return strings.Index(out, s) }
		Expect(idx("<Repetition>")).To(BeNumerically("<", idx("<StartBoundary>")))
		Expect(idx("<StartBoundary>")).To(BeNumerically("<", idx("<EndBoundary>")))
		Expect(idx("<EndBoundary>")).To(BeNumerically("<", idx("<Enabled>")))
		Expect(idx("<Enabled>")).To(BeNumerically("<", idx("<ScheduleByDay>")))
		Expect(out).NotTo(ContainSubstring("P99999999DT23H59M59S"))
		Expect(out).NotTo(ContainSubstring("<Duration>"), "an indefinite repetition omits Duration")
	})

	It("writes wall-time boundaries without an offset and absolute ones with it", func() {
		ny, err := time.LoadLocation("America/New_York")
		Expect(err).NotTo(HaveOccurred())
		start := time.Date(2026, 3, 1, 9, 0, 0, 0, ny)
		out := render(newTask("zones"), plan(
			schedule.Trigger{Kind: schedule.Daily, Start: start},
			schedule.Trigger{Kind: schedule.Once, Start: start, Absolute: true, Repetition: &schedule.Repetition{Interval: time.Hour}},
		), opts)
		Expect(out).To(ContainSubstring("<StartBoundary>2026-03-01T09:00:00</StartBoundary>"))
		Expect(out).To(ContainSubstring("<StartBoundary>2026-03-01T09:00:00-05:00</StartBoundary>"))
	})

	DescribeTable("every principal kind; Actions Context is the Principal id",
		func(r *definition.RunAs, want string) {
			t := newTask("principal")
			t.RunAs = r
			out := squash(render(t, schedule.Plan{}, opts))
			Expect(out).To(ContainSubstring(`<Principals><Principal id="Author">` + want + `</Principal></Principals>`))
			Expect(out).To(ContainSubstring(`<Actions Context="Author">`))
		},
		Entry("default is SYSTEM, highest", nil, "<UserId>S-1-5-18</UserId><RunLevel>HighestAvailable</RunLevel>"),
		Entry("system", &definition.RunAs{Type: "system"}, "<UserId>S-1-5-18</UserId><RunLevel>HighestAvailable</RunLevel>"),
		Entry("system, limited", &definition.RunAs{Type: "system", RunLevel: "limited"}, "<UserId>S-1-5-18</UserId><RunLevel>LeastPrivilege</RunLevel>"),
		Entry("user, default S4U", &definition.RunAs{Type: "user", User: `CORP\svc`},
			`<UserId>CORP\svc</UserId><LogonType>S4U</LogonType><RunLevel>LeastPrivilege</RunLevel>`),
		Entry("user, password, highest", &definition.RunAs{Type: "user", User: `CORP\svc`, LogonType: "password", RunLevel: "highest"},
			`<UserId>CORP\svc</UserId><LogonType>Password</LogonType><RunLevel>HighestAvailable</RunLevel>`),
		Entry("gMSA", &definition.RunAs{Type: "gmsa", User: `CORP\svc-orc$`},
			`<UserId>CORP\svc-orc$</UserId><LogonType>Password</LogonType><RunLevel>LeastPrivilege</RunLevel>`),
	)

	DescribeTable("every overlap policy maps to a MultipleInstancesPolicy",
		func(o definition.Overlap, want string) {
			t := newTask("overlap")
			t.Overlap = o
			Expect(render(t, schedule.Plan{}, opts)).To(ContainSubstring("<MultipleInstancesPolicy>" + want + "</MultipleInstancesPolicy>"))
		},
		Entry(nil, definition.OverlapSkip, "IgnoreNew"),
		Entry(nil, definition.OverlapQueue, "Queue"),
		Entry(nil, definition.OverlapParallel, "Parallel"),
		Entry(nil, definition.OverlapStopPrevious, "StopExisting"),
	)

	It("maps the settings: catch-up, enabled, batteries, on-demand, no restart, time limit", func() {
		t := newTask("settings")
		f := false
		t.Enabled = &f
		t.Timeout = definition.Duration(time.Hour)
		out := squash(render(t, schedule.Plan{CatchUp: true}, opts))
		Expect(out).To(ContainSubstring("<StartWhenAvailable>true</StartWhenAvailable>"))
		Expect(out).To(ContainSubstring("<Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>" +
			"<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries><StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>"))
		Expect(out).To(ContainSubstring("<AllowStartOnDemand>true</AllowStartOnDemand><Enabled>false</Enabled>"))
		Expect(out).To(ContainSubstring("<ExecutionTimeLimit>PT1H6M</ExecutionTimeLimit>"))
		Expect(out).NotTo(ContainSubstring("RestartOnFailure"))

		out = render(newTask("settings2"), schedule.Plan{}, opts)
		Expect(out).To(ContainSubstring("<StartWhenAvailable>false</StartWhenAvailable>"))
		Expect(out).To(ContainSubstring("<Enabled>true</Enabled>"))
		Expect(out).To(ContainSubstring("<ExecutionTimeLimit>PT0S</ExecutionTimeLimit>"), "no timeout: unlimited, not PT72H")
	})

	It("runs orc-exec with `run <name>`, adding --home and --cron-gate when asked", func() {
		out := render(newTask("nightly"), schedule.Plan{}, opts)
		Expect(out).To(ContainSubstring("<Command>" + execPath + "</Command>"))
		Expect(out).To(ContainSubstring("<Arguments>run nightly</Arguments>"))
		Expect(out).NotTo(ContainSubstring("WorkingDirectory"))

		gated := schedule.Plan{Gated: true, Cron: "*/7 * * * *", Triggers: []schedule.Trigger{{Kind: schedule.Daily, Start: at("2025-07-01T00:00"),
			Repetition: &schedule.Repetition{Interval: time.Minute}}}}
		out = render(newTask("nightly"), gated, taskxml.Options{ExecPath: execPath, Home: `D:\Orc Store\`})
		Expect(out).To(ContainSubstring(`<Arguments>run nightly --home &#34;D:\Orc Store\\&#34; --cron-gate</Arguments>`))
		Expect(parseArgs(taskxml.Arguments("nightly", `D:\Orc Store\`, true))).To(Equal([]string{"run", "nightly", "--home", `D:\Orc Store\`, "--cron-gate"}))
	})

	It("escapes XML-special characters in the description and the paths", func() {
		t := newTask("escape")
		t.Description = `Copy <a> & "b" to 'c' ]]> done` + "\nsecond line"
		o := taskxml.Options{ExecPath: `C:\A&B <x>\orc-exec.exe`, Home: `D:\R&D 'store'`, Author: `CORP\<admin>`}
		b, err := taskxml.Render(t, schedule.Plan{}, o)
		Expect(err).NotTo(HaveOccurred())
		expectSchemaValid(b)
		out := string(b)
		Expect(out).To(ContainSubstring("<Description>Copy &lt;a&gt; &amp; &#34;b&#34; to &#39;c&#39; ]]&gt; done&#xA;second line</Description>"))
		Expect(out).To(ContainSubstring(`<Command>C:\A&amp;B &lt;x&gt;\orc-exec.exe</Command>`))
		Expect(out).To(ContainSubstring(`<Author>CORP\&lt;admin&gt;</Author>`))
		Expect(out).To(ContainSubstring(`--home &#34;D:\R&amp;D &#39;store&#39;&#34;`))
	})

	It("writes no XML declaration, so the string can go to Register-ScheduledTask -Xml as is", func() {
		out := render(newTask("decl"), schedule.Plan{}, opts)
		Expect(out).To(HavePrefix(`<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task" version="1.4">`))
		Expect(out).NotTo(ContainSubstring("<?xml"))
	})

	It("records the URI, source and the definition hash in RegistrationInfo", func() {
		t := newTask("reg")
		out := squash(render(t, schedule.Plan{}, taskxml.Options{ExecPath: execPath, Author: `CORP\admin`, Now: at("2025-06-30T12:34")}))
		Expect(out).To(ContainSubstring(`<RegistrationInfo><Date>2025-06-30T12:34:00</Date><Author>CORP\admin</Author><URI>\Orchestrator\Orc_reg</URI><Source>Orchestrator</Source>`))
		Expect(out).To(ContainSubstring("definition-sha256=" + taskxml.DefinitionHash(t) + " render=1</Documentation>"))
	})

	It("matches the golden file for a full task", func() {
		data, err := os.ReadFile(filepath.Join("..", "definition", "testdata", "db-export.json"))
		Expect(err).NotTo(HaveOccurred())
		t, err := definition.Parse("db-export.json", data)
		Expect(err).NotTo(HaveOccurred())
		p := schedule.Plan{Cron: "30 2 * * 1-5", Timezone: "Europe/Berlin", CatchUp: true, Triggers: []schedule.Trigger{{
			Kind: schedule.Weekly, Start: at("2025-07-07T02:30"), WeeksInterval: 1, RandomDelay: 5 * time.Minute,
			DaysOfWeek: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		}}}
		out := render(t, p, taskxml.Options{ExecPath: execPath, Home: `D:\Orchestrator`, Author: `CORP\admin`, Now: at("2025-07-01T10:00")})
		golden := filepath.Join("testdata", "db-export.golden.xml")
		if os.Getenv("ORC_UPDATE_GOLDEN") == "1" {
			Expect(os.WriteFile(golden, []byte(out), 0o644)).To(Succeed())
		}
		want, err := os.ReadFile(golden)
		Expect(err).NotTo(HaveOccurred(), "run with ORC_UPDATE_GOLDEN=1 to create it")
		Expect(out).To(Equal(string(want)))
	})

	DescribeTable("refuses what Task Scheduler would refuse, naming the field and the fix",
		func(mutate func(t *definition.Task, p *schedule.Plan, o *taskxml.Options), field, problem string) {
			t := newTask("limits")
			p := plan(schedule.Trigger{Kind: schedule.Daily, Start: at("2025-07-01T09:00")})
			o := opts
			mutate(t, &p, &o)
			b, err := taskxml.Render(t, p, o)
			Expect(b).To(BeNil())
			var es taskxml.Errors
			Expect(errors.As(err, &es)).To(BeTrue(), "%v", err)
			e := es.Field(field)
			Expect(e).NotTo(BeNil(), "no error for %s in:\n%v", field, err)
			Expect(e.Problem).To(ContainSubstring(problem))
			Expect(e.Fix).NotTo(BeEmpty())
			Expect(err.Error()).To(ContainSubstring(field + ": "))
		},
		Entry("interval under PT1M", rep(30*time.Second, 0), "plan.triggers[0].repetition.interval", "PT30S is outside"),
		Entry("interval of 59.5s (checked before rounding)", rep(59500*time.Millisecond, 0), "plan.triggers[0].repetition.interval", "outside"),
		Entry("interval over P31D", rep(32*24*time.Hour, 0), "plan.triggers[0].repetition.interval", "P32D is outside"),
		Entry("duration under PT1M", rep(time.Minute, 30*time.Second), "plan.triggers[0].repetition.duration", "shorter than PT1M"),
		Entry("duration under the interval", rep(time.Hour, 30*time.Minute), "plan.triggers[0].repetition.duration", "shorter than the interval"),
		Entry("stop at the end of an indefinite duration", func(_ *definition.Task, p *schedule.Plan, _ *taskxml.Options) {
			p.Triggers[0].Repetition = &schedule.Repetition{Interval: time.Hour, StopAtDurationEnd: true}
		}, "plan.triggers[0].repetition.stopAtDurationEnd", "indefinite"),
		Entry("49 triggers", func(_ *definition.Task, p *schedule.Plan, _ *taskxml.Options) {
			for range 48 {
				p.Triggers = append(p.Triggers, p.Triggers[0])
			}
		}, "plan.triggers", "49 triggers, more than Task Scheduler's 48"),
		Entry("day of month 0", trig(func(t *schedule.Trigger) { t.Kind, t.DaysOfMonth = schedule.Monthly, []int{0} }), "plan.triggers[0].daysOfMonth", "0 is outside 1..31"),
		Entry("day of month 32", trig(func(t *schedule.Trigger) { t.Kind, t.DaysOfMonth = schedule.Monthly, []int{32} }), "plan.triggers[0].daysOfMonth", "32 is outside"),
		Entry("no day of month", trig(func(t *schedule.Trigger) { t.Kind = schedule.Monthly }), "plan.triggers[0].daysOfMonth", "is empty"),
		Entry("week 0", trig(func(t *schedule.Trigger) {
			t.Kind, t.Weeks, t.DaysOfWeek = schedule.MonthlyDOW, []int{0}, []time.Weekday{time.Monday}
		}), "plan.triggers[0].weeks", "0 is outside 1..4"),
		Entry("week 6", trig(func(t *schedule.Trigger) {
			t.Kind, t.Weeks, t.DaysOfWeek = schedule.MonthlyDOW, []int{6}, []time.Weekday{time.Monday}
		}), "plan.triggers[0].weeks", "6 is outside"),
		Entry("no weeks", trig(func(t *schedule.Trigger) { t.Kind, t.DaysOfWeek = schedule.MonthlyDOW, []time.Weekday{time.Monday} }), "plan.triggers[0].weeks", "is empty"),
		Entry("monthly day of week without days", trig(func(t *schedule.Trigger) { t.Kind, t.Weeks = schedule.MonthlyDOW, []int{1} }), "plan.triggers[0].daysOfWeek", "is empty"),
		Entry("weekly without days", trig(func(t *schedule.Trigger) { t.Kind = schedule.Weekly }), "plan.triggers[0].daysOfWeek", "is empty"),
		Entry("weekday 7", trig(func(t *schedule.Trigger) { t.Kind, t.DaysOfWeek = schedule.Weekly, []time.Weekday{7} }), "plan.triggers[0].daysOfWeek", "7 is not a day"),
		Entry("month 13", trig(func(t *schedule.Trigger) {
			t.Kind, t.DaysOfMonth, t.Months = schedule.Monthly, []int{1}, []time.Month{13}
		}), "plan.triggers[0].months", "13 is not a month"),
		Entry("DaysInterval 366", trig(func(t *schedule.Trigger) { t.DaysInterval = 366 }), "plan.triggers[0].daysInterval", "366 is outside 1..365"),
		Entry("DaysInterval -1", trig(func(t *schedule.Trigger) { t.DaysInterval = -1 }), "plan.triggers[0].daysInterval", "outside"),
		Entry("WeeksInterval 53", trig(func(t *schedule.Trigger) {
			t.Kind, t.WeeksInterval, t.DaysOfWeek = schedule.Weekly, 53, []time.Weekday{time.Monday}
		}), "plan.triggers[0].weeksInterval", "53 is outside 1..52"),
		Entry("a calendar trigger without a start", trig(func(t *schedule.Trigger) { t.Start = time.Time{} }), "plan.triggers[0].start", "needs a StartBoundary"),
		Entry("an end before the start", trig(func(t *schedule.Trigger) { t.End = t.Start.Add(-time.Hour) }), "plan.triggers[0].end", "is not after the start"),
		Entry("a random delay on a boot trigger", trig(func(t *schedule.Trigger) { t.Kind, t.RandomDelay = schedule.Boot, time.Minute }), "plan.triggers[0].randomDelay", "does not apply to boot"),
		Entry("a delay on a daily trigger", trig(func(t *schedule.Trigger) { t.Delay = time.Minute }), "plan.triggers[0].delay", "only to boot and logon"),
		Entry("a negative random delay", trig(func(t *schedule.Trigger) { t.RandomDelay = -time.Minute }), "plan.triggers[0].randomDelay", "negative"),
		Entry("a user on a daily trigger", trig(func(t *schedule.Trigger) { t.UserID = "x" }), "plan.triggers[0].userId", "only to logon"),
		Entry("an unknown kind", trig(func(t *schedule.Trigger) { t.Kind = "hourly" }), "plan.triggers[0].kind", `"hourly" is not a trigger kind`),
		Entry("a command of 261 characters", func(_ *definition.Task, _ *schedule.Plan, o *taskxml.Options) {
			o.ExecPath = `C:\` + strings.Repeat("a", 250) + `\orc.exe`
		}, "options.execPath", "261 characters, more than Task Scheduler's 260"),
		Entry("no command", func(_ *definition.Task, _ *schedule.Plan, o *taskxml.Options) { o.ExecPath = "" }, "options.execPath", "is empty"),
		Entry("a quoted command", func(_ *definition.Task, _ *schedule.Plan, o *taskxml.Options) { o.ExecPath = `"C:\x.exe"` }, "options.execPath", "quote"),
		Entry("a home with %", func(_ *definition.Task, _ *schedule.Plan, o *taskxml.Options) { o.Home = `C:\%TEMP%` }, "options.home", "'%'"),
		Entry("a home of 261 characters", func(_ *definition.Task, _ *schedule.Plan, o *taskxml.Options) { o.Home = strings.Repeat("h", 261) }, "options.home", "261 characters"),
		Entry("a name that could be an option", func(t *definition.Task, _ *schedule.Plan, _ *taskxml.Options) { t.Name = "--cron-gate" }, "name", "cannot be a task name"),
		Entry("a name with a space", func(t *definition.Task, _ *schedule.Plan, _ *taskxml.Options) { t.Name = "a b" }, "name", "cannot be a task name"),
		Entry("a gMSA without $", func(t *definition.Task, _ *schedule.Plan, _ *taskxml.Options) {
			t.RunAs = &definition.RunAs{Type: "gmsa", User: `CORP\svc`}
		}, "runAs.user", "not a gMSA"),
		Entry("an unknown overlap", func(t *definition.Task, _ *schedule.Plan, _ *taskxml.Options) { t.Overlap = "twice" }, "overlap", `"twice"`),
	)

	It("reports every problem at once", func() {
		p := plan(
			schedule.Trigger{Kind: schedule.Daily, Start: at("2025-07-01T09:00"), DaysInterval: 400},
			schedule.Trigger{Kind: schedule.Once, Start: at("2025-07-01T09:00"), Repetition: &schedule.Repetition{Interval: time.Second}},
		)
		_, err := taskxml.Render(newTask("many-errors"), p, taskxml.Options{})
		var es taskxml.Errors
		Expect(errors.As(err, &es)).To(BeTrue())
		Expect(es).To(HaveLen(3))
		Expect(es.Field("options.execPath")).NotTo(BeNil())
		Expect(es.Field("plan.triggers[0].daysInterval")).NotTo(BeNil())
		Expect(es.Field("plan.triggers[1].repetition.interval")).NotTo(BeNil())
	})
})

func rep(interval, duration time.Duration) func(*definition.Task, *schedule.Plan, *taskxml.Options) {
	return trig(func(t *schedule.Trigger) { t.Repetition = &schedule.Repetition{Interval: interval, Duration: duration} })
}

func trig(f func(t *schedule.Trigger)) func(*definition.Task, *schedule.Plan, *taskxml.Options) {
	return func(_ *definition.Task, p *schedule.Plan, _ *taskxml.Options) { f(&p.Triggers[0]) }
}

var _ = Describe("ExecutionTimeLimit", func() {
	DescribeTable("is the timeout times the attempts, plus delays, checks and a margin",
		func(mutate func(t *definition.Task), want string) {
			t := newTask("etl")
			mutate(t)
			Expect(taskxml.XSDuration(taskxml.ExecutionTimeLimit(t))).To(Equal(want))
		},
		Entry("no timeout: unlimited", func(*definition.Task) {}, "PT0S"),
		Entry("1h: plus the 6 min margin (10%)", func(t *definition.Task) { t.Timeout = definition.Duration(time.Hour) }, "PT1H6M"),
		Entry("10s: plus the 5 min minimum margin", func(t *definition.Task) { t.Timeout = definition.Duration(10 * time.Second) }, "PT6M"),
		Entry("retries with capped backoff and jitter", func(t *definition.Task) {
			t.Timeout = definition.Duration(10 * time.Minute)
			t.Retry = &definition.Retry{Attempts: 4, Delay: definition.Duration(time.Minute), BackoffFactor: 10,
				MaxDelay: definition.Duration(5 * time.Minute), Jitter: definition.Duration(30 * time.Second)}
			// 40m + (1m + 5m + 5m) + 3×30s = 52m30s, + 5m15s = 57m45s → 58m
		}, "PT58M"),
		Entry("dependencies with policy wait and stop-previous", func(t *definition.Task) {
			t.Timeout = definition.Duration(time.Hour)
			t.Overlap = definition.OverlapStopPrevious
			t.Dependencies = &definition.Dependencies{Policy: definition.PolicyWait, WaitTimeout: definition.Duration(30 * time.Minute),
				RecheckInterval: definition.Duration(time.Minute), Checks: []definition.Check{{Type: "tcp"}, {Type: "http", Timeout: definition.Duration(time.Minute)}}}
			// 60m + 1m + 30m + 1m + 30s = 92m30s, + 9m15s = 101m45s → 102m
		}, "PT1H42M"),
		Entry("absurd retries saturate to unlimited", func(t *definition.Task) {
			t.Timeout = definition.Duration(1000 * time.Hour)
			t.Retry = &definition.Retry{Attempts: 1000, Delay: definition.Duration(time.Hour), BackoffFactor: 1000}
		}, "PT0S"),
	)
})

var _ = Describe("xs:duration", func() {
	DescribeTable("writes Task Scheduler's form",
		func(d time.Duration, want string) { Expect(taskxml.XSDuration(d)).To(Equal(want)) },
		Entry(nil, time.Duration(0), "PT0S"),
		Entry(nil, 500*time.Millisecond, "PT1S"),
		Entry(nil, 90*time.Second, "PT1M30S"),
		Entry(nil, 72*time.Hour, "P3D"),
		Entry(nil, 26*time.Hour+5*time.Second, "P1DT2H5S"),
		Entry(nil, 31*24*time.Hour, "P31D"),
	)
})
