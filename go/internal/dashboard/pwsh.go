package dashboard

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode/utf16"
)

// psScript is the only script text the dashboard hands pwsh. It is
// constant: what a request asks for travels in a JSON file named by
// ORC_DASHBOARD_REQUEST and is bound to cmdlet parameters, never spliced
// into script text, so no task name or field can become code.
const psScript = `$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$request = Get-Content -LiteralPath $env:ORC_DASHBOARD_REQUEST -Raw | ConvertFrom-Json
$reply = @{ ok = $true; errors = @(); output = $null }
try {
    Import-Module -Name $request.module -Force
    $errs = $null
    $common = @{ ErrorAction = 'Continue'; ErrorVariable = 'errs' }
    switch ($request.action) {
        'list' {
            # Dates as ISO 8601 text: Windows PowerShell 5.1 would write them as \/Date(…)\/.
            $iso = { param($d) if ($d) { ([datetime]$d).ToUniversalTime().ToString('o') } }
            $reply.output = @(Get-OrcTask @common | Select-Object Name, State, Enabled, Drift, DriftReason, RegisteredHash, ExecPath, Backend,
                @{ Name = 'NextRunTime'; Expression = { & $iso $_.NextRunTime } })
        }
        'register' { $null = Register-OrcTask -Path $request.path -Force -Confirm:$false @common }
        'unregister' { Unregister-OrcTask -Name $request.name -Confirm:$false @common }
        'enable' { Enable-OrcTask -Name $request.name -Confirm:$false @common }
        'disable' { Disable-OrcTask -Name $request.name -Confirm:$false @common }
        'run' { Start-OrcTask -Name $request.name -Confirm:$false @common }
        'stop' { Stop-OrcTask -Name $request.name -Confirm:$false @common }
        default { throw "unknown action $($request.action)" }
    }
    foreach ($e in @($errs)) {
        if ($null -eq $e) { continue }
        $reply.ok = $false
        $reply.errors += @{ id = [string]$e.FullyQualifiedErrorId; message = [string]$e.Exception.Message; target = [string]$e.TargetObject }
    }
} catch {
    $reply.ok = $false
    $reply.errors += @{ id = [string]$_.FullyQualifiedErrorId; message = [string]$_.Exception.Message; target = [string]$_.TargetObject }
}
$reply | ConvertTo-Json -Depth 6 -Compress
`

// encodedScript is psScript as -EncodedCommand wants it (base64 of
// UTF-16LE): one argument, no quoting rules of any shell or host involved.
var encodedScript = func() string {
	u := utf16.Encode([]rune(psScript))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return base64.StdEncoding.EncodeToString(b)
}()

// psRequest is what one pwsh call is asked to do.
type psRequest struct {
	Module string `json:"module"`
	Action string `json:"action"`
	Name   string `json:"name,omitempty"`
	Path   string `json:"path,omitempty"`
}

type psError struct {
	ID      string `json:"id"`
	Message string `json:"message"`
	Target  string `json:"target"`
}

type psReply struct {
	OK     bool            `json:"ok"`
	Errors []psError       `json:"errors"`
	Output json.RawMessage `json:"output"`
}

// cmdlets runs the module's cmdlets in a child pwsh.
type cmdlets struct {
	pwsh    string
	module  string
	home    string
	tmp     string
	timeout time.Duration
}

func (c *cmdlets) available() bool { return c != nil && c.pwsh != "" && c.module != "" }

// call runs one action; the error is an *apiError with the cmdlet's Orc.*
// ID when the cmdlet wrote one.
func (c *cmdlets) call(ctx context.Context, req psRequest) (json.RawMessage, *apiError) {
	if !c.available() {
		return nil, &apiError{Status: http.StatusForbidden, Code: "Orc.ReadOnly",
			Message: "this dashboard was started without the PowerShell module, so it cannot change tasks",
			Fix:     "start it with Start-OrcDashboard, or pass orc-exec dashboard --module <Orchestrator.psd1> --pwsh <pwsh>"}
	}
	req.Module = c.module
	f, err := os.CreateTemp(c.tmp, "orc-dashboard-*.json")
	if err != nil {
		return nil, internal(fmt.Errorf("could not write the request for pwsh: %w", err))
	}
	defer os.Remove(f.Name())
	if err := json.NewEncoder(f).Encode(req); err != nil {
		f.Close()
		return nil, internal(fmt.Errorf("could not write the request for pwsh: %w", err))
	}
	if err := f.Close(); err != nil {
		return nil, internal(fmt.Errorf("could not write the request for pwsh: %w", err))
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.pwsh, "-NoProfile", "-NonInteractive", "-EncodedCommand", encodedScript)
	cmd.Env = append(os.Environ(), "ORC_DASHBOARD_REQUEST="+f.Name(), "ORC_HOME="+c.home)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var reply psReply
	line := lastJSONLine(stdout.Bytes())
	if err := json.Unmarshal(line, &reply); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if runErr != nil {
			msg = runErr.Error() + ": " + msg
		}
		return nil, internal(fmt.Errorf("could not run %s %s: %s", c.pwsh, req.Action, msg))
	}
	if !reply.OK && len(reply.Errors) > 0 {
		return reply.Output, fromPS(reply.Errors[0])
	}
	return reply.Output, nil
}

func lastJSONLine(b []byte) []byte {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	for i := len(lines) - 1; i >= 0; i-- {
		l := bytes.TrimSpace(lines[i])
		if len(l) > 0 && l[0] == '{' {
			return l
		}
	}
	return nil
}

// fromPS maps a cmdlet's error record to the API: its ID without the
// ",Cmdlet" suffix PowerShell adds, and the HTTP status that ID means.
func fromPS(e psError) *apiError {
	id, _, _ := strings.Cut(e.ID, ",")
	if !strings.HasPrefix(id, "Orc.") {
		id = "Orc.SchedulerError"
	}
	status := http.StatusInternalServerError
	switch id {
	case "Orc.TaskNotFound":
		status = http.StatusNotFound
	case "Orc.InvalidDefinition", "Orc.Usage", "Orc.InvalidDuration":
		status = http.StatusBadRequest
	case "Orc.AccessDenied":
		status = http.StatusForbidden
	case "Orc.FileExists":
		status = http.StatusConflict
	case "Orc.Timeout":
		status = http.StatusGatewayTimeout
	case "Orc.SchedulerError":
		status = http.StatusBadGateway
	}
	return &apiError{Status: status, Code: id, Message: e.Message}
}

func internal(err error) *apiError {
	return &apiError{Status: http.StatusInternalServerError, Code: "Orc.SchedulerError", Message: err.Error(),
		Fix: "check that pwsh and the module run: pwsh -NoProfile -Command 'Import-Module <Orchestrator.psd1>; Get-OrcTask'"}
}
