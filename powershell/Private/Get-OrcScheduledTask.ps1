function Get-OrcScheduledTask {
    <#
    .SYNOPSIS
        Windows backend: lists the Orc_* tasks under \Orchestrator\ with their runtime state.
    .DESCRIPTION
        One Get-ScheduledTask call for the folder and one Get-ScheduledTaskInfo pipeline for all
        its tasks (state, last run, last result, next run): each CIM cmdlet invocation costs far
        more than the objects it returns. The definition hash comes from the task's
        RegistrationInfo; when the CIM object does not carry it, Export-ScheduledTask is read.
        A folder that does not exist means no tasks; access denied (a non-elevated session) is
        an error, Orc.AccessDenied, not an empty list (Resolve-OrcSchedulerError).
    .PARAMETER Name
        Only these task names (without the Orc_ prefix); default all.
    .EXAMPLE
        Get-OrcScheduledTask -Name db-export
    .OUTPUTS
        [pscustomobject] with Name, TaskName, TaskPath, Enabled, State, ExecPath, DefinitionHash,
        LastRunTime, LastTaskResult, NextRunTime, UserId, Task (the CIM object).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string[]] $Name
    )

    # -ErrorAction Stop and catch, not SilentlyContinue: a silenced error still lands in the
    # caller's -ErrorVariable, and a "not found" is no error here.
    $all = @()
    try {
        $all = @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -ErrorAction Stop)
    }
    catch {
        $failure = Resolve-OrcSchedulerError -ErrorRecord @($_) -Operation 'list the tasks in \Orchestrator\'
        if ($failure) { throw $failure }
    }
    $tasks = @(foreach ($task in $all) {
            $taskName = [string]$task.TaskName
            if (-not $taskName.StartsWith('Orc_', [System.StringComparison]::OrdinalIgnoreCase)) { continue }
            if ($Name -and $Name -notcontains $taskName.Substring(4)) { continue }
            $task
        })
    if ($tasks.Count -eq 0) { return }

    $infos = @{}
    try {
        foreach ($info in @($tasks | ScheduledTasks\Get-ScheduledTaskInfo -ErrorAction Stop)) {
            if ($null -ne $info) { $infos[[string]$info.TaskName] = $info }
        }
    }
    catch {
        # A task deleted since the listing is "not found": the others then show no run times.
        $failure = Resolve-OrcSchedulerError -ErrorRecord @($_) -Operation 'read the tasks'' last and next run times'
        if ($failure) { throw $failure }
    }

    $decoded = @{}
    foreach ($task in $tasks) {
        $taskName = [string]$task.TaskName
        $short = $taskName.Substring(4)
        $info = $infos[$taskName]
        $hash = $null
        foreach ($field in 'Documentation', 'Source', 'Version', 'Description') {
            if ($task.PSObject.Properties[$field] -and $task.$field) {
                $match = $script:OrcDefinitionHashPattern.Match([string]$task.$field)
                if ($match.Success) { $hash = $match.Value.ToLowerInvariant(); break }
            }
        }
        if (-not $hash) {
            $xml = $null
            try {
                $xml = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName $taskName -ErrorAction Stop
            }
            catch {
                $failure = Resolve-OrcSchedulerError -ErrorRecord @($_) -Operation "export $taskName"
                if ($failure) { throw $failure }
            }
            if ($xml) { $hash = Get-OrcDefinitionHash -Xml ([string]$xml) }
        }
        $execPath = $null
        $actions = @($task.Actions)
        if ($actions.Count -gt 0 -and $actions[0] -and $actions[0].PSObject.Properties['Execute']) {
            $execPath = [System.Environment]::ExpandEnvironmentVariables(([string]$actions[0].Execute).Trim('"'))
        }
        $userId = $null
        if ($task.PSObject.Properties['Principal'] -and $task.Principal) { $userId = $task.Principal.UserId }
        $lastResult = $null
        $lastRun = $null
        $nextRun = $null
        if ($info) {
            if ($null -ne $info.LastTaskResult) {
                # A handful of distinct codes across all tasks: decode each once.
                $code = [long]$info.LastTaskResult
                if (-not $decoded.ContainsKey($code)) { $decoded[$code] = ConvertFrom-OrcTaskResult -Code $code }
                $lastResult = $decoded[$code]
            }
            if ($info.LastRunTime -and ([datetime]$info.LastRunTime).Year -ge 2000 -and ($null -eq $lastResult -or $lastResult.Name -ne 'NeverRun')) {
                $lastRun = [datetime]$info.LastRunTime
            }
            if ($info.NextRunTime) { $nextRun = [datetime]$info.NextRunTime }
        }
        $state = [string]$task.State
        [pscustomobject]@{
            Name           = $short
            TaskName       = $taskName
            TaskPath       = [string]$task.TaskPath
            Enabled        = ($state -ne 'Disabled')
            State          = $state
            ExecPath       = $execPath
            DefinitionHash = $hash
            LastRunTime    = $lastRun
            LastTaskResult = $lastResult
            NextRunTime    = $nextRun
            UserId         = $userId
            Task           = $task
        }
    }
}
