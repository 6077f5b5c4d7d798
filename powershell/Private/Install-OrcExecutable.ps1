function Install-OrcExecutable {
    <#
    .SYNOPSIS
        Copies the module's orc-exec to a stable path that registered tasks point at, and returns that path.
    .DESCRIPTION
        Task Scheduler actions (and crontab lines) must survive a module upgrade, move or uninstall,
        so they never point into the module folder. Windows: %ProgramFiles%\Orchestrator\orc-exec.exe.
        Linux/macOS: <store>/bin/orc-exec. The copy happens only when the target is missing or its
        SHA-256 differs from the module's binary, and never over a newer version ('orc-exec version',
        compared semantically): Windows PowerShell 5.1 and PowerShell 7 may load different module
        versions that share this one executable, and the older must not downgrade every task. The
        module that installed it is recorded beside it (<exe>.owner.json) and named in the warning.
        A binary whose version does not parse (a development build says 'dev') is replaced as before.
        A running (locked) Windows binary is renamed aside first, because Windows lets a running
        .exe be renamed but not overwritten.
    .PARAMETER SourcePath
        The binary to install; default Get-OrcExecutablePath.
    .PARAMETER Destination
        The stable path; default per OS as described above.
    .PARAMETER StoreHome
        The store, for the Linux/macOS default destination; default Get-OrcStoreHome.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [string] $SourcePath,

        [string] $Destination,

        [string] $StoreHome
    )

    if (-not $SourcePath) { $SourcePath = Get-OrcExecutablePath }
    $onWindows = Test-OrcWindows
    if (-not $Destination) { $Destination = Get-OrcInstallPath -StoreHome $StoreHome }

    $ownerFile = "$Destination.owner.json"
    if (Test-Path -LiteralPath $Destination -PathType Leaf) {
        $sourceHash = (Get-FileHash -LiteralPath $SourcePath -Algorithm SHA256).Hash
        $targetHash = (Get-FileHash -LiteralPath $Destination -Algorithm SHA256).Hash
        if ($sourceHash -eq $targetHash) {
            Write-Verbose "orc-exec at '$Destination' is up to date."
            return $Destination
        }
        # Both editions (5.1 and 7) share this one executable, and each may load another module
        # version: never let the older module put its older orc-exec over a newer one.
        $installed = Get-OrcExecutableVersion -Path $Destination
        $shipped = Get-OrcExecutableVersion -Path $SourcePath
        if ($installed -and $shipped -and (Compare-OrcExecutableVersion -Left $installed -Right $shipped) -gt 0) {
            $owner = 'another Orchestrator module'
            if (Test-Path -LiteralPath $ownerFile -PathType Leaf) {
                try {
                    $recorded = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($ownerFile))
                    $owner = "Orchestrator $($recorded.moduleVersion) at '$($recorded.modulePath)' ($($recorded.edition) $($recorded.psVersion))"
                }
                catch {
                    Write-Verbose "Could not read '$ownerFile': $($_.Exception.Message)"
                }
            }
            Write-Warning ("orc-exec {0} at '{1}', installed by {2}, is newer than this module's orc-exec {3} ('{4}'): it is kept, and every task keeps running it. Update this module (Update-Module Orchestrator in this edition) to manage the tasks with matching cmdlets." -f `
                    $installed.Version, $Destination, $owner, $shipped.Version, $SourcePath)
            return $Destination
        }
    }

    $folder = Split-Path -Parent $Destination
    if (-not (Test-Path -LiteralPath $folder)) {
        $null = New-Item -ItemType Directory -Path $folder -Force
    }
    $staging = "$Destination.new"
    Copy-Item -LiteralPath $SourcePath -Destination $staging -Force
    if (-not $onWindows) {
        # Copy the value now: the PSVariable object would show the new exit code later.
        $saved = $null
        if (Test-Path -LiteralPath 'variable:global:LASTEXITCODE') { $saved = @($global:LASTEXITCODE) }
        & chmod 755 $staging
        if ($null -ne $saved) { $global:LASTEXITCODE = $saved[0] } else { Remove-Variable -Name LASTEXITCODE -Scope Global -ErrorAction Ignore }
    }
    if (Test-Path -LiteralPath $Destination) {
        try {
            Remove-Item -LiteralPath $Destination -Force -ErrorAction Stop
        }
        catch {
            # In use by a running task: move it aside; the next install removes the leftovers.
            $aside = "$Destination.old-$([guid]::NewGuid().ToString('N'))"
            Move-Item -LiteralPath $Destination -Destination $aside -Force
        }
    }
    Move-Item -LiteralPath $staging -Destination $Destination -Force
    Get-ChildItem -Path $folder -Filter "$(Split-Path -Leaf $Destination).old-*" -ErrorAction SilentlyContinue |
        Remove-Item -Force -ErrorAction SilentlyContinue
    # Who installed it, so that the other edition can say which module owns a newer executable.
    $module = $MyInvocation.MyCommand.Module
    $owner = [ordered]@{
        modulePath    = $script:ModuleRoot
        moduleVersion = $(if ($module) { [string]$module.Version } else { '' })
        edition       = [string]$PSVersionTable.PSEdition
        psVersion     = [string]$PSVersionTable.PSVersion
        source        = $SourcePath
    }
    $ownerStaging = "$ownerFile.new"
    [System.IO.File]::WriteAllText($ownerStaging, (ConvertTo-Json -InputObject $owner -Compress), (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
    Move-Item -LiteralPath $ownerStaging -Destination $ownerFile -Force
    Write-Verbose "Installed orc-exec to '$Destination' (owner: Orchestrator $($owner.moduleVersion) at '$($owner.modulePath)', $($owner.edition) $($owner.psVersion))."
    return $Destination
}
