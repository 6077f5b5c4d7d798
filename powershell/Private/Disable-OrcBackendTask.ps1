function Disable-OrcBackendTask {
    <#
    .SYNOPSIS
        Disables a registered task in the platform scheduler (Task Scheduler or cron).
    .PARAMETER Name
        The task name.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    if (Test-OrcWindows) {
        Disable-OrcScheduledTask -Name $Name
        return
    }
    Disable-OrcCronTask -Name $Name
}
