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
	Interval          time.Duration `json:"interval"`           // PT1M..P31D
	Duration          time.Duration `json:"duration,omitempty"` // 0 = indefinitely; else >= PT1M (may carry seconds: PT8H30M, PT59M30S)
	StopAtDurationEnd bool          `json:"stopAtDurationEnd,omitempty"`
}

// Trigger is one native trigger. Only the fields of its Kind are used.
type Trigger struct {
	Kind Kind `json:"kind"`
	// Start is the StartBoundary as a wall-clock time (its Location is
	// ignored when rendered: no offset is written, so it is host-local).
	Start time.Time `json:"start,omitzero"`
	// Absolute means Start is an instant, not a wall time: render it with
	// its UTC offset (Once triggers of `once`, `interval` and cross-zone
	// gates, whose meaning must not move with the host's DST).
	Absolute bool `json:"absolute,omitempty"`
	// End is the optional EndBoundary (zero = none).
	End time.Time `json:"end,omitzero"`

	DaysInterval   int            `json:"daysInterval,omitempty"`   // Daily: 1..365
	WeeksInterval  int            `json:"weeksInterval,omitempty"`  // Weekly: 1..52
	DaysOfWeek     []time.Weekday `json:"daysOfWeek,omitempty"`     // Weekly, MonthlyDOW
	DaysOfMonth    []int          `json:"daysOfMonth,omitempty"`    // Monthly: 1..31
	LastDayOfMonth bool           `json:"lastDayOfMonth,omitempty"` // Monthly: also the last day (<Day>Last</Day>)
	Weeks          []int          `json:"weeks,omitempty"`          // MonthlyDOW: 1..4 or LastWeek
	Months         []time.Month   `json:"months,omitempty"`         // Monthly, MonthlyDOW: empty = every month

	Repetition  *Repetition   `json:"repetition,omitempty"`
	RandomDelay time.Duration `json:"randomDelay,omitempty"` // Once and calendar triggers
	Delay       time.Duration `json:"delay,omitempty"`       // Boot and Logon
	UserID      string        `json:"userId,omitempty"`      // Logon: empty = any user
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
	// Jitter is, for gated plans, the random delay the gate waits after a
	// start matched (a trigger RandomDelay would move the start off the
	// minute the gate checks, so gated triggers carry none).
	Jitter time.Duration `json:"jitter,omitempty"`
	// Assumes lists the readings of undocumented Windows behaviour the plan
	// relies on (Assume* constants); empty = the same starts under every
	// reading the simulator knows.
	Assumes []string `json:"assumes,omitempty"`
}

// Assumptions a native plan may rely on.
const (
	// AssumeWeekOccurrence: MonthlyDOW week n means the nth occurrence of
	// the weekday (days 7n-6..7n) and Last the last seven days.
	AssumeWeekOccurrence = "weekOccurrence"
	// AssumeFeb29Skipped: a Monthly trigger on day 29 does not start on
	// 28 February in common years.
	AssumeFeb29Skipped = "feb29Skipped"
	// AssumeDSTVixie: a start whose wall time a spring-forward change skips
	// runs right after the change (02:30 -> 03:30), and a start in the hour
	// a fall-back change repeats runs once, at the first pass.
	AssumeDSTVixie = "dstVixie"
)
