// Package deps runs a task's dependency checks (task, tcp, http, dns, path,
// service, process, interface, command) before its command, and applies the
// dependency policy: skip, fail, or wait and recheck.
//
// Every check is bounded by its own timeout and always yields a result with a
// short human reason, met or not, because that reason is what an admin reads
// in the run record when a task was skipped at 3 a.m.
package deps

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// DefaultCheckTimeout bounds a check whose definition sets no timeout; it is
// definition.DefaultCheckTimeout, which ApplyDefaults writes into loaded
// definitions, so hand-built checks get the same bound.
const DefaultCheckTimeout = time.Duration(definition.DefaultCheckTimeout)

// timeoutGrace is how long a check that ignores its context may still report
// its own (more specific) reason after the timeout before we stop waiting.
const timeoutGrace = 50 * time.Millisecond

// foldNames is true where process and interface names are case-insensitive.
var foldNames = runtime.GOOS == "windows"

// Env is what checks need from the outside world. The zero value works for
// every kind except "task", which needs LastResult.
type Env struct {
	// LastResult returns the newest history record of another task (for
	// type "task"); ok is false when the task never ran. Injected so deps
	// does not depend on the history package.
	LastResult func(task string) (rec result.Record, ok bool, err error)
	// RunCommand runs a custom check command and returns its exit code. Nil
	// means run it directly (no shell) and kill it when ctx ends.
	RunCommand func(ctx context.Context, command string, args []string) (int, error)
	// Now is the clock for ages (task Within, path MaxAge); nil = time.Now.
	Now func() time.Time
	// OnRound, when set, is called after every unmet round of policy
	// "wait", so the caller can log progress during a long wait.
	OnRound func(round int, results []result.Dependency)
}

func (e Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Name is the check's display name: its Name, or the type and target
// ("tcp db:5432").
func Name(c definition.Check) string {
	if c.Name != "" {
		return c.Name
	}
	target := ""
	switch c.Type {
	case definition.CheckTask:
		target = c.Task
	case definition.CheckTCP:
		target = c.Address
	case definition.CheckHTTP:
		target = c.URL
	case definition.CheckDNS:
		target = c.Host
	case definition.CheckPath:
		target = c.Path
	case definition.CheckService:
		target = c.Service
	case definition.CheckProcess:
		target = c.Process
	case definition.CheckInterface:
		target = c.Interface
	case definition.CheckCommand:
		target = strings.Join(append([]string{c.Command}, c.Arguments...), " ")
	}
	return strings.TrimSpace(string(c.Type) + " " + target)
}

// Timeout is the check's effective timeout.
func Timeout(c definition.Check) time.Duration {
	if c.Timeout > 0 {
		return c.Timeout.D()
	}
	return DefaultCheckTimeout
}

// CheckAll runs every check concurrently, each bounded by its own timeout,
// and returns the results in definition order.
func CheckAll(ctx context.Context, checks []definition.Check, env Env) []result.Dependency {
	out := make([]result.Dependency, len(checks))
	var wg sync.WaitGroup
	for i, c := range checks {
		wg.Go(func() { out[i] = checkOne(ctx, c, env) })
	}
	wg.Wait()
	return out
}

// outcome is what a single check function reports.
type outcome struct {
	met    bool
	reason string
}

func met(format string, a ...any) outcome   { return outcome{true, fmt.Sprintf(format, a...)} }
func unmet(format string, a ...any) outcome { return outcome{false, fmt.Sprintf(format, a...)} }

func checkOne(parent context.Context, c definition.Check, env Env) result.Dependency {
	timeout := Timeout(c)
	ctx, cancel := context.WithTimeout(parent, timeout)
	defer cancel()

	start := time.Now()
	// Some probes cannot be interrupted (os.Stat on a dead network share,
	// a process snapshot, an injected function that ignores ctx), so the
	// probe runs aside and we stop waiting for it when ctx ends; a stuck
	// probe then leaks one goroutine in a process that is about to exit.
	done := make(chan outcome, 1)
	go func() { done <- probe(ctx, c, env) }()

	var o outcome
	select {
	case o = <-done:
	case <-ctx.Done():
		grace := time.NewTimer(timeoutGrace)
		select {
		case o = <-done:
		case <-grace.C:
			o = unmet("%s", interrupted(parent, timeout))
		}
		grace.Stop()
	}
	return result.Dependency{
		Name:       Name(c),
		Type:       string(c.Type),
		Met:        o.met,
		Reason:     o.reason,
		DurationMs: time.Since(start).Milliseconds(),
	}
}

// interrupted says why a check's context ended.
func interrupted(parent context.Context, timeout time.Duration) string {
	if parent.Err() != nil {
		return "cancelled before it finished"
	}
	return "no answer within " + definition.FormatDuration(timeout)
}

// ctxReason turns an error caused by the check's context into the same
// words as interrupted, and anything else into its message.
func ctxReason(ctx context.Context, c definition.Check, err error) string {
	switch ctx.Err() {
	case context.DeadlineExceeded:
		return "no answer within " + definition.FormatDuration(Timeout(c))
	case context.Canceled:
		return "cancelled before it finished"
	}
	return err.Error()
}

func probe(ctx context.Context, c definition.Check, env Env) outcome {
	switch c.Type {
	case definition.CheckTask:
		return checkTask(c, env)
	case definition.CheckTCP:
		return checkTCP(ctx, c)
	case definition.CheckHTTP:
		return checkHTTP(ctx, c)
	case definition.CheckDNS:
		return checkDNS(ctx, c)
	case definition.CheckPath:
		return checkPath(c, env)
	case definition.CheckService:
		return checkService(ctx, c)
	case definition.CheckProcess:
		return checkProcess(ctx, c.Process)
	case definition.CheckInterface:
		return checkInterface(c.Interface)
	case definition.CheckCommand:
		return checkCommand(ctx, c, env)
	}
	return unmet("unknown check type %q", c.Type)
}

// human writes an elapsed time the way people say it: "3ms", "4.2s",
// "5m12s", "14h3m", "2d6h".
func human(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	case d < time.Hour:
		return definition.FormatDuration(d.Round(time.Second))
	case d < 24*time.Hour:
		return definition.FormatDuration(d.Round(time.Minute))
	}
	d = d.Round(time.Hour)
	days, rest := d/(24*time.Hour), d%(24*time.Hour)
	if rest == 0 {
		return fmt.Sprintf("%dd", days)
	}
	return fmt.Sprintf("%dd%s", days, definition.FormatDuration(rest))
}

// firstFew lists up to three items, then says how many more there are.
func firstFew(items []string) string {
	if len(items) <= 3 {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:3], ", "), len(items)-3)
}
