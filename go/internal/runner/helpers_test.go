package runner_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/rs/zerolog"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/result"
	"github.com/orchestrator/orchestrator/go/internal/runner"
	"github.com/orchestrator/orchestrator/go/internal/store"
	"github.com/orchestrator/orchestrator/go/internal/testutil"
)

// The spec binary doubles as the command a task runs, so the specs need no
// shell and run the same on Windows (under Wine) as on Linux.
const (
	helperEnv = "ORC_RUNNER_SPEC_HELPER"
	dirEnv    = "ORC_RUNNER_SPEC_DIR"
)

func init() {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helperMain(mode))
	}
}

func helperMain(mode string) int {
	dir := os.Getenv(dirEnv)
	switch mode {
	case "ok":
		fmt.Println("hello from the command")
		return 0
	case "block":
		// Says it started, then runs until the spec releases it.
		touch(filepath.Join(dir, os.Getenv("ORC_RUN_ID")+".started"))
		for !exists(filepath.Join(dir, "release")) {
			time.Sleep(20 * time.Millisecond)
		}
		return 0
	case "flaky":
		// Fails with exit 3 until its third attempt.
		n := len(entries(dir, ".attempt")) + 1
		touch(filepath.Join(dir, strconv.Itoa(n)+".attempt"))
		if n < 3 {
			return 3
		}
		return 0
	case "lose-history":
		// Makes the history unwritable after the run's start was recorded,
		// as a disk filling up during the run would.
		h := os.Getenv("ORC_SPEC_HISTORY")
		if err := os.Remove(h); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 4
		}
		if err := os.Mkdir(h, 0o700); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 4
		}
		return 0
	case "kill-self":
		p, _ := os.FindProcess(os.Getpid())
		_ = p.Kill()
		time.Sleep(time.Minute)
		return 0
	}
	fmt.Fprintln(os.Stderr, "unknown helper mode", mode)
	return 2
}

func touch(p string) {
	tmp := p + ".tmp"
	_ = os.WriteFile(tmp, nil, 0o644)
	_ = os.Rename(tmp, p)
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func entries(dir, suffix string) []string {
	es, _ := os.ReadDir(dir)
	var out []string
	for _, e := range es {
		if strings.HasSuffix(e.Name(), suffix) {
			out = append(out, e.Name())
		}
	}
	return out
}

// fixture is one spec's store, helper folder and runner.
type fixture struct {
	store  *store.Store
	dir    string
	runner *runner.Runner

	mu       sync.Mutex
	notified []result.Record
	delays   []time.Duration
}

func newFixture() *fixture {
	base := testutil.TempDir()
	s, err := store.Open(filepath.Join(base, "home"))
	Expect(err).NotTo(HaveOccurred())
	f := &fixture{store: s, dir: filepath.Join(base, "helper")}
	Expect(os.Mkdir(f.dir, 0o700)).To(Succeed())
	f.runner = &runner.Runner{
		Store: s, Log: zerolog.New(GinkgoWriter), Host: "spec", Trigger: result.Manual, Now: time.Now,
		Sleep: func(ctx context.Context, d time.Duration) error {
			f.mu.Lock()
			f.delays = append(f.delays, d)
			f.mu.Unlock()
			return ctx.Err()
		},
		Notify: func(_ context.Context, _ *definition.Task, rec result.Record) {
			f.mu.Lock()
			f.notified = append(f.notified, rec)
			f.mu.Unlock()
		},
	}
	return f
}

// task is a definition whose command is this binary in helper mode.
func (f *fixture) task(name, mode string, overlap definition.Overlap) *definition.Task {
	self, err := os.Executable()
	Expect(err).NotTo(HaveOccurred())
	paths := f.paths(name)
	return &definition.Task{Name: name, Overlap: overlap, Action: definition.Action{
		Command:     self,
		Environment: map[string]string{helperEnv: mode, dirEnv: f.dir, "ORC_SPEC_HISTORY": paths.History},
	}}
}

func (f *fixture) paths(name string) store.TaskPaths {
	p, err := f.store.For(name)
	Expect(err).NotTo(HaveOccurred())
	return p
}

func (f *fixture) notifications() []result.Record {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]result.Record(nil), f.notified...)
}

type outcome struct {
	rec  result.Record
	code int
}

// start runs t in the background.
func (f *fixture) start(ctx context.Context, t *definition.Task) <-chan outcome {
	done := make(chan outcome, 1)
	go func() {
		defer GinkgoRecover()
		rec, code := f.runner.Run(ctx, t)
		done <- outcome{rec, int(code)}
	}()
	return done
}

// started waits until n blocking commands have started and returns their run IDs.
func (f *fixture) started(n int) []string {
	Eventually(func() []string { return entries(f.dir, ".started") }).WithTimeout(30 * time.Second).Should(HaveLen(n))
	var ids []string
	for _, e := range entries(f.dir, ".started") {
		ids = append(ids, strings.TrimSuffix(e, ".started"))
	}
	return ids
}
