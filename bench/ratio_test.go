package bench

// The run path against Go baselines, as ratios measured side by side:
//
//	go test -run='^$' -bench=RunPathRatio -benchtime=60x -count=1 ./bench
//
// Each iteration runs, in turn: hello (a Go program that exits), hellorun
// (a Go program that starts /bin/true and waits), orc-exec run of a task
// whose command is /bin/true, and a not-due cron-gate tick. Interleaving
// gives every variant the same machine load. CPU is user+system time from
// the child's rusage (which includes the command it waited for), so a busy
// machine moves it less than wall time.
//
// orc-exec version runs too: start-up alone, to split each gap into the
// binary's start-up and the work after it.
//
// Reported: the median wall and CPU of each (ms), and
//
//	run-cpu-x / run-wall-x    orc-exec run / hellorun    (target ≤ 1.5)
//	gate-cpu-x / gate-wall-x  gate tick / hello           (target ≤ 1.2)

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// buildBaseline compiles bench/baseline/<name> the way build.ps1 builds orc-exec.
func buildBaseline(b *testing.B, name string) string {
	b.Helper()
	out := filepath.Join(b.TempDir(), name)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./baseline/"+name)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build ./baseline/%s: %v\n%s", name, err, msg)
	}
	return out
}

// sample runs argv once and returns its wall time and CPU time.
func sample(b *testing.B, argv []string) (time.Duration, time.Duration) {
	cmd := exec.Command(argv[0], argv[1:]...)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		b.Fatalf("%v: %v", argv, err)
	}
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

func medianMs(ds []time.Duration) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return float64(m) / 1e6
}

func BenchmarkRunPathRatio(b *testing.B) {
	if _, err := os.Stat(trueCmd); err != nil {
		b.Skipf("%s: %v", trueCmd, err)
	}
	hello, hellorun := buildBaseline(b, "hello"), buildBaseline(b, "hellorun")
	home := newHome(b)
	// A task whose schedule is never due this minute: 29 February on a Monday at 00:00.
	gate, err := json.Marshal(map[string]any{"name": "g", "action": map[string]any{"command": trueCmd},
		"schedule": map[string]any{"cron": "0 0 29 2 1"}})
	if err == nil {
		err = os.WriteFile(filepath.Join(home, "tasks", "g.json"), gate, 0o600)
	}
	if err != nil {
		b.Fatal(err)
	}
	variants := []struct {
		name string
		argv []string
	}{
		{"hello", []string{hello}},
		{"hellorun", []string{hellorun, trueCmd}},
		{"run", []string{orcExec, "run", "t", "--home", home}},
		{"gate", []string{orcExec, "run", "g", "--home", home, "--cron-gate"}},
		// Start-up alone (package init, a larger binary): splits the gap.
		{"version", []string{orcExec, "version"}},
	}
	wall := make([][]time.Duration, len(variants))
	cpu := make([][]time.Duration, len(variants))
	for range 3 { // warm-up: page cache, first store writes
		for _, v := range variants {
			sample(b, v.argv)
		}
	}
	b.ResetTimer()
	for range b.N {
		for i, v := range variants {
			w, c := sample(b, v.argv)
			wall[i], cpu[i] = append(wall[i], w), append(cpu[i], c)
		}
	}
	b.StopTimer()
	for i, v := range variants {
		b.ReportMetric(medianMs(wall[i]), v.name+"-wall-ms")
		b.ReportMetric(medianMs(cpu[i]), v.name+"-cpu-ms")
	}
	ratio := func(a, c []time.Duration) float64 { return medianMs(a) / medianMs(c) }
	b.ReportMetric(ratio(wall[2], wall[1]), "run-wall-x")
	b.ReportMetric(ratio(cpu[2], cpu[1]), "run-cpu-x")
	b.ReportMetric(ratio(wall[3], wall[0]), "gate-wall-x")
	b.ReportMetric(ratio(cpu[3], cpu[0]), "gate-cpu-x")
}
