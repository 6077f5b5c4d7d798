function Install-OrcExecutable {
    <#
    .SYNOPSIS
        Copies the module's orc-exec to a stable path that registered tasks point at, and returns that path.
    .DESCRIPTION
        Task Scheduler actions (and crontab lines) must survive a module upgrade, move or uninstall,
        so they never point into the module folder. Windows: %ProgramFiles%\Orchestrator\orc-exec.exe.
        Linux/macOS: <store>/bin/orc-exec. The copy happens only when the target is missing or its
        SHA-256 differs from the module's binary; a running (locked) Windows binary is renamed aside
        first, because Windows lets a running .exe be renamed but not overwritten.
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
    if (-not $Destination) {
        if ($onWindows) {
            # ProgramW6432 is the 64-bit Program Files even in a 32-bit (x86) PowerShell, where
            # ProgramFiles means 'Program Files (x86)': both shells must install to the same path,
            # or each would re-register the tasks the other registered.
            $programFiles = $env:ProgramW6432
            if (-not $programFiles) { $programFiles = $env:ProgramFiles }
            if (-not $programFiles) { $programFiles = [System.Environment]::GetFolderPath('ProgramFiles') }
            $Destination = Join-Path (Join-Path $programFiles 'Orchestrator') 'orc-exec.exe'
        }
        else {
            if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
            $Destination = Join-Path (Join-Path $StoreHome 'bin') 'orc-exec'
        }
    }

    if (Test-Path -LiteralPath $Destination -PathType Leaf) {
        $sourceHash = (Get-FileHash -LiteralPath $SourcePath -Algorithm SHA256).Hash
        $targetHash = (Get-FileHash -LiteralPath $Destination -Algorithm SHA256).Hash
        if ($sourceHash -eq $targetHash) {
            Write-Verbose "orc-exec at '$Destination' is up to date."
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
    Write-Verbose "Installed orc-exec to '$Destination'."
    return $Destination
}
