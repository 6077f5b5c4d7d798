function Stop-OrcBackendTask {
    <#
    .SYNOPSIS
        Stops the running instance of a task (Stop-ScheduledTask, or the cron backend's stop).
    .PARAMETER Name
        The task name.
    .PARAMETER StoreHome
        cron only: the store orc-exec reads.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [string] $StoreHome
    )

    if (Test-OrcWindows) {
        Stop-OrcScheduledTask -Name $Name
        return
    }
    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    Stop-OrcCronTask -Name $Name -StoreHome $StoreHome
}
