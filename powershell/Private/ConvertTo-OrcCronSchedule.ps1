function ConvertTo-OrcCronSchedule {
    <#
    .SYNOPSIS
        Maps a task definition's schedule to a cron time specification, or $null when it has none.
    .DESCRIPTION
        The mapping (docs/cron-backend.md):
          cron      -> as is (5 fields, or @hourly/@daily/...; '?' becomes '*')
          interval  -> */N minutes when N divides an hour, 0 */N hours when N divides a day;
                       anything else throws Orc.UnsupportedInterval
          startup   -> @reboot (its delay becomes DelaySeconds: the line sleeps first)
          logon     -> Orc.UnsupportedSchedule (cron has no logon event)
          once      -> Orc.UnsupportedSchedule (cron repeats; it has no one-off time)
          timezone  -> allowed only when it has the host's rules; otherwise Orc.UnsupportedTimezone
                       (Debian's cron has no CRON_TZ)
        jitter and catchUp have no cron equivalent; they are ignored with a warning.
    .PARAMETER Schedule
        The definition's schedule object or hashtable; $null means "no schedule".
    .PARAMETER Name
        The task name, used in messages.
    .EXAMPLE
        ConvertTo-OrcCronSchedule -Schedule @{ interval = '15m' } -Name db-export
        # Expression '*/15 * * * *', DelaySeconds 0
    .OUTPUTS
        System.Management.Automation.PSCustomObject with Expression and DelaySeconds, or $null.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [AllowNull()]
        [object] $Schedule,

        [Parameter(Mandatory)]
        [string] $Name
    )

    $cron = Get-OrcCronProperty -InputObject $Schedule -Name 'cron'
    $timezone = Get-OrcCronProperty -InputObject $Schedule -Name 'timezone'
    $startup = Get-OrcCronProperty -InputObject $Schedule -Name 'startup'
    $logon = Get-OrcCronProperty -InputObject $Schedule -Name 'logon'
    $once = Get-OrcCronProperty -InputObject $Schedule -Name 'once'
    $interval = Get-OrcCronProperty -InputObject $Schedule -Name 'interval'

    if ($null -ne $logon) {
        throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.UnsupportedSchedule' -TargetObject $Name -Message (
                "Task '$Name': schedule.logon cannot be expressed in cron, which has no logon event. " +
                "Use schedule.startup (@reboot) or a schedule.cron expression, or run the task on demand with Start-OrcTask."))
    }
    if ($once) {
        throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.UnsupportedSchedule' -TargetObject $Name -Message (
                "Task '$Name': schedule.once ('$once') cannot be expressed in cron, which only repeats. " +
                "Use a schedule.cron expression, or run the task on demand with Start-OrcTask (e.g. from 'at')."))
    }

    foreach ($field in 'jitter', 'catchUp') {
        $value = Get-OrcCronProperty -InputObject $Schedule -Name $field
        if ($value) {
            Write-Warning "Task '$Name': schedule.$field has no cron equivalent and is ignored by the cron backend."
        }
    }

    if ($timezone) {
        $local = [System.TimeZoneInfo]::Local
        $zone = $null
        try { $zone = [System.TimeZoneInfo]::FindSystemTimeZoneById([string]$timezone) } catch { $zone = $null }
        if ($null -eq $zone -or -not $zone.HasSameRules($local)) {
            throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.UnsupportedTimezone' -TargetObject $Name -Message (
                    "Task '$Name': schedule.timezone '$timezone' differs from the host's zone '$($local.Id)', and this cron " +
                    "cannot run a line in another zone (no CRON_TZ). Remove schedule.timezone and write the cron times in " +
                    "'$($local.Id)', or set the host's zone to '$timezone'."))
        }
    }

    if ($cron) {
        $expression = ([string]$cron).Trim()
        $fields = @($expression -split '\s+')
        if ($fields.Count -eq 1 -and $expression -match '^@(reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)$') {
            return [pscustomobject]@{ Expression = $expression.ToLowerInvariant(); DelaySeconds = 0 }
        }
        if ($fields.Count -ne 5) {
            throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.InvalidSchedule' -TargetObject $Name -Message (
                    "Task '$Name': schedule.cron '$expression' has $($fields.Count) fields, not 5. " +
                    "Write minute hour day-of-month month day-of-week, e.g. '30 2 * * 1-5', or @hourly/@daily/@weekly/@monthly."))
        }
        $names = 'minute', 'hour', 'day-of-month', 'month', 'day-of-week'
        for ($i = 0; $i -lt 5; $i++) {
            $f = $fields[$i] -replace '\?', '*'
            $fields[$i] = $f
            $allowed = '^[0-9*,/-]+$'
            if ($i -eq 3) { $allowed = '^([0-9*,/-]|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)+$' }
            if ($i -eq 4) { $allowed = '^([0-9*,/-]|SUN|MON|TUE|WED|THU|FRI|SAT)+$' }
            if ($f.ToUpperInvariant() -notmatch $allowed) {
                throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.UnsupportedSchedule' -TargetObject $Name -Message (
                        "Task '$Name': the $($names[$i]) field '$f' of schedule.cron is not understood by cron " +
                        "(L, W and # are Quartz extensions). Use digits, * , - / and names (JAN, MON) only."))
            }
        }
        return [pscustomobject]@{ Expression = ($fields -join ' '); DelaySeconds = 0 }
    }

    if ($interval) {
        $span = ConvertFrom-OrcCronDuration -Value $interval -Field 'schedule.interval'
        $minutes = $span.TotalMinutes
        $fix = "Fix: use an interval that divides an hour (1m 2m 3m 4m 5m 6m 10m 12m 15m 20m 30m) or a day " +
        "(1h 2h 3h 4h 6h 8h 12h 24h), or write a schedule.cron expression."
        if ($minutes -ne [math]::Floor($minutes) -or $minutes -lt 1) {
            throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.UnsupportedInterval' -TargetObject $Name -Message (
                    "Task '$Name': schedule.interval '$interval' is not a whole number of minutes, which cron cannot repeat. $fix"))
        }
        $n = [int]$minutes
        if ($n -lt 60 -and 60 % $n -eq 0) {
            if ($n -eq 1) { return [pscustomobject]@{ Expression = '* * * * *'; DelaySeconds = 0 } }
            return [pscustomobject]@{ Expression = "*/$n * * * *"; DelaySeconds = 0 }
        }
        if ($n % 60 -eq 0 -and 1440 % $n -eq 0) {
            $h = $n / 60
            if ($h -eq 1) { return [pscustomobject]@{ Expression = '0 * * * *'; DelaySeconds = 0 } }
            if ($h -eq 24) { return [pscustomobject]@{ Expression = '0 0 * * *'; DelaySeconds = 0 } }
            return [pscustomobject]@{ Expression = "0 */$h * * *"; DelaySeconds = 0 }
        }
        throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.UnsupportedInterval' -TargetObject $Name -Message (
                "Task '$Name': schedule.interval '$interval' does not divide an hour or a day evenly, so cron's */N " +
                "would drift at every hour or midnight. $fix"))
    }

    if ($null -ne $startup) {
        $delay = Get-OrcCronProperty -InputObject $startup -Name 'delay'
        $seconds = 0
        if ($delay) { $seconds = [int][math]::Ceiling((ConvertFrom-OrcCronDuration -Value $delay -Field 'schedule.startup.delay').TotalSeconds) }
        return [pscustomobject]@{ Expression = '@reboot'; DelaySeconds = $seconds }
    }

    return $null
}
