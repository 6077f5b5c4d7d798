package doctor

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/history"
)

// clockSlack is how far a run's recorded start may lie ahead of now before
// the clock is said to have gone back (history written by another host's
// clock on a shared store is a few seconds off at most).
const clockSlack = 5 * time.Minute

// checkClock: a clock that went back makes schedules fire twice or not at
// all, and history newest-first lies. The newest recorded run start is the
// one witness doctor has without the network.
func checkClock(o Options, defs []stored) Check {
	c := Check{Name: "clock"}
	now := o.Now()
	var newest time.Time
	var task string
	for _, d := range defs {
		n := d.name
		p, err := o.Store.HistoryFile(n)
		if err != nil {
			continue
		}
		rec, ok, err := history.Latest(p)
		if err != nil || !ok {
			continue
		}
		if rec.Start.After(newest) {
			newest, task = rec.Start, n
		}
	}
	if !newest.IsZero() && newest.Sub(now) > clockSlack {
		c.Status = Fail
		c.Detail = fmt.Sprintf("the clock (%s) is behind the newest recorded run (%s, task %s) by %s",
			now.UTC().Format(time.RFC3339), newest.UTC().Format(time.RFC3339), task, newest.Sub(now).Round(time.Second))
		c.Fix = "correct the time (w32tm /resync on Windows, timedatectl / chronyc on Linux)"
		return c
	}
	zone, offset := now.Zone()
	c.Status = OK
	c.Detail = fmt.Sprintf("%s, zone %s (UTC%+03d:%02d)", now.Format(time.RFC3339), zone, offset/3600, abs(offset%3600)/60)
	return c
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// checkTimeZones loads every zone a definition names: a zone this host's
// time zone data lacks makes that task refuse to run.
func checkTimeZones(defs []stored) Check {
	c := Check{Name: "timezones"}
	zones := map[string][]string{"UTC": nil}
	for _, d := range defs {
		if d.err != nil {
			continue
		}
		if z := zoneOf(d.data); z != "" && z != "Local" {
			zones[z] = append(zones[z], d.name)
		}
	}
	var missing []string
	for z, tasks := range zones {
		if _, err := time.LoadLocation(z); err != nil {
			missing = append(missing, fmt.Sprintf("%s (tasks %s)", z, strings.Join(tasks, ", ")))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		c.Status = Fail
		c.Detail = "time zone data lacks " + strings.Join(missing, "; ")
		c.Fix = "install the time zone data (tzdata package) or correct the definitions' schedule.timezone"
		return c
	}
	c.Status, c.Detail = OK, fmt.Sprintf("time zone data has every zone the definitions use (%d)", len(zones))
	return c
}

// zoneOf reads only schedule.timezone: Parse refuses a zone it cannot
// load, which is exactly the definition this check must name.
func zoneOf(data []byte) string {
	var d struct {
		Schedule struct {
			Timezone string `json:"timezone"`
		} `json:"schedule"`
	}
	if json.Unmarshal(definition.DecodeText(data), &d) != nil {
		return ""
	}
	return d.Schedule.Timezone
}
