function Read-OrcMigrationState {
    <#
    .SYNOPSIS
        Reads a migration's state file (<store>/migrations/<name>/state.json) as ordered hashtables, or $null when there is none.
    .PARAMETER Path
        The state file.
    .OUTPUTS
        System.Collections.Specialized.OrderedDictionary
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    if (-not [System.IO.File]::Exists($Path)) { return $null }
    try {
        $parsed = ConvertFrom-OrcJson -Json ([System.IO.File]::ReadAllText($Path))
    }
    catch {
        throw (New-OrcErrorRecord -ErrorId 'Orc.MigrationStateInvalid' -Category InvalidData -TargetObject $Path -Exception $_.Exception `
                -Message "The migration state '$Path' cannot be read: $($_.Exception.Message). Restore it from a backup; never edit it by hand.")
    }
    ConvertTo-OrcPlainObject -InputObject $parsed
}
