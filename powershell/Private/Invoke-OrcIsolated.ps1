function Invoke-OrcIsolated {
    <#
    .SYNOPSIS
        Runs one of the module's commands so that its failure reaches the caller as one error, not one per layer.
    .DESCRIPTION
        PowerShell adds every error raised below an advanced function to that function's
        -ErrorVariable, even errors caught on the way (a failed crontab write showed up nine
        times). The command runs in a nested pipeline of the current runspace, in the module's
        scope, with -ErrorAction Stop; its warnings and verbose messages are passed on, its
        first error is returned for the caller to turn into one ErrorRecord with a stable ID.
        Where the nested pipeline is not available the command runs directly.
    .PARAMETER Command
        The module command to run, e.g. Register-OrcBackendTask.
    .PARAMETER Parameter
        Its parameters.
    .EXAMPLE
        $result = Invoke-OrcIsolated -Command Register-OrcBackendTask -Parameter $arguments
        if ($result.Error) { ... }
    .OUTPUTS
        [pscustomobject] with Output (the command's output) and Error (an ErrorRecord or $null).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Command,

        [hashtable] $Parameter = @{}
    )

    $module = $MyInvocation.MyCommand.Module
    $body = {
        param($Module, $Command, $Parameter, $Verbose)
        & $Module {
            param($Command, $Parameter, $Verbose)
            $VerbosePreference = $Verbose
            $ConfirmPreference = 'None'
            $WhatIfPreference = $false
            try {
                $output = @(& $Command @Parameter -ErrorAction Stop)
                [pscustomobject]@{ Output = $output; Error = $null }
            }
            catch {
                [pscustomobject]@{ Output = @(); Error = $_ }
            }
        } $Command $Parameter $Verbose
    }
    $mode = 'System.Management.Automation.RunspaceMode' -as [type]
    if (-not $mode -or -not $module) {
        return (& $body $module $Command $Parameter $VerbosePreference)
    }
    $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::CurrentRunspace)
    try {
        $null = $ps.AddScript($body.ToString()).AddArgument($module).AddArgument($Command).AddArgument($Parameter).AddArgument($VerbosePreference)
        $result = @($ps.Invoke()) | Select-Object -Last 1
        foreach ($warning in $ps.Streams.Warning) { Write-Warning $warning.Message }
        foreach ($verbose in $ps.Streams.Verbose) { Write-Verbose $verbose.Message }
        foreach ($info in $ps.Streams.Information) { Write-Information -MessageData $info.MessageData -Tags $info.Tags }
        if ($null -eq $result) {
            $first = @($ps.Streams.Error) | Select-Object -First 1
            $result = [pscustomobject]@{ Output = @(); Error = $first }
        }
        return $result
    }
    finally {
        $ps.Dispose()
    }
}
