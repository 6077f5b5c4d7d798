function Test-OrcMigrationTask {
    <#
    .SYNOPSIS
        Checks migrated tasks and returns one sentence per problem (nothing when all is well).
    .DESCRIPTION
        Per task: defined and registered without drift (Get-OrcTask), a next run time in the
        future when the definition has a cron schedule (or an interval, on Task Scheduler), and a dry Test-OrcTask
        (definition valid; dependency checks that are not met right now are warnings, because a
        task that depends on another migrated task has no successful run yet).
    .PARAMETER Definition
        The definitions (objects with Name and Path).
    .PARAMETER RegisterError
        Registration errors by task name, to say why a task is not registered.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [object[]] $Definition,

        [System.Collections.IDictionary] $RegisterError = @{}
    )

    $now = [datetime]::Now
    $windows = Test-OrcWindows
    foreach ($item in $Definition) {
        $taskName = $item.Name
        $task = @(Get-OrcTask -Name $taskName -ErrorAction SilentlyContinue) | Select-Object -First 1
        $why = ''
        if ($RegisterError -and $RegisterError.Contains($taskName)) { $why = " Register-OrcTask said: $($RegisterError[$taskName])" }
        if (-not $task) {
            "Task '$taskName' is not defined.$why"
            continue
        }
        if ($task.State -eq 'NotRegistered') {
            "Task '$taskName' is not registered.$why"
            continue
        }
        $drift = @($task.Drift | Where-Object { $_ })
        if ($drift.Count -gt 0) {
            "Task '$taskName' has drift $($drift -join ', '): $($task.DriftReason)"
            continue
        }
        $schedule = $null
        try { $schedule = (ConvertFrom-OrcJson -Json ([System.IO.File]::ReadAllText($item.Path))).schedule } catch { $schedule = $null }
        # orc-exec computes the next run of a cron schedule; an interval has one only in Task
        # Scheduler (cron runs */N lines without a notion of the next run).
        $periodic = $false
        if ($schedule) {
            foreach ($property in $schedule.PSObject.Properties) {
                if ($property.Name -eq 'cron' -and $property.Value) { $periodic = $true }
                if ($property.Name -eq 'interval' -and $property.Value -and $windows) { $periodic = $true }
            }
        }
        if ($periodic -and $task.Enabled -and -not ($task.NextRunTime -and $task.NextRunTime -gt $now)) {
            "Task '$taskName' has schedule '$($task.Schedule)' but no next run time in the future (NextRunTime: '$($task.NextRunTime)')."
            continue
        }
        $failures = $null
        $checks = @(Test-OrcTask -Name $taskName -ErrorAction SilentlyContinue -ErrorVariable failures)
        if ($failures) {
            "Task '$taskName' failed Test-OrcTask: $(@($failures | ForEach-Object { $_.Exception.Message }) -join ' ')"
            continue
        }
        foreach ($check in $checks) {
            if ($check -and -not $check.Met) {
                Write-Warning "Task '$taskName': dependency $($check.Name) is not met right now ($($check.Reason)); it is checked again before every run."
            }
        }
    }
}
