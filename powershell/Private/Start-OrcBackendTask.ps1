function Start-OrcBackendTask {
    <#
    .SYNOPSIS
        Starts a run now through the platform scheduler (Start-ScheduledTask), or, with cron, starts
        orc-exec in the background; returns the process id on cron, nothing on Windows.
    .PARAMETER Name
        The task name.
    .PARAMETER ExecPath
        cron only: the orc-exec to start.
    .PARAMETER StoreHome
        cron only: the store orc-exec reads.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [string] $ExecPath,

        [string] $StoreHome
    )

    if (Test-OrcWindows) {
        Start-OrcScheduledTask -Name $Name
        return
    }
    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    if (-not $ExecPath) { $ExecPath = Install-OrcExecutable -StoreHome $StoreHome }
    Start-OrcCronTask -Name $Name -ExecPath $ExecPath -StoreHome $StoreHome
}
