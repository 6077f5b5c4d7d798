function ConvertFrom-OrcCronDuration {
    <#
    .SYNOPSIS
        Converts a definition duration ("90s", "15m", "1h30m", "2d", "00:15:00", a TimeSpan or seconds) to a TimeSpan.
    .DESCRIPTION
        Accepts the duration syntax of task definitions (see docs/tasks.md): a sequence of
        <number><unit> with the units ms, s, m, h, d. A TimeSpan is returned as is; a number is
        taken as seconds. Anything else throws Orc.InvalidDuration naming the field.
    .PARAMETER Value
        The duration to convert.
    .PARAMETER Field
        The definition field the value comes from, used in the error message.
    .EXAMPLE
        ConvertFrom-OrcCronDuration -Value '1h30m' -Field 'schedule.interval'
    .OUTPUTS
        System.TimeSpan
    #>
    [CmdletBinding()]
    [OutputType([timespan])]
    param(
        [Parameter(Mandatory)]
        [object] $Value,

        [string] $Field = 'duration'
    )

    if ($Value -is [timespan]) {
        return $Value
    }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [double]) {
        return [timespan]::FromSeconds([double]$Value)
    }
    $text = "$Value".Trim()
    $span = [timespan]::Zero
    if ($text -match '^\d+(\.\d+)?:\d' -and [timespan]::TryParse($text, [System.Globalization.CultureInfo]::InvariantCulture, [ref]$span)) {
        return $span
    }
    if ($text -notmatch '^(\d+(\.\d+)?(ms|s|m|h|d))+$') {
        throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.InvalidDuration' -TargetObject $Value `
                -Message "$Field '$text' is not a duration. Write it like '90s', '15m', '1h30m' or '2d'.")
    }
    $total = [timespan]::Zero
    foreach ($m in [regex]::Matches($text, '(\d+(?:\.\d+)?)(ms|s|m|h|d)')) {
        $n = [double]::Parse($m.Groups[1].Value, [System.Globalization.CultureInfo]::InvariantCulture)
        $total += switch ($m.Groups[2].Value) {
            'ms' { [timespan]::FromMilliseconds($n) }
            's' { [timespan]::FromSeconds($n) }
            'm' { [timespan]::FromMinutes($n) }
            'h' { [timespan]::FromHours($n) }
            'd' { [timespan]::FromDays($n) }
        }
    }
    return $total
}
