function Set-OrcTaskEnabled {
    <#
    .SYNOPSIS
        Enables or disables one task in its definition and its registration, so that both agree.
    .DESCRIPTION
        The shared body of Enable-OrcTask and Disable-OrcTask (which own ShouldProcess and the
        pipeline). The definition's "enabled" field goes through orc-exec define; the registration
        is toggled in place, not re-registered, so a Password-logon task needs no password.
        Returns an ErrorRecord for the caller to write, or nothing on success.
    .PARAMETER Task
        The Orchestrator.Task (from Get-OrcTask) to change.
    .PARAMETER Enabled
        $true to enable, $false to disable.
    .PARAMETER StoreHome
        The store the definition lives in.
    .OUTPUTS
        System.Management.Automation.ErrorRecord on failure; nothing otherwise.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)]
        [object] $Task,

        [Parameter(Mandatory)]
        [bool] $Enabled,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    if ($null -ne $Task.Definition) {
        $definition = ConvertTo-OrcPlainObject -InputObject $Task.Definition
        $definition['enabled'] = $Enabled
        $json = ConvertTo-Json -InputObject $definition -Depth 20 -Compress
        $defined = Invoke-OrcExec -ArgumentList @('define', '--file', '-') -InputObject $json -StoreHome $StoreHome
        if ($defined.ExitCode -ne 0) {
            return (ConvertTo-OrcErrorRecord -Result $defined -TargetObject $Task.Name)
        }
    }
    if ($Task.State -notin 'NotRegistered', 'OnDemand') {
        $verb = if ($Enabled) { 'enable' } else { 'disable' }
        try {
            if ($Enabled) { Enable-OrcBackendTask -Name $Task.Name } else { Disable-OrcBackendTask -Name $Task.Name }
        }
        catch {
            return (New-OrcErrorRecord -ErrorId 'Orc.SchedulerError' -Category $_.CategoryInfo.Category -TargetObject $Task.Name `
                    -Exception $_.Exception -Message "Could not $verb the registration of '$($Task.Name)': $($_.Exception.Message)")
        }
    }
}
