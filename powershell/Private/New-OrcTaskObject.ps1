function New-OrcTaskObject {
    <#
    .SYNOPSIS
        Merges the definition summaries (orc-exec list) and the scheduler registrations into
        Orchestrator.Task objects, with drift, sorted by name.
    .DESCRIPTION
        One call for all tasks: what does not depend on the task (the platform, whether an
        executable exists, the last results) is worked out once, so that a thousand tasks cost a
        loop of property reads rather than a thousand function calls.
        On cron (not Windows) a task without a schedule has no crontab line by design: its State
        is OnDemand and it has no drift. On Windows every task is registered, on-demand ones with
        no triggers, so a missing registration is drift there.
        Drift values: NotRegistered (definition, no registration), RegisteredWithoutDefinition
        (registration, no definition), Changed (the registered definition hash differs from the
        stored definition's), MissingExecutable (the registered action's program does not exist),
        Modified (the registered triggers, principal, settings or actions differ from what the
        definition renders: edited outside Orchestrator; DriftReason names the parts).
    .PARAMETER Summary
        The orc.task/v1 records (other records are ignored).
    .PARAMETER Registration
        The Get-OrcBackendTask objects.
    .PARAMETER Modified
        Get-OrcRegistrationDrift's result (task name -> differing parts), for Drift 'Modified'
        and DriftReason; empty when the registrations were not compared.
    .EXAMPLE
        New-OrcTaskObject -Summary $listed -Registration @(Get-OrcBackendTask)
    .OUTPUTS
        Orchestrator.Task
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.Task')]
    param(
        [AllowNull()]
        [AllowEmptyCollection()]
        [object[]] $Summary,

        [AllowNull()]
        [AllowEmptyCollection()]
        [object[]] $Registration,

        [AllowNull()]
        [hashtable] $Modified = @{}
    )

    # orc-exec leaves empty fields out and the two backends' objects differ: a missing property
    # reads as $null here (strict mode is off in this function's scope only), which also keeps
    # the per-task loop down to plain property reads.
    Set-StrictMode -Off

    $onWindows = Test-OrcWindows
    $summaries = @{}
    foreach ($record in $Summary) {
        if ($null -ne $record -and $record.schema -eq 'orc.task/v1') { $summaries[[string]$record.name] = $record }
    }
    $registrations = @{}
    foreach ($task in $Registration) {
        if ($null -ne $task) { $registrations[[string]$task.Name] = $task }
    }
    $names = New-Object -TypeName System.Collections.Generic.List[string]
    $names.AddRange([string[]]@($summaries.Keys))
    foreach ($key in $registrations.Keys) { if (-not $summaries.ContainsKey($key)) { $names.Add($key) } }
    $names.Sort([System.StringComparer]::OrdinalIgnoreCase)

    # The last results in one pipeline (one ConvertTo-OrcTaskResultObject call, not one per task).
    $withResult = New-Object -TypeName System.Collections.Generic.List[string]
    $lastRecords = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($record in $summaries.Values) {
        if ($record.lastResult) { $withResult.Add([string]$record.name); $lastRecords.Add($record.lastResult) }
    }
    $lastResults = @{}
    if ($lastRecords.Count -gt 0) {
        $converted = @($lastRecords.ToArray() | ConvertTo-OrcTaskResultObject)
        for ($i = 0; $i -lt $withResult.Count -and $i -lt $converted.Count; $i++) { $lastResults[$withResult[$i]] = $converted[$i] }
    }
    # Every task points at the same installed orc-exec: look each distinct path up once.
    $executableExists = @{}
    $invariant = [System.Globalization.CultureInfo]::InvariantCulture

    foreach ($name in $names) {
        $summary = $summaries[$name]
        $registration = $registrations[$name]

        $drift = [System.Collections.Generic.List[string]]::new()
        $definitionHash = $summary.definitionHash
        $registeredHash = $registration.DefinitionHash
        $execPath = $registration.ExecPath
        $valid = [bool]$summary.valid
        $onDemandOnCron = ($null -eq $registration) -and $summary -and $valid -and ($null -eq $summary.schedule) -and -not $onWindows
        if ($null -eq $registration -and -not $onDemandOnCron) { $drift.Add('NotRegistered') }
        if ($null -eq $summary) { $drift.Add('RegisteredWithoutDefinition') }
        if ($summary -and $registration -and $definitionHash -and $registeredHash -and $definitionHash -ne $registeredHash) { $drift.Add('Changed') }
        $driftReason = $null
        $modifiedParts = @($Modified[$name])
        if ($summary -and $registration -and $modifiedParts.Count -gt 0 -and $null -ne $modifiedParts[0]) {
            $drift.Add('Modified')
            $driftReason = "The registered task differs from its definition in: $($modifiedParts -join ', ') (edited outside Orchestrator?). Register-OrcTask -Force registers the definition again."
        }
        if ($execPath) {
            if (-not $executableExists.ContainsKey($execPath)) { $executableExists[$execPath] = Test-Path -LiteralPath $execPath -PathType Leaf }
            if (-not $executableExists[$execPath]) { $drift.Add('MissingExecutable') }
        }

        $lastResult = $lastResults[$name]
        $state = 'NotRegistered'
        if ($onDemandOnCron) { $state = 'OnDemand' }
        if ($registration) { $state = [string]$registration.State }
        $enabled = $false
        if ($summary) { $enabled = $valid -and [bool]$summary.enabled }
        if ($registration -and -not $registration.Enabled) { $enabled = $false }

        $lastRunTime = $registration.LastRunTime
        if (-not $lastRunTime -and $lastResult) { $lastRunTime = $lastResult.Start }
        $nextRunTime = $registration.NextRunTime
        if (-not $nextRunTime -and $summary.nextRun) {
            # ConvertTo-OrcDateTime, inlined: PowerShell 7's ConvertFrom-Json already made a DateTime.
            $next = $summary.nextRun
            if ($next -is [datetime]) { $nextRunTime = $next.ToLocalTime() }
            else {
                $parsed = [System.DateTimeOffset]::MinValue
                if ([System.DateTimeOffset]::TryParse([string]$next, $invariant, [System.Globalization.DateTimeStyles]::AssumeUniversal, [ref]$parsed)) { $nextRunTime = $parsed.LocalDateTime }
            }
        }
        $lastStatus = $null
        if ($lastResult) { $lastStatus = $lastResult.Status }
        if ($summary -and -not $valid) { $lastStatus = 'INVALID' }

        $schedule = $summary.schedule
        if ($schedule -and $schedule.cron -and -not $schedule.timezone) { $scheduleText = [string]$schedule.cron }
        else { $scheduleText = Format-OrcSchedule -Schedule $schedule -Fallback $registration.Schedule }

        [pscustomobject]@{
            PSTypeName     = 'Orchestrator.Task'
            Name           = $name
            Description    = $summary.description
            Enabled        = $enabled
            State          = $state
            Schedule       = $scheduleText
            Command        = $summary.command
            Arguments      = @(foreach ($argument in $summary.arguments) { if ($null -ne $argument) { $argument } })
            Timeout        = $summary.timeout
            Overlap        = $summary.overlap
            LastStatus     = $lastStatus
            LastRunTime    = $lastRunTime
            LastTaskResult = $registration.LastTaskResult
            NextRunTime    = $nextRunTime
            LastResult     = $lastResult
            Drift          = $drift.ToArray()
            DriftReason    = $driftReason
            Valid          = $valid
            Error          = $summary.error
            DefinitionHash = $definitionHash
            RegisteredHash = $registeredHash
            ExecPath       = $execPath
            File           = $summary.file
            Backend        = $registration.Backend
            Definition     = $summary.definition
            Registration   = $registration.Source
        }
    }
}
