function New-OrcTaskObject {
    <#
    .SYNOPSIS
        Merges one task's definition summary (orc-exec list) and its scheduler registration into an
        Orchestrator.Task object, with drift.
    .DESCRIPTION
        On cron (not Windows) a task without a schedule has no crontab line by design: its State
        is OnDemand and it has no drift. On Windows every task is registered, on-demand ones with
        no triggers, so a missing registration is drift there.
        Drift values: NotRegistered (definition, no registration), RegisteredWithoutDefinition
        (registration, no definition), Changed (the registered definition hash differs from the
        stored definition's), MissingExecutable (the registered action's program does not exist).
    .PARAMETER Summary
        The orc.task/v1 record, or $null.
    .PARAMETER Registration
        The Get-OrcBackendTask object, or $null.
    .OUTPUTS
        Orchestrator.Task
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.Task')]
    param(
        [AllowNull()]
        [object] $Summary,

        [AllowNull()]
        [object] $Registration
    )

    function Get-Field([object] $From, [string] $Field) {
        if ($null -eq $From) { return $null }
        $property = $From.PSObject.Properties[$Field]
        if ($property) { return $property.Value }
        return $null
    }

    $name = Get-Field $Summary 'name'
    if (-not $name) { $name = Get-Field $Registration 'Name' }

    $drift = New-Object -TypeName System.Collections.Generic.List[string]
    $definitionHash = Get-Field $Summary 'definitionHash'
    $registeredHash = Get-Field $Registration 'DefinitionHash'
    $execPath = Get-Field $Registration 'ExecPath'
    $onDemandOnCron = ($null -eq $Registration) -and $Summary -and (Get-Field $Summary 'valid') -and
        ($null -eq (Get-Field $Summary 'schedule')) -and -not (Test-OrcWindows)
    if ($null -eq $Registration -and -not $onDemandOnCron) {
        $drift.Add('NotRegistered')
    }
    if ($null -eq $Summary) {
        $drift.Add('RegisteredWithoutDefinition')
    }
    if ($Summary -and $Registration -and $definitionHash -and $registeredHash -and $definitionHash -ne $registeredHash) {
        $drift.Add('Changed')
    }
    if ($execPath -and -not (Test-Path -LiteralPath $execPath -PathType Leaf)) {
        $drift.Add('MissingExecutable')
    }

    $lastRecord = Get-Field $Summary 'lastResult'
    $lastResult = $null
    if ($lastRecord) { $lastResult = ConvertTo-OrcTaskResultObject -Record $lastRecord }

    $state = 'NotRegistered'
    if ($onDemandOnCron) { $state = 'OnDemand' }
    if ($Registration) { $state = [string](Get-Field $Registration 'State') }
    $valid = [bool](Get-Field $Summary 'valid')
    $enabled = $false
    if ($Summary) { $enabled = $valid -and [bool](Get-Field $Summary 'enabled') }
    if ($Registration -and -not (Get-Field $Registration 'Enabled')) { $enabled = $false }

    $lastRunTime = Get-Field $Registration 'LastRunTime'
    if (-not $lastRunTime -and $lastResult) { $lastRunTime = $lastResult.Start }
    $nextRunTime = Get-Field $Registration 'NextRunTime'
    if (-not $nextRunTime) { $nextRunTime = ConvertTo-OrcDateTime (Get-Field $Summary 'nextRun') }
    $lastStatus = $null
    if ($lastResult) { $lastStatus = $lastResult.Status }
    if ($Summary -and -not $valid) { $lastStatus = 'INVALID' }

    $timeout = Get-Field $Summary 'timeout'
    [pscustomobject]@{
        PSTypeName     = 'Orchestrator.Task'
        Name           = [string]$name
        Description    = Get-Field $Summary 'description'
        Enabled        = $enabled
        State          = $state
        Schedule       = Format-OrcSchedule -Schedule (Get-Field $Summary 'schedule') -Fallback (Get-Field $Registration 'Schedule')
        Command        = Get-Field $Summary 'command'
        Arguments      = @(Get-Field $Summary 'arguments' | Where-Object { $null -ne $_ })
        Timeout        = $timeout
        Overlap        = Get-Field $Summary 'overlap'
        LastStatus     = $lastStatus
        LastRunTime    = $lastRunTime
        LastTaskResult = Get-Field $Registration 'LastTaskResult'
        NextRunTime    = $nextRunTime
        LastResult     = $lastResult
        Drift          = $drift.ToArray()
        Valid          = $valid
        Error          = Get-Field $Summary 'error'
        DefinitionHash = $definitionHash
        RegisteredHash = $registeredHash
        ExecPath       = $execPath
        File           = Get-Field $Summary 'file'
        Backend        = Get-Field $Registration 'Backend'
        Definition     = Get-Field $Summary 'definition'
        Registration   = Get-Field $Registration 'Source'
    }
}
