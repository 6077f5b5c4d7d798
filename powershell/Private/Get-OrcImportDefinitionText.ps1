function Get-OrcImportDefinitionText {
    <#
    .SYNOPSIS
        The "definition" member of one 'orc-exec import' line, as orc-exec wrote it.
    .DESCRIPTION
        The definition is cut out of the line rather than converted to objects and back, so every
        string and number stays as orc-exec validated it (ConvertTo-Json on 5.1 would not keep them).
        orc-exec writes "definition" as the line's last member, and inside a JSON string every quote
        is escaped, so the first '"definition":' is the member's key.
    .PARAMETER Line
        One NDJSON line of 'orc-exec import' with status converted.
    .EXAMPLE
        Get-OrcImportDefinitionText -Line '{"name":"a","source":"x:1","status":"converted","definition":{"name":"a"}}'
        # {"name":"a"}
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Line
    )

    $text = $Line.TrimEnd()
    $key = '"definition":'
    $at = $text.IndexOf($key, [System.StringComparison]::Ordinal)
    if ($at -lt 0 -or -not $text.EndsWith('}')) {
        throw "orc-exec printed an import line without a definition: $text"
    }
    $start = $at + $key.Length
    return $text.Substring($start, $text.Length - 1 - $start)
}
