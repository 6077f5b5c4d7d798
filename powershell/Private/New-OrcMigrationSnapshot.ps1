function New-OrcMigrationSnapshot {
    <#
    .SYNOPSIS
        Writes a migration's snapshot folder: stored definitions, registrations and legacy config files, with a manifest.
    .DESCRIPTION
        Everything goes into a temp folder beside the target first, manifest.json last, and the
        folder is then renamed into place: a snapshot folder that exists is always complete, so a
        run that died half way takes the snapshot again instead of trusting half of one.
        Layout: tasks/<name>.json (exactly what 'orc-exec define --export' returns),
        registrations/<name>.txt (the crontab line or task XML), config/<n>-<file> (bytes as they are).
    .PARAMETER Path
        The snapshot folder to create (<store>/migrations/<name>/snapshot).
    .PARAMETER Definition
        The definitions to migrate (objects with Name and Path).
    .PARAMETER ConfigPath
        The legacy configuration files to copy.
    .PARAMETER StoreHome
        The store.
    .PARAMETER State
        The migration state; its legacy record goes into the manifest.
    .OUTPUTS
        None
    #>
    [CmdletBinding()]
    [OutputType([void])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [object[]] $Definition,

        [AllowEmptyCollection()]
        [string[]] $ConfigPath = @(),

        [Parameter(Mandatory)]
        [string] $StoreHome,

        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $State
    )

    $parent = [System.IO.Path]::GetDirectoryName($Path)
    # A staging folder left by a run that died half way is never trusted, only removed.
    if ([System.IO.Directory]::Exists($parent)) {
        foreach ($stale in [System.IO.Directory]::GetDirectories($parent, '.snapshot-*')) { [System.IO.Directory]::Delete($stale, $true) }
    }
    $staging = Join-Path $parent ('.snapshot-' + [guid]::NewGuid().ToString('N'))
    [void][System.IO.Directory]::CreateDirectory($staging)
    try {
        $tasks = New-Object -TypeName System.Collections.Generic.List[object]
        foreach ($item in $Definition) {
            $stored = Get-OrcDefinitionText -Name $item.Name -StoreHome $StoreHome
            if ($stored.ErrorRecord) { throw $stored.ErrorRecord }
            $registration = Get-OrcMigrationRegistration -Name $item.Name
            $entry = [ordered]@{
                name           = $item.Name
                source         = $item.Path
                defined        = [bool]$stored.Found
                definition     = $null
                registered     = [bool]$registration.Registered
                enabled        = [bool]$registration.Enabled
                backend        = $registration.Backend
                registration   = $null
            }
            if ($stored.Found) {
                $entry.definition = "tasks/$($item.Name).json"
                Write-OrcMigrationFile -Path (Join-Path (Join-Path $staging 'tasks') "$($item.Name).json") -Text $stored.Json
            }
            if ($registration.Registered) {
                $entry.registration = "registrations/$($item.Name).txt"
                Write-OrcMigrationFile -Path (Join-Path (Join-Path $staging 'registrations') "$($item.Name).txt") -Text $registration.Text
            }
            $tasks.Add($entry)
        }
        $configs = New-Object -TypeName System.Collections.Generic.List[object]
        $index = 0
        foreach ($config in $ConfigPath) {
            $index++
            $copy = "config/$index-$([System.IO.Path]::GetFileName($config))"
            Write-OrcMigrationFile -Path (Join-Path $staging $copy) -Bytes ([System.IO.File]::ReadAllBytes($config))
            $configs.Add([ordered]@{ path = $config; copy = $copy })
        }
        $manifest = [ordered]@{
            schema    = 'orc.migration-snapshot/v1'
            migration = $State.name
            created   = [datetime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
            storeHome = $StoreHome
            legacy    = $State.legacy
            tasks     = $tasks.ToArray()
            config    = $configs.ToArray()
        }
        Write-OrcMigrationFile -Path (Join-Path $staging 'manifest.json') -Text (ConvertTo-Json -InputObject $manifest -Depth 10)
        [System.IO.Directory]::Move($staging, $Path)
    }
    catch {
        if ([System.IO.Directory]::Exists($staging)) { [System.IO.Directory]::Delete($staging, $true) }
        throw
    }
}
