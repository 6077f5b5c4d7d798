function ConvertTo-OrcDuration {
    <#
    .SYNOPSIS
        Formats a TimeSpan as an orc-exec duration: "2d", "90s", "1h30m", "500ms".
    .PARAMETER TimeSpan
        The duration.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, Position = 0)]
        [timespan] $TimeSpan
    )

    if ($TimeSpan -le [timespan]::Zero) {
        return '0s'
    }
    if ($TimeSpan.Ticks % [timespan]::TicksPerDay -eq 0) {
        return "$([long]$TimeSpan.TotalDays)d"
    }
    $text = ''
    $hours = [long][math]::Floor($TimeSpan.TotalHours)
    if ($hours -gt 0) { $text += "${hours}h" }
    if ($TimeSpan.Minutes -gt 0) { $text += "$($TimeSpan.Minutes)m" }
    if ($TimeSpan.Seconds -gt 0) { $text += "$($TimeSpan.Seconds)s" }
    if ($TimeSpan.Milliseconds -gt 0) { $text += "$($TimeSpan.Milliseconds)ms" }
    if (-not $text) { $text = '0s' }
    return $text
}
