// Package schedule is the model of Task Scheduler triggers that the cron
// planner produces, the XML renderer writes and the simulator replays. It
// holds data only: the planner lives in go/internal/cronplan, the renderer
// in go/internal/taskxml, the simulator in go/internal/tssim.
//
// Times are wall-clock times in the task's time zone: a StartBoundary
// without an offset is local time on the host, which is how Task Scheduler
// follows DST. The planner records the zone it planned for in Plan.Timezone.
package schedule

import "time"

// Kind is the trigger type.
type Kind string

const (
	Once       Kind = "once"       // TimeTrigger
	Daily      Kind = "daily"      // CalendarTrigger/ScheduleByDay
	Weekly     Kind = "weekly"     // CalendarTrigger/ScheduleByWeek
	Monthly    Kind = "monthly"    // CalendarTrigger/ScheduleByMonth
	MonthlyDOW Kind = "monthlyDOW" // CalendarTrigger/ScheduleByMonthDayOfWeek
	Boot       Kind = "boot"       // BootTrigger
	Logon      Kind = "logon"      // LogonTrigger
)

// LastWeek is the Weeks value for "the last week of the month".
const LastWeek = 5

// Repetition repeats a trigger every Interval for Duration after each
// activation. Duration 0 means indefinitely (the element is omitted: the
// MaxValue form P99999999DT23H59M59S is rejected by Windows).
type Repetition struct {
	Interval          time.Duration // PT1M..P31D
	Duration          time.Duration // 0 = indefinitely; else >= PT1M
	StopAtDurationEnd bool
}

// Trigger is one native trigger. Only the fields of its Kind are used.
type Trigger struct {
	Kind Kind
	// Start is the StartBoundary as a wall-clock time (its Location is
	// ignored when rendered: no offset is written, so it is host-local).
	Start time.Time
	// End is the optional EndBoundary (zero = none).
	End time.Time

	DaysInterval   int            // Daily: 1..365
	WeeksInterval  int            // Weekly: 1..52
	DaysOfWeek     []time.Weekday // Weekly, MonthlyDOW
	DaysOfMonth    []int          // Monthly: 1..31
	LastDayOfMonth bool           // Monthly: also the last day (<Day>Last</Day>)
	Weeks          []int          // MonthlyDOW: 1..4 or LastWeek
	Months         []time.Month   // Monthly, MonthlyDOW: empty = every month

	Repetition  *Repetition
	RandomDelay time.Duration // Once and calendar triggers
	Delay       time.Duration // Boot and Logon
	UserID      string        // Logon: empty = any user
}

// Plan is what a schedule becomes: the native triggers and whether
// orc-exec must gate each start against the cron expression.
type Plan struct {
	Cron     string    `json:"cron,omitempty"`
	Timezone string    `json:"timezone,omitempty"`
	Triggers []Trigger `json:"triggers"`
	// Gated means the triggers fire at a superset of the cron times and the
	// action runs `orc-exec run --cron-gate`, which exits quietly on the
	// minutes that do not match.
	Gated bool `json:"gated"`
	// Reason says why a plan is gated, naming the construct.
	Reason string `json:"reason,omitempty"`
	// CatchUp maps to StartWhenAvailable.
	CatchUp bool `json:"catchUp,omitempty"`
}
