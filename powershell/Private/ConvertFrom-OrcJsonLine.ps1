function ConvertFrom-OrcJsonLine {
    <#
    .SYNOPSIS
        Parses orc-exec's NDJSON output (one JSON object per line) with one ConvertFrom-Json call.
    .DESCRIPTION
        ConvertFrom-Json costs about as much per call as per object, so a thousand lines parsed one
        by one take several times longer than the same lines parsed as one JSON array. When the
        array does not parse (a line that is not JSON, a truncated line), every line is parsed on
        its own and the lines that are not JSON are skipped, as Invoke-OrcExec does.
    .PARAMETER Line
        The lines orc-exec printed; lines that do not start with '{' are ignored.
    .EXAMPLE
        $records = @(ConvertFrom-OrcJsonLine -Line (Invoke-OrcExec -ArgumentList 'list', '--output', 'json' -Raw).Output)
    .OUTPUTS
        System.Management.Automation.PSCustomObject, one per JSON line.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [AllowNull()]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [string[]] $Line
    )

    $objects = New-Object -TypeName System.Collections.Generic.List[string]
    foreach ($text in $Line) {
        if ($null -eq $text) { continue }
        $trimmed = $text.Trim()
        if ($trimmed.StartsWith('{')) { $objects.Add($trimmed) }
    }
    if ($objects.Count -eq 0) { return }
    $parsed = $null
    try {
        # One array: Windows PowerShell 5.1 returns it as one object, PowerShell 7 enumerates it;
        # foreach below treats both the same.
        $parsed = ConvertFrom-Json -InputObject ('[' + ($objects.ToArray() -join ',') + ']') -ErrorAction Stop
    }
    catch {
        Write-Debug "orc-exec output is not one JSON array; parsing line by line: $_"
        $parsed = foreach ($object in $objects) {
            try { ConvertFrom-Json -InputObject $object -ErrorAction Stop }
            catch { Write-Debug "orc-exec printed a line that is not JSON: $object" }
        }
    }
    foreach ($record in $parsed) {
        if ($null -ne $record) { $record }
    }
}
