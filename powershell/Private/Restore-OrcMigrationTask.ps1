function Restore-OrcMigrationTask {
    <#
    .SYNOPSIS
        Puts one task back as a migration snapshot recorded it; returns a sentence when it could not, nothing when it did.
    .DESCRIPTION
        Added by the migration (no definition before): Unregister-OrcTask. Replaced: Register-OrcTask
        -Force from the snapshot definition when the stored text or the registration differs, and
        Disable-OrcTask when it was disabled. Then the stored definition and the registration are
        compared with the snapshot byte for byte. Uses the public cmdlets only, so every write goes
        through the same validation and backends as any other.
    .PARAMETER Task
        One task entry of the snapshot manifest.
    .PARAMETER SnapshotPath
        The snapshot folder.
    .PARAMETER StoreHome
        The store.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $Task,

        [Parameter(Mandatory)]
        [string] $SnapshotPath,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    $taskName = [string]$Task.name
    $current = Get-OrcDefinitionText -Name $taskName -StoreHome $StoreHome
    if ($current.ErrorRecord) { return "Task '$taskName': $($current.ErrorRecord.Exception.Message)" }
    $registration = Get-OrcMigrationRegistration -Name $taskName

    if (-not $Task.defined) {
        if ($current.Found -or $registration.Registered) {
            $failed = $null
            Unregister-OrcTask -Name $taskName -Force -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
            if ($failed) { return "Task '$taskName' (added by the migration) was not removed: $(@($failed | ForEach-Object { $_.Exception.Message }) -join ' ')" }
        }
        if ($Task.registered) { Write-Warning "Task '$taskName' was registered without a definition before the migration; that registration is not restored (Orchestrator never registers a task without its definition)." }
        return
    }

    # Task Scheduler stamps RegistrationInfo/Date at every registration, so a task registered
    # again differs there and only there; the comparison leaves that one element out. A crontab
    # line has no such stamp and is compared whole.
    $comparable = {
        param([string] $Text)
        $Text -replace '(?s)(<RegistrationInfo>.*?)\s*<Date>[^<]*</Date>', '$1'
    }
    $savedJson = [System.IO.File]::ReadAllText((Join-Path $SnapshotPath $Task.definition))
    $savedRegistration = $null
    if ($Task.registration) { $savedRegistration = & $comparable ([System.IO.File]::ReadAllText((Join-Path $SnapshotPath $Task.registration))) }
    $same = $current.Found -and $current.Json -eq $savedJson -and [bool]$registration.Registered -eq [bool]$Task.registered -and
    (& $comparable ([string]$registration.Text)) -eq [string]$savedRegistration
    if (-not $same) {
        $failed = $null
        $file = Join-Path $SnapshotPath $Task.definition
        Register-OrcTask -Path $file -Force -Confirm:$false -WhatIf:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        if ($failed) { return "Task '$taskName' was not registered again from '$file': $(@($failed | ForEach-Object { $_.Exception.Message }) -join ' ')" }
        if ($Task.registered -and -not $Task.enabled) {
            Disable-OrcTask -Name $taskName -Confirm:$false -WhatIf:$false -ErrorAction SilentlyContinue -ErrorVariable failed
            if ($failed) { return "Task '$taskName' was restored but not disabled again: $(@($failed | ForEach-Object { $_.Exception.Message }) -join ' ')" }
        }
        $current = Get-OrcDefinitionText -Name $taskName -StoreHome $StoreHome
        $registration = Get-OrcMigrationRegistration -Name $taskName
    }
    if ($current.Json -ne $savedJson) {
        return "Task '$taskName': the stored definition differs from the snapshot '$(Join-Path $SnapshotPath $Task.definition)'."
    }
    if ([bool]$registration.Registered -ne [bool]$Task.registered) {
        return "Task '$taskName': registered is $($registration.Registered), it was $($Task.registered) before the migration."
    }
    if ($Task.registered -and (& $comparable ([string]$registration.Text)) -ne [string]$savedRegistration) {
        return "Task '$taskName': the registration differs from the snapshot '$(Join-Path $SnapshotPath $Task.registration)' (edited by hand before the migration? Register-OrcTask writes only what the definition renders)."
    }
}
