package bench

// The run path's cost with observability off, with the default metrics
// file, and with the metrics file plus a heartbeat to a local HTTP server:
//
//	go test -run='^$' -bench=Observability -benchtime=30x -count=1 ./bench
//
// The three variants run interleaved (off, metrics, metrics+heartbeat in
// each iteration) so the machine's load falls on all alike. Reported: the
// median wall and CPU (user + system) time of each variant, wall-*-ms and
// cpu-*-ms, and their ratios to the variant with observability off,
// x-wall-* and x-cpu-*. The Event Log is a no-op off Windows.

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func BenchmarkObservability(b *testing.B) {
	if _, err := os.Stat(trueCmd); err != nil {
		b.Skipf("%s: %v", trueCmd, err)
	}
	var pings atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { pings.Add(1) }))
	defer srv.Close()

	off := newHome(b)
	writeJSON(b, filepath.Join(off, "state", "observability.json"), map[string]any{"schema": "orc.observe/v1", "metrics": false, "eventLog": false})
	metricsOn := newHome(b)
	beat := newHome(b)
	writeJSON(b, filepath.Join(beat, "tasks", "t.json"), map[string]any{"name": "t", "action": map[string]any{"command": trueCmd},
		"heartbeat": map[string]any{"url": srv.URL + "/ping/bench"}})

	argv := func(home string) []string { return []string{orcExec, "run", "t", "--home", home} }
	for range 3 {
		for _, h := range []string{off, metricsOn, beat} {
			run(b, nil, argv(h)...)
		}
	}
	if _, err := os.Stat(filepath.Join(metricsOn, "metrics", "orchestrator.prom")); err != nil {
		b.Fatalf("the metrics variant wrote no orchestrator.prom: %v", err)
	}
	if _, err := os.Stat(filepath.Join(off, "metrics", "orchestrator.prom")); err == nil {
		b.Fatal("the variant with observability off wrote orchestrator.prom")
	}
	if pings.Load() != 6 {
		b.Fatalf("the heartbeat variant sent %d pings in 3 runs, want 6", pings.Load())
	}
	var wall, cpu [3][]time.Duration
	b.ResetTimer()
	for range b.N {
		for i, h := range []string{off, metricsOn, beat} {
			w, c := runCPU(b, argv(h)...)
			wall[i], cpu[i] = append(wall[i], w), append(cpu[i], c)
		}
	}
	b.StopTimer()
	for i, name := range []string{"off", "metrics", "heartbeat"} {
		b.ReportMetric(float64(median(wall[i]))/1e6, "wall-"+name+"-ms")
		b.ReportMetric(float64(median(cpu[i]))/1e6, "cpu-"+name+"-ms")
		if i > 0 {
			b.ReportMetric(float64(median(wall[i]))/float64(median(wall[0])), "x-wall-"+name)
			b.ReportMetric(float64(median(cpu[i]))/float64(median(cpu[0])), "x-cpu-"+name)
		}
	}
}

// runCPU starts argv once and returns its wall time and CPU time (user +
// system, of the process and the children it waited for).
func runCPU(b *testing.B, argv ...string) (time.Duration, time.Duration) {
	cmd := exec.Command(argv[0], argv[1:]...)
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		b.Fatalf("%s: %v", strings.Join(argv, " "), err)
	}
	return d, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

func writeJSON(b *testing.B, path string, v any) {
	b.Helper()
	data, err := json.Marshal(v)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(path), 0o700)
	}
	if err == nil {
		err = os.WriteFile(path, data, 0o600)
	}
	if err != nil {
		b.Fatal(err)
	}
}
