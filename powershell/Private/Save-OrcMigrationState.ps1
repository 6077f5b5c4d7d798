function Save-OrcMigrationState {
    <#
    .SYNOPSIS
        Writes a migration's state file atomically, with the time of the write.
    .PARAMETER Path
        The state file.
    .PARAMETER State
        The state (ordered hashtable).
    .OUTPUTS
        None
    #>
    [CmdletBinding()]
    [OutputType([void])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $State
    )

    $State['updated'] = [datetime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
    Write-OrcMigrationFile -Path $Path -Text (ConvertTo-Json -InputObject $State -Depth 10)
}
