function Start-OrcScheduledTask {
    <#
    .SYNOPSIS
        Windows backend: Start-ScheduledTask on \Orchestrator\Orc_<name>.
    .PARAMETER Name
        The task name (without the Orc_ prefix).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $null = ScheduledTasks\Start-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -ErrorAction Stop
}
