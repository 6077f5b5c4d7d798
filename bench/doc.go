// Package bench holds the start-up benchmarks of orc-exec. They drive the
// built binary (Go's internal rule keeps this package from importing
// go/internal/...), so they measure what Task Scheduler pays per trigger:
// process start, definition load, the run itself and the history append.
//
// Run them with bash bench/run.sh (or ./build.ps1 Bench); see
// docs/performance.md for what each figure means and the targets.
package bench
