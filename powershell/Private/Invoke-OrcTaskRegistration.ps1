function Invoke-OrcTaskRegistration {
    <#
    .SYNOPSIS
        Stores a definition with 'orc-exec define' and registers it with the platform scheduler, as
        one step: when the scheduler refuses, the store is put back as it was.
    .DESCRIPTION
        The shared core of Register-OrcTask, Set-OrcTask (which own ShouldProcess):
        1. The task's stored text is read first ('orc-exec define <task> --export'), so a failure
           can put it back.
        2. With -Credential, the definition's runAs must name the credential's user (the
           definition is the one source of truth; the credential only brings the password):
           otherwise Orc.CredentialMismatch and nothing changes.
        3. 'orc-exec define' validates and writes the definition atomically (--file, or
           <task> --set for field edits, so the definition never passes through PowerShell
           objects on its way back to disk); -Name re-registers the stored definition unchanged.
        4. Unless the definition is unchanged AND registered with the same executable AND the same
           definition hash AND no -Credential or -Force is given, the task is registered through
           Register-OrcBackendTask. If that fails, the previous definition is restored byte for
           byte ('define --exact') or the new one removed ('undefine'), and one ErrorRecord says
           so (Orc.RegistrationFailed, or the backend's own Orc.* ID).
        Expected failures are returned, not thrown: the result's ErrorRecord carries a stable ID;
        the caller writes it. Internal steps never ask for confirmation: the caller asked once.
    .PARAMETER Definition
        The definition as a dictionary (from Set-OrcDefinitionField or a pipeline object).
    .PARAMETER Path
        A definition file; passed to 'orc-exec define --file' so messages name the file.
    .PARAMETER Json
        A definition as JSON text, passed to orc-exec unchanged (it is the one validator).
    .PARAMETER Name
        A task whose stored definition is registered again as it is (Get-OrcTask | Register-OrcTask).
    .PARAMETER Edit
        With -Name: field edits 'path=json' for 'orc-exec define <task> --set' (Set-OrcTask).
    .PARAMETER Credential
        Password for the definition's runAs user with Password logon (Windows).
    .PARAMETER StoreHome
        The store; default Get-OrcStoreHome.
    .PARAMETER Force
        Register with the scheduler even when nothing changed (Register-OrcTask -Force).
    .EXAMPLE
        Invoke-OrcTaskRegistration -Name db-export -Edit 'timeout="2h"' -StoreHome (Get-OrcStoreHome)
    .OUTPUTS
        [pscustomobject] with Name, DefinitionChanged, Registered, File, ErrorRecord.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Definition')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Definition')]
        [System.Collections.IDictionary] $Definition,

        [Parameter(Mandatory, ParameterSetName = 'Path')]
        [string] $Path,

        [Parameter(Mandatory, ParameterSetName = 'Json')]
        [string] $Json,

        [Parameter(Mandatory, ParameterSetName = 'Name')]
        [Parameter(Mandatory, ParameterSetName = 'Edit')]
        [string] $Name,

        [Parameter(Mandatory, ParameterSetName = 'Edit')]
        [string[]] $Edit,

        [System.Management.Automation.PSCredential] $Credential,

        [string] $StoreHome,

        [switch] $Force
    )

    # The caller's ShouldProcess covered this task; -Confirm must not ask again about the
    # internal steps (copying orc-exec, restoring $LASTEXITCODE, writing the crontab).
    $ConfirmPreference = 'None'
    $WhatIfPreference = $false
    function New-Outcome([string] $TaskName, [System.Management.Automation.ErrorRecord] $ErrorRecord) {
        [pscustomobject]@{ Name = $TaskName; DefinitionChanged = $false; Registered = $false; File = $null; ErrorRecord = $ErrorRecord }
    }

    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    $set = $PSCmdlet.ParameterSetName
    $label = switch ($set) { 'Path' { $Path } 'Json' { 'JSON definition' } 'Definition' { [string]$Definition['name'] } default { $Name } }
    if ((Test-OrcWindows) -and -not (Test-OrcElevated)) {
        # Checked before 'orc-exec define': run without elevation it would create the store with
        # %ProgramData%'s inherited ACL (Users may write, the user owns it), which orc-exec running
        # as SYSTEM then refuses for good; and the copy to %ProgramFiles% would fail half-way.
        $record = New-OrcErrorRecord -ErrorId 'Orc.NotElevated' -Category PermissionDenied -TargetObject $label `
            -Message "Registering '$label' needs an elevated session: it writes the store ($StoreHome), installs orc-exec under %ProgramFiles% and registers a scheduled task. Start PowerShell with 'Run as administrator' and run the command again."
        return (New-Outcome $label $record)
    }

    # 1. What the definition says before anything is written (name, runAs), and what the store holds.
    $given = $null
    $text = $null
    switch ($set) {
        'Definition' {
            $given = ConvertTo-OrcPlainObject -InputObject $Definition
            $text = ConvertTo-Json -InputObject $given -Depth 20 -Compress
        }
        'Path' { $text = [System.IO.File]::ReadAllText($Path) }
        'Json' { $text = $Json }
    }
    if ($set -in 'Path', 'Json') {
        # Malformed JSON is orc-exec's to report, with line and column; a failed parse here must
        # not add records of its own to the caller's -ErrorVariable.
        $given = (Invoke-OrcIsolated -Command 'ConvertFrom-OrcJson' -Parameter @{ Json = $text }).Output | Select-Object -First 1
    }
    $taskName = $Name
    if ($given) {
        if ($given -is [System.Collections.IDictionary]) { $taskName = [string]$given['name'] }
        elseif ($given.PSObject.Properties['name']) { $taskName = [string]$given.name }
    }
    $previous = $null
    if ($taskName -match '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') {
        $previous = Get-OrcDefinitionText -Name $taskName -StoreHome $StoreHome
        if ($previous.ErrorRecord) { return (New-Outcome $taskName $previous.ErrorRecord) }
        if ($set -eq 'Name' -and -not $previous.Found) {
            $record = New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $Name `
                -Message "Task '$Name' has no definition to register. Register-OrcTask -Path <file> or with -Command creates it; Get-OrcTask lists the tasks."
            return (New-Outcome $Name $record)
        }
        if ($set -eq 'Name') { $given = ConvertFrom-OrcJson -Json $previous.Json }
    }

    # 2. A credential brings a password for the definition's account; it never changes the account.
    if ($Credential -and $set -ne 'Edit' -and $given) {
        $runAs = $null
        if ($given -is [System.Collections.IDictionary]) { if ($given.Contains('runAs')) { $runAs = $given['runAs'] } }
        elseif ($given.PSObject.Properties['runAs']) { $runAs = $given.runAs }
        $runAsUser = $null
        $runAsType = 'system'
        if ($runAs) {
            $runAs = ConvertTo-OrcPlainObject -InputObject $runAs
            if ($runAs.Contains('type')) { $runAsType = [string]$runAs['type'] }
            if ($runAs.Contains('user')) { $runAsUser = [string]$runAs['user'] }
        }
        if ($runAsType -ne 'user' -or $runAsUser -ne $Credential.UserName) {
            $account = if ($runAsType -eq 'user') { "user '$runAsUser'" } elseif ($runAsType -eq 'gmsa') { "group managed service account '$runAsUser'" } else { 'SYSTEM' }
            $record = New-OrcErrorRecord -ErrorId 'Orc.CredentialMismatch' -Category InvalidArgument -TargetObject $taskName `
                -Message ("The definition of '$taskName' runs as $account, but -Credential is for '$($Credential.UserName)'. The definition's runAs decides the account; " +
                    "a credential only supplies its password. Pass the credential of $account, or change the account first: Set-OrcTask -Name $taskName -Credential (Get-Credential)" +
                    " sets runAs and registers in one step.")
            return (New-Outcome $taskName $record)
        }
    }

    # 3. Store the definition.
    switch ($set) {
        'Path' { $defined = Invoke-OrcExec -ArgumentList @('define', '--file', $Path) -StoreHome $StoreHome }
        'Json' { $defined = Invoke-OrcExec -ArgumentList @('define', '--file', '-') -InputObject $Json -StoreHome $StoreHome }
        'Definition' { $defined = Invoke-OrcExec -ArgumentList @('define', '--file', '-') -InputObject $text -StoreHome $StoreHome }
        'Edit' {
            $arguments = New-Object -TypeName System.Collections.Generic.List[string]
            $arguments.Add('define')
            $arguments.Add($Name)
            foreach ($change in $Edit) { $arguments.Add('--set'); $arguments.Add($change) }
            $defined = Invoke-OrcExec -ArgumentList $arguments.ToArray() -StoreHome $StoreHome
        }
        'Name' {
            $defined = [pscustomobject]@{ ExitCode = 0; Records = @([pscustomobject]@{ schema = 'orc.define/v1'; task = $Name; file = $previous.File; changed = $false }) }
        }
    }
    if ($defined.ExitCode -ne 0) {
        return (New-Outcome $label (ConvertTo-OrcErrorRecord -Result $defined -TargetObject $label))
    }
    $report = @($defined.Records | Where-Object { $_.schema -eq 'orc.define/v1' }) | Select-Object -First 1
    if (-not $report) {
        $record = New-OrcErrorRecord -ErrorId 'Orc.Internal' -Category InvalidResult -TargetObject $label `
            -Message "orc-exec define printed no orc.define/v1 record ($($defined.CommandLine))."
        return (New-Outcome $label $record)
    }
    $taskName = [string]$report.task
    # Read only, for the scheduler: name, enabled, schedule and runAs. A definition given whole is
    # what was just stored; after field edits (or with nothing given) the store says.
    $backendDefinition = $null
    if ($given -and $set -ne 'Name') { $backendDefinition = ConvertTo-OrcPlainObject -InputObject $given }
    $stored = $previous
    if ($null -eq $backendDefinition -and ($report.changed -or $null -eq $stored -or -not $stored.Found)) {
        $stored = Get-OrcDefinitionText -Name $taskName -StoreHome $StoreHome
        if ($stored.ErrorRecord) { return (New-Outcome $taskName $stored.ErrorRecord) }
        if (-not $stored.Found) {
            $record = New-OrcErrorRecord -ErrorId 'Orc.Internal' -Category InvalidResult -TargetObject $taskName `
                -Message "orc-exec define reported '$taskName' stored, but the store has no definition for it ($($defined.CommandLine))."
            return (New-Outcome $taskName $record)
        }
    }
    if ($null -eq $backendDefinition) { $backendDefinition = ConvertTo-OrcPlainObject -InputObject (ConvertFrom-OrcJson -Json $stored.Json) }

    # 4. Register unless everything already matches.
    $execPath = Install-OrcExecutable -StoreHome $StoreHome
    $existing = @(Get-OrcBackendTask -Name $taskName) | Where-Object { $_.Name -eq $taskName } | Select-Object -First 1
    $upToDate = $false
    if (-not $Force -and -not $report.changed -and $existing -and -not $Credential -and $existing.ExecPath -eq $execPath) {
        $upToDate = $true
        if ($existing.DefinitionHash) {
            $listed = Invoke-OrcExec -ArgumentList @('list') -StoreHome $StoreHome
            $summary = @($listed.Records | Where-Object { $_.schema -eq 'orc.task/v1' -and $_.name -eq $taskName }) | Select-Object -First 1
            if ($summary -and $summary.PSObject.Properties['definitionHash'] -and $summary.definitionHash -and
                $summary.definitionHash -ne $existing.DefinitionHash) {
                $upToDate = $false
            }
        }
    }
    if ($upToDate) {
        $message = "Task '$taskName' is unchanged and already registered: nothing to do."
        Write-Verbose $message
        Write-Information -MessageData $message -Tags 'Orchestrator'
        return [pscustomobject]@{ Name = $taskName; DefinitionChanged = $false; Registered = $false; File = $report.file; ErrorRecord = $null }
    }

    $backend = @{ Definition = $backendDefinition; ExecPath = $execPath; StoreHome = $StoreHome }
    if ($Credential) { $backend['Credential'] = $Credential }
    # Isolated, so that one failure is one record in the caller's -ErrorVariable.
    $registered = Invoke-OrcIsolated -Command 'Register-OrcBackendTask' -Parameter $backend
    if ($registered.Error) {
        $inner = $registered.Error
        $id = 'Orc.RegistrationFailed'
        if ($inner.FullyQualifiedErrorId -like 'Orc.*') { $id = ($inner.FullyQualifiedErrorId -split ',')[0] }
        $undo = 'The store is unchanged.'
        if ($report.changed) { $undo = Undo-OrcDefinition -Name $taskName -Previous $previous -StoreHome $StoreHome }
        $record = New-OrcErrorRecord -ErrorId $id -Category $inner.CategoryInfo.Category -TargetObject $taskName -Exception $inner.Exception `
            -Message "Registering '$taskName' with the scheduler failed: $($inner.Exception.Message) $undo Fix the cause and run the command again."
        return (New-Outcome $taskName $record)
    }
    Write-Verbose "Task '$taskName' registered (definition changed: $($report.changed))."
    [pscustomobject]@{ Name = $taskName; DefinitionChanged = [bool]$report.changed; Registered = $true; File = $report.file; ErrorRecord = $null }
}
