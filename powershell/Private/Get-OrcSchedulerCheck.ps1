function Get-OrcSchedulerCheck {
    <#
    .SYNOPSIS
        The scheduler's side of Test-OrcEnvironment: reachable, tasks vs definitions, executor path.
    .DESCRIPTION
        One scheduler listing (Get-OrcBackendTask) and one 'orc-exec list', compared by name:
        a definition without a scheduler entry never runs (Fail); an entry without a definition
        fails at every trigger with exit 10 (Warn). Registered tasks that run another orc-exec
        than this module's are a Warn, or a Fail when that file is gone.
    .PARAMETER ExecutablePath
        The orc-exec this module runs; $null skips the executor comparison and the definitions.
    .EXAMPLE
        Get-OrcSchedulerCheck -ExecutablePath (Get-OrcExecutablePath)
    .OUTPUTS
        Orchestrator.EnvironmentCheck
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.EnvironmentCheck')]
    param(
        [AllowNull()]
        [AllowEmptyString()]
        [string] $ExecutablePath
    )

    $backend = 'cron'
    if (Test-OrcWindows) { $backend = 'Task Scheduler' }
    try {
        $registered = @(Get-OrcBackendTask)
    }
    catch {
        $fix = 'Check that the scheduler runs (Get-Service Schedule on Windows; the cron service and crontab -l elsewhere).'
        if ([string]$_.FullyQualifiedErrorId -like 'Orc.AccessDenied*') { $fix = 'Run elevated (as Administrator): the tasks in \Orchestrator\ are readable by administrators only.' }
        New-OrcEnvironmentCheck -Name 'scheduler.reachable' -Status fail -Detail ("{0} did not answer: {1}" -f $backend, $_.Exception.Message) -Fix $fix
        return
    }
    New-OrcEnvironmentCheck -Name 'scheduler.reachable' -Status ok -Detail ("{0} answered: {1} Orchestrator task(s) registered" -f $backend, $registered.Count)
    if (-not $ExecutablePath) { return }

    $listed = Invoke-OrcExec -ArgumentList @('list', '--output', 'json') -Raw
    if ($listed.ExitCode -ne 0) {
        New-OrcEnvironmentCheck -Name 'scheduler.tasks' -Status skip -Detail 'the definitions could not be listed; see store.security and store.definitions'
    }
    else {
        $records = @($listed.Records)
        if ($records.Count -eq 0) { $records = @(ConvertFrom-OrcJsonLine -Line $listed.Output) }
        $defined = @($records | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_.name })
        $names = @($registered | ForEach-Object { [string]$_.Name })
        $unscheduled = @($defined | Where-Object { $names -notcontains $_ } | Sort-Object)
        $undefined = @($names | Where-Object { $defined -notcontains $_ } | Sort-Object)
        if ($unscheduled.Count -gt 0) {
            New-OrcEnvironmentCheck -Name 'scheduler.tasks' -Status fail -Detail ("{0} definition(s) have no scheduler entry and never run: {1}" -f $unscheduled.Count, ($unscheduled -join ', ')) -Fix ("Register them from the store: Get-OrcTask -Name {0} | Register-OrcTask" -f ($unscheduled -join ', '))
        }
        elseif ($undefined.Count -gt 0) {
            New-OrcEnvironmentCheck -Name 'scheduler.tasks' -Status warn -Detail ("{0} scheduler entr(ies) have no definition and fail at every trigger (exit 10): {1}" -f $undefined.Count, ($undefined -join ', ')) -Fix ("Remove them: Unregister-OrcTask -Name {0}" -f ($undefined -join ', '))
        }
        else {
            New-OrcEnvironmentCheck -Name 'scheduler.tasks' -Status ok -Detail ("{0} definition(s), each with its scheduler entry" -f $defined.Count)
        }
    }

    $comparison = [System.StringComparison]::Ordinal
    if (Test-OrcWindows) { $comparison = [System.StringComparison]::OrdinalIgnoreCase }
    $elsewhere = @($registered | Where-Object { $_.ExecPath -and -not [string]::Equals([string]$_.ExecPath, $ExecutablePath, $comparison) })
    if ($elsewhere.Count -eq 0) {
        New-OrcEnvironmentCheck -Name 'scheduler.executor' -Status ok -Detail "every registered task runs $ExecutablePath"
        return
    }
    $gone = @($elsewhere | Where-Object { -not (Test-Path -LiteralPath ([string]$_.ExecPath) -PathType Leaf) })
    $list = ($elsewhere | ForEach-Object { '{0} ({1})' -f $_.Name, $_.ExecPath }) -join ', '
    $status = 'warn'
    $detail = "{0} task(s) run another orc-exec than this module's {1}: {2}" -f $elsewhere.Count, $ExecutablePath, $list
    if ($gone.Count -gt 0) {
        $status = 'fail'
        $detail = "{0} task(s) run an orc-exec that does not exist, and fail at every trigger: {1}" -f $gone.Count, (($gone | ForEach-Object { '{0} ({1})' -f $_.Name, $_.ExecPath }) -join ', ')
    }
    New-OrcEnvironmentCheck -Name 'scheduler.executor' -Status $status -Detail $detail -Fix 'Re-register them with this module: Get-OrcTask | Register-OrcTask -Force'
}
