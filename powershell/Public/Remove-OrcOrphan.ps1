function Remove-OrcOrphan {
    <#
    .SYNOPSIS
        Finds and removes what Orchestrator left behind: scheduler entries without a definition,
        definitions without a scheduler entry, abandoned runs, expired outbox items and old run output.
    .DESCRIPTION
        Remove-OrcOrphan compares the scheduler with the store and cleans the store:
        - a scheduler entry of ours (\Orchestrator\Orc_<name>, or a tagged crontab line of this
          store) whose definition is gone: every trigger would fail with exit code 10. Removed.
        - a definition with no scheduler entry: the task never runs. Reported; removed only with
          -Force (its history, output and logs stay). On the cron backend a task without a
          schedule has no line by design and is not an orphan.
        - the store side, through 'orc-exec cleanup': runs left RUNNING whose processes are all
          gone (recorded as STOPPED, exit 130, as the task's next run would), outbox items past
          the outbox expiry, and run output files older than -OlderThan.
        Tasks in other Task Scheduler folders, crontab lines that are not ours or belong to
        another store, and live runs are never touched. Each removal goes through ShouldProcess:
        -WhatIf reports everything and changes nothing. One object per item: Kind (SchedulerEntry,
        Definition, Run, Outbox, Output), Name, Task, Action (Reported or Removed) and Reason.
    .PARAMETER OlderThan
        Run output files last written longer ago than this are removed; default 90 days, the
        history's own retention.
    .PARAMETER Force
        Also remove definitions that have no scheduler entry, and do not ask for confirmation.
    .PARAMETER WhatIf
        Reports what would be removed without removing anything.
    .PARAMETER Confirm
        Asks for confirmation before each removal.
    .EXAMPLE
        Remove-OrcOrphan -WhatIf

        Lists every orphan and what would be done with it; changes nothing.
    .EXAMPLE
        Remove-OrcOrphan -OlderThan (New-TimeSpan -Days 30)

        Removes scheduler entries without a definition, closes abandoned runs, drops expired
        outbox items and run output older than 30 days; reports definitions with no entry.
    .EXAMPLE
        Remove-OrcOrphan -Force | Where-Object Action -EQ 'Removed'

        Also deletes the definitions that no scheduler entry runs, and shows what was removed.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.OrphanResult
    .LINK
        Uninstall-Orchestrator
    .LINK
        Unregister-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType('Orchestrator.OrphanResult')]
    param(
        [ValidateScript({ $_ -gt [timespan]::Zero })]
        [timespan] $OlderThan = (New-TimeSpan -Days 90),

        [switch] $Force
    )

    if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) {
        $ConfirmPreference = 'None'
    }
    $storeHome = Get-OrcStoreHome
    $result = {
        param([string] $Kind, [string] $Name, [string] $Task, [string] $Action, [string] $Reason)
        [pscustomobject]@{
            PSTypeName = 'Orchestrator.OrphanResult'
            Kind       = $Kind
            Name       = $Name
            Task       = $Task
            Action     = $Action
            Reason     = $Reason
        }
    }

    $registered = @{}
    foreach ($entry in @(Get-OrcStoreBackendTask -StoreHome $storeHome)) { $registered[[string]$entry.Name] = $entry }
    $defined = @{}
    foreach ($file in @(Get-ChildItem -Path (Join-Path $storeHome 'tasks') -Filter '*.json' -File -ErrorAction SilentlyContinue)) {
        $taskName = [System.IO.Path]::GetFileNameWithoutExtension($file.Name)
        if (Test-OrcTaskDefined -Name $taskName -StoreHome $storeHome) { $defined[$taskName] = $file.FullName }
    }

    foreach ($taskName in @($registered.Keys | Sort-Object)) {
        if ($defined.ContainsKey($taskName)) { continue }
        $entry = $registered[$taskName]
        $where = 'Task Scheduler (\Orchestrator\Orc_' + $taskName + ')'
        if ($entry.Backend -eq 'Cron') { $where = 'the crontab' }
        $reason = "registered in $where, but the store has no definition tasks/$taskName.json: every trigger fails with exit code 10"
        if (-not $PSCmdlet.ShouldProcess("$where entry of '$taskName'", 'Remove scheduler entry that has no definition')) {
            & $result 'SchedulerEntry' $taskName $taskName 'Reported' $reason
            continue
        }
        $removal = Invoke-OrcIsolated -Command 'Unregister-OrcBackendTask' -Parameter @{ Name = $taskName }
        if ($removal.Error) {
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.SchedulerError' -Category $removal.Error.CategoryInfo.Category -TargetObject $taskName `
                        -Exception $removal.Error.Exception -Message "Removing the scheduler entry of '$taskName' failed: $($removal.Error.Exception.Message)"))
            & $result 'SchedulerEntry' $taskName $taskName 'Reported' "$reason; removing it failed: $($removal.Error.Exception.Message)"
            continue
        }
        & $result 'SchedulerEntry' $taskName $taskName 'Removed' $reason
    }

    $onWindows = Test-OrcWindows
    foreach ($taskName in @($defined.Keys | Sort-Object)) {
        if ($registered.ContainsKey($taskName)) { continue }
        if (-not $onWindows) {
            # The cron backend writes no line for a task without a schedule: it runs on demand.
            $definition = $null
            try { $definition = ConvertFrom-OrcJson -Json ([System.IO.File]::ReadAllText($defined[$taskName])) }
            catch { Write-Verbose "Could not read '$($defined[$taskName])': $($_.Exception.Message)" }
            if ($definition -and -not ($definition.PSObject.Properties['schedule'] -and $definition.schedule)) { continue }
        }
        $reason = "defined in the store but not registered with the scheduler: it never runs. Register it again (Register-OrcTask), or remove the definition with Remove-OrcOrphan -Force"
        if (-not $Force -or -not $PSCmdlet.ShouldProcess("definition of '$taskName'", 'Delete definition that no scheduler entry runs')) {
            & $result 'Definition' $taskName $taskName 'Reported' $reason
            continue
        }
        $undefined = Invoke-OrcExec -ArgumentList @('undefine', $taskName) -StoreHome $storeHome
        if ($undefined.ExitCode -ne 0) {
            $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $undefined -TargetObject $taskName))
            & $result 'Definition' $taskName $taskName 'Reported' "$reason; removing it failed"
            continue
        }
        & $result 'Definition' $taskName $taskName 'Removed' $reason
    }

    $arguments = @('cleanup', '--older-than', ('{0}s' -f [long][math]::Ceiling($OlderThan.TotalSeconds)))
    if (-not $PSCmdlet.ShouldProcess($storeHome, 'Close abandoned runs, delete expired outbox items and old run output')) {
        $arguments += '--dry-run'
    }
    $cleaned = Invoke-OrcExec -ArgumentList $arguments -StoreHome $storeHome
    $kinds = @{ run = 'Run'; outbox = 'Outbox'; output = 'Output' }
    foreach ($record in @($cleaned.Records | Where-Object { $_.schema -eq 'orc.cleanup/v1' })) {
        $task = ''
        if ($record.PSObject.Properties['task']) { $task = [string]$record.task }
        & $result $kinds[[string]$record.kind] ([string]$record.name) $task ([string]$record.action) ([string]$record.reason)
    }
    if ($cleaned.ExitCode -ne 0) {
        $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $cleaned -TargetObject $storeHome))
    }
}
