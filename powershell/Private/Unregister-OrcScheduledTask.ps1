function Unregister-OrcScheduledTask {
    <#
    .SYNOPSIS
        Windows backend: removes \Orchestrator\Orc_<name>; returns whether a registration was removed.
    .PARAMETER Name
        The task name (without the Orc_ prefix).
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $existing = ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -ErrorAction SilentlyContinue
    if (-not $existing) {
        return $false
    }
    ScheduledTasks\Unregister-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -Confirm:$false -ErrorAction Stop
    return $true
}
