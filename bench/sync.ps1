<#
.SYNOPSIS
    Times Sync-OrcTask over a folder of N definitions where nothing changed, on both backends'
    code paths, and counts the orc-exec processes each sync starts.
.DESCRIPTION
    Writes N definitions into a folder, syncs them once (not timed: this registers them), then
    times Sync-OrcTask on the unchanged folder (median of -Runs) and checks that every result is
    Unchanged. orc-exec is reached through a wrapper that logs every start, so the count is of
    real processes.
    - Cron: a crontab file (ORC_CRON_TARGET) written by the cron backend; its bytes are compared
      before and after the timed runs (no write allowed).
    - TaskScheduler: Test-OrcWindows forced to $true and a ScheduledTasks double at the
      boundary: Get-ScheduledTask/Get-ScheduledTaskInfo return one CIM-shaped object per task and
      Export-ScheduledTask the task's XML as 'orc-exec render --all' produced it at set-up, so
      Sync reads every registered task's XML as on Windows; every write cmdlet throws, so an
      unchanged sync that wrote would fail. Only PowerShell's and orc-exec's cost is measured
      (as in get-orctask.ps1): the test double of powershell/tests/ScheduledTasksDouble emulates
      Task Scheduler in PowerShell at about 100 ms per task and call, and a real CIM call adds
      its own time (one Get-ScheduledTask, one Get-ScheduledTaskInfo pipeline, one
      Export-ScheduledTask per task).
    Target (issue #11): 500 unchanged definitions in at most 3 s on each backend, with a constant
    number of orc-exec processes (not one per task).
.PARAMETER OrcExecPath
    The orc-exec binary to use.
.PARAMETER Count
    Definitions in the folder; default 500.
.PARAMETER Runs
    Timed syncs per backend; the median is reported.
.EXAMPLE
    pwsh -NoProfile -File bench/sync.ps1 -OrcExecPath bin/linux-x64/orc-exec
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $OrcExecPath,
    [int] $Count = 500,
    [int] $Runs = 3
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$OrcExecPath = (Resolve-Path $OrcExecPath).Path

function New-BenchFolder {
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ("orc-bench-sync-" + [guid]::NewGuid().ToString('N'))
    $desired = Join-Path $work 'desired'
    $null = New-Item -ItemType Directory -Force -Path $desired, (Join-Path $work 'home')
    & chmod 700 $work (Join-Path $work 'home')
    for ($i = 0; $i -lt $Count; $i++) {
        $name = 't{0:d4}' -f $i
        $json = '{"name":"' + $name + '","action":{"command":"/bin/true","arguments":["' + $name + '"]},"schedule":{"cron":"' + ($i % 60) + ' ' + ($i % 24) + ' * * *"},"timeout":"10m"}'
        [System.IO.File]::WriteAllText((Join-Path $desired "$name.json"), $json)
    }
    $calls = Join-Path $work 'calls.log'
    $wrapper = Join-Path $work 'orc-exec'
    Set-Content -Path $wrapper -Value "#!/bin/sh`necho `"`$1 `$2`" >> '$calls'`nexec '$OrcExecPath' `"`$@`"`n" -NoNewline
    & chmod 755 $wrapper
    [pscustomobject]@{ Work = $work; Desired = $desired; Home = (Join-Path $work 'home'); Calls = $calls; Wrapper = $wrapper }
}

function Install-BenchScheduledTask($Bench, [string] $ExecPath) {
    # Stores every definition (one define --files) and has orc-exec render each task's XML, as
    # registration would, then serves them from a ScheduledTasks module at the boundary.
    $files = @(Get-ChildItem -Path $Bench.Desired -Filter *.json | ForEach-Object FullName) -join "`n"
    $null = $files | & $OrcExecPath define --files - --home $Bench.Home
    $global:OrcBenchTasks = New-Object System.Collections.Generic.List[object]
    $global:OrcBenchXml = @{}
    foreach ($line in @(& $OrcExecPath render --all --exec-path $ExecPath --home $Bench.Home --output json)) {
        $record = $line | ConvertFrom-Json
        $hash = [regex]::Match([string]$record.xml, '<Documentation>[^<]*</Documentation>').Value -replace '</?Documentation>', ''
        $global:OrcBenchXml["Orc_$($record.task)"] = [string]$record.xml
        $global:OrcBenchTasks.Add([pscustomobject]@{
                TaskName = "Orc_$($record.task)"; TaskPath = '\Orchestrator\'; State = 'Ready'
                Documentation = $hash; Source = 'Orchestrator'; Version = '0.1.0'; Description = ''
                Actions = @([pscustomobject]@{ Execute = $ExecPath; Arguments = "run $($record.task)" })
                Principal = [pscustomobject]@{ UserId = 'SYSTEM'; LogonType = 'ServiceAccount' }
            })
    }
    New-Module -Name ScheduledTasks -ScriptBlock {
        function Get-ScheduledTask { [CmdletBinding()] param([string] $TaskPath, [string] $TaskName) $global:OrcBenchTasks }
        function Get-ScheduledTaskInfo {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName, [Parameter(ValueFromPipeline)] [object] $InputObject)
            process {
                $name = $TaskName
                if ($InputObject) { $name = $InputObject.TaskName }
                [pscustomobject]@{ TaskName = $name; LastRunTime = [datetime]'2026-11-30T02:00:00'; LastTaskResult = 0; NextRunTime = [datetime]'2026-12-01T02:00:00' }
            }
        }
        function Export-ScheduledTask { [CmdletBinding()] param([string] $TaskPath, [string] $TaskName) $global:OrcBenchXml[$TaskName] }
        foreach ($write in 'Register-ScheduledTask', 'Unregister-ScheduledTask', 'Enable-ScheduledTask', 'Disable-ScheduledTask') {
            Set-Item -Path "function:$write" -Value ([scriptblock]::Create("throw '$write during an unchanged sync'"))
        }
        Export-ModuleMember -Function *
    } | Import-Module -Force -Global -PassThru
}

function Measure-Sync([string] $Backend) {
    $bench = New-BenchFolder
    $env:ORC_HOME = $bench.Home
    $env:ORC_EXEC_PATH = $bench.Wrapper
    $env:ORC_CRON_TARGET = Join-Path $bench.Work 'crontab'
    $saved = @{ ProgramFiles = $env:ProgramFiles; ProgramW6432 = $env:ProgramW6432 }
    $double = $null
    try {
        $module = Import-Module (Join-Path $root 'Orchestrator.psd1') -Force -PassThru
        $setup = [System.Diagnostics.Stopwatch]::StartNew()
        if ($Backend -eq 'TaskScheduler') {
            $env:ProgramFiles = Join-Path $bench.Work 'Program Files'
            $env:ProgramW6432 = $env:ProgramFiles
            & $module { function script:Test-OrcWindows { $true }; function script:Test-OrcElevated { $true } }
            $double = Install-BenchScheduledTask -Bench $bench -ExecPath (& $module { Install-OrcExecutable -StoreHome $env:ORC_HOME })
        }
        else {
            # Registering 500 tasks one crontab rewrite each takes minutes here: store them in one
            # call and write the lines the cron backend would write (Get-OrcCronTaskLine, the
            # function Register-OrcCronTask uses) in one go. The timed syncs then check them.
            $files = @(Get-ChildItem -Path $bench.Desired -Filter *.json | ForEach-Object FullName) -join "`n"
            $null = $files | & $OrcExecPath define --files - --home $bench.Home
            $lines = & $module {
                param($Desired)
                $execPath = Install-OrcExecutable -StoreHome $env:ORC_HOME
                $target = Get-OrcCronTarget
                foreach ($file in Get-ChildItem -Path $Desired -Filter *.json) {
                    $definition = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($file.FullName))
                    (Get-OrcCronTaskLine -Definition $definition -ExecPath $execPath -StoreHome $env:ORC_HOME -Target $target).Line
                }
            } $bench.Desired
            [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, (($lines -join "`n") + "`n"))
        }
        $setup.Stop()

        $cronBefore = $null
        if (Test-Path -LiteralPath $env:ORC_CRON_TARGET) { $cronBefore = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) }
        Remove-Item $bench.Calls -ErrorAction SilentlyContinue
        $times = foreach ($r in 1..$Runs) {
            $sw = [System.Diagnostics.Stopwatch]::StartNew()
            $results = @(Sync-OrcTask -Path $bench.Desired -PassThru)
            $sw.Stop()
            $unchanged = @($results | Where-Object Action -eq 'Unchanged').Count
            if ($unchanged -ne $Count) { throw "Sync-OrcTask ($Backend) left $unchanged of $Count tasks Unchanged: $(($results | Where-Object Action -ne 'Unchanged' | Select-Object -First 1 | Out-String).Trim())" }
            $sw.Elapsed.TotalMilliseconds
        }
        if ($null -ne $cronBefore -and [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) -ne $cronBefore) { throw 'an unchanged sync wrote the crontab' }
        $calls = @(Get-Content $bench.Calls)
        $median = @($times | Sort-Object)[[int][math]::Floor($Runs / 2)]
        [pscustomobject]@{
            Backend          = $Backend
            Tasks            = $Count
            SetupMs          = [math]::Round($setup.Elapsed.TotalMilliseconds)
            MedianMs         = [math]::Round($median, 1)
            OrcExecPerSync   = $calls.Count / $Runs
            Commands         = (($calls | Select-Object -Unique) -join '; ')
        }
    }
    finally {
        Remove-Module Orchestrator -ErrorAction SilentlyContinue
        if ($double) { Remove-Module ScheduledTasks -Force -ErrorAction SilentlyContinue }
        foreach ($key in $saved.Keys) { Set-Item -Path "env:$key" -Value $saved[$key] -ErrorAction SilentlyContinue }
        Remove-Item Env:ORC_CRON_TARGET, Env:ORC_EXEC_PATH, Env:ORC_HOME -ErrorAction SilentlyContinue
        Remove-Item -Recurse -Force $bench.Work -ErrorAction SilentlyContinue
    }
}

$results = foreach ($backend in 'Cron', 'TaskScheduler') { Measure-Sync $backend }
$results | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
foreach ($row in $results) {
    $verdict = if ($row.MedianMs -le 3000 -and $row.OrcExecPerSync -le 2) { 'met' } else { 'MISSED' }
    Write-Host ("Sync-OrcTask ({0}): {1} unchanged definitions {2} ms, {3} orc-exec process(es) per sync; target <= 3000 ms at 500 and a constant count: {4}" -f `
            $row.Backend, $row.Tasks, $row.MedianMs, $row.OrcExecPerSync, $verdict)
}
