function Undo-OrcMigration {
    <#
    .SYNOPSIS
        Rolls a migration back: restores its snapshot and starts the legacy poller again.
    .DESCRIPTION
        Undo-OrcMigration reads <store>/migrations/<name>/ and, in this order:

        1. tasks  - a task the migration added is removed (Unregister-OrcTask); a task it replaced
                    is registered again from its snapshot definition (Register-OrcTask -Force), and
                    disabled again if it was disabled. Afterwards the stored definition and the
                    registration (crontab line or task XML) are compared with the snapshot byte for
                    byte, and any difference is an error naming the task.
        2. config - every legacy config file is written back from the snapshot (atomically), when it differs.
        3. legacy - when the migration recorded a legacy process and no process with the same
                    command line runs, it is started again the way it was started: same command
                    line and working directory (on Linux also the same environment, user and output
                    files), detached, so it outlives this session.

        Each step is recorded; running Undo-OrcMigration again resumes or, once done, changes nothing.
        The snapshot stays in the store (Get-OrcMigration shows the migration as RolledBack).
    .PARAMETER Name
        The migration to roll back.
    .PARAMETER WhatIf
        Shows what would be restored and started, without changing anything.
    .PARAMETER Confirm
        Asks before each step.
    .EXAMPLE
        Undo-OrcMigration -Name poller-2026 -WhatIf

        Shows which tasks would be removed or restored and which process would be started.
    .EXAMPLE
        Undo-OrcMigration -Name poller-2026 -Confirm:$false; Get-OrcMigration -Name poller-2026

        Rolls back without asking, then shows the migration as RolledBack.
    .INPUTS
        System.String, Orchestrator.Migration
        Migration names by value or by the Name property.
    .OUTPUTS
        None
    .LINK
        Start-OrcMigration
    .LINK
        Get-OrcMigration
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')]
        [string] $Name
    )

    begin {
        $storeHome = Get-OrcStoreHome
        $stamp = { [datetime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture) }
    }

    process {
        $folder = Join-Path (Join-Path $storeHome 'migrations') $Name
        $statePath = Join-Path $folder 'state.json'
        $snapshotFolder = Join-Path $folder 'snapshot'
        try { $state = Read-OrcMigrationState -Path $statePath }
        catch { $PSCmdlet.WriteError($_); return }
        if (-not $state) {
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.MigrationNotFound' -Category ObjectNotFound -TargetObject $Name `
                        -Message "Migration '$Name' was not found in '$(Join-Path $storeHome 'migrations')'. Get-OrcMigration lists the migrations."))
            return
        }
        if ($state.status -eq 'RolledBack') {
            Write-Information -MessageData "Migration '$Name' was rolled back at $($state.undo.done); nothing to do." -Tags 'Orchestrator'
            return
        }
        $manifest = $null
        $manifestPath = Join-Path $snapshotFolder 'manifest.json'
        if ([System.IO.File]::Exists($manifestPath)) {
            $manifest = ConvertTo-OrcPlainObject -InputObject (ConvertFrom-OrcJson -Json ([System.IO.File]::ReadAllText($manifestPath)))
        }
        if (-not $state.Contains('undo') -or -not $state.undo) { $state['undo'] = [ordered]@{} }
        $tasks = @()
        $configs = @()
        if ($manifest) {
            $tasks = @($manifest.tasks | Where-Object { $_ })
            $configs = @($manifest.config | Where-Object { $_ })
        }
        $legacy = $state.legacy
        # Not only when the stop step is recorded: a run that died between killing the poller and
        # recording it must still get the poller back. A poller that runs is never started twice.
        $stopped = [bool]$legacy

        $declined = $false
        $actions = [ordered]@{
            tasks  = @("$($tasks.Count) task(s)", 'Remove the tasks the migration added and restore the ones it replaced')
            config = @("$($configs.Count) legacy config file(s)", 'Restore from the snapshot')
            legacy = @('no legacy process', 'Nothing to start (the migration recorded none)')
        }
        if ($stopped) { $actions['legacy'] = @("$($legacy.CommandLine) in $($legacy.WorkingDirectory)", 'Start the legacy process again unless it runs') }
        foreach ($step in @($actions.Keys)) {
            if ($state.undo.Contains($step)) { continue }
            if ($declined) {
                if ($WhatIfPreference) { [void]$PSCmdlet.ShouldProcess($actions[$step][0], $actions[$step][1]) }
                continue
            }
            if (-not $PSCmdlet.ShouldProcess($actions[$step][0], $actions[$step][1])) {
                $declined = $true
                continue
            }
            try {
                switch ($step) {
                    'tasks' {
                        $problems = New-Object -TypeName System.Collections.Generic.List[string]
                        foreach ($task in $tasks) {
                            $problem = Restore-OrcMigrationTask -Task $task -SnapshotPath $snapshotFolder -StoreHome $storeHome
                            if ($problem) { $problems.Add($problem) }
                        }
                        if ($problems.Count -gt 0) {
                            throw (New-OrcErrorRecord -ErrorId 'Orc.MigrationRestoreFailed' -Category InvalidResult -TargetObject $Name `
                                    -Message ("Some tasks were not restored exactly: " + ($problems -join ' ') + " Fix the cause and run Undo-OrcMigration -Name $Name again."))
                        }
                    }
                    'config' {
                        foreach ($config in $configs) {
                            $saved = [System.IO.File]::ReadAllBytes((Join-Path $snapshotFolder $config.copy))
                            $same = $false
                            if ([System.IO.File]::Exists($config.path)) {
                                $same = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($config.path)) -eq [System.Convert]::ToBase64String($saved)
                            }
                            if (-not $same) { Write-OrcMigrationFile -Path $config.path -Bytes $saved }
                        }
                    }
                    'legacy' {
                        if ($stopped) {
                            $running = @(Find-OrcMigrationLegacy -Process $legacy)
                            if ($running.Count -gt 0) {
                                Write-Verbose "The legacy process already runs again (PID $($running[0].ProcessId)); not starting a second one."
                                $state.undo['legacyProcessId'] = $running[0].ProcessId
                            }
                            else {
                                $started = Start-OrcLegacyProcess -Process $legacy
                                if ($started) { $state.undo['legacyProcessId'] = $started.ProcessId }
                            }
                        }
                    }
                }
            }
            catch {
                $state.error = "undo $step`: $($_.Exception.Message)"
                Save-OrcMigrationState -Path $statePath -State $state
                $record = $_
                if ($record.FullyQualifiedErrorId -notlike 'Orc.*') {
                    $record = New-OrcErrorRecord -ErrorId 'Orc.MigrationRestoreFailed' -Category InvalidOperation -TargetObject $Name -Exception $_.Exception `
                        -Message "Rolling back migration '$Name' failed at step $step`: $($_.Exception.Message) Fix the cause and run Undo-OrcMigration -Name $Name again."
                }
                $PSCmdlet.WriteError($record)
                return
            }
            $state.undo[$step] = (& $stamp)
            $state.error = $null
            Save-OrcMigrationState -Path $statePath -State $state
        }
        if (-not $declined) {
            $state.undo['done'] = (& $stamp)
            $state.status = 'RolledBack'
            Save-OrcMigrationState -Path $statePath -State $state
        }
    }
}
