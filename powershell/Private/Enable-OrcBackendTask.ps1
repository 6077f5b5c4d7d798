function Enable-OrcBackendTask {
    <#
    .SYNOPSIS
        Enables a registered task in the platform scheduler (Task Scheduler or cron).
    .PARAMETER Name
        The task name.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    if (Test-OrcWindows) {
        Enable-OrcScheduledTask -Name $Name
        return
    }
    Enable-OrcCronTask -Name $Name
}
