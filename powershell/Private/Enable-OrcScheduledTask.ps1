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

    try {
        $null = ScheduledTasks\Enable-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -ErrorAction Stop
    }
    catch {
        # Access denied gets its own ID and the fix (an elevated session); anything else goes up as it is.
        $failure = Resolve-OrcSchedulerError -ErrorRecord @($_) -Operation "enable Orc_$Name"
        if ($failure -and $failure.FullyQualifiedErrorId -like 'Orc.AccessDenied*') { throw $failure }
        throw
    }
}
