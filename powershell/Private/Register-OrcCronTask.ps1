function Register-OrcCronTask {
    <#
    .SYNOPSIS
        Adds or replaces the crontab line that runs a task on its schedule (Linux/macOS backend).
    .DESCRIPTION
        Maps the definition's schedule with ConvertTo-OrcCronSchedule (errors: Orc.UnsupportedSchedule,
        Orc.UnsupportedInterval, Orc.InvalidSchedule) and writes one tagged line (ConvertTo-OrcCronLine)
        into the crontab chosen by Get-OrcCronTarget. A cron expression cron cannot run as is (L, W, #,
        another time zone, a jitter) gets an every-minute line with --cron-gate: orc-exec keeps the
        expression's minutes and exits 0 quietly on the others, recording nothing. A definition with
        "enabled": false gets its line commented out with the disabled prefix. A task without a
        schedule runs on demand only: it gets no line (a line left from an earlier schedule is
        removed). Registering the same definition again changes nothing (Changed = $false).
    .PARAMETER Definition
        The task definition (hashtable or object) with at least name; schedule and enabled are read.
    .PARAMETER ExecPath
        The orc-exec binary cron starts.
    .PARAMETER StoreHome
        The store folder cron passes as --home.
    .EXAMPLE
        Register-OrcCronTask -Definition @{ name = 'hello'; schedule = @{ cron = '*/5 * * * *' } } -ExecPath /opt/orc/orc-exec -StoreHome /var/lib/orchestrator
    .OUTPUTS
        System.Management.Automation.PSCustomObject with Name and Changed.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Definition,

        [Parameter(Mandatory)]
        [string] $ExecPath,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    $target = Get-OrcCronTarget
    $expected = Get-OrcCronTaskLine -Definition $Definition -ExecPath $ExecPath -StoreHome $StoreHome -Target $target
    $name = $expected.Name
    $schedule = $expected.Schedule

    if ($null -eq $expected.Line) {
        Write-Verbose "Task '$name' has no schedule: it runs on demand only and gets no line in $($target.Description)."
        $changed = Set-OrcCronTableEntry -Target $target -Name $name -Line $null
        if ($changed) { Write-Verbose "Removed the line task '$name' had from an earlier schedule." }
        return [pscustomobject]@{ Name = $name; Changed = $changed }
    }

    $line = $expected.Line
    $changed = Set-OrcCronTableEntry -Target $target -Name $name -Line $line
    Write-Verbose "Task '$name' in $($target.Description): $line (changed: $changed)"
    if ($schedule.Gated) { Write-Verbose "Task '$name' is gated: $($schedule.GateReason)." }
    [pscustomobject]@{ Name = $name; Changed = $changed }
}
