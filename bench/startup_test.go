package bench

// Start-up cost of one orc-exec run, side by side with the same command run
// directly and with a bare PowerShell start. Run them with
//
//	go test -run='^$' -bench=. -benchtime=50x -count=1 ./bench
//
// or bash bench/run.sh. The binary under test is $ORC_EXEC, or one built
// here (like build.ps1 builds it) when that is unset.
//
// Each benchmark reports, besides ns/op (the mean):
//
//	median-ns          median wall time of one run
//	added-ms-median    median(run) - median(/bin/true run directly), in ms
//	added-ms-mean      the same with means
//	peak-RSS-MB        largest ru_maxrss of any run (Linux only)
//
// The direct /bin/true baseline of the added-* figures is measured inside
// the same benchmark, one untimed run before each timed one, so both see
// the same machine load.

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// trueCmd is the trivial command every benchmark runs.
const trueCmd = "/bin/true"

var (
	// orcExec is the absolute path of the orc-exec under test; set by
	// TestMain when benchmarks were asked for.
	orcExec string
	// orcMedian is BenchmarkOrcExecRunTrue's median, kept for the pwsh ratio.
	orcMedian time.Duration
	// atExit runs after every benchmark, e.g. to remove a store written once.
	atExit []func()
)

func TestMain(m *testing.M) {
	flag.Parse()
	cleanup := func() {}
	if f := flag.Lookup("test.bench"); f != nil && f.Value.String() != "" {
		var err error
		if orcExec, cleanup, err = findOrBuild(); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		fmt.Fprintln(os.Stderr, "bench: orc-exec under test:", orcExec)
	}
	code := m.Run()
	cleanup()
	for _, f := range atExit {
		f()
	}
	os.Exit(code)
}

// findOrBuild returns $ORC_EXEC, or builds orc-exec from the repository root
// (.. from bench/) into a temporary folder, with build.ps1's flags.
func findOrBuild() (string, func(), error) {
	if p := os.Getenv("ORC_EXEC"); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return "", nil, fmt.Errorf("ORC_EXEC: %w", err)
		}
		return abs, func() {}, nil
	}
	root, err := filepath.Abs("..")
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "orc-bench-bin-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	exe := filepath.Join(dir, "orc-exec")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", exe, "./go/cmd/orc-exec")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("go build ./go/cmd/orc-exec: %v\n%s", err, out)
	}
	return exe, cleanup, nil
}

// newHome makes a store (0700) holding tasks/t.json (0600) that runs trueCmd.
func newHome(b *testing.B) string {
	b.Helper()
	home := b.TempDir()
	tasks := filepath.Join(home, "tasks")
	def, err := json.Marshal(map[string]any{"name": "t", "action": map[string]any{"command": trueCmd}})
	if err == nil {
		err = errors.Join(os.Chmod(home, 0o700), os.Mkdir(tasks, 0o700))
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(tasks, "t.json"), def, 0o600)
	}
	if err != nil {
		b.Fatal(err)
	}
	return home
}

// findPwsh looks at $ORC_PWSH, then .tools/bin/pwsh in the repository, then PATH.
func findPwsh() string {
	if p := os.Getenv("ORC_PWSH"); p != "" {
		return p
	}
	if p, err := filepath.Abs(filepath.Join("..", ".tools", "bin", "pwsh")); err == nil {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	if p, err := exec.LookPath("pwsh"); err == nil {
		return p
	}
	return ""
}

// run starts argv once, waits, and returns the wall time and peak RSS (MB).
// Output goes to the null device so no pipe is timed.
func run(b *testing.B, env []string, argv ...string) (time.Duration, float64) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		b.Fatalf("%s: %v", strings.Join(argv, " "), err)
	}
	return d, peakRSSMB(cmd.ProcessState)
}

// measure runs argv b.N times (timed) with an untimed direct trueCmd run
// before each, after a short warm-up, and reports the metrics above. It
// returns the median of argv's runs.
func measure(b *testing.B, env []string, argv ...string) time.Duration {
	b.Helper()
	for range 3 {
		run(b, env, argv...)
		run(b, nil, trueCmd)
	}
	times := make([]time.Duration, 0, b.N)
	direct := make([]time.Duration, 0, b.N)
	peak := -1.0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		d0, _ := run(b, nil, trueCmd)
		direct = append(direct, d0)
		b.StartTimer()
		d, rss := run(b, env, argv...)
		times = append(times, d)
		peak = max(peak, rss)
	}
	b.StopTimer()
	med := median(times)
	b.ReportMetric(float64(med), "median-ns")
	b.ReportMetric(float64(med-median(direct))/1e6, "added-ms-median")
	b.ReportMetric(float64(mean(times)-mean(direct))/1e6, "added-ms-mean")
	if peak >= 0 {
		b.ReportMetric(peak, "peak-RSS-MB")
	}
	return med
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func mean(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return sum / time.Duration(len(ds))
}

// BenchmarkDirectTrue is the baseline: /bin/true started directly. Its
// added-* metrics compare two direct runs, so they show the noise floor.
func BenchmarkDirectTrue(b *testing.B) {
	if _, err := os.Stat(trueCmd); err != nil {
		b.Skipf("%s: %v", trueCmd, err)
	}
	measure(b, nil, trueCmd)
}

// BenchmarkOrcExecRunTrue is one trigger: orc-exec run t for a task whose
// command is /bin/true (definition load, run, history append, JSON line).
// The task's history grows by one record per run, b.N+4 in all.
func BenchmarkOrcExecRunTrue(b *testing.B) {
	if _, err := os.Stat(trueCmd); err != nil {
		b.Skipf("%s: %v", trueCmd, err)
	}
	home := newHome(b)
	argv := []string{orcExec, "run", "t", "--home", home}
	// One checked run first: exit 0 and a JSON line on stdout.
	out, err := exec.Command(argv[0], argv[1:]...).Output()
	if err != nil {
		b.Fatalf("%s: %v\n%s", strings.Join(argv, " "), err, out)
	}
	var line map[string]any
	if err := json.Unmarshal(out, &line); err != nil {
		b.Fatalf("orc-exec printed %q, not one JSON object: %v", out, err)
	}
	orcMedian = measure(b, nil, argv...)
}

// BenchmarkPwshExit0 is the per-run cost of a PowerShell-based runner:
// pwsh -NoProfile -Command exit 0. Telemetry and the update check are off so
// no network is timed. x-orc-exec is its median over orc-exec's (when
// BenchmarkOrcExecRunTrue ran first in the same process).
func BenchmarkPwshExit0(b *testing.B) {
	pwsh := findPwsh()
	if pwsh == "" {
		b.Skip("pwsh not found ($ORC_PWSH, .tools/bin/pwsh, PATH)")
	}
	env := append(os.Environ(), "POWERSHELL_TELEMETRY_OPTOUT=1", "POWERSHELL_UPDATECHECK=Off")
	med := measure(b, env, pwsh, "-NoProfile", "-Command", "exit 0")
	if orcMedian > 0 {
		b.ReportMetric(float64(med)/float64(orcMedian), "x-orc-exec")
	}
}
