function ConvertFrom-OrcJson {
    <#
    .SYNOPSIS
        Parses JSON text without turning date-like strings into DateTime.
    .DESCRIPTION
        PowerShell 7's ConvertFrom-Json reads '2026-01-01T00:00:00+01:00' as a DateTime in the
        local zone; an object read that way and written back changes the string. Where
        ConvertFrom-Json has -DateKind (7.5+) strings are kept as strings; Windows PowerShell 5.1
        never converts them. The result is only ever read: definitions go back to disk through
        'orc-exec define', never through these objects.
    .PARAMETER Json
        The JSON text.
    .EXAMPLE
        ConvertFrom-OrcJson -Json '{"description":"2026-01-01T00:00:00+01:00"}'
    .OUTPUTS
        System.Management.Automation.PSCustomObject
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Json
    )

    if ((Get-Command -Name ConvertFrom-Json).Parameters.ContainsKey('DateKind')) {
        return (ConvertFrom-Json -InputObject $Json -DateKind String) # 5.1-fallback: guarded by the parameter check above
    }
    ConvertFrom-Json -InputObject $Json
}
