function Get-OrcCronGateReason {
    <#
    .SYNOPSIS
        Says why a 5-field cron expression needs orc-exec's cron gate; $null when Vixie cron runs it natively.
    .DESCRIPTION
        Debian's cron (Vixie cron 3.0) understands, per field: *, */step, a number or name, a
        range a-b with a <= b, a-b/step, and comma lists of those; names are the 3-letter month
        (JAN-DEC) and weekday (SUN-SAT) names in any case, and 0 or 7 is Sunday. Those forms mean
        the same in cron and in orc-exec (Vixie day matching: a day field starting with * makes
        the other one decide). Everything else is left to the gate, which reads the expression
        the same way in every case: Quartz L, W, # (and DOWL), a step after a single value (5/20),
        a wrap-around range (22-2), a value out of the field's range, an empty list item, and any
        other character. The check is deliberately narrow: a form it does not recognise costs
        one gated start per minute, never a wrong time.
        '?' must already be replaced by '*'. @keywords are not fields; the caller handles them.
    .PARAMETER Expression
        Five whitespace-separated cron fields.
    .EXAMPLE
        Get-OrcCronGateReason -Expression '0 9 * * 5#2'
        # the day-of-week field '5#2' uses a form cron does not have (L, W, #, ...)
    .OUTPUTS
        System.String, or $null when the expression is native.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Expression
    )

    $fields = @($Expression.Trim() -split '\s+')
    if ($fields.Count -ne 5) {
        return "it has $($fields.Count) fields, not 5"
    }
    $spec = @(
        @{ Name = 'minute'; Low = 0; High = 59; Names = @() }
        @{ Name = 'hour'; Low = 0; High = 23; Names = @() }
        @{ Name = 'day-of-month'; Low = 1; High = 31; Names = @() }
        @{ Name = 'month'; Low = 1; High = 12; Names = @('JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC') }
        @{ Name = 'day-of-week'; Low = 0; High = 7; Names = @('SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT') }
    )
    for ($i = 0; $i -lt 5; $i++) {
        $s = $spec[$i]
        $field = $fields[$i]
        $value = {
            # A number or name in the field's range, else $null.
            param([string] $Text)
            if ($Text -match '^[0-9]{1,2}$') {
                $n = [int]$Text
                if ($n -ge $s.Low -and $n -le $s.High) { return $n }
                return $null
            }
            $k = [array]::IndexOf([string[]]$s.Names, $Text.ToUpperInvariant())
            if ($k -ge 0) { return $k + $s.Low }
            return $null
        }
        foreach ($item in $field -split ',') {
            $m = [regex]::Match($item, '^(?<range>\*|(?<a>[0-9A-Za-z]+)(-(?<b>[0-9A-Za-z]+))?)(/(?<step>[0-9]{1,2}))?$')
            $ok = $m.Success
            if ($ok -and $m.Groups['a'].Success) {
                $a = & $value $m.Groups['a'].Value
                $b = $a
                if ($m.Groups['b'].Success) { $b = & $value $m.Groups['b'].Value }
                # A step needs a range (cron reads 5/20 differently); a range must not wrap.
                $ok = $null -ne $a -and $null -ne $b -and $a -le $b -and
                ($m.Groups['b'].Success -or -not $m.Groups['step'].Success)
                # Sunday as 7 at the end of a stepped day-of-week range: keep it to the gate.
                if ($ok -and $i -eq 4 -and $b -eq 7 -and $m.Groups['step'].Success) { $ok = $false }
            }
            if ($ok -and $m.Groups['step'].Success) {
                $step = [int]$m.Groups['step'].Value
                $ok = $step -ge 1 -and $step -le ($s.High - $s.Low + 1)
            }
            if (-not $ok) {
                return "the $($s.Name) field '$field' uses a form cron does not have (L, W, #, a wrap-around range, a step after a single value, ...)"
            }
        }
    }
    return $null
}
