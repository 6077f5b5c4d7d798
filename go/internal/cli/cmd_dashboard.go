package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/orchestrator/orchestrator/go/internal/dashboard"
	"github.com/orchestrator/orchestrator/go/internal/exitcode"
	"github.com/orchestrator/orchestrator/go/internal/secret"
)

const dashboardUsage = `Serve the web dashboard and its JSON API (/api/v1, see docs/api.md) until
Ctrl-C, SIGTERM or --idle-exit. It prints one JSON line with its URL
(schema orc.dashboard/v1). It reads the store directly and makes changes
through the PowerShell module's cmdlets (--module, --pwsh); without them it
only reads. Start-OrcDashboard starts it with both.

It listens on loopback only, unless a token is configured: then every
request must send it (Authorization: Bearer, or open the URL with ?token=
once). --token-file names a secret file; a missing one gets a new token,
printed once in the JSON line as "token" and stored like the other secrets.

Usage:
  orc-exec dashboard [--listen 127.0.0.1:0] [--read-only] [--token-file <path>]
                     [--module <Orchestrator.psd1>] [--pwsh <path>] [--open] [--idle-exit 30m]

Examples:
  orc-exec dashboard --module ./Orchestrator.psd1 --pwsh pwsh --open
  orc-exec dashboard --read-only --listen 127.0.0.1:8080
  orc-exec dashboard --listen 0.0.0.0:8443 --token-file /var/lib/orchestrator/state/dashboard.token
`

// DashboardInfo is the line 'dashboard' prints once it listens: schema orc.dashboard/v1.
type DashboardInfo struct {
	Schema    string `json:"schema"`
	URL       string `json:"url"`
	ReadOnly  bool   `json:"readOnly"`
	CsrfToken string `json:"csrfToken"`
	// Token is printed only when it was just generated: it is shown once.
	Token string `json:"token,omitempty"`
}

func cmdDashboard(ctx context.Context, a *app, args []string) exitcode.Code {
	fs := a.flags("dashboard", dashboardUsage)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on; anything but loopback needs --token-file")
	readOnly := fs.Bool("read-only", false, "refuse every change (403)")
	tokenFile := fs.String("token-file", "", "secret file holding the access token (created with a new token if missing)")
	module := fs.String("module", "", "the Orchestrator.psd1 whose cmdlets make changes")
	pwsh := fs.String("pwsh", "", "the pwsh (or powershell.exe) that runs the cmdlets")
	open := fs.Bool("open", false, "open the dashboard in the default browser")
	idle := fs.Duration("idle-exit", 0, "exit after this long without a request (0 = never)")
	if done, code := a.parse(fs, dashboardUsage, args); done {
		return code
	}
	if fs.NArg() != 0 {
		return a.fail(exitcode.Usage, errArgs("dashboard", "no arguments", fs.NArg()), "orc-exec dashboard --listen 127.0.0.1:0")
	}
	s, code := a.readStore()
	if s == nil {
		return code
	}
	var token, shown string
	if *tokenFile != "" {
		t, fresh, err := dashboardToken(s.Home, *tokenFile)
		if err != nil {
			return a.fail(exitcode.Insecure, err, "the token file must be private to you (or administrators); delete it to make a new token")
		}
		token = t
		if fresh {
			shown = t
		}
	}
	if !dashboard.IsLoopback(*listen) && token == "" {
		return a.fail(exitcode.Usage, fmt.Errorf("--listen %s is not a loopback address and no token is configured", *listen),
			"pass --token-file <path> so every request needs the token, or listen on 127.0.0.1")
	}
	exe, _ := os.Executable()
	srv, err := dashboard.New(dashboard.Options{Store: s, ReadOnly: *readOnly, Token: token, Module: *module, Pwsh: *pwsh,
		ExecPath: exe, Version: a.build.Version})
	if err != nil {
		return a.fail(exitcode.Internal, fmt.Errorf("could not start the dashboard: %w", err), "")
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return a.fail(exitcode.Usage, fmt.Errorf("could not listen on %s: %w", *listen, err), "choose a free port, or 127.0.0.1:0 for any")
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var last atomic.Int64
	var inflight atomic.Int64
	last.Store(time.Now().UnixNano())
	h := srv.Handler()
	hs := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inflight.Add(1)
		defer func() { inflight.Add(-1); last.Store(time.Now().UnixNano()) }()
		last.Store(time.Now().UnixNano())
		h.ServeHTTP(w, r)
	})}
	go srv.Watch(ctx)
	go func() { _ = srv.Refresh(ctx) }()
	if *idle > 0 {
		go func() {
			t := time.NewTicker(min(*idle/4+time.Millisecond, 5*time.Second))
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					if inflight.Load() == 0 && time.Since(time.Unix(0, last.Load())) > *idle {
						cancel()
						return
					}
				}
			}
		}()
	}
	url := "http://" + ln.Addr().String() + "/"
	writeJSONLine(a.io.Stdout, DashboardInfo{Schema: "orc.dashboard/v1", URL: url, ReadOnly: *readOnly, CsrfToken: srv.CSRFToken(), Token: shown})
	if *open {
		openBrowser(url, shown)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return a.fail(exitcode.Internal, fmt.Errorf("could not serve the dashboard: %w", err), "")
		}
	case <-ctx.Done():
	}
	sctx, scancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer scancel()
	_ = hs.Shutdown(sctx)
	_ = hs.Close()
	return exitcode.Success
}

// dashboardToken reads the token from its secret file, or makes one and
// stores it there; fresh says it was just made (and may be shown once).
func dashboardToken(home, path string) (string, bool, error) {
	data, err := secret.Load(home, path)
	if err == nil {
		t := strings.TrimSpace(string(data))
		if t == "" {
			return "", false, fmt.Errorf("could not use token file %s: it is empty", path)
		}
		return t, false, nil
	}
	if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
		return "", false, fmt.Errorf("could not read token file: %w", err)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", false, fmt.Errorf("could not make a token: %w", err)
	}
	t := hex.EncodeToString(b)
	if err := secret.Save(path, []byte(t), secret.Machine); err != nil {
		return "", false, fmt.Errorf("could not store the token: %w", err)
	}
	return t, true, nil
}

func openBrowser(url, token string) {
	if token != "" {
		url += "?token=" + token
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err == nil {
		go func() { _ = cmd.Wait() }()
	}
}
