function Register-OrcBackendTask {
    <#
    .SYNOPSIS
        Registers a task with the platform scheduler: Task Scheduler on Windows, cron elsewhere.
    .PARAMETER Definition
        The task definition.
    .PARAMETER ExecPath
        The stable orc-exec path the scheduler starts.
    .PARAMETER StoreHome
        The store orc-exec reads.
    .PARAMETER Credential
        Windows only: the password for a runAs user with Password logon.
    .OUTPUTS
        [pscustomobject] with Name and Changed.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [object] $Definition,

        [Parameter(Mandatory)]
        [string] $ExecPath,

        [Parameter(Mandatory)]
        [string] $StoreHome,

        [System.Management.Automation.PSCredential] $Credential
    )

    if (Test-OrcWindows) {
        return Register-OrcScheduledTask @PSBoundParameters
    }
    if ($Credential) {
        Write-Warning 'cron runs tasks as the crontab''s owner: -Credential is ignored on this platform.'
    }
    Register-OrcCronTask -Definition $Definition -ExecPath $ExecPath -StoreHome $StoreHome
}
