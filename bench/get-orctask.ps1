<#
.SYNOPSIS
    Times Get-OrcTask over 200 tasks registered with the cron backend, against 20 as the baseline.
.DESCRIPTION
    Registers N tasks (definitions through orc-exec define, cron lines through the backend) in a
    throw-away store and crontab file, then times Get-OrcTask over all of them, several times,
    and counts how many orc-exec processes each call starts (through a wrapper that logs every
    call). Target (issue #4): 200 tasks in at most 2 s, and no orc-exec process per task.
.PARAMETER OrcExecPath
    The orc-exec binary to use.
.PARAMETER Runs
    Timed Get-OrcTask calls per size; the median is reported.
.EXAMPLE
    pwsh -NoProfile -File bench/get-orctask.ps1 -OrcExecPath bin/linux-x64/orc-exec
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $OrcExecPath,
    [int] $Runs = 5
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$OrcExecPath = (Resolve-Path $OrcExecPath).Path

function Measure-Size([int] $Count) {
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ("orc-bench-" + [guid]::NewGuid().ToString('N'))
    $storeHome = Join-Path $work 'home'
    New-Item -ItemType Directory -Force -Path (Join-Path $storeHome 'tasks') | Out-Null
    & chmod 700 $work $storeHome (Join-Path $storeHome 'tasks')
    $calls = Join-Path $work 'calls.log'
    $wrapper = Join-Path $work 'orc-exec'
    Set-Content -Path $wrapper -Value "#!/bin/sh`necho `"`$1`" >> '$calls'`nexec '$OrcExecPath' `"`$@`"`n" -NoNewline
    & chmod 755 $wrapper
    $env:ORC_HOME = $storeHome
    $env:ORC_EXEC_PATH = $wrapper
    $env:ORC_CRON_TARGET = Join-Path $work 'crontab'
    try {
        Import-Module (Join-Path $root 'Orchestrator.psd1') -Force
        $module = Get-Module Orchestrator
        for ($i = 0; $i -lt $Count; $i++) {
            $def = @{ name = ('t{0:d3}' -f $i); schedule = @{ cron = ('{0} * * * *' -f ($i % 60)) }; action = @{ command = '/bin/true' } }
            $json = $def | ConvertTo-Json -Depth 5 -Compress
            $json | & $OrcExecPath define --file - --home $storeHome | Out-Null
            & $module { param($d, $e, $h) Register-OrcCronTask -Definition $d -ExecPath $e -StoreHome $h | Out-Null } ($json | ConvertFrom-Json) $OrcExecPath $storeHome
        }
        $null = Get-OrcTask   # warm up: module caches, file cache
        Remove-Item $calls -ErrorAction SilentlyContinue
        $times = foreach ($r in 1..$Runs) {
            $sw = [System.Diagnostics.Stopwatch]::StartNew()
            $tasks = @(Get-OrcTask)
            $sw.Stop()
            if ($tasks.Count -ne $Count) { throw "Get-OrcTask returned $($tasks.Count) tasks, expected $Count" }
            $sw.Elapsed.TotalMilliseconds
        }
        $perCall = @(Get-Content $calls).Count / $Runs
        $median = @($times | Sort-Object)[[int][math]::Floor($Runs / 2)]
        [pscustomobject]@{ Tasks = $Count; MedianMs = [math]::Round($median, 1); OrcExecCallsPerGet = $perCall }
    }
    finally {
        Remove-Module Orchestrator -ErrorAction SilentlyContinue
        Remove-Item Env:ORC_CRON_TARGET, Env:ORC_EXEC_PATH, Env:ORC_HOME -ErrorAction SilentlyContinue
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }
}

$small = Measure-Size 20
$large = Measure-Size 200
$small, $large | Format-Table -AutoSize | Out-String | Write-Host
$ratio = [math]::Round($large.MedianMs / [math]::Max($small.MedianMs, 0.001), 2)
$verdict = if ($large.MedianMs -le 2000 -and $large.OrcExecCallsPerGet -le $small.OrcExecCallsPerGet) { 'met' } else { 'MISSED' }
Write-Host ("Get-OrcTask: 200 tasks {0} ms (20 tasks {1} ms, x{2}); orc-exec calls per Get-OrcTask: {3} at 200, {4} at 20; target <= 2000 ms and no call per task: {5}" -f `
        $large.MedianMs, $small.MedianMs, $ratio, $large.OrcExecCallsPerGet, $small.OrcExecCallsPerGet, $verdict)
