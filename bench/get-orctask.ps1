<#
.SYNOPSIS
    Times Get-OrcTask over 200 and 1,000 tasks on both backends' code paths, optionally side by side
    with another checkout of the module (the baseline).
.DESCRIPTION
    Registers N tasks (definitions through orc-exec define, each run once with orc-exec run so that
    it has a last result) in a throw-away store, then times
    Get-OrcTask over all of them (median of -Runs) and counts how many orc-exec processes each call
    starts (through a wrapper that logs every call). Two code paths:
    - Cron: a real crontab file (ORC_CRON_TARGET) with one line per task, read by the cron backend.
    - TaskScheduler: the Windows backend's code path on this machine, with Test-OrcWindows forced
      to $true and a ScheduledTasks module double whose Get-ScheduledTask/Get-ScheduledTaskInfo
      return one CIM-shaped object per task (no Task Scheduler here, so only PowerShell's own cost
      is measured; a real CIM call adds its own time).
    With -BaselineRoot the same stores are timed with that module too (for example a
    'git archive main' copy), alternating, so that both see the same load.
    Target (issue #8): 1,000 tasks in at most 1 s, and no orc-exec process per task.
.PARAMETER OrcExecPath
    The orc-exec binary to use.
.PARAMETER Runs
    Timed Get-OrcTask calls per size; the median is reported.
.PARAMETER Sizes
    Task counts to measure, for example 200,1000 (also as one comma-separated string, which is
    what pwsh -File passes); default 200 and 1,000.
.PARAMETER BaselineRoot
    The root of another checkout of the module to time side by side (optional).
.EXAMPLE
    pwsh -NoProfile -File bench/get-orctask.ps1 -OrcExecPath bin/linux-x64/orc-exec
.EXAMPLE
    git archive main | tar -x -C /tmp/orc-main
    pwsh -NoProfile -File bench/get-orctask.ps1 -OrcExecPath bin/linux-x64/orc-exec -BaselineRoot /tmp/orc-main
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $OrcExecPath,
    [int] $Runs = 5,
    [string[]] $Sizes = @('200', '1000'),
    [string] $BaselineRoot
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$OrcExecPath = (Resolve-Path $OrcExecPath).Path
# pwsh -File hands '200,1000' over as one string, which [int[]] would read as 2001000.
$Sizes = @(foreach ($size in $Sizes) { foreach ($part in ($size -split ',')) { if ($part.Trim()) { [int]$part.Trim() } } })
$modules = [ordered]@{ current = $root }
if ($BaselineRoot) { $modules['baseline'] = (Resolve-Path $BaselineRoot).Path }

# The ScheduledTasks double: the boundary the Windows backend calls, answering from $global:OrcBenchTasks.
function Install-BenchScheduledTask {
    New-Module -Name ScheduledTasks -ScriptBlock {
        function Get-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
            $global:OrcBenchTasks
        }
        function Get-ScheduledTaskInfo {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName, [Parameter(ValueFromPipeline)] [object] $InputObject)
            process {
                $name = $TaskName
                if ($InputObject) { $name = $InputObject.TaskName }
                [pscustomobject]@{ TaskName = $name; LastRunTime = [datetime]'2026-11-30T02:00:00'; LastTaskResult = 0; NextRunTime = [datetime]'2026-12-01T02:00:00' }
            }
        }
        function Export-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
        }
        Export-ModuleMember -Function *
    } | Import-Module -Force -Global
}

function New-BenchStore([int] $Count) {
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ("orc-bench-" + [guid]::NewGuid().ToString('N'))
    $storeHome = Join-Path $work 'home'
    New-Item -ItemType Directory -Force -Path (Join-Path $storeHome 'tasks') | Out-Null
    & chmod 700 $work $storeHome (Join-Path $storeHome 'tasks')
    $calls = Join-Path $work 'calls.log'
    $wrapper = Join-Path $work 'orc-exec'
    Set-Content -Path $wrapper -Value "#!/bin/sh`necho `"`$1`" >> '$calls'`nexec '$OrcExecPath' `"`$@`"`n" -NoNewline
    & chmod 755 $wrapper
    $cron = New-Object System.Text.StringBuilder
    $scheduled = New-Object System.Collections.Generic.List[object]
    for ($i = 0; $i -lt $Count; $i++) {
        $name = 't{0:d4}' -f $i
        $def = @{ name = $name; schedule = @{ cron = ('{0} * * * *' -f ($i % 60)) }; action = @{ command = '/bin/true' } }
        $def | ConvertTo-Json -Depth 5 -Compress | & $OrcExecPath define --file - --home $storeHome | Out-Null
        # One real run each, so every task has a last result to show, as on a live system.
        & $OrcExecPath run $name --home $storeHome | Out-Null
        $null = $cron.Append(("{0} * * * * '{1}' run {2} --home '{3}' >/dev/null 2>&1 # orchestrator:task={2}`n" -f ($i % 60), $wrapper, $name, $storeHome))
    }
    # The hashes orc-exec reports, so that the Task Scheduler double shows no drift.
    $hashes = @{}
    foreach ($line in @(& $OrcExecPath list --home $storeHome --output json)) {
        $record = $line | ConvertFrom-Json
        if ($record.PSObject.Properties['definitionHash']) { $hashes[[string]$record.name] = [string]$record.definitionHash }
    }
    foreach ($name in $hashes.Keys) {
        $scheduled.Add([pscustomobject]@{
                TaskName = "Orc_$name"; TaskPath = '\Orchestrator\'; State = 'Ready'
                Documentation = "orc-definition-sha256:$($hashes[$name])"; Source = 'Orchestrator'; Version = '0.1.0'; Description = ''
                Actions = @([pscustomobject]@{ Execute = $wrapper; Arguments = "run $name" })
                Principal = [pscustomobject]@{ UserId = 'SYSTEM'; LogonType = 'ServiceAccount' }
            })
    }
    [System.IO.File]::WriteAllText((Join-Path $work 'crontab'), $cron.ToString())
    [pscustomobject]@{ Work = $work; Home = $storeHome; Calls = $calls; Wrapper = $wrapper; Scheduled = $scheduled.ToArray(); Count = $Count }
}

function Measure-GetOrcTask($Store, [string] $Backend, [string] $ModuleRoot) {
    $env:ORC_HOME = $Store.Home
    $env:ORC_EXEC_PATH = $Store.Wrapper
    $env:ORC_CRON_TARGET = Join-Path $Store.Work 'crontab'
    $global:OrcBenchTasks = $Store.Scheduled
    try {
        $module = Import-Module (Join-Path $ModuleRoot 'Orchestrator.psd1') -Force -PassThru
        if ($Backend -eq 'TaskScheduler') {
            & $module { function script:Test-OrcWindows { $true } }
        }
        $null = Get-OrcTask   # warm up: module caches, file cache
        Remove-Item $Store.Calls -ErrorAction SilentlyContinue
        $times = foreach ($r in 1..$Runs) {
            $sw = [System.Diagnostics.Stopwatch]::StartNew()
            $tasks = @(Get-OrcTask)
            $sw.Stop()
            if ($tasks.Count -ne $Store.Count) { throw "Get-OrcTask returned $($tasks.Count) tasks, expected $($Store.Count)" }
            $drifted = @($tasks | Where-Object { $_.Drift })
            if ($drifted.Count -gt 0) { throw "Get-OrcTask ($Backend) shows drift on $($drifted.Count) tasks: $($drifted[0].Name) $($drifted[0].Drift -join ',')" }
            $sw.Elapsed.TotalMilliseconds
        }
        $perCall = @(Get-Content $Store.Calls).Count / $Runs
        $median = @($times | Sort-Object)[[int][math]::Floor($Runs / 2)]
        [pscustomobject]@{ Tasks = $Store.Count; MedianMs = [math]::Round($median, 1); OrcExecCallsPerGet = $perCall }
    }
    finally {
        Remove-Module Orchestrator -ErrorAction SilentlyContinue
        Remove-Item Env:ORC_CRON_TARGET, Env:ORC_EXEC_PATH, Env:ORC_HOME -ErrorAction SilentlyContinue
    }
}

Install-BenchScheduledTask
$results = foreach ($size in $Sizes) {
    $store = New-BenchStore $size
    try {
        foreach ($backend in 'Cron', 'TaskScheduler') {
            foreach ($label in $modules.Keys) {
                $m = Measure-GetOrcTask $store $backend $modules[$label]
                [pscustomobject]@{ Module = $label; Backend = $backend; Tasks = $size; MedianMs = $m.MedianMs; PerTaskMs = [math]::Round($m.MedianMs / $size, 2); OrcExecCallsPerGet = $m.OrcExecCallsPerGet }
            }
        }
    }
    finally {
        Remove-Item -Recurse -Force $store.Work -ErrorAction SilentlyContinue
    }
}
$results | Format-Table -AutoSize | Out-String | Write-Host
$largest = ($Sizes | Measure-Object -Maximum).Maximum
foreach ($row in @($results | Where-Object { $_.Module -eq 'current' -and $_.Tasks -eq $largest })) {
    $verdict = if ($row.MedianMs -le 1000 -and $row.OrcExecCallsPerGet -le 1) { 'met' } else { 'MISSED' }
    Write-Host ("Get-OrcTask ({0}): {1} tasks {2} ms, {3} orc-exec call(s) per Get-OrcTask; target <= 1000 ms at 1,000 tasks and no call per task: {4}" -f `
            $row.Backend, $row.Tasks, $row.MedianMs, $row.OrcExecCallsPerGet, $verdict)
}
