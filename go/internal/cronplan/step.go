package cronplan

import (
	"fmt"
	"strconv"
	"strings"
)

// fieldBounds are Vixie's: day-of-week runs 0..7 (both Sunday).
var fieldBounds = [5][2]int{{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}}

var fieldValueNames = [5]map[string]int{
	3: {"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12},
	4: {"SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6},
}

// normalizeSteps rewrites each list part of field k whose step is at least
// its range's size (`*/60`, `15-15/3`, `1-5/10`) to the range's first
// value, which is what Vixie cron, cronie, robfig/cron and gronx run; the
// go-cron parser refuses such parts. It returns the field and one note per
// rewritten part. Parts it cannot read are left for the parser to refuse.
func normalizeSteps(k int, field string) (string, []string) {
	parts := strings.Split(field, ",")
	var notes []string
	for i, p := range parts {
		base, stepText, ok := strings.Cut(p, "/")
		if !ok {
			continue
		}
		step, err := strconv.Atoi(stepText)
		if err != nil || step <= 1 {
			continue
		}
		lo, hi := fieldBounds[k][0], fieldBounds[k][1]
		start, end := lo, hi
		if base != "*" && base != "?" {
			a, b, isRange := strings.Cut(base, "-")
			if start, ok = fieldValue(k, a); !ok {
				continue
			}
			if isRange {
				if end, ok = fieldValue(k, b); !ok {
					continue
				}
			}
		}
		size := end - start + 1
		if start > end { // wrap-around, as the parser reads it
			size = (hi - start + 1) + (end - lo + 1)
		}
		if step < size {
			continue
		}
		parts[i] = strconv.Itoa(start)
		notes = append(notes, fmt.Sprintf("%s in %s means %s %d (step ≥ range: first value only)", p, fieldNames[k], fieldNames[k], start))
	}
	return strings.Join(parts, ","), notes
}

// fieldValue reads a number or a month or weekday name within field k's
// bounds.
func fieldValue(k int, s string) (int, bool) {
	if v, ok := fieldValueNames[k][strings.ToUpper(s)]; ok {
		return v, true
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < fieldBounds[k][0] || v > fieldBounds[k][1] {
		return 0, false
	}
	return v, true
}
