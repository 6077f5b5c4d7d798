function Invoke-OrcTaskRegistration {
    <#
    .SYNOPSIS
        Stores a definition with 'orc-exec define' and registers it with the platform scheduler,
        doing nothing when both are already up to date.
    .DESCRIPTION
        The shared core of Register-OrcTask and Set-OrcTask (which own ShouldProcess):
        1. 'orc-exec define' validates and writes the definition atomically (one source of truth for
           validation); an invalid one throws Orc.InvalidDefinition with every field, problem and fix.
           On Windows an unelevated session is refused first (Orc.NotElevated, PermissionDenied).
        2. orc-exec is installed at its stable path (Install-OrcExecutable).
        3. Unless the definition is unchanged AND registered with the same executable AND the same
           definition hash (when both sides report one) AND no -Credential or -Force is given, the task is
           registered (updated in place) through Register-OrcBackendTask.
        Expected failures are returned, not thrown (a thrown error would also land in the caller's
        -ErrorVariable): the result's ErrorRecord carries a stable ID; the caller writes it.
    .PARAMETER Definition
        The definition as a dictionary (from Set-OrcDefinitionField or a pipeline object).
    .PARAMETER Path
        A definition file; passed to 'orc-exec define --file' so messages name the file.
    .PARAMETER Json
        A definition as JSON text, passed to orc-exec unchanged (it is the one validator).
    .PARAMETER Credential
        Password for a runAs user with Password logon (Windows).
    .PARAMETER StoreHome
        The store; default Get-OrcStoreHome.
    .PARAMETER Force
        Register with the scheduler even when nothing changed (Register-OrcTask -Force).
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

        [System.Management.Automation.PSCredential] $Credential,

        [string] $StoreHome,

        [switch] $Force
    )

    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    if ((Test-OrcWindows) -and -not (Test-OrcElevated)) {
        # Checked before 'orc-exec define': run without elevation it would create the store with
        # %ProgramData%'s inherited ACL (Users may write, the user owns it), which orc-exec running
        # as SYSTEM then refuses for good; and the copy to %ProgramFiles% would fail half-way.
        $label = switch ($PSCmdlet.ParameterSetName) { 'Path' { $Path } 'Json' { 'JSON definition' } default { [string]$Definition['name'] } }
        $record = New-OrcErrorRecord -ErrorId 'Orc.NotElevated' -Category PermissionDenied -TargetObject $label `
            -Message "Registering '$label' needs an elevated session: it writes the store ($StoreHome), installs orc-exec under %ProgramFiles% and registers a scheduled task. Start PowerShell with 'Run as administrator' and run the command again."
        return [pscustomobject]@{ Name = $label; ErrorRecord = $record }
    }
    if ($PSCmdlet.ParameterSetName -eq 'Path') {
        $target = $Path
        $defined = Invoke-OrcExec -ArgumentList @('define', '--file', $Path) -StoreHome $StoreHome
        if ($defined.ExitCode -eq 0) {
            # Valid JSON now: orc-exec accepted it.
            $Definition = ConvertTo-OrcPlainObject -InputObject (ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($Path)))
        }
    }
    elseif ($PSCmdlet.ParameterSetName -eq 'Json') {
        $target = 'JSON definition'
        $defined = Invoke-OrcExec -ArgumentList @('define', '--file', '-') -InputObject $Json -StoreHome $StoreHome
        if ($defined.ExitCode -eq 0) {
            $Definition = ConvertTo-OrcPlainObject -InputObject (ConvertFrom-Json -InputObject $Json)
        }
    }
    else {
        $Definition = ConvertTo-OrcPlainObject -InputObject $Definition
        $target = $Definition['name']
        $text = ConvertTo-Json -InputObject $Definition -Depth 20 -Compress
        $defined = Invoke-OrcExec -ArgumentList @('define', '--file', '-') -InputObject $text -StoreHome $StoreHome
    }
    if ($defined.ExitCode -ne 0) {
        return [pscustomobject]@{ Name = $target; ErrorRecord = (ConvertTo-OrcErrorRecord -Result $defined -TargetObject $target) }
    }
    $report = @($defined.Records | Where-Object { $_.schema -eq 'orc.define/v1' }) | Select-Object -First 1
    if (-not $report) {
        $record = New-OrcErrorRecord -ErrorId 'Orc.Internal' -Category InvalidResult -TargetObject $target `
            -Message "orc-exec define printed no orc.define/v1 record ($($defined.CommandLine))."
        return [pscustomobject]@{ Name = $target; ErrorRecord = $record }
    }
    $name = [string]$report.task
    if ($null -eq $Definition -or -not $Definition.Contains('name')) { $Definition = [ordered]@{ name = $name } }

    $execPath = Install-OrcExecutable -StoreHome $StoreHome
    $existing = @(Get-OrcBackendTask -Name $name) | Where-Object { $_.Name -eq $name } | Select-Object -First 1
    $upToDate = $false
    if (-not $Force -and -not $report.changed -and $existing -and -not $Credential -and $existing.ExecPath -eq $execPath) {
        $upToDate = $true
        if ($existing.DefinitionHash) {
            $listed = Invoke-OrcExec -ArgumentList @('list') -StoreHome $StoreHome
            $summary = @($listed.Records | Where-Object { $_.schema -eq 'orc.task/v1' -and $_.name -eq $name }) | Select-Object -First 1
            if ($summary -and $summary.PSObject.Properties['definitionHash'] -and $summary.definitionHash -and
                $summary.definitionHash -ne $existing.DefinitionHash) {
                $upToDate = $false
            }
        }
    }
    if ($upToDate) {
        $message = "Task '$name' is unchanged and already registered: nothing to do."
        Write-Verbose $message
        Write-Information -MessageData $message -Tags 'Orchestrator'
        return [pscustomobject]@{ Name = $name; DefinitionChanged = $false; Registered = $false; File = $report.file; ErrorRecord = $null }
    }

    $backend = @{ Definition = $Definition; ExecPath = $execPath; StoreHome = $StoreHome }
    if ($Credential) { $backend['Credential'] = $Credential }
    try {
        $null = Register-OrcBackendTask @backend
    }
    catch {
        $inner = $_
        $id = 'Orc.RegistrationFailed'
        if ($inner.FullyQualifiedErrorId -like 'Orc.*') { $id = ($inner.FullyQualifiedErrorId -split ',')[0] }
        $record = New-OrcErrorRecord -ErrorId $id -Category $inner.CategoryInfo.Category -TargetObject $name -Exception $inner.Exception `
            -Message "The definition of '$name' is stored, but registering it with the scheduler failed: $($inner.Exception.Message) Fix the cause and run Register-OrcTask again."
        return [pscustomobject]@{ Name = $name; ErrorRecord = $record }
    }
    Write-Verbose "Task '$name' registered (definition changed: $($report.changed))."
    [pscustomobject]@{ Name = $name; DefinitionChanged = [bool]$report.changed; Registered = $true; File = $report.file; ErrorRecord = $null }
}
