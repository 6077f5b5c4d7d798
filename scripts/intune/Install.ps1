<#
.SYNOPSIS
    Intune Win32-app install script for Orchestrator: installs the module and orc-exec, then syncs the package's task folder.
.DESCRIPTION
    Run from the unpacked package (Intune runs it as SYSTEM), whose layout New-OrcIntunePackage.ps1
    builds: Orchestrator\ (the module, with bin\win-x64\orc-exec.exe), OrchestratorDsc\ (optional),
    tasks\*.json, release.txt (optional) and these scripts. Steps, each logged with a UTC time to
    -StateRoot\Logs\install.log:
    1. copy the module to -ModuleRoot\Orchestrator\<version>\ (and OrchestratorDsc likewise), into a
       temporary folder first and renamed into place, so a machine never holds half a module;
    2. copy tasks\ to -StateRoot\tasks\ the same way (Detect.ps1 compares against this copy, since
       Intune runs the detection script without the package) and record release and -Prune in
       -StateRoot\deployment.json;
    3. import the installed module and Sync-OrcTask the copied folder (-Prune when asked); the
       first sync installs orc-exec into %ProgramFiles%\Orchestrator\.
    Exit 0 when every task is Added, Updated or Unchanged; 1 when any failed or a step threw (the
    log names it), which Intune reports as a failed install.
    A 32-bit host (Intune's agent on 64-bit Windows) re-runs it in 64-bit Windows PowerShell.
.PARAMETER Prune
    Also remove Orchestrator tasks that have no definition in the package (the package is the whole task set).
.PARAMETER PackageRoot
    The unpacked package; default the folder of this script.
.PARAMETER ModuleRoot
    The machine module path; default %ProgramFiles%\WindowsPowerShell\Modules (found by 5.1 and 7).
.PARAMETER StateRoot
    Deployment record, task copy and logs; default %ProgramData%\Orchestrator\Intune.
.PARAMETER Relaunched
    Set by the 32-bit to 64-bit re-launch; not for callers.
.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Install.ps1 -Prune

    The Intune install command: deploys the package's tasks as this machine's whole task set.
#>
[CmdletBinding()]
param(
    [switch] $Prune,

    [string] $PackageRoot = $PSScriptRoot,

    [string] $ModuleRoot,

    [string] $StateRoot,

    [switch] $Relaunched
)

function Get-OrcRelaunchCommand {
    # Intune's agent is a 32-bit process: on 64-bit Windows its powershell.exe is the 32-bit one,
    # which sees 'Program Files (x86)' and the WOW64 registry. %windir%\sysnative is the 64-bit
    # System32 as only a 32-bit process sees it. Pure, so the decision is tested on any OS: returns
    # @{ FilePath; ArgumentList } to re-run ScriptPath in 64-bit Windows PowerShell, or $null.
    param(
        [bool] $Is64BitOperatingSystem,
        [bool] $Is64BitProcess,
        [string] $WindowsDirectory,
        [string] $ScriptPath,
        [System.Collections.IDictionary] $BoundParameters = @{},
        [bool] $Relaunched
    )
    if ($Relaunched -or $Is64BitProcess -or -not $Is64BitOperatingSystem -or -not $WindowsDirectory) { return $null }
    $arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $ScriptPath)
    foreach ($key in @($BoundParameters.Keys | Sort-Object)) {
        if ($key -eq 'Relaunched') { continue }
        $value = $BoundParameters[$key]
        if ($value -is [System.Management.Automation.SwitchParameter]) {
            if ($value.IsPresent) { $arguments += "-$key" }
            continue
        }
        $arguments += "-$key"
        $arguments += [string]$value
    }
    $arguments += '-Relaunched'
    @{ FilePath = $WindowsDirectory.TrimEnd('\') + '\sysnative\WindowsPowerShell\v1.0\powershell.exe'; ArgumentList = $arguments }
}

function Write-InstallLog {
    param([string] $Message)
    $line = '{0:yyyy-MM-ddTHH:mm:ssZ} {1}' -f [datetime]::UtcNow, $Message
    Add-Content -LiteralPath $script:LogPath -Value $line -Encoding UTF8
    Write-Output $line
}

function Copy-DirectoryAtomically {
    # Copy beside the target, then swap by renames: the target is either the old or the new tree.
    param([string] $Source, [string] $Destination)
    $parent = Split-Path -Parent $Destination
    $null = New-Item -ItemType Directory -Path $parent -Force
    $suffix = [guid]::NewGuid().ToString('N')
    $staging = "$Destination.new-$suffix"
    $old = "$Destination.old-$suffix"
    Copy-Item -LiteralPath $Source -Destination $staging -Recurse -Force
    if (Test-Path -LiteralPath $Destination) { Rename-Item -LiteralPath $Destination -NewName (Split-Path -Leaf $old) }
    Rename-Item -LiteralPath $staging -NewName (Split-Path -Leaf $Destination)
    if (Test-Path -LiteralPath $old) { Remove-Item -LiteralPath $old -Recurse -Force }
}

function Write-FileAtomically {
    param([string] $Path, [string] $Text)
    $temp = "$Path.tmp-" + [guid]::NewGuid().ToString('N')
    [System.IO.File]::WriteAllText($temp, $Text, (New-Object System.Text.UTF8Encoding $false))
    Move-Item -LiteralPath $temp -Destination $Path -Force
}

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$relaunch = Get-OrcRelaunchCommand -Is64BitOperatingSystem ([Environment]::Is64BitOperatingSystem) -Is64BitProcess ([Environment]::Is64BitProcess) `
    -WindowsDirectory $env:windir -ScriptPath $PSCommandPath -BoundParameters $PSBoundParameters -Relaunched $Relaunched.IsPresent
if ($relaunch -and (Test-Path -LiteralPath $relaunch.FilePath)) {
    $arguments = $relaunch.ArgumentList
    & $relaunch.FilePath @arguments
    exit $LASTEXITCODE
}

$programFiles = $env:ProgramW6432
if (-not $programFiles) { $programFiles = $env:ProgramFiles }
if (-not $ModuleRoot) { $ModuleRoot = Join-Path $programFiles 'WindowsPowerShell\Modules' }
if (-not $StateRoot) { $StateRoot = Join-Path $env:ProgramData 'Orchestrator\Intune' }
$null = New-Item -ItemType Directory -Path (Join-Path $StateRoot 'Logs') -Force
$script:LogPath = Join-Path (Join-Path $StateRoot 'Logs') 'install.log'

try {
    Write-InstallLog "Install from '$PackageRoot' (64-bit process: $([Environment]::Is64BitProcess), prune: $($Prune.IsPresent))."
    $moduleSource = Join-Path $PackageRoot 'Orchestrator'
    $moduleManifest = Join-Path $moduleSource 'Orchestrator.psd1'
    if (-not (Test-Path -LiteralPath $moduleManifest -PathType Leaf)) {
        throw "The package has no module: '$moduleManifest' does not exist. Build the package with New-OrcIntunePackage.ps1."
    }
    $tasksSource = Join-Path $PackageRoot 'tasks'
    if (-not (Test-Path -LiteralPath $tasksSource -PathType Container)) {
        throw "The package has no task folder: '$tasksSource' does not exist. Put the definitions (*.json) there."
    }
    $release = ''
    $releaseFile = Join-Path $PackageRoot 'release.txt'
    if (Test-Path -LiteralPath $releaseFile -PathType Leaf) { $release = ([System.IO.File]::ReadAllText($releaseFile)).Trim() }

    $installed = @{}
    foreach ($name in 'Orchestrator', 'OrchestratorDsc') {
        $source = Join-Path $PackageRoot $name
        $manifestPath = Join-Path $source "$name.psd1"
        if (-not (Test-Path -LiteralPath $manifestPath -PathType Leaf)) { continue }
        $version = (Import-PowerShellDataFile -Path $manifestPath).ModuleVersion
        $target = Join-Path (Join-Path $ModuleRoot $name) $version
        Copy-DirectoryAtomically -Source $source -Destination $target
        $installed[$name] = $target
        Write-InstallLog "Module $name $version installed to '$target'."
    }

    $tasks = Join-Path $StateRoot 'tasks'
    Copy-DirectoryAtomically -Source $tasksSource -Destination $tasks
    $record = [ordered]@{
        release     = $release
        prune       = $Prune.IsPresent
        module      = $installed['Orchestrator']
        dscModule   = $installed['OrchestratorDsc']
        tasks       = $tasks
        installedAt = [datetime]::UtcNow.ToString('o')
    }
    Write-FileAtomically -Path (Join-Path $StateRoot 'deployment.json') -Text ($record | ConvertTo-Json)
    Write-InstallLog "Definitions copied to '$tasks'; release '$release' recorded."

    Import-Module -Name (Join-Path $installed['Orchestrator'] 'Orchestrator.psd1') -Force
    $results = @(Sync-OrcTask -Path $tasks -Prune:$Prune.IsPresent -PassThru -Confirm:$false -ErrorAction SilentlyContinue)
    foreach ($result in $results) {
        Write-InstallLog ('{0,-9} {1} {2}' -f $result.Action, $result.Name, $result.Reason)
    }
    $failed = @($results | Where-Object { $_.Action -eq 'Failed' })
    if ($failed.Count -gt 0) {
        Write-InstallLog "FAILED: $($failed.Count) of $($results.Count) task(s) could not be synced."
        exit 1
    }
    Write-InstallLog "Done: $($results.Count) task(s) in sync."
    exit 0
}
catch {
    Write-InstallLog "FAILED: $($_.Exception.Message)"
    exit 1
}
