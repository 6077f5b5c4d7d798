package taskxml

import "encoding/xml"

// The XML model. Field order is element order: Windows' own export order,
// which the dahall XSD encodes (trigger base: Repetition, StartBoundary,
// EndBoundary, ExecutionTimeLimit, Enabled; then the trigger's own
// elements). Elements under xs:all follow the order of a Windows export.

// Namespace is the Task Scheduler 2.0 task namespace.
const Namespace = "http://schemas.microsoft.com/windows/2004/02/mit/task"

type xTask struct {
	XMLName          xml.Name          `xml:"http://schemas.microsoft.com/windows/2004/02/mit/task Task"`
	Version          string            `xml:"version,attr"`
	RegistrationInfo xRegistrationInfo `xml:"RegistrationInfo"`
	Triggers         xTriggers         `xml:"Triggers"`
	Principals       xPrincipals       `xml:"Principals"`
	Settings         xSettings         `xml:"Settings"`
	Actions          xActions          `xml:"Actions"`
}

type xRegistrationInfo struct {
	Date          string `xml:"Date,omitempty"`
	Author        string `xml:"Author,omitempty"`
	Description   string `xml:"Description,omitempty"`
	URI           string `xml:"URI"`
	Source        string `xml:"Source"`
	Documentation string `xml:"Documentation"`
}

// xTriggers holds the triggers in plan order (the XSD allows any mix).
type xTriggers struct {
	List []any
}

func (ts xTriggers) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	for _, t := range ts.List {
		if err := e.Encode(t); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

type empty struct{}

type xRepetition struct {
	Interval          string `xml:"Interval"`
	Duration          string `xml:"Duration,omitempty"` // absent = indefinitely
	StopAtDurationEnd bool   `xml:"StopAtDurationEnd"`
}

// xBase is the trigger base sequence, embedded first in every trigger.
type xBase struct {
	Repetition    *xRepetition `xml:"Repetition,omitempty"`
	StartBoundary string       `xml:"StartBoundary,omitempty"`
	EndBoundary   string       `xml:"EndBoundary,omitempty"`
	Enabled       bool         `xml:"Enabled"`
}

type xTimeTrigger struct {
	XMLName xml.Name `xml:"TimeTrigger"`
	xBase
	RandomDelay string `xml:"RandomDelay,omitempty"`
}

type xCalendarTrigger struct {
	XMLName xml.Name `xml:"CalendarTrigger"`
	xBase
	RandomDelay              string     `xml:"RandomDelay,omitempty"`
	ScheduleByDay            *xByDay    `xml:"ScheduleByDay,omitempty"`
	ScheduleByWeek           *xByWeek   `xml:"ScheduleByWeek,omitempty"`
	ScheduleByMonth          *xByMonth  `xml:"ScheduleByMonth,omitempty"`
	ScheduleByMonthDayOfWeek *xByMonDOW `xml:"ScheduleByMonthDayOfWeek,omitempty"`
}

type xBootTrigger struct {
	XMLName xml.Name `xml:"BootTrigger"`
	xBase
	Delay string `xml:"Delay,omitempty"`
}

type xLogonTrigger struct {
	XMLName xml.Name `xml:"LogonTrigger"`
	xBase
	UserID string `xml:"UserId,omitempty"`
	Delay  string `xml:"Delay,omitempty"`
}

type xByDay struct {
	DaysInterval int `xml:"DaysInterval,omitempty"`
}

type xByWeek struct {
	WeeksInterval int          `xml:"WeeksInterval,omitempty"`
	DaysOfWeek    *xDaysOfWeek `xml:"DaysOfWeek"`
}

type xByMonth struct {
	DaysOfMonth *xDaysOfMonth `xml:"DaysOfMonth"`
	Months      *xMonths      `xml:"Months"`
}

type xByMonDOW struct {
	Weeks      *xWeeks      `xml:"Weeks"`
	DaysOfWeek *xDaysOfWeek `xml:"DaysOfWeek"`
	Months     *xMonths     `xml:"Months"`
}

type xDaysOfMonth struct {
	Day []string `xml:"Day"`
}

type xWeeks struct {
	Week []string `xml:"Week"`
}

type xDaysOfWeek struct {
	Monday    *empty `xml:"Monday,omitempty"`
	Tuesday   *empty `xml:"Tuesday,omitempty"`
	Wednesday *empty `xml:"Wednesday,omitempty"`
	Thursday  *empty `xml:"Thursday,omitempty"`
	Friday    *empty `xml:"Friday,omitempty"`
	Saturday  *empty `xml:"Saturday,omitempty"`
	Sunday    *empty `xml:"Sunday,omitempty"`
}

type xMonths struct {
	January   *empty `xml:"January,omitempty"`
	February  *empty `xml:"February,omitempty"`
	March     *empty `xml:"March,omitempty"`
	April     *empty `xml:"April,omitempty"`
	May       *empty `xml:"May,omitempty"`
	June      *empty `xml:"June,omitempty"`
	July      *empty `xml:"July,omitempty"`
	August    *empty `xml:"August,omitempty"`
	September *empty `xml:"September,omitempty"`
	October   *empty `xml:"October,omitempty"`
	November  *empty `xml:"November,omitempty"`
	December  *empty `xml:"December,omitempty"`
}

type xPrincipals struct {
	Principal xPrincipal `xml:"Principal"`
}

type xPrincipal struct {
	ID        string `xml:"id,attr"`
	UserID    string `xml:"UserId"`
	LogonType string `xml:"LogonType,omitempty"`
	RunLevel  string `xml:"RunLevel"`
}

type xSettings struct {
	MultipleInstancesPolicy    string `xml:"MultipleInstancesPolicy"`
	DisallowStartIfOnBatteries bool   `xml:"DisallowStartIfOnBatteries"`
	StopIfGoingOnBatteries     bool   `xml:"StopIfGoingOnBatteries"`
	AllowHardTerminate         bool   `xml:"AllowHardTerminate"`
	StartWhenAvailable         bool   `xml:"StartWhenAvailable"`
	RunOnlyIfNetworkAvailable  bool   `xml:"RunOnlyIfNetworkAvailable"`
	AllowStartOnDemand         bool   `xml:"AllowStartOnDemand"`
	Enabled                    bool   `xml:"Enabled"`
	Hidden                     bool   `xml:"Hidden"`
	RunOnlyIfIdle              bool   `xml:"RunOnlyIfIdle"`
	WakeToRun                  bool   `xml:"WakeToRun"`
	ExecutionTimeLimit         string `xml:"ExecutionTimeLimit"`
	Priority                   int    `xml:"Priority"`
}

type xActions struct {
	Context string  `xml:"Context,attr"`
	Exec    []xExec `xml:"Exec"`
}

type xExec struct {
	Command          string `xml:"Command"`
	Arguments        string `xml:"Arguments,omitempty"`
	WorkingDirectory string `xml:"WorkingDirectory,omitempty"`
}
