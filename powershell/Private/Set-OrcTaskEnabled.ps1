function Set-OrcTaskEnabled {
    <#
    .SYNOPSIS
        Enables or disables one task in its definition and its registration, so that both agree.
    .DESCRIPTION
        The shared body of Enable-OrcTask and Disable-OrcTask (which own ShouldProcess and the
        pipeline). The definition's "enabled" field is edited by 'orc-exec define <task> --set'; the registration
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

    # The caller asked once for this task; internal steps must not ask again.
    $ConfirmPreference = 'None'
    $WhatIfPreference = $false
    if ($null -ne $Task.Definition) {
        # One field, edited by orc-exec: the definition never passes through PowerShell objects.
        $value = if ($Enabled) { 'true' } else { 'false' }
        $defined = Invoke-OrcExec -ArgumentList @('define', [string]$Task.Name, '--set', "enabled=$value") -StoreHome $StoreHome
        if ($defined.ExitCode -ne 0) {
            return (ConvertTo-OrcErrorRecord -Result $defined -TargetObject $Task.Name)
        }
    }
    if ($Task.State -notin 'NotRegistered', 'OnDemand') {
        $verb = if ($Enabled) { 'enable' } else { 'disable' }
        # Isolated, so that one failure is one record in the caller's -ErrorVariable.
        $command = if ($Enabled) { 'Enable-OrcBackendTask' } else { 'Disable-OrcBackendTask' }
        $toggled = Invoke-OrcIsolated -Command $command -Parameter @{ Name = [string]$Task.Name }
        if ($toggled.Error) {
            $failure = $toggled.Error
            return (New-OrcErrorRecord -ErrorId 'Orc.SchedulerError' -Category $failure.CategoryInfo.Category -TargetObject $Task.Name `
                    -Exception $failure.Exception -Message "Could not $verb the registration of '$($Task.Name)': $($failure.Exception.Message)")
        }
    }
}
