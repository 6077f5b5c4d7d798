function Test-OrcExecCommand {
    <#
    .SYNOPSIS
        Tells whether the orc-exec in use has a command (for example 'stop'), asking it once per session.
    .DESCRIPTION
        Lets the module use a newer orc-exec command where it exists and fall back where it does
        not (an older orc-exec next to a newer module). The answer comes from 'orc-exec help' and
        is cached per executable path.
    .PARAMETER Name
        The orc-exec command, e.g. stop.
    .EXAMPLE
        if (Test-OrcExecCommand -Name stop) { Invoke-OrcExec -ArgumentList 'stop', 'db-export' }
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $exe = Get-OrcExecutablePath
    if (-not (Test-Path -LiteralPath 'variable:script:OrcExecCommands') -or $null -eq $script:OrcExecCommands) { $script:OrcExecCommands = @{} }
    if (-not $script:OrcExecCommands.ContainsKey($exe)) {
        $help = Invoke-OrcExec -ArgumentList @('help') -Raw
        $names = @($help.Output | ForEach-Object { if ($_ -match '^\s{2}([a-z][a-z-]*)\s') { $Matches[1] } })
        $script:OrcExecCommands[$exe] = $names
    }
    return ($script:OrcExecCommands[$exe] -contains $Name)
}
