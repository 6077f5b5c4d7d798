function Enable-OrcScheduledTask {
    <#
    .SYNOPSIS
        Windows backend: Enable-ScheduledTask on \Orchestrator\Orc_<name>.
    .PARAMETER Name
        The task name (without the Orc_ prefix).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $null = ScheduledTasks\Enable-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -ErrorAction Stop
}
