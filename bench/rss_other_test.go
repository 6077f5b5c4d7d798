//go:build !linux

package bench

import "os"

// peakRSSMB is not measured off Linux (ru_maxrss units differ, Windows has
// none); -1 means unknown and the metric is left out.
func peakRSSMB(*os.ProcessState) float64 { return -1 }
