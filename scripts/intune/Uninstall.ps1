<#
.SYNOPSIS
    Intune Win32-app uninstall script for Orchestrator: removes the tasks the package deployed and the module it installed.
.DESCRIPTION
    Reads -StateRoot\deployment.json (written by Install.ps1), unregisters every task whose
    definition is in -StateRoot\tasks (other Orchestrator tasks stay), removes the module folders
    the install created and the deployment record. Task history, the store and orc-exec in
    %ProgramFiles%\Orchestrator stay: other tasks may still use them. Logged with UTC times to
    -StateRoot\Logs\uninstall.log. Exit 0 when done (also when nothing was installed), 1 when a
    task could not be removed.
    A 32-bit host (Intune's agent on 64-bit Windows) re-runs it in 64-bit Windows PowerShell.
.PARAMETER StateRoot
    Where Install.ps1 recorded the deployment; default %ProgramData%\Orchestrator\Intune.
.PARAMETER Relaunched
    Set by the 32-bit to 64-bit re-launch; not for callers.
.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Uninstall.ps1

    The Intune uninstall command.
#>
[CmdletBinding()]
param(
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

function Write-UninstallLog {
    param([string] $Message)
    $line = '{0:yyyy-MM-ddTHH:mm:ssZ} {1}' -f [datetime]::UtcNow, $Message
    Add-Content -LiteralPath $script:LogPath -Value $line -Encoding UTF8
    Write-Output $line
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

if (-not $StateRoot) { $StateRoot = Join-Path $env:ProgramData 'Orchestrator\Intune' }
$null = New-Item -ItemType Directory -Path (Join-Path $StateRoot 'Logs') -Force
$script:LogPath = Join-Path (Join-Path $StateRoot 'Logs') 'uninstall.log'

try {
    $recordPath = Join-Path $StateRoot 'deployment.json'
    if (-not (Test-Path -LiteralPath $recordPath -PathType Leaf)) {
        Write-UninstallLog "Nothing to remove: '$recordPath' does not exist."
        exit 0
    }
    $record = [System.IO.File]::ReadAllText($recordPath) | ConvertFrom-Json
    $tasks = Join-Path $StateRoot 'tasks'
    $names = @(Get-ChildItem -Path $tasks -Filter '*.json' -File -ErrorAction SilentlyContinue |
            ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_.Name) })
    $failures = 0
    if ($record.module -and (Test-Path -LiteralPath (Join-Path $record.module 'Orchestrator.psd1'))) {
        Import-Module -Name (Join-Path $record.module 'Orchestrator.psd1') -Force
        $existing = @(Get-OrcTask -ErrorAction SilentlyContinue | ForEach-Object { $_.Name })
        foreach ($name in $names) {
            if ($existing -notcontains $name) { continue }
            try {
                Unregister-OrcTask -Name $name -Force -Confirm:$false -ErrorAction Stop
                Write-UninstallLog "Removed task '$name'."
            }
            catch {
                $failures++
                Write-UninstallLog "FAILED to remove task '$name': $($_.Exception.Message)"
            }
        }
        Remove-Module -Name Orchestrator -Force -ErrorAction SilentlyContinue
    }
    if ($failures -gt 0) {
        # Keep the record and the module, so that running the uninstall again can finish the job.
        Write-UninstallLog "FAILED: $failures task(s) could not be removed; the deployment record was kept."
        exit 1
    }
    foreach ($folder in @($record.dscModule, $record.module)) {
        if ($folder -and (Test-Path -LiteralPath $folder)) {
            Remove-Item -LiteralPath $folder -Recurse -Force
            Write-UninstallLog "Removed module folder '$folder'."
        }
    }
    Remove-Item -LiteralPath $tasks -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $recordPath -Force
    Write-UninstallLog 'Done.'
    exit 0
}
catch {
    Write-UninstallLog "FAILED: $($_.Exception.Message)"
    exit 1
}
