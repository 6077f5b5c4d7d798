function ConvertTo-OrcCronSchedule {
    <#
    .SYNOPSIS
        Maps a task definition's schedule to a cron time specification, or $null when it has none.
    .DESCRIPTION
        The mapping (docs/cron-backend.md):
          cron      -> as is (5 fields, or @hourly/@daily/...; '?' becomes '*') when Vixie cron can run
                       it in the host's zone (Get-OrcCronGateReason). Otherwise the cron gate serves
                       it: '* * * * *' with Gated = $true, and the line runs 'orc-exec run --cron-gate',
                       which exits 0 quietly (recording nothing) on every minute that is not the expression's. Gated are:
                       L, W, # and the other forms cron lacks; a timezone whose rules differ from the
                       host's (or that .NET does not know; orc-exec carries its own zone data); a
                       jitter (orc-exec waits it after the gate, cron has no random delay).
          interval  -> */N minutes when N divides an hour, 0 */N hours when N divides a day;
                       anything else throws Orc.UnsupportedInterval (an interval has no cron
                       expression, so the gate cannot serve it)
          startup   -> @reboot (its delay becomes DelaySeconds: the line sleeps first)
          logon     -> Orc.UnsupportedSchedule (cron has no logon event)
          once      -> Orc.UnsupportedSchedule (cron repeats; it has no one-off time)
        jitter without cron, and catchUp, have no cron equivalent; they are ignored with a warning.
    .PARAMETER Schedule
        The definition's schedule object or hashtable; $null means "no schedule".
    .PARAMETER Name
        The task name, used in messages.
    .EXAMPLE
        ConvertTo-OrcCronSchedule -Schedule @{ interval = '15m' } -Name db-export
        # Expression '*/15 * * * *', DelaySeconds 0, Gated $false
    .EXAMPLE
        ConvertTo-OrcCronSchedule -Schedule @{ cron = '0 9 L * *' } -Name month-end
        # Expression '* * * * *', Gated $true: orc-exec's cron gate keeps the last day at 09:00
    .OUTPUTS
        System.Management.Automation.PSCustomObject with Expression, DelaySeconds, Gated and GateReason
        (why the gate is needed, $null when native), or $null.
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

    if ($cron) {
        $expression = ([string]$cron).Trim()
        $fields = @($expression -split '\s+')
        $keyword = $fields.Count -eq 1 -and $expression -match '^@(reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)$'
        if (-not $keyword -and $fields.Count -ne 5) {
            throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.InvalidSchedule' -TargetObject $Name -Message (
                    "Task '$Name': schedule.cron '$expression' has $($fields.Count) fields, not 5. " +
                    "Write minute hour day-of-month month day-of-week, e.g. '30 2 * * 1-5', or @hourly/@daily/@weekly/@monthly."))
        }
        if ($keyword) {
            $expression = $expression.ToLowerInvariant()
            $reason = $null
        }
        else {
            $expression = (@($fields | ForEach-Object { $_ -replace '\?', '*' })) -join ' '
            $reason = Get-OrcCronGateReason -Expression $expression
        }
        if (-not $reason -and $timezone) {
            $local = [System.TimeZoneInfo]::Local
            $zone = $null
            try { $zone = [System.TimeZoneInfo]::FindSystemTimeZoneById([string]$timezone) } catch { $zone = $null }
            if ($null -eq $zone) {
                $reason = "schedule.timezone '$timezone' is not a zone this host's .NET knows (orc-exec has its own zone data)"
            }
            elseif (-not $zone.HasSameRules($local)) {
                $reason = "schedule.timezone '$timezone' differs from the host's zone '$($local.Id)', and cron has no CRON_TZ"
            }
        }
        $jitter = Get-OrcCronProperty -InputObject $Schedule -Name 'jitter'
        if (-not $reason -and $jitter -and (ConvertFrom-OrcCronDuration -Value $jitter -Field 'schedule.jitter') -gt [timespan]::Zero) {
            $reason = 'schedule.jitter is set, and cron has no random delay (orc-exec waits it after the gate)'
        }
        if (Get-OrcCronProperty -InputObject $Schedule -Name 'catchUp') {
            Write-Warning "Task '$Name': schedule.catchUp has no cron equivalent and is ignored by the cron backend."
        }
        if ($reason) {
            Write-Verbose "Task '$Name': schedule.cron '$expression' is served by orc-exec's cron gate (a start every minute): $reason."
            return [pscustomobject]@{ Expression = '* * * * *'; DelaySeconds = 0; Gated = $true; GateReason = $reason }
        }
        return [pscustomobject]@{ Expression = $expression; DelaySeconds = 0; Gated = $false; GateReason = $null }
    }

    foreach ($field in 'jitter', 'catchUp') {
        $value = Get-OrcCronProperty -InputObject $Schedule -Name $field
        if ($value) {
            Write-Warning "Task '$Name': schedule.$field has no cron equivalent and is ignored by the cron backend."
        }
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
            if ($n -eq 1) { return [pscustomobject]@{ Expression = '* * * * *'; DelaySeconds = 0; Gated = $false; GateReason = $null } }
            return [pscustomobject]@{ Expression = "*/$n * * * *"; DelaySeconds = 0; Gated = $false; GateReason = $null }
        }
        if ($n % 60 -eq 0 -and 1440 % $n -eq 0) {
            $h = $n / 60
            if ($h -eq 1) { return [pscustomobject]@{ Expression = '0 * * * *'; DelaySeconds = 0; Gated = $false; GateReason = $null } }
            if ($h -eq 24) { return [pscustomobject]@{ Expression = '0 0 * * *'; DelaySeconds = 0; Gated = $false; GateReason = $null } }
            return [pscustomobject]@{ Expression = "0 */$h * * *"; DelaySeconds = 0; Gated = $false; GateReason = $null }
        }
        throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.UnsupportedInterval' -TargetObject $Name -Message (
                "Task '$Name': schedule.interval '$interval' does not divide an hour or a day evenly, so cron's */N " +
                "would drift at every hour or midnight. $fix"))
    }

    if ($null -ne $startup) {
        $delay = Get-OrcCronProperty -InputObject $startup -Name 'delay'
        $seconds = 0
        if ($delay) { $seconds = [int][math]::Ceiling((ConvertFrom-OrcCronDuration -Value $delay -Field 'schedule.startup.delay').TotalSeconds) }
        return [pscustomobject]@{ Expression = '@reboot'; DelaySeconds = $seconds; Gated = $false; GateReason = $null }
    }

    return $null
}
