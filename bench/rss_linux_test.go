package bench

import (
	"os"
	"syscall"
)

// peakRSSMB is the peak resident set of a finished child in MB; Linux reports
// ru_maxrss in KiB.
func peakRSSMB(ps *os.ProcessState) float64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok && ru != nil {
		return float64(ru.Maxrss) / 1024
	}
	return -1
}
