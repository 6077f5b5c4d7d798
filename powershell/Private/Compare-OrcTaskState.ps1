function Compare-OrcTaskState {
    <#
    .SYNOPSIS
        Compares a folder (or file) of definitions with the store and the scheduler, task by task:
        the one comparison Test-OrcTaskState reports and Sync-OrcTask acts on.
    .DESCRIPTION
        Reads everything in a constant number of steps, whatever the number of tasks: one
        Get-OrcBackendTask query, on Windows one Export-ScheduledTask per registered task of ours
        (the XML, so that a hand edit in taskschd.msc shows), and one
        'orc-exec render --dir <path> --registered -' that validates and renders every file,
        compares it with the store's definition of the same name and with the registered XML
        (taskxml.Diff, as Get-OrcTask -Detailed does), and lists the stored tasks the folder lacks.
        The cron backend's expected line is computed in PowerShell (Get-OrcCronTaskLine) and
        compared with the line in the crontab. Nothing is written.

        State per task: Compliant, Missing (not registered), Different (Differences names what:
        Definition = the store's copy differs or is missing; Triggers, Principal, Settings, Actions
        = the registered XML; DefinitionHash = registered from another definition; CronLine;
        Enabled), Invalid (the file does not load or cannot be scheduled here; Reason says why),
        and with -Prune Extra (ours, registered or stored, with no file in -Path).
    .PARAMETER Path
        A folder of <task>.json files or one such file (a full path).
    .PARAMETER StoreHome
        The store.
    .PARAMETER ExecPath
        The orc-exec path registrations should run (Install-OrcExecutable or Get-OrcExecutableInstallPath).
    .PARAMETER Prune
        Also report our tasks that have no file in -Path (State Extra).
    .EXAMPLE
        Compare-OrcTaskState -Path D:\tasks -StoreHome (Get-OrcStoreHome) -ExecPath (Get-OrcExecutableInstallPath) -Prune
    .OUTPUTS
        [pscustomobject] with Name, State, Reason, Path, Differences, StoreState, Registered,
        Definition (as orc-exec printed it, after defaults).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $StoreHome,

        [Parameter(Mandatory)]
        [string] $ExecPath,

        [switch] $Prune
    )

    $onWindows = Test-OrcWindows
    $registered = @{}
    foreach ($task in @(Get-OrcBackendTask)) {
        if ($null -ne $task -and $task.Name) { $registered[[string]$task.Name] = $task }
    }

    $exported = [System.Collections.Generic.List[object]]::new()
    if ($onWindows) {
        foreach ($name in @($registered.Keys)) {
            $xml = $null
            try {
                $xml = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$name" -ErrorAction Stop
            }
            catch {
                $failure = Resolve-OrcSchedulerError -ErrorRecord @($_) -Operation "export Orc_$name"
                if ($failure) { throw $failure }
            }
            if ($xml) { $exported.Add([ordered]@{ task = $name; xml = [string]$xml }) }
        }
    }

    $arguments = @('render', '--dir', $Path, '--exec-path', $ExecPath, '--output', 'json')
    $stdin = $null
    if (-not $onWindows) { $arguments += '--no-xml' }
    if ($exported.Count -gt 0) {
        # One JSON array, one ConvertTo-Json: a call per task would cost more than the rest.
        $arguments += @('--registered', '-')
        $stdin = ConvertTo-Json -InputObject $exported.ToArray() -Compress
    }
    $rendered = Invoke-OrcExec -ArgumentList $arguments -InputObject $stdin -StoreHome $StoreHome -Raw
    if ($rendered.ExitCode -ne 0) { throw (ConvertTo-OrcErrorRecord -Result $rendered -TargetObject $Path) }

    $cronTarget = $null
    if (-not $onWindows) { $cronTarget = Get-OrcCronTarget }
    $lineCache = @{}
    $failed = @{}
    $placeholder = 'orc-sync-name-' + [guid]::NewGuid().ToString('N')
    $desired = @{}
    foreach ($record in @(ConvertFrom-OrcJsonLine -Line $rendered.Output)) {
        if ($null -eq $record -or $record.schema -ne 'orc.render/v1') { continue }
        $name = [string]$record.task
        $properties = $record.PSObject.Properties
        if ($properties['extra'] -and $record.extra) {
            if ($Prune -and -not $registered.ContainsKey($name)) {
                New-OrcTaskStateObject -Name $name -State 'Extra' -Reason "Stored, but '$Path' has no $name.json." -StoreState 'extra'
            }
            continue
        }
        $desired[$name] = $true
        $file = [string]$record.file
        $existing = $null
        if ($registered.ContainsKey($name)) { $existing = $registered[$name] }
        if ($properties['error'] -and $record.error) {
            New-OrcTaskStateObject -Name $name -State 'Invalid' -Reason ([string]$record.error) -File $file -Registered ($null -ne $existing)
            continue
        }
        # Kept as parsed: converting every definition to a hashtable costs more than the whole
        # comparison; Sync-OrcTask converts the few it registers.
        $definition = $record.definition
        $storeState = [string]$record.stored
        $differences = [System.Collections.Generic.List[string]]::new()
        if ($storeState -ne 'same') { $differences.Add('Definition') }
        $enabled = $true
        if ($definition.PSObject.Properties['enabled'] -and $null -ne $definition.enabled) { $enabled = [bool]$definition.enabled }

        $expectRegistration = $true
        if ($onWindows) {
            if ($existing) {
                if ($properties['drift']) { foreach ($part in @($record.drift)) { if ($part) { $differences.Add([string]$part) } } }
                if ($existing.DefinitionHash -and $existing.DefinitionHash -ne $record.definitionHash) { $differences.Add('DefinitionHash') }
            }
        }
        else {
            # The line depends on the task's name only where the name is written, so it is
            # computed once per schedule and enabled state (computing it costs far more than the
            # rest of the comparison) and the name put in. On an error the task's own name is used,
            # so that the message names it. Registration already warned about what cron cannot do.
            $schedule = $null
            if ($definition.PSObject.Properties['schedule']) { $schedule = $definition.schedule }
            $key = "enabled=$enabled"
            if ($null -ne $schedule) { foreach ($field in $schedule.PSObject.Properties) { $key += ";$($field.Name)=$([string]$field.Value)" } }
            if (-not $lineCache.ContainsKey($key)) {
                try {
                    $shape = [pscustomobject]@{ name = $placeholder; schedule = $schedule; enabled = $enabled }
                    $lineCache[$key] = (Get-OrcCronTaskLine -Definition $shape -ExecPath $ExecPath -StoreHome $StoreHome -Target $cronTarget -WarningAction SilentlyContinue).Line
                }
                catch { $lineCache[$key] = $null; $failed[$key] = $true }
            }
            if ($failed.ContainsKey($key)) {
                try { $null = Get-OrcCronTaskLine -Definition $definition -ExecPath $ExecPath -StoreHome $StoreHome -Target $cronTarget -WarningAction SilentlyContinue }
                catch {
                    New-OrcTaskStateObject -Name $name -State 'Invalid' -Reason $_.Exception.Message -File $file -Registered ($null -ne $existing)
                    continue
                }
            }
            $expected = [pscustomobject]@{ Line = $null }
            if ($null -ne $lineCache[$key]) { $expected.Line = $lineCache[$key].Replace($placeholder, $name) }
            $expectRegistration = $null -ne $expected.Line
            if ($existing -and -not $expectRegistration) { $differences.Add('CronLine') }
            elseif ($existing -and ([string]$existing.Source.Line).Trim() -ne ([string]$expected.Line).Trim()) { $differences.Add('CronLine') }
        }
        if ($existing -and [bool]$existing.Enabled -ne $enabled) { $differences.Add('Enabled') }

        if ($expectRegistration -and -not $existing) {
            $reason = 'Not registered.'
            if ($storeState -eq 'missing') { $reason = 'Not registered and not stored.' }
            elseif ($storeState -eq 'different') { $reason = 'Not registered, and the stored definition differs.' }
            New-OrcTaskStateObject -Name $name -State 'Missing' -Reason $reason -File $file -StoreState $storeState -Definition $definition -Differences $differences.ToArray()
            continue
        }
        if ($differences.Count -gt 0) {
            $what = @(foreach ($part in $differences) {
                    switch ($part) {
                        'Definition' { if ($storeState -eq 'missing') { 'the store has no definition' } else { 'the stored definition differs' } }
                        'DefinitionHash' { 'the registration was made from another definition' }
                        'CronLine' { 'the crontab line differs' }
                        'Enabled' { if ($enabled) { 'the registration is disabled' } else { 'the registration is enabled' } }
                        default { "the registered $part differ (edited in Task Scheduler?)" }
                    }
                })
            New-OrcTaskStateObject -Name $name -State 'Different' -Reason (($what -join '; ') + '.') -File $file -StoreState $storeState `
                -Definition $definition -Differences $differences.ToArray() -Registered ($null -ne $existing)
            continue
        }
        New-OrcTaskStateObject -Name $name -State 'Compliant' -Reason 'Registered as defined.' -File $file -StoreState $storeState `
            -Definition $definition -Registered ($null -ne $existing)
    }
    if ($Prune) {
        foreach ($name in @($registered.Keys | Sort-Object)) {
            if (-not $desired.ContainsKey($name)) {
                New-OrcTaskStateObject -Name $name -State 'Extra' -Reason "Registered, but '$Path' has no $name.json." -StoreState 'extra' -Registered $true
            }
        }
    }
}
