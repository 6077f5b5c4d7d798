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

    # Only "not found" means nothing to remove: a denied query silenced here let Unregister-OrcTask delete
    # the definition and leave its registration running.
    $queryErrors = $null
    $existing = ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -ErrorAction SilentlyContinue -ErrorVariable queryErrors
    $failure = Resolve-OrcSchedulerError -ErrorRecord @($queryErrors) -Operation "look up Orc_$Name"
    if ($failure) {
        throw $failure
    }
    if (-not $existing) {
        return $false
    }
    ScheduledTasks\Unregister-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -Confirm:$false -ErrorAction Stop
    return $true
}
