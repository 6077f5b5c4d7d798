package deps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/definition"
	"github.com/orchestrator/orchestrator/go/internal/result"
)

// checkTask is met when the other task's newest run succeeded and, with
// Within set, ended no longer ago than Within.
func checkTask(c definition.Check, env Env) outcome {
	if env.LastResult == nil {
		return unmet("task history is not available to this check")
	}
	rec, ok, err := env.LastResult(c.Task)
	switch {
	case err != nil:
		return unmet("could not read the history of %s: %v", c.Task, err)
	case !ok:
		return unmet("%s never ran", c.Task)
	case rec.Status == result.Running:
		return unmet("%s is still running (started %s)", c.Task, stamp(rec.Start))
	case rec.Status != result.Success:
		return unmet("%s last run %s at %s", c.Task, rec.Status, stamp(finished(rec)))
	}
	age := env.now().Sub(finished(rec))
	if c.Within > 0 && age > c.Within.D() {
		return unmet("%s last succeeded %s ago, older than %s", c.Task, human(age), definition.FormatDuration(c.Within.D()))
	}
	return met("%s last succeeded %s ago", c.Task, human(age))
}

func finished(rec result.Record) time.Time {
	if rec.End.IsZero() {
		return rec.Start
	}
	return rec.End
}

func stamp(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }

func checkTCP(ctx context.Context, c definition.Check) outcome {
	start := time.Now()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", c.Address)
	if err != nil {
		return unmet("%s not reachable: %s", c.Address, ctxReason(ctx, c, netErr(err)))
	}
	elapsed := time.Since(start)
	_ = conn.Close()
	return met("%s accepted in %s", c.Address, human(elapsed))
}

// netErr drops the "dial tcp 1.2.3.4:5:" prefixes that repeat what the
// reason already says.
func netErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err
	}
	var de *net.DNSError
	if errors.As(err, &de) {
		return fmt.Errorf("%s: %s", de.Name, de.Err)
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return oe.Err
	}
	return err
}

// checkHTTP GETs the URL. Redirects are not followed: a health URL that
// redirects (often to a login page) is not healthy, and following it would
// report the login page's 200. List 301/302 in ExpectStatus to accept one.
// TLS certificates are verified; an untrusted certificate is unmet.
func checkHTTP(ctx context.Context, c definition.Check) outcome {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = true // one request per process; nothing to reuse
	defer tr.CloseIdleConnections()
	client := &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.URL, nil)
	if err != nil {
		return unmet("bad URL %q: %v", c.URL, err)
	}
	req.Header.Set("User-Agent", "orc-exec dependency check")

	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return unmet("GET %s failed: %s", c.URL, ctxReason(ctx, c, netErr(err)))
	}
	elapsed := time.Since(start)
	// Drain a little so the server sees a clean close, but never wait on
	// an endless body.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()

	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	want := "2xx"
	if len(c.ExpectStatus) > 0 {
		ok = slices.Contains(c.ExpectStatus, resp.StatusCode)
		codes := make([]string, len(c.ExpectStatus))
		for i, s := range c.ExpectStatus {
			codes[i] = strconv.Itoa(s)
		}
		want = strings.Join(codes, " or ")
	}
	if !ok {
		if loc := resp.Header.Get("Location"); loc != "" && resp.StatusCode >= 300 && resp.StatusCode <= 399 {
			return unmet("GET %s answered %s (redirect to %s, not followed), want %s", c.URL, resp.Status, loc, want)
		}
		return unmet("GET %s answered %s, want %s", c.URL, resp.Status, want)
	}
	return met("GET %s answered %s in %s", c.URL, resp.Status, human(elapsed))
}

func checkDNS(ctx context.Context, c definition.Check) outcome {
	start := time.Now()
	addrs, err := net.DefaultResolver.LookupHost(ctx, c.Host)
	if err != nil {
		var de *net.DNSError
		if errors.As(err, &de) && de.IsNotFound {
			return unmet("%s does not resolve: no such host", c.Host)
		}
		return unmet("%s did not resolve: %s", c.Host, ctxReason(ctx, c, netErr(err)))
	}
	return met("%s resolved to %s in %s", c.Host, firstFew(addrs), human(time.Since(start)))
}

func checkPath(c definition.Check, env Env) outcome {
	fi, err := os.Stat(c.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return unmet("%s does not exist", c.Path)
	case err != nil:
		return unmet("cannot read %s: %v", c.Path, unwrapPath(err))
	}
	age := env.now().Sub(fi.ModTime())
	if c.MaxAge > 0 && age > c.MaxAge.D() {
		return unmet("%s was modified %s ago, older than %s", c.Path, human(age), definition.FormatDuration(c.MaxAge.D()))
	}
	return met("%s exists, modified %s ago", c.Path, human(age))
}

// unwrapPath drops the "stat <path>:" prefix the reason already has.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkInterface is met when the interface is up and running (has a link);
// on Windows both mean the adapter's operational status is Up, and names
// are the friendly names shown in ncpa.cpl ("Ethernet", "VPN").
func checkInterface(name string) outcome {
	ifs, err := net.Interfaces()
	if err != nil {
		return unmet("cannot list network interfaces: %v", err)
	}
	names := make([]string, 0, len(ifs))
	for _, ifc := range ifs {
		names = append(names, ifc.Name)
		if ifc.Name != name && !(foldNames && strings.EqualFold(ifc.Name, name)) {
			continue
		}
		if ifc.Flags&net.FlagUp == 0 {
			return unmet("interface %s is down", ifc.Name)
		}
		if ifc.Flags&net.FlagRunning == 0 {
			return unmet("interface %s is up but has no link", ifc.Name)
		}
		var addrs []string
		if as, err := ifc.Addrs(); err == nil {
			for _, a := range as {
				addrs = append(addrs, a.String())
			}
		}
		if len(addrs) == 0 {
			return met("interface %s is up (no addresses)", ifc.Name)
		}
		return met("interface %s is up (%s)", ifc.Name, firstFew(addrs))
	}
	return unmet("no interface named %q (found %s)", name, firstFew(names))
}

func checkCommand(ctx context.Context, c definition.Check, env Env) outcome {
	run := env.RunCommand
	if run == nil {
		run = runCommand
	}
	start := time.Now()
	code, err := run(ctx, c.Command, c.Arguments)
	if err != nil {
		if ctx.Err() != nil {
			return unmet("%s (stopped)", ctxReason(ctx, c, err))
		}
		return unmet("could not run %s: %v", c.Command, err)
	}
	if code != 0 {
		return unmet("exited with code %d", code)
	}
	return met("exited with code 0 in %s", human(time.Since(start)))
}
