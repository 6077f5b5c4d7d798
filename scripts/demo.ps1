<#
.SYNOPSIS
    Registers sample tasks with the Orchestrator module in a throw-away store, runs them and shows the results.
.DESCRIPTION
    The README's "main job", end to end through the public cmdlets: Register-OrcTask stores each
    definition and registers it with the host's scheduler (Task Scheduler on Windows, cron on
    Linux/macOS), Start-OrcTask -Wait runs it now, Get-OrcTask and Get-OrcTaskHistory show the
    outcome. The samples show what orc-exec does around a run: success, retries with backoff, a
    timeout that kills a child and a grandchild, a dependency that skips a run, and a dependency
    on another task's success. 'hello' is registered with a real cron schedule (every 5 minutes),
    so the scheduler entry is printed too. Every task is unregistered at the end (no scheduler
    entry is left behind); the store stays in out/demo-home for a look around.
.PARAMETER OrcExecPath
    The orc-exec binary to use (build.ps1 Demo passes the one it just built).
.EXAMPLE
    ./scripts/demo.ps1 -OrcExecPath ./bin/linux-x64/orc-exec
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $OrcExecPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = Split-Path -Parent $PSScriptRoot
$storeHome = Join-Path $root 'out/demo-home'
$onWindows = ($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows
$saved = @{ ORC_HOME = $env:ORC_HOME; ORC_EXEC_PATH = $env:ORC_EXEC_PATH }

function Write-Section([string] $Text) {
    Write-Host "`n== $Text" -ForegroundColor Cyan
}

# The command and arguments of a small shell script, on either system.
function Get-ShellAction([string] $Script) {
    if ($onWindows) { return @{ Command = 'powershell.exe'; ArgumentList = @('-NoProfile', '-Command', $Script) } }
    return @{ Command = '/bin/sh'; ArgumentList = @('-c', $Script) }
}

# The scheduler entries Orchestrator owns, as the scheduler itself shows them.
function Show-SchedulerEntry {
    if ($onWindows) {
        Get-ScheduledTask -TaskPath '\Orchestrator\' -ErrorAction SilentlyContinue | Format-Table TaskName, State -AutoSize | Out-String -Width 200 | Write-Host
        return
    }
    $lines = @()
    if (Test-Path '/etc/cron.d/orchestrator') { $lines += @(Get-Content '/etc/cron.d/orchestrator') | ForEach-Object { "/etc/cron.d/orchestrator: $_" } }
    $lines += @(& crontab -l 2>$null) | ForEach-Object { "crontab -l: $_" }
    $global:LASTEXITCODE = 0
    $ours = @($lines | Where-Object { $_ -match '# orchestrator:task=' })
    if ($ours.Count -eq 0) { Write-Host '(no Orchestrator line in the crontab)' }
    $ours | ForEach-Object { Write-Host $_ }
}

Remove-Item -Recurse -Force $storeHome -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force -Path $storeHome | Out-Null
if (-not $onWindows) { & chmod 700 $storeHome }
$env:ORC_HOME = $storeHome
$env:ORC_EXEC_PATH = (Resolve-Path $OrcExecPath).Path
Import-Module (Join-Path $root 'Orchestrator.psd1') -Force

$names = @('hello', 'flaky-upload', 'stuck-export', 'needs-database', 'after-hello')
try {
    Write-Section "Register-OrcTask (store: $storeHome)"
    $counter = Join-Path $storeHome 'flaky.count'
    $hello = Get-ShellAction 'echo "hello from $ORC_TASK run $ORC_RUN_ID"'
    if ($onWindows) { $hello = Get-ShellAction 'Write-Output "hello from $env:ORC_TASK run $env:ORC_RUN_ID"' }
    Register-OrcTask -Name hello @hello -Cron '*/5 * * * *' -Description 'Says hello every 5 minutes.' -Confirm:$false

    $flaky = Get-ShellAction "n=`$(cat '$counter' 2>/dev/null || echo 0); n=`$((n+1)); echo `$n > '$counter'; echo attempt `$n; [ `$n -ge 3 ]"
    Register-OrcTask -Name flaky-upload @flaky -RetryCount 4 -RetryDelay ([timespan]::FromMilliseconds(200)) `
        -Description 'Fails twice, then succeeds: retries with backoff.' -Confirm:$false

    $stuck = Get-ShellAction 'sh -c "sleep 300 & wait" & echo started a child and a grandchild; wait'
    Register-OrcTask -Name stuck-export @stuck -Timeout ([timespan]::FromSeconds(2)) `
        -Description 'Hangs with a child and a grandchild: the timeout kills the tree.' -Confirm:$false

    # A definition given as a hashtable shaped like a task file: a TCP dependency on a closed port.
    $export = Get-ShellAction 'echo would export'
    @{
        name         = 'needs-database'
        description  = 'Skipped: its database port is closed.'
        action       = @{ command = $export.Command; arguments = $export.ArgumentList }
        dependencies = @{ policy = 'skip'; checks = @(@{ type = 'tcp'; address = '127.0.0.1:9'; timeout = '1s' }) }
    } | Register-OrcTask -Confirm:$false

    $after = Get-ShellAction 'echo hello succeeded, so here I am'
    Register-OrcTask -Name after-hello @after -DependsOn hello -Description 'Runs only when hello succeeded.' -Confirm:$false

    Write-Section 'The scheduler entries'
    Show-SchedulerEntry

    $expected = [ordered]@{ 'hello' = 'SUCCESS'; 'flaky-upload' = 'SUCCESS'; 'stuck-export' = 'TIMEOUT'; 'needs-database' = 'SKIPPED'; 'after-hello' = 'SUCCESS' }
    foreach ($name in $expected.Keys) {
        Write-Section "Start-OrcTask $name -Wait"
        $result = Start-OrcTask -Name $name -Wait -TimeoutSec 60
        $result | Format-Table Task, Status, Attempts, Duration, Reason -AutoSize | Out-String -Width 200 | Write-Host
        if (-not $result -or $result.Status -ne $expected[$name]) {
            throw "task $name ended $(if ($result) { $result.Status } else { 'without a result' }), expected $($expected[$name])"
        }
    }

    Write-Section 'Get-OrcTask | Format-Table'
    Get-OrcTask | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    Write-Section 'Get-OrcTaskHistory | Format-Table'
    Get-OrcTaskHistory | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
}
finally {
    Write-Section 'Unregister-OrcTask (no scheduler entry is left behind)'
    foreach ($name in $names) {
        Unregister-OrcTask -Name $name -Force -ErrorAction SilentlyContinue
    }
    Show-SchedulerEntry
    foreach ($k in $saved.Keys) { [System.Environment]::SetEnvironmentVariable($k, $saved[$k]) }
    $global:LASTEXITCODE = 0
}
