package definition

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is a time.Duration written as a string: Go syntax ("90s", "5m",
// "1h30m") plus whole days ("2d", "1d12h") since admins think in days.
type Duration time.Duration

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(FormatDuration(time.Duration(d)))
}

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("must be a string such as \"90s\", \"5m\" or \"1h30m\"")
	}
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// ParseDuration accepts Go durations plus a leading whole-days part ("2d6h").
func ParseDuration(s string) (time.Duration, error) {
	bad := fmt.Errorf("%q is not a duration; use a number with a unit, e.g. \"90s\", \"5m\", \"1h30m\" or \"2d\"", s)
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, bad
	}
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i > 0 {
		n, err := strconv.Atoi(s[:i])
		if err != nil || n < 0 || int64(n) > MaxDurationDays {
			return 0, bad
		}
		days = time.Duration(n) * 24 * time.Hour
		s = s[i+1:]
		if s == "" {
			return days, nil
		}
	}
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 || v > math.MaxInt64-days {
		return 0, bad
	}
	return days + v, nil
}

// MaxDurationDays is the most whole days a Duration holds (about 292 years).
const MaxDurationDays = math.MaxInt64 / int64(24*time.Hour)

// durationSyntax reports whether s has exactly the form the schema's
// $defs/duration pattern allows:
//
//	^(0|[0-9]+d([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))*|([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$
//
// ParseDuration is more lenient (spaces, signs, ".5s"); Parse requires this
// form so a definition the editor accepts is exactly one orc-exec accepts.
func durationSyntax(s string) bool {
	if s == "0" {
		return true
	}
	if i := digits(s); i > 0 && i < len(s) && s[i] == 'd' {
		return durationUnits(s[i+1:], true)
	}
	return durationUnits(s, false)
}

// durationUnits matches ([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+, or * when
// empty is allowed.
func durationUnits(s string, empty bool) bool {
	if s == "" {
		return empty
	}
	for s != "" {
		i := digits(s)
		if i == 0 {
			return false
		}
		s = s[i:]
		if strings.HasPrefix(s, ".") {
			j := digits(s[1:])
			if j == 0 {
				return false
			}
			s = s[1+j:]
		}
		switch {
		case strings.HasPrefix(s, "ns"), strings.HasPrefix(s, "us"), strings.HasPrefix(s, "ms"):
			s = s[2:]
		case strings.HasPrefix(s, "µs"):
			s = s[len("µs"):]
		case strings.HasPrefix(s, "s"), strings.HasPrefix(s, "m"), strings.HasPrefix(s, "h"):
			s = s[1:]
		default:
			return false
		}
	}
	return true
}

// sizeSyntax reports whether s has exactly the form the schema's $defs/size
// pattern allows for strings: ^[0-9]+ ?(KiB|MiB|GiB|KB|MB|GB|B)?$.
func sizeSyntax(s string) bool {
	i := digits(s)
	if i == 0 {
		return false
	}
	switch strings.TrimPrefix(s[i:], " ") {
	case "", "KiB", "MiB", "GiB", "KB", "MB", "GB", "B":
		return true
	}
	return false
}

// digits returns the length of the run of ASCII digits s starts with.
func digits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// FormatDuration writes a duration the way ParseDuration reads it, trimming
// Go's zero units ("1h0m0s" -> "1h").
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// Size is a byte count written as an integer or a string with a unit
// ("512KiB", "10MB", "1MiB"; K/M/G are decimal, Ki/Mi/Gi binary).
type Size int64

func (s Size) MarshalJSON() ([]byte, error) { return json.Marshal(int64(s)) }

func (s *Size) UnmarshalJSON(b []byte) error {
	var n int64
	if err := json.Unmarshal(b, &n); err == nil {
		if n < 0 {
			return fmt.Errorf("%d is negative; use a size such as \"1MiB\"", n)
		}
		*s = Size(n)
		return nil
	}
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return fmt.Errorf("must be a number of bytes or a string such as \"1MiB\"")
	}
	v, err := ParseSize(str)
	if err != nil {
		return err
	}
	*s = Size(v)
	return nil
}

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000},
	{"B", 1},
}

// ParseSize reads "1MiB", "10MB", "4096" or "4096B".
func ParseSize(str string) (int64, error) {
	bad := fmt.Errorf("%q is not a size; use bytes or a unit, e.g. \"512KiB\", \"10MB\" or \"1MiB\"", str)
	t := strings.TrimSpace(str)
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, bad
	}
	return n * mult, nil
}
