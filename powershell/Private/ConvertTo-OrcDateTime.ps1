function ConvertTo-OrcDateTime {
    <#
    .SYNOPSIS
        Parses an RFC 3339 time from orc-exec into a local DateTime; $null stays $null.
    .DESCRIPTION
        PowerShell 7's ConvertFrom-Json already returns DateTime for such strings, 5.1 returns the
        string: both are handled the same way.
    .PARAMETER Value
        A string, a DateTime or $null.
    .OUTPUTS
        System.DateTime
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)]
        [AllowNull()]
        [object] $Value
    )

    if ($null -eq $Value -or "$Value" -eq '') {
        return $null
    }
    if ($Value -is [datetime]) {
        return $Value.ToLocalTime()
    }
    if ($Value -is [System.DateTimeOffset]) {
        return $Value.LocalDateTime
    }
    $parsed = [System.DateTimeOffset]::MinValue
    if ([System.DateTimeOffset]::TryParse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AssumeUniversal, [ref]$parsed)) {
        return $parsed.LocalDateTime
    }
    return $null
}
