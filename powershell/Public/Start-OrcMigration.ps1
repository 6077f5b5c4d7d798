function Start-OrcMigration {
    <#
    .SYNOPSIS
        Moves a legacy poller's jobs to Orchestrator: detect, snapshot, register, validate, stop the poller, record.
    .DESCRIPTION
        Start-OrcMigration takes a folder of task definitions (*.json, for example written by
        Import-OrcTask and reviewed) and runs these steps, each recorded with its time in
        <store>/migrations/<name>/state.json:

        1. detect   - finds the legacy process by command line (-LegacyCommandLine) or PID file
                      (-LegacyPidFile) and records how to start it again: command line, executable,
                      arguments, working directory, user and (on Linux) environment.
        2. snapshot - for every task name in the folder: its stored definition as it is now (if
                      any), whether it is registered and its registration (crontab line or task
                      XML); plus a copy of every -LegacyConfigPath file. The snapshot folder and
                      its manifest.json are written to a temp folder and renamed into place.
        3. register - Register-OrcTask for every definition file.
        4. validate - every task is defined and registered without drift, a task with a cron or
                      interval schedule has a next run time in the future, and Test-OrcTask
                      validates it (a dependency that is not met right now is a warning only).
        5. stop     - stops the legacy process: a graceful request, then forced after -StopTimeout.
        6. record   - marks the migration Completed.

        A failed step stops the run and is recorded; running the same command again resumes at
        the step that failed (a failed validate registers again first, so fixed definition files
        are picked up). The legacy process is stopped only after validate passed. Running it again
        after it completed changes nothing. Undo-OrcMigration restores the snapshot.
    .PARAMETER Name
        The migration's name (1-64 letters, digits, '.', '_' or '-'); it names the folder under <store>/migrations.
    .PARAMETER DefinitionPath
        The folder of task definitions (*.json) to register.
    .PARAMETER LegacyCommandLine
        A wildcard pattern matched against the whole command line of every process (for example
        '*python* main.py*'); exactly one process must match. With -LegacyMatch Regex, a regular expression.
    .PARAMETER LegacyMatch
        How -LegacyCommandLine is matched: Wildcard (default) or Regex.
    .PARAMETER LegacyPidFile
        A file holding the legacy process's ID.
    .PARAMETER LegacyWorkingDirectory
        Windows only: the folder the legacy process runs in (CIM does not report it; default the
        executable's folder). Undo-OrcMigration starts it there.
    .PARAMETER LegacyConfigPath
        The legacy poller's configuration files, copied into the snapshot and restored by Undo-OrcMigration.
    .PARAMETER StopTimeout
        How long the legacy process has to stop after the graceful request before it is killed ('30s' by default).
    .PARAMETER PassThru
        Return the migration (Orchestrator.Migration), as Get-OrcMigration shows it.
    .PARAMETER WhatIf
        Shows each step that would run; nothing is written, registered or stopped.
    .PARAMETER Confirm
        Asks before each step.
    .EXAMPLE
        Start-OrcMigration -Name poller-2026 -DefinitionPath D:\Migration\tasks -LegacyCommandLine '*python*main.py*' -LegacyConfigPath D:\Poller\jobs.yaml -WhatIf

        Shows the process that would be stopped and every step, without changing anything.
    .EXAMPLE
        Start-OrcMigration -Name poller-2026 -DefinitionPath /srv/migration/tasks -LegacyPidFile /run/poller.pid -LegacyConfigPath /etc/poller/jobs.conf -PassThru

        Migrates, then shows the recorded migration with the time of each step.
    .INPUTS
        None
    .OUTPUTS
        Orchestrator.Migration with -PassThru; nothing otherwise.
    .LINK
        Undo-OrcMigration
    .LINK
        Get-OrcMigration
    .LINK
        Register-OrcTask
    #>
    [CmdletBinding(DefaultParameterSetName = 'NoLegacy', SupportsShouldProcess)]
    [OutputType('Orchestrator.Migration')]
    param(
        [Parameter(Mandatory, Position = 0)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')]
        [string] $Name,

        [Parameter(Mandatory, Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string] $DefinitionPath,

        [Parameter(Mandatory, ParameterSetName = 'CommandLine')]
        [ValidateNotNullOrEmpty()]
        [string] $LegacyCommandLine,

        [Parameter(ParameterSetName = 'CommandLine')]
        [ValidateSet('Wildcard', 'Regex')]
        [string] $LegacyMatch = 'Wildcard',

        [Parameter(Mandatory, ParameterSetName = 'PidFile')]
        [ValidateNotNullOrEmpty()]
        [string] $LegacyPidFile,

        [Parameter(ParameterSetName = 'CommandLine')]
        [Parameter(ParameterSetName = 'PidFile')]
        [string] $LegacyWorkingDirectory,

        [string[]] $LegacyConfigPath,

        [object] $StopTimeout = '30s',

        [switch] $PassThru
    )

    $stamp = { [datetime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture) }
    try { $stopAfter = ConvertTo-OrcTimeSpan -Value $StopTimeout -ParameterName 'StopTimeout' }
    catch { $PSCmdlet.ThrowTerminatingError($_) }

    $source = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($DefinitionPath)
    if (-not (Test-Path -LiteralPath $source -PathType Container)) {
        $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.InvalidPath' -Category ObjectNotFound -TargetObject $DefinitionPath `
                    -Message "-DefinitionPath '$DefinitionPath' is not a folder. Give the folder of reviewed definitions (*.json), for example the -Destination of Import-OrcTask."))
    }
    $configFiles = @(foreach ($config in @($LegacyConfigPath)) {
            if ($config) { $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($config) }
        })
    foreach ($config in $configFiles) {
        if (-not (Test-Path -LiteralPath $config -PathType Leaf)) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.InvalidPath' -Category ObjectNotFound -TargetObject $config `
                        -Message "-LegacyConfigPath '$config' is not a file. Give the legacy poller's configuration files."))
        }
    }

    # Every definition's name, read now, so a file without one stops the migration before any change.
    $definitions = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($file in @(Get-ChildItem -LiteralPath $source -Filter '*.json' -File | Sort-Object -Property Name)) {
        $taskName = $null
        try { $taskName = [string](ConvertFrom-OrcJson -Json ([System.IO.File]::ReadAllText($file.FullName))).name }
        catch { $taskName = $null }
        if (-not $taskName -or $taskName -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.InvalidDefinition' -Category InvalidData -TargetObject $file.FullName `
                        -Message "'$($file.FullName)' is not a task definition with a valid ""name"" (JSON, docs/tasks.md). Fix or remove it, then run Start-OrcMigration again."))
        }
        if (@($definitions | Where-Object { $_.Name -eq $taskName }).Count -gt 0) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.InvalidDefinition' -Category InvalidData -TargetObject $file.FullName `
                        -Message "Task '$taskName' is defined twice in '$source' ($($file.Name) and another file). Keep one file per task."))
        }
        $definitions.Add([pscustomobject]@{ Name = $taskName; Path = $file.FullName })
    }
    if ($definitions.Count -eq 0) {
        $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.InvalidPath' -Category ObjectNotFound -TargetObject $source `
                    -Message "'$source' holds no *.json definitions. Import the legacy task list into it first (Import-OrcTask -Destination)."))
    }

    $storeHome = Get-OrcStoreHome
    $folder = Join-Path (Join-Path $storeHome 'migrations') $Name
    $statePath = Join-Path $folder 'state.json'
    $snapshotFolder = Join-Path $folder 'snapshot'
    try { $state = Read-OrcMigrationState -Path $statePath }
    catch { $PSCmdlet.ThrowTerminatingError($_) }

    if ($state) {
        if ($state.status -eq 'Completed') {
            Write-Information -MessageData "Migration '$Name' completed at $($state.steps.record); nothing to do." -Tags 'Orchestrator'
            if ($PassThru) { Get-OrcMigration -Name $Name }
            return
        }
        if ($state.status -eq 'RolledBack') {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.MigrationRolledBack' -Category InvalidOperation -TargetObject $Name `
                        -Message "Migration '$Name' was rolled back at $($state.undo.done). Start a new one with another -Name."))
        }
        if ($state.definitionPath -ne $source) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.MigrationMismatch' -Category InvalidArgument -TargetObject $DefinitionPath `
                        -Message "Migration '$Name' was started with -DefinitionPath '$($state.definitionPath)'. Resume it with that folder, or undo it (Undo-OrcMigration) and start a new one."))
        }
    }
    else {
        $selector = $null
        if ($PSCmdlet.ParameterSetName -eq 'CommandLine') { $selector = [ordered]@{ commandLine = $LegacyCommandLine; match = $LegacyMatch } }
        if ($PSCmdlet.ParameterSetName -eq 'PidFile') { $selector = [ordered]@{ pidFile = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($LegacyPidFile) } }
        $state = [ordered]@{
            schema         = 'orc.migration/v1'
            name           = $Name
            status         = 'New'
            created        = (& $stamp)
            definitionPath = $source
            legacySelector = $selector
            legacy         = $null
            steps          = [ordered]@{}
            undo           = [ordered]@{}
            registerErrors = [ordered]@{}
            error          = $null
        }
    }

    $declined = $false
    $stepNames = 'detect', 'snapshot', 'register', 'validate', 'stop', 'record'
    $legacyLabel = 'no legacy process'
    if ($state.legacySelector) { $legacyLabel = "the legacy process ($(@($state.legacySelector.Values) -join ', '))" }
    $actions = @{
        detect   = @($legacyLabel, 'Detect and record how to restart')
        snapshot = @($snapshotFolder, "Snapshot $($definitions.Count) task(s) and $($configFiles.Count) legacy config file(s)")
        register = @(($definitions.Name -join ', '), 'Register Orchestrator tasks')
        validate = @(($definitions.Name -join ', '), 'Validate registered tasks')
        stop     = @($legacyLabel, 'Stop')
        record   = @($statePath, 'Record migration as completed')
    }

    foreach ($step in $stepNames) {
        if ($state.steps.Contains($step)) { continue }
        if ($declined) {
            if ($WhatIfPreference) { [void]$PSCmdlet.ShouldProcess($actions[$step][0], $actions[$step][1]) }
            continue
        }
        if ($step -eq 'detect' -and $state.legacySelector) {
            # Detection only reads; under -WhatIf it still runs, so the admin sees which process would be stopped.
            $selectorArgs = @{}
            if ($state.legacySelector.Contains('pidFile')) { $selectorArgs['PidFile'] = $state.legacySelector.pidFile }
            else { $selectorArgs['CommandLine'] = $state.legacySelector.commandLine; $selectorArgs['Match'] = $state.legacySelector.match }
            try { $found = @(Get-OrcLegacyProcess @selectorArgs) }
            catch { $PSCmdlet.ThrowTerminatingError($_) }
            if ($found.Count -eq 0) {
                $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.LegacyProcessNotFound' -Category ObjectNotFound -TargetObject $legacyLabel `
                            -Message "No running process matches $legacyLabel. Check the pattern against the process list; if the poller is already stopped, run without -LegacyCommandLine/-LegacyPidFile (Undo-OrcMigration then cannot restart it)."))
            }
            if ($found.Count -gt 1) {
                $list = ($found | ForEach-Object { "$($_.ProcessId): $($_.CommandLine)" }) -join '; '
                $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.LegacyProcessAmbiguous' -Category InvalidArgument -TargetObject $legacyLabel `
                            -Message "$($found.Count) processes match $legacyLabel ($list). Make -LegacyCommandLine match exactly one, or use -LegacyPidFile."))
            }
            $detected = $found[0]
            if ($LegacyWorkingDirectory) { $detected.WorkingDirectory = $LegacyWorkingDirectory }
            $legacyLabel = "legacy process $($detected.ProcessId) ($($detected.CommandLine))"
            $actions['detect'][0] = $legacyLabel
            $actions['stop'][0] = $legacyLabel
        }
        if (-not $PSCmdlet.ShouldProcess($actions[$step][0], $actions[$step][1])) {
            $declined = $true
            continue
        }
        try {
            switch ($step) {
                'detect' {
                    if ($state.legacySelector) { $state.legacy = ConvertTo-OrcPlainObject -InputObject $detected }
                }
                'snapshot' {
                    if (-not (Test-Path -LiteralPath $snapshotFolder -PathType Container)) {
                        New-OrcMigrationSnapshot -Path $snapshotFolder -Definition $definitions.ToArray() -ConfigPath $configFiles -StoreHome $storeHome -State $state
                    }
                }
                'register' {
                    $state.registerErrors = [ordered]@{}
                    foreach ($definition in $definitions) {
                        $failed = $null
                        Register-OrcTask -Path $definition.Path -Confirm:$false -WhatIf:$false -ErrorAction SilentlyContinue -ErrorVariable failed
                        if ($failed) { $state.registerErrors[$definition.Name] = (@($failed | ForEach-Object { $_.Exception.Message }) -join ' ') }
                    }
                }
                'validate' {
                    $problems = @(Test-OrcMigrationTask -Definition $definitions.ToArray() -RegisterError $state.registerErrors)
                    if ($problems.Count -gt 0) {
                        # Register again on the next run, so fixed definition files are picked up.
                        $state.steps.Remove('register')
                        throw (New-OrcErrorRecord -ErrorId 'Orc.MigrationValidationFailed' -Category InvalidResult -TargetObject $Name `
                                -Message ("Validation failed, so the legacy process was left running: " + ($problems -join ' ') +
                                    " Fix the definitions in '$source' and run Start-OrcMigration -Name $Name again, or roll back with Undo-OrcMigration -Name $Name."))
                    }
                }
                'stop' {
                    if ($state.legacy) { $state['stopResult'] = Stop-OrcLegacyProcess -Process $state.legacy -Timeout $stopAfter }
                }
                'record' {
                    $state.status = 'Completed'
                }
            }
        }
        catch {
            $state.status = 'Failed'
            $state.error = "$step`: $($_.Exception.Message)"
            Save-OrcMigrationState -Path $statePath -State $state
            $record = $_
            if ($record.FullyQualifiedErrorId -notlike 'Orc.*') {
                $record = New-OrcErrorRecord -ErrorId 'Orc.MigrationFailed' -Category InvalidOperation -TargetObject $Name -Exception $_.Exception `
                    -Message "Migration '$Name' failed at step $step`: $($_.Exception.Message) Fix the cause and run Start-OrcMigration -Name $Name again (it resumes here), or Undo-OrcMigration -Name $Name."
            }
            $PSCmdlet.ThrowTerminatingError($record)
        }
        $state.steps[$step] = (& $stamp)
        if ($state.status -ne 'Completed') { $state.status = 'InProgress' }
        $state.error = $null
        Save-OrcMigrationState -Path $statePath -State $state
    }
    if ($PassThru -and -not $declined) { Get-OrcMigration -Name $Name }
}
