function Disable-OrcScheduledTask {
    <#
    .SYNOPSIS
        Windows backend: Disable-ScheduledTask on \Orchestrator\Orc_<name>.
    .PARAMETER Name
        The task name (without the Orc_ prefix).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $null = ScheduledTasks\Disable-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -ErrorAction Stop
}
