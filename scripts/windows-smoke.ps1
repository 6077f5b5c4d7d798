<#
.SYNOPSIS
    Smoke-tests Orchestrator on a real Windows host: registers tasks in \Orchestrator\, runs them,
    checks results, history, the Event Log and ACLs, then removes everything it made.
.DESCRIPTION
    For Windows Server 2019/2022 (or Windows 10/11) under Windows PowerShell 5.1 or PowerShell 7,
    run elevated. It checks what this repository's CI cannot show under Wine:
    - four tasks registered through Register-OrcTask in \Orchestrator\: one that succeeds, one
      that fails, one that hits its timeout and one that depends on the first;
    - each started through Task Scheduler (Start-OrcTask -Wait) with the expected status, and
      Task Scheduler's LastTaskResult (Get-OrcTask) equal to orc-exec's exit code
      (0, 1, 5 and 0; see docs/exit-codes.md);
    - the run recorded in Get-OrcTaskHistory with the same run ID;
    - the Event Log: the Task Scheduler Operational log must show the smoke tasks when it is
      enabled; events of an 'Orchestrator' source are listed when there are any (SKIP otherwise);
    - ACLs: history\, runs\ and logs\ in the store grant SYSTEM and Administrators only, and
      state\notify.secret, when a secret is set, has exactly D:P(A;;FA;;;SY)(A;;FA;;;BA)
      (docs/orc-exec.md, docs/notifications.md).
    Everything it registered is removed again, also when a check fails or the script is stopped.
    It prints a PASS/FAIL/SKIP table and exits 1 when any check failed, else 0.
.PARAMETER ModulePath
    The Orchestrator module to test: a .psd1 file or a folder. Default: the repository's
    Orchestrator.psd1 next to scripts\ when it exists, else the installed module.
.PARAMETER Prefix
    The first part of the smoke tasks' names (default 'orc-smoke'); pick another when a task
    of that name exists.
.PARAMETER TimeoutSec
    How long to wait for each run, in seconds (default 120).
.PARAMETER SucceedCommand
    The program and arguments of the task that succeeds (default: cmd.exe /d /c exit 0).
.PARAMETER FailCommand
    The program and arguments of the task that fails with exit code 3 (default: cmd.exe /d /c exit 3).
.PARAMETER SleepCommand
    The program and arguments of the task that outlives its 5-second timeout (default: ping.exe -n 60 127.0.0.1).
.PARAMETER PassThru
    Also return the check results as objects (Check, Result, Detail).
.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\scripts\windows-smoke.ps1

    Runs the smoke test with Windows PowerShell 5.1 against the repository's module.
.EXAMPLE
    pwsh -NoProfile -File .\scripts\windows-smoke.ps1 -ModulePath 'C:\Program Files\PowerShell\Modules\Orchestrator'

    Runs it with PowerShell 7 against an installed copy of the module.
.EXAMPLE
    .\scripts\windows-smoke.ps1 -WhatIf

    Shows which tasks it would register, start and remove, and does nothing.
.OUTPUTS
    None, or PSCustomObject (Check, Result, Detail) with -PassThru. The exit code is 1 when a check failed.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ModulePath,

    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,50}$')]
    [string] $Prefix = 'orc-smoke',

    [ValidateRange(10, 3600)]
    [int] $TimeoutSec = 120,

    [string[]] $SucceedCommand = @((Join-Path $env:SystemRoot 'System32\cmd.exe'), '/d', '/c', 'exit 0'),

    [string[]] $FailCommand = @((Join-Path $env:SystemRoot 'System32\cmd.exe'), '/d', '/c', 'exit 3'),

    [string[]] $SleepCommand = @((Join-Path $env:SystemRoot 'System32\PING.EXE'), '-n', '60', '127.0.0.1'),

    [switch] $PassThru
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$results = New-Object System.Collections.Generic.List[object]
function Add-SmokeResult([string] $Check, [ValidateSet('PASS', 'FAIL', 'SKIP')] [string] $Result, [string] $Detail) {
    $results.Add([pscustomobject]@{ Check = $Check; Result = $Result; Detail = $Detail })
}

# Runs one check; an exception is that check's FAIL, not the end of the smoke test.
function Invoke-SmokeCheck([string] $Check, [scriptblock] $Body) {
    try {
        $outcome = & $Body
        if ($outcome -is [string] -and $outcome.StartsWith('SKIP: ')) { Add-SmokeResult $Check 'SKIP' $outcome.Substring(6) }
        else { Add-SmokeResult $Check 'PASS' ([string]$outcome) }
    }
    catch {
        Add-SmokeResult $Check 'FAIL' $_.Exception.Message
    }
}

# DACL of a file system object: the D: part of its SDDL.
function Get-SmokeDacl([string] $Path) {
    $sddl = (Get-Acl -LiteralPath $Path).Sddl
    $match = [regex]::Match($sddl, 'D:[^()]*(\([^)]*\))*')
    if (-not $match.Success) { throw "'$Path' has no DACL (SDDL '$sddl')" }
    $match.Value
}

if (-not $ModulePath) {
    $repoManifest = Join-Path (Split-Path -Parent $PSScriptRoot) 'Orchestrator.psd1'
    if (Test-Path -LiteralPath $repoManifest) { $ModulePath = $repoManifest } else { $ModulePath = 'Orchestrator' }
}

$tasks = @(
    @{ Name = "$Prefix-ok"; Command = $SucceedCommand; Status = 'SUCCESS'; Code = 0; Extra = @{} }
    @{ Name = "$Prefix-fail"; Command = $FailCommand; Status = 'FAILED'; Code = 1; Extra = @{} }
    @{ Name = "$Prefix-timeout"; Command = $SleepCommand; Status = 'TIMEOUT'; Code = 5; Extra = @{ Timeout = '5s' } }
    @{ Name = "$Prefix-dep"; Command = $SucceedCommand; Status = 'SUCCESS'; Code = 0; Extra = @{ DependsOn = "$Prefix-ok" } }
)
$registered = New-Object System.Collections.Generic.List[string]
$started = Get-Date

try {
    Invoke-SmokeCheck 'module imports' {
        # No -Force: a module already imported from that path (a test double around it) is kept.
        $module = Import-Module -Name $ModulePath -PassThru
        'Orchestrator {0} from {1} on PowerShell {2} {3}' -f $module.Version, $module.ModuleBase, $PSVersionTable.PSVersion, $PSVersionTable.PSEdition
    }
    if (-not (Get-Command -Name Register-OrcTask -ErrorAction SilentlyContinue)) { throw 'the Orchestrator module did not load; nothing to test' }

    foreach ($task in $tasks) {
        if (-not $PSCmdlet.ShouldProcess("\Orchestrator\Orc_$($task.Name)", 'Register, start and remove smoke task')) { continue }
        Invoke-SmokeCheck "register $($task.Name)" {
            $extra = $task.Extra
            $arguments = @()
            if ($task.Command.Count -gt 1) { $arguments = $task.Command[1..($task.Command.Count - 1)] }
            $registration = Register-OrcTask -Name $task.Name -Command $task.Command[0] -ArgumentList $arguments @extra -Description 'windows-smoke.ps1; removed when it ends' -PassThru -Confirm:$false
            $registered.Add($task.Name)
            if ($registration.State -notin 'Ready', 'Running') { throw "registered, but Task Scheduler reports State '$($registration.State)' (expected Ready)" }
            '\Orchestrator\Orc_{0} State {1}' -f $task.Name, $registration.State
        }
    }

    foreach ($task in $tasks) {
        if ($registered -notcontains $task.Name) { continue }
        # The check's scriptblock runs in its own scope; the run comes back through script scope.
        $script:lastRun = $null
        Invoke-SmokeCheck "run $($task.Name) -> $($task.Status)" {
            $run = Start-OrcTask -Name $task.Name -Wait -TimeoutSec $TimeoutSec -ErrorAction Stop
            $script:lastRun = $run
            if ($null -eq $run) { throw "no result within $TimeoutSec s" }
            if ($run.Status -ne $task.Status) { throw "status $($run.Status) (expected $($task.Status)); reason: $($run.Reason)" }
            'run {0} {1} in {2}' -f $run.RunId, $run.Status, $run.Duration
        }
        $run = $script:lastRun
        $script:lastRun = $null

        Invoke-SmokeCheck "LastTaskResult $($task.Name) = $($task.Code)" {
            $info = Get-OrcTask -Name $task.Name
            $result = $info.LastTaskResult
            if ($null -eq $result) { throw "Task Scheduler recorded no result (expected $($task.Code))" }
            if ([long]$result.Code -ne $task.Code) { throw "Task Scheduler recorded $($result.Code) $($result.Name) (expected $($task.Code))" }
            'LastTaskResult {0} {1}' -f $result.Code, $result.Name
        }

        Invoke-SmokeCheck "history $($task.Name)" {
            $last = @(Get-OrcTaskHistory -Name $task.Name -Last 1)
            if ($last.Count -ne 1) { throw 'Get-OrcTaskHistory returned no run' }
            if ($last[0].Status -ne $task.Status) { throw "history says $($last[0].Status) (expected $($task.Status))" }
            if ($run -and $last[0].RunId -ne $run.RunId) { throw "history's last run is $($last[0].RunId), Start-OrcTask returned $($run.RunId)" }
            'run {0} {1}' -f $last[0].RunId, $last[0].Status
        }
    }

    # Under -WhatIf, or when nothing could be registered (reported above), there is no run to look at.
    if ($registered.Count -gt 0) {
        Invoke-SmokeCheck 'Event Log: Orchestrator source' {
            $exists = $false
            try { $exists = [System.Diagnostics.EventLog]::SourceExists('Orchestrator') }
            catch { return "SKIP: cannot query event sources here ($($_.Exception.Message))" }
            if (-not $exists) { return 'SKIP: no Orchestrator event source on this host' }
            $events = @(Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = 'Orchestrator'; StartTime = $started } -ErrorAction SilentlyContinue)
            # orc-exec logs to files (docs/orc-exec.md), not to the Event Log, and another product may
            # own a source of this name: no events is not a failure.
            if ($events.Count -eq 0) { return 'SKIP: the Orchestrator source logged nothing during the smoke runs' }
            '{0} event(s) since {1:u}' -f $events.Count, $started
        }

        Invoke-SmokeCheck 'Event Log: Task Scheduler Operational' {
            if (-not (Get-Command -Name Get-WinEvent -ErrorAction SilentlyContinue)) { return 'SKIP: Get-WinEvent is not available' }
            # An Event Log service that cannot list logs at all (Wine's answers 'Success.') is not
            # something this host's tasks did: say so rather than fail the Task Scheduler checks.
            try { $log = Get-WinEvent -ListLog 'Microsoft-Windows-TaskScheduler/Operational' -ErrorAction Stop }
            catch { return "SKIP: the Event Log cannot be listed here: $($_.Exception.Message)" }
            if (-not $log -or -not $log.IsEnabled) { return 'SKIP: the Task Scheduler Operational log is disabled (wevtutil sl Microsoft-Windows-TaskScheduler/Operational /e:true)' }
            $events = @(Get-WinEvent -FilterHashtable @{ LogName = 'Microsoft-Windows-TaskScheduler/Operational'; StartTime = $started } -ErrorAction SilentlyContinue |
                    Where-Object { $_.Message -like "*\Orchestrator\Orc_$Prefix-*" })
            if ($events.Count -eq 0) { throw "no Task Scheduler events for \Orchestrator\Orc_$Prefix-* since $($started.ToString('u'))" }
            '{0} event(s) for the smoke tasks' -f $events.Count
        }

        $store = $env:ORC_HOME
        if (-not $store) { $store = Join-Path $env:ProgramData 'Orchestrator' }
        foreach ($folder in 'history', 'runs', 'logs') {
            Invoke-SmokeCheck "ACL $folder\ (SYSTEM and Administrators only)" {
                $path = Join-Path $store $folder
                if (-not (Test-Path -LiteralPath $path)) { throw "'$path' does not exist after the runs" }
                $dacl = Get-SmokeDacl $path
                $others = @([regex]::Matches($dacl, '\(A;[^;]*;[^;]*;[^;]*;[^;]*;([^)]+)\)') | ForEach-Object { $_.Groups[1].Value } |
                        Where-Object { $_ -notin 'SY', 'BA', 'S-1-5-18', 'S-1-5-32-544' })
                if ($others.Count -gt 0) { throw "'$path' also grants $($others -join ', '): $dacl" }
                $dacl
            }
        }
        Invoke-SmokeCheck 'ACL state\notify.secret = D:P(A;;FA;;;SY)(A;;FA;;;BA)' {
            $secret = Join-Path (Join-Path $store 'state') 'notify.secret'
            if (-not (Test-Path -LiteralPath $secret)) { return 'SKIP: no notification secret is set (Set-OrcNotificationSetting)' }
            $dacl = Get-SmokeDacl $secret
            if ($dacl -ne 'D:P(A;;FA;;;SY)(A;;FA;;;BA)') { throw "DACL is $dacl" }
            $dacl
        }
    }
}
finally {
    # Removal runs even after Ctrl-C or a failed check, so no smoke task outlives the script.
    foreach ($name in $registered) {
        try {
            Unregister-OrcTask -Name $name -Confirm:$false -ErrorAction Stop
            Add-SmokeResult "remove $name" 'PASS' 'registration and definition removed'
        }
        catch {
            Add-SmokeResult "remove $name" 'FAIL' $_.Exception.Message
        }
    }
    Write-Host ($results | Format-Table -AutoSize -Wrap -Property Result, Check, Detail | Out-String)
}

$failed = @($results | Where-Object { $_.Result -eq 'FAIL' }).Count
Write-Host ('windows-smoke: {0} passed, {1} failed, {2} skipped' -f @($results | Where-Object { $_.Result -eq 'PASS' }).Count, $failed, @($results | Where-Object { $_.Result -eq 'SKIP' }).Count)
if ($PassThru) { $results }
if ($failed -gt 0) { exit 1 }
exit 0
