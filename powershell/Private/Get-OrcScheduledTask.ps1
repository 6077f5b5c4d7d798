function Get-OrcScheduledTask {
    <#
    .SYNOPSIS
        Windows backend: lists the Orc_* tasks under \Orchestrator\ with their runtime state.
    .DESCRIPTION
        One Get-ScheduledTask call for the folder, then Get-ScheduledTaskInfo per task (state,
        last run, last result, next run). The definition hash comes from the task's RegistrationInfo
        (Get-OrcDefinitionHash); when the CIM object does not carry it, Export-ScheduledTask is read.
    .PARAMETER Name
        Only these task names (without the Orc_ prefix); default all.
    .OUTPUTS
        [pscustomobject] with Name, TaskName, TaskPath, Enabled, State, ExecPath, DefinitionHash,
        LastRunTime, LastTaskResult, NextRunTime, UserId.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string[]] $Name
    )

    $tasks = @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -ErrorAction SilentlyContinue |
            Where-Object { $_.TaskName -like 'Orc_*' })
    foreach ($task in $tasks) {
        $taskName = [string]$task.TaskName
        $short = $taskName.Substring(4)
        if ($Name -and $Name -notcontains $short) {
            continue
        }
        $info = ScheduledTasks\Get-ScheduledTaskInfo -TaskPath '\Orchestrator\' -TaskName $taskName -ErrorAction SilentlyContinue
        $hash = $null
        foreach ($field in 'Documentation', 'Source', 'Version', 'Description') {
            if ($task.PSObject.Properties[$field] -and $task.$field) {
                $hash = Get-OrcDefinitionHash -Text ([string]$task.$field)
                if ($hash) { break }
            }
        }
        if (-not $hash) {
            $xml = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName $taskName -ErrorAction SilentlyContinue
            if ($xml) { $hash = Get-OrcDefinitionHash -Xml ([string]$xml) }
        }
        $execPath = $null
        $action = @($task.Actions) | Select-Object -First 1
        if ($action -and $action.PSObject.Properties['Execute']) {
            $execPath = [System.Environment]::ExpandEnvironmentVariables(([string]$action.Execute).Trim('"'))
        }
        $userId = $null
        if ($task.PSObject.Properties['Principal'] -and $task.Principal) { $userId = $task.Principal.UserId }
        $lastResult = $null
        $lastRun = $null
        $nextRun = $null
        if ($info) {
            if ($null -ne $info.LastTaskResult) { $lastResult = ConvertFrom-OrcTaskResult -Code ([long]$info.LastTaskResult) }
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
        }
    }
}
