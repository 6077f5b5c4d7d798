function Uninstall-Orchestrator {
    <#
    .SYNOPSIS
        Removes Orchestrator from this machine: every task's scheduler entry, the installed
        orc-exec, the Event Log source and, only with -RemoveStore, the store.
    .DESCRIPTION
        Uninstall-Orchestrator undoes what registering tasks installed:
        - every scheduler entry of the store: \Orchestrator\Orc_* in Task Scheduler (then the
          \Orchestrator\ folder when nothing else is in it), or the store's tagged crontab lines; tasks in
          other folders and foreign crontab lines stay byte for byte;
        - the orc-exec that Register-OrcTask installed for the tasks to run (%ProgramFiles%\
          Orchestrator\orc-exec.exe, or <store>/bin/orc-exec) with its .owner.json and any
          renamed-aside copies; the module's own bin\ folder is not touched (Uninstall-Module
          removes the module);
        - the Event Log source, when this orc-exec has the 'eventlog' command;
        - with -RemoveStore, the store folder: definitions, history, run output, logs, settings
          and secrets. Without it they stay, so registering the tasks again restores them.
        Each step goes through ShouldProcess and asks for confirmation unless -Force or
        -Confirm:$false is given. Running it twice is safe: the second run finds nothing and
        returns nothing. One object per item removed: Kind (SchedulerEntry, SchedulerFolder,
        Executable, EventLogSource, Store), Name, Action (Removed) and Reason.
    .PARAMETER RemoveStore
        Also delete the store folder (Get-OrcStoreHome) and everything in it.
    .PARAMETER Force
        Do not ask for confirmation.
    .PARAMETER WhatIf
        Shows what would be removed without removing anything.
    .PARAMETER Confirm
        Asks for confirmation before each step (the default for this cmdlet).
    .EXAMPLE
        Uninstall-Orchestrator -WhatIf

        Lists every task entry, file and folder that would be removed.
    .EXAMPLE
        Uninstall-Orchestrator -Force

        Removes every task's scheduler entry and the installed orc-exec; keeps the store.
    .EXAMPLE
        Uninstall-Orchestrator -RemoveStore -Force; Uninstall-Module Orchestrator

        Removes everything, the module last.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.UninstallResult
    .LINK
        Remove-OrcOrphan
    .LINK
        Unregister-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    [OutputType('Orchestrator.UninstallResult')]
    param(
        [switch] $RemoveStore,

        [switch] $Force
    )

    if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) {
        $ConfirmPreference = 'None'
    }
    $storeHome = Get-OrcStoreHome
    $result = {
        param([string] $Kind, [string] $Name, [string] $Reason)
        [pscustomobject]@{
            PSTypeName = 'Orchestrator.UninstallResult'
            Kind       = $Kind
            Name       = $Name
            Action     = 'Removed'
            Reason     = $Reason
        }
    }
    $failed = 0

    foreach ($entry in @(Get-OrcStoreBackendTask -StoreHome $storeHome)) {
        $taskName = [string]$entry.Name
        if (-not $PSCmdlet.ShouldProcess("scheduler entry of '$taskName' ($($entry.Backend))", 'Unregister')) { continue }
        $removal = Invoke-OrcIsolated -Command 'Unregister-OrcBackendTask' -Parameter @{ Name = $taskName }
        if ($removal.Error) {
            $failed++
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.SchedulerError' -Category $removal.Error.CategoryInfo.Category -TargetObject $taskName `
                        -Exception $removal.Error.Exception -Message "Removing the scheduler entry of '$taskName' failed: $($removal.Error.Exception.Message)"))
            continue
        }
        & $result 'SchedulerEntry' $taskName "uninstall: $($entry.Backend) entry removed"
    }
    if ($failed -eq 0 -and (Test-OrcWindows) -and $PSCmdlet.ShouldProcess('Task Scheduler folder \Orchestrator\ (only when empty)', 'Delete')) {
        try {
            if (Remove-OrcScheduledTaskFolder) { & $result 'SchedulerFolder' '\Orchestrator\' 'uninstall: the empty Task Scheduler folder' }
        }
        catch {
            Write-Warning "The empty Task Scheduler folder \Orchestrator\ could not be deleted: $($_.Exception.Message) Delete it in taskschd.msc."
        }
    }
    if ($failed -gt 0) {
        Write-Warning "$failed scheduler entr$(if ($failed -eq 1) { 'y' } else { 'ies' }) could not be removed: the executable and store stay, so those tasks keep working. Fix the error and run Uninstall-Orchestrator again."
        return
    }

    # The executable goes before the store: on Linux it lives inside the store.
    $installed = Get-OrcExecutableInstallPath -StoreHome $storeHome
    $folder = Split-Path -Parent $installed
    $leaf = Split-Path -Leaf $installed
    # The installed orc-exec is asked before it goes; the module's own is the fallback.
    $askers = @()
    if (Test-Path -LiteralPath $installed -PathType Leaf) { $askers += $installed }
    try { $askers += Get-OrcExecutablePath } catch { Write-Verbose "The module has no orc-exec of its own: $($_.Exception.Message)" }
    if (-not (Test-OrcWindows)) { $askers = @() } # the Event Log is Windows only
    foreach ($asker in $askers) {
        if (-not (Invoke-OrcEventLogSourceRemoval -ExecutablePath $asker -Check)) { continue }
        if ($PSCmdlet.ShouldProcess('Event Log source Orchestrator (Application log)', 'Remove')) {
            try {
                $null = Invoke-OrcEventLogSourceRemoval -ExecutablePath $asker
                & $result 'EventLogSource' 'Orchestrator' 'uninstall: orc-exec eventlog remove'
            }
            catch { $PSCmdlet.WriteError($_) }
        }
        break
    }
    $files = @(Get-ChildItem -LiteralPath $folder -File -ErrorAction SilentlyContinue |
            Where-Object { $_.Name -eq $leaf -or $_.Name -eq "$leaf.owner.json" -or $_.Name -like "$leaf.old-*" -or $_.Name -eq "$leaf.new" -or $_.Name -eq "$leaf.owner.json.new" })
    if ($files.Count -gt 0 -and $PSCmdlet.ShouldProcess($installed, 'Remove the installed orc-exec')) {
        $removedAll = $true
        foreach ($file in $files) {
            try { Remove-Item -LiteralPath $file.FullName -Force -ErrorAction Stop }
            catch {
                $removedAll = $false
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.UninstallFailed' -Category WriteError -TargetObject $file.FullName -Exception $_.Exception `
                            -Message "Could not remove '$($file.FullName)': $($_.Exception.Message) A task may still be running it: stop it (Stop-OrcTask) and run Uninstall-Orchestrator again."))
            }
        }
        if ($removedAll) {
            if (@(Get-ChildItem -LiteralPath $folder -Force -ErrorAction SilentlyContinue).Count -eq 0) {
                Remove-Item -LiteralPath $folder -Force -ErrorAction SilentlyContinue
            }
            & $result 'Executable' $installed 'uninstall: the orc-exec that tasks ran, and its .owner.json'
        }
    }

    if ($RemoveStore -and (Test-Path -LiteralPath $storeHome) -and
        $PSCmdlet.ShouldProcess($storeHome, 'Delete the store: definitions, history, run output, logs, settings and secrets')) {
        try {
            Remove-Item -LiteralPath $storeHome -Recurse -Force -ErrorAction Stop
            & $result 'Store' $storeHome 'uninstall -RemoveStore: the store and everything in it'
        }
        catch {
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.UninstallFailed' -Category WriteError -TargetObject $storeHome -Exception $_.Exception `
                        -Message "Could not delete the store '$storeHome': $($_.Exception.Message) Stop running tasks (Stop-OrcTask) and run Uninstall-Orchestrator -RemoveStore again."))
        }
    }
}
