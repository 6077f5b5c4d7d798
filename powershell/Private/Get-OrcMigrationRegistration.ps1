function Get-OrcMigrationRegistration {
    <#
    .SYNOPSIS
        Returns a task's registration as text, for the migration snapshot and the check after a restore.
    .DESCRIPTION
        Cron: the task's crontab line, exactly. Task Scheduler: the task's XML (Export-ScheduledTask).
        Registered is $false (and Text $null) when the scheduler has no entry for the task.
    .PARAMETER Name
        The task name.
    .OUTPUTS
        System.Management.Automation.PSCustomObject (Name, Registered, Enabled, Backend, Text)
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $entry = @(Get-OrcBackendTask -Name $Name) | Where-Object { $_ -and $_.Name -eq $Name } | Select-Object -First 1
    if (-not $entry) {
        return [pscustomobject]@{ Name = $Name; Registered = $false; Enabled = $false; Backend = $null; Text = $null }
    }
    $text = $null
    if ($entry.Backend -eq 'Cron') {
        $text = [string]$entry.Source.Line
    }
    else {
        $text = [string](ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -ErrorAction Stop)
    }
    [pscustomobject]@{ Name = $Name; Registered = $true; Enabled = [bool]$entry.Enabled; Backend = $entry.Backend; Text = $text }
}
