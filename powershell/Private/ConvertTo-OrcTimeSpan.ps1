function ConvertTo-OrcTimeSpan {
    <#
    .SYNOPSIS
        Reads a duration parameter given as a TimeSpan, as shown by Get-OrcTask ('2h', '1h30m', '90s',
        '1d'), or as TimeSpan text ('02:00:00', '1.00:00:00').
    .DESCRIPTION
        Duration parameters (-Timeout, -RetryDelay, -Every) accept what the module shows, so a value
        copied from Get-OrcTask works. Anything else is refused with Orc.InvalidDuration, naming
        the parameter and the accepted forms.
    .PARAMETER Value
        The value as bound.
    .PARAMETER ParameterName
        The parameter, for the error message.
    .EXAMPLE
        ConvertTo-OrcTimeSpan -Value '1h30m' -ParameterName Timeout
    .OUTPUTS
        System.TimeSpan
    #>
    [CmdletBinding()]
    [OutputType([timespan])]
    param(
        [AllowNull()]
        [object] $Value,

        [Parameter(Mandatory)]
        [string] $ParameterName
    )

    if ($null -eq $Value) { return [timespan]::Zero }
    $base = $Value
    if ($Value -is [System.Management.Automation.PSObject]) { $base = $Value.PSObject.BaseObject }
    if ($base -is [timespan]) { return $base }
    $text = ([string]$base).Trim()
    $units = @{ d = [timespan]::TicksPerDay; h = [timespan]::TicksPerHour; m = [timespan]::TicksPerMinute; s = [timespan]::TicksPerSecond; ms = [timespan]::TicksPerMillisecond }
    if ($text -match '^(\d+(\.\d+)?(d|h|ms|m|s))+$') {
        $ticks = 0.0
        foreach ($part in [regex]::Matches($text, '(\d+(?:\.\d+)?)(d|h|ms|m|s)')) {
            $ticks += [double]::Parse($part.Groups[1].Value, [System.Globalization.CultureInfo]::InvariantCulture) * $units[$part.Groups[2].Value]
        }
        return [timespan]::FromTicks([long]$ticks)
    }
    $parsed = [timespan]::Zero
    if ($text -match ':' -and [timespan]::TryParse($text, [System.Globalization.CultureInfo]::InvariantCulture, [ref]$parsed)) {
        return $parsed
    }
    throw (New-OrcErrorRecord -ErrorId 'Orc.InvalidDuration' -Category InvalidArgument -TargetObject $Value `
            -Message "-$ParameterName '$Value' is not a duration. Use a number with a unit as Get-OrcTask shows it ('90s', '15m', '2h', '1h30m', '1d'), a TimeSpan text ('02:00:00') or a [timespan].")
}
