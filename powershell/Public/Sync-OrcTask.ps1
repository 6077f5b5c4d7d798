function Sync-OrcTask {
    <#
    .SYNOPSIS
        Makes the registered tasks match a folder of definitions (desired state): adds, updates and, with -Prune, removes.
    .DESCRIPTION
        Sync-OrcTask compares every <task>.json in -Path (or the one file -Path names) with the
        store and the scheduler, exactly as Test-OrcTaskState does, and then acts on each task:
        - Added: not stored and not registered before; stored and registered now.
        - Updated: the stored definition or the registration differed (another definition, a hand
          edit in taskschd.msc, a changed crontab line, enabled/disabled); stored and registered again.
        - Unchanged: already stored and registered as defined. Nothing is written, not the store
          and not the scheduler.
        - Removed (only with -Prune): a task of ours (\Orchestrator\Orc_<name>, or one of our
          crontab lines, or a stored definition) with no file in -Path; its registration and
          definition are deleted, its history stays. Nothing else is ever touched.
        - Failed: the file is invalid or the scheduler refused it; Reason says why. The other
          tasks go on.
        When a task failed, Sync-OrcTask writes one non-terminating error at the end,
        Orc.SyncFailed, naming how many and which. A script gets a non-zero exit code with
        -ErrorAction Stop (the error then terminates: pwsh -File exits 1), or by checking the
        results: if (Sync-OrcTask -Path $p -PassThru | Where-Object Action -eq 'Failed') { exit 1 }.

        The work is batched: a constant number of orc-exec processes and one scheduler query
        for any number of unchanged tasks (one 'render --dir' that validates, renders and compares
        everything; one 'define --files' for every changed definition); only the scheduler writes
        are per task.
    .PARAMETER Path
        A folder of <task>.json files (sub-folders are not read), or one definition file.
        Export-OrcTask -Path <folder> writes such a folder.
    .PARAMETER Prune
        Remove our tasks that have no file in -Path.
    .PARAMETER PassThru
        Return a result for every task, the Unchanged ones included. Without it only the tasks
        that were added, updated, removed or that failed are returned.
    .PARAMETER Force
        Register every task again even when it is unchanged (for example after restoring
        Task Scheduler), and do not ask before removing with -Prune.
    .PARAMETER WhatIf
        Shows what would be added, updated and removed without changing anything; with -PassThru
        the results say what would happen.
    .PARAMETER Confirm
        Asks before each task is added, updated or removed.
    .EXAMPLE
        Sync-OrcTask -Path D:\Orchestrator\tasks

        Registers the new and changed definitions in the folder; lists what changed.
    .EXAMPLE
        Sync-OrcTask -Path D:\Orchestrator\tasks -Prune -WhatIf

        Shows what a full sync would add, update and remove.
    .EXAMPLE
        Sync-OrcTask -Path \\fileserver\orc\web -Prune -Force -ErrorAction Stop

        Deploys the folder as the machine's whole task set; a failed task stops the script
        (exit code 1 under pwsh -File) after every other task was synced.
    .EXAMPLE
        Export-OrcTask -Name (Get-OrcTask).Name -Path .\tasks -Force
        Invoke-Command -ComputerName web2 { Sync-OrcTask -Path C:\deploy\tasks -PassThru }

        Copies this host's tasks to another host (copy the folder there first).
    .INPUTS
        System.String
        The path, by value or by the FullName property.
    .OUTPUTS
        Orchestrator.SyncResult: Name, Action (Added, Updated, Unchanged, Removed, Failed), Reason,
        Path, Differences.
    .LINK
        Test-OrcTaskState
    .LINK
        Export-OrcTask
    .LINK
        Register-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType('Orchestrator.SyncResult')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [switch] $Prune,

        [switch] $PassThru,

        [switch] $Force
    )

    begin {
        if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) {
            $ConfirmPreference = 'None'
        }
    }

    process {
        $full = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
        if (-not (Test-Path -LiteralPath $full)) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.PathNotFound' -Category ObjectNotFound -TargetObject $Path `
                        -Message "'$Path' does not exist. Give a folder of <task>.json files (Export-OrcTask -Path <folder> writes one) or one definition file."))
        }
        $storeHome = Get-OrcStoreHome
        # -WhatIf installs nothing either: compare with the path the executable would have.
        if ($WhatIfPreference) { $execPath = Get-OrcExecutableInstallPath -StoreHome $storeHome }
        else { $execPath = Install-OrcExecutable -StoreHome $storeHome }
        # Isolated: errors the scheduler query raises and handles must not reach -ErrorVariable.
        $compared = Invoke-OrcIsolated -Command 'Compare-OrcTaskState' -Parameter @{ Path = $full; StoreHome = $storeHome; ExecPath = $execPath; Prune = [bool]$Prune }
        if ($compared.Error) { $PSCmdlet.ThrowTerminatingError($compared.Error) }
        $states = @($compared.Output)

        $results = New-Object -TypeName System.Collections.Generic.List[object]
        $toStore = New-Object -TypeName System.Collections.Generic.List[object]
        $toRegister = New-Object -TypeName System.Collections.Generic.List[object]
        $toRemove = New-Object -TypeName System.Collections.Generic.List[object]
        foreach ($state in $states) {
            switch ($state.State) {
                'Invalid' { $results.Add((New-OrcSyncResult -State $state -Action 'Failed' -Reason $state.Reason)); break }
                'Extra' { $toRemove.Add($state); break }
                'Compliant' {
                    if (-not $Force) { $results.Add((New-OrcSyncResult -State $state -Action 'Unchanged' -Reason $state.Reason)); break }
                    $toRegister.Add($state)
                    break
                }
                default {
                    if ($state.StoreState -ne 'same') { $toStore.Add($state) }
                    $toRegister.Add($state)
                }
            }
        }

        # Ask first, then store every approved changed definition with one orc-exec call.
        $approved = @{}
        foreach ($state in $toRegister) {
            $action = 'Updated'
            if ($state.StoreState -eq 'missing' -and -not $state.Registered) { $action = 'Added' }
            if ($PSCmdlet.ShouldProcess($state.Name, "$action Orchestrator task from '$($state.Path)' ($($state.Reason))")) {
                $approved[$state.Name] = $true
            }
            elseif ($WhatIfPreference) {
                $results.Add((New-OrcSyncResult -State $state -Action $action -Reason "What if: $($state.Reason)"))
            }
            else {
                $results.Add((New-OrcSyncResult -State $state -Action 'Unchanged' -Reason "Not confirmed, left as it is: $($state.Reason)"))
            }
        }
        $storeFailed = @{}
        $files = @($toStore | Where-Object { $approved.ContainsKey($_.Name) } | ForEach-Object { $_.Path })
        if ($files.Count -gt 0) {
            $defined = Invoke-OrcExec -ArgumentList @('define', '--files', '-') -InputObject ($files -join "`n") -StoreHome $storeHome
            $stored = @{}
            foreach ($record in @($defined.Records)) {
                if ($record.schema -eq 'orc.define/v1') { $stored[[string]$record.task] = $true }
            }
            foreach ($state in $toStore) {
                if ($approved.ContainsKey($state.Name) -and -not $stored.ContainsKey($state.Name)) {
                    $message = "orc-exec define did not store it: $(($defined.StdErr | Out-String).Trim())"
                    $storeFailed[$state.Name] = $message
                }
            }
        }

        foreach ($state in $toRegister) {
            if (-not $approved.ContainsKey($state.Name)) { continue }
            $action = 'Updated'
            if ($state.StoreState -eq 'missing' -and -not $state.Registered) { $action = 'Added' }
            if ($storeFailed.ContainsKey($state.Name)) {
                $results.Add((New-OrcSyncResult -State $state -Action 'Failed' -Reason $storeFailed[$state.Name]))
                continue
            }
            # Isolated, so that one refusal is one Failed result and the others go on.
            $registered = Invoke-OrcIsolated -Command 'Register-OrcBackendTask' -Parameter @{ Definition = (ConvertTo-OrcPlainObject -InputObject $state.Definition); ExecPath = $execPath; StoreHome = $storeHome }
            if ($registered.Error) {
                $results.Add((New-OrcSyncResult -State $state -Action 'Failed' -Reason "Registering failed: $($registered.Error.Exception.Message) The next Sync-OrcTask tries again."))
                continue
            }
            $reason = $state.Reason
            if ($Force -and $state.State -eq 'Compliant') { $reason = 'Registered again (-Force).' }
            $results.Add((New-OrcSyncResult -State $state -Action $action -Reason $reason))
        }

        foreach ($state in $toRemove) {
            if (-not $PSCmdlet.ShouldProcess($state.Name, "Remove Orchestrator task ($($state.Reason))")) {
                if ($WhatIfPreference) { $results.Add((New-OrcSyncResult -State $state -Action 'Removed' -Reason "What if: $($state.Reason)")) }
                else { $results.Add((New-OrcSyncResult -State $state -Action 'Unchanged' -Reason "Not confirmed, left as it is: $($state.Reason)")) }
                continue
            }
            $failure = $null
            if ($state.Registered) {
                $unregistered = Invoke-OrcIsolated -Command 'Unregister-OrcBackendTask' -Parameter @{ Name = $state.Name }
                if ($unregistered.Error) { $failure = "Unregistering failed: $($unregistered.Error.Exception.Message)" }
            }
            if (-not $failure) {
                $undefined = Invoke-OrcExec -ArgumentList @('undefine', $state.Name) -StoreHome $storeHome
                if ($undefined.ExitCode -ne 0) { $failure = "Unregistered, but deleting the definition failed: $(($undefined.StdErr | Out-String).Trim())" }
            }
            if ($failure) { $results.Add((New-OrcSyncResult -State $state -Action 'Failed' -Reason $failure)) }
            else { $results.Add((New-OrcSyncResult -State $state -Action 'Removed' -Reason $state.Reason)) }
        }

        $failed = @($results | Where-Object { $_.Action -eq 'Failed' })
        foreach ($result in ($results | Sort-Object -Property Name)) {
            if ($PassThru -or $result.Action -ne 'Unchanged') { $result }
        }
        if ($failed.Count -gt 0) {
            $names = ($failed | ForEach-Object { $_.Name }) -join ', '
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.SyncFailed' -Category InvalidResult -TargetObject $Path `
                        -Message ("$($failed.Count) of $($results.Count) tasks failed to sync: $names. Their results (Action Failed) say why; " +
                            'fix them and run Sync-OrcTask again: the others are already in place.')))
        }
    }
}
