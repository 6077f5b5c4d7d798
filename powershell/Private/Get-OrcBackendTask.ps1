function Get-OrcBackendTask {
    <#
    .SYNOPSIS
        Lists registered tasks from the platform scheduler, in one shape for both backends.
    .DESCRIPTION
        Windows: Get-OrcScheduledTask. Elsewhere: Get-OrcCronTask, whose Name/Enabled/Schedule/
        ExecPath/Line objects get the same properties as the Windows ones (runtime fields empty).
    .PARAMETER Name
        Only these task names; default all.
    .OUTPUTS
        [pscustomobject] with Name, Enabled, State, ExecPath, DefinitionHash, LastRunTime,
        LastTaskResult, NextRunTime, Schedule, Backend, Source.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string[]] $Name
    )

    $forward = @{}
    if ($PSBoundParameters.ContainsKey('Name')) { $forward['Name'] = $Name }
    if (Test-OrcWindows) {
        foreach ($task in @(Get-OrcScheduledTask @forward)) {
            [pscustomobject]@{
                Name           = $task.Name
                Enabled        = $task.Enabled
                State          = $task.State
                ExecPath       = $task.ExecPath
                DefinitionHash = $task.DefinitionHash
                LastRunTime    = $task.LastRunTime
                LastTaskResult = $task.LastTaskResult
                NextRunTime    = $task.NextRunTime
                Schedule       = $null
                Backend        = 'TaskScheduler'
                Source         = $task
            }
        }
        return
    }
    # Crontab objects lack the runtime fields: a missing property reads as $null in this scope.
    Set-StrictMode -Off
    foreach ($task in @(Get-OrcCronTask @forward)) {
        if ($null -eq $task) { continue }
        $enabled = [bool]$task.Enabled
        $state = 'Disabled'
        if ($enabled) { $state = 'Ready' }
        [pscustomobject]@{
            Name           = [string]$task.Name
            Enabled        = $enabled
            State          = $state
            ExecPath       = $task.ExecPath
            DefinitionHash = $task.DefinitionHash
            LastRunTime    = $null
            LastTaskResult = $null
            NextRunTime    = $null
            Schedule       = $task.Schedule
            Backend        = 'Cron'
            Source         = $task
        }
    }
}
