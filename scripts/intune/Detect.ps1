<#
.SYNOPSIS
    Intune Win32-app detection script for Orchestrator: exit 0 with one line on stdout only when compliant.
.DESCRIPTION
    Intune counts the app as installed when a detection script exits 0 AND writes to stdout; any
    other outcome means "not installed". So this script writes exactly one line when, and only
    when, every check passes, and nothing at all otherwise (errors are swallowed, warnings silenced):
    - the Orchestrator module is in the machine module path (-ModuleRoot);
    - Install.ps1 recorded a deployment (-StateRoot\deployment.json) of this -Release;
    - Test-OrcTaskState finds every deployed definition registered as defined (with -Prune when
      the deployment pruned, so an extra task of ours is a difference too).
    Intune uploads this file alone (no package content beside it) and runs it without arguments,
    so the defaults are the paths Install.ps1 writes. Set $Release below to the package's
    release.txt when you publish a new version, or Intune would see the old one as installed.
    A 32-bit host (Intune's agent on 64-bit Windows) re-runs it in 64-bit Windows PowerShell.
.PARAMETER Release
    The release this package deploys (release.txt beside Install.ps1); empty accepts any.
.PARAMETER ModuleRoot
    Where Install.ps1 put the module; default %ProgramFiles%\WindowsPowerShell\Modules.
.PARAMETER StateRoot
    Where Install.ps1 recorded the deployment; default %ProgramData%\Orchestrator\Intune.
.PARAMETER Relaunched
    Set by the 32-bit to 64-bit re-launch; not for callers.
.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Detect.ps1

    Prints "Orchestrator: 4 task(s) compliant, release 2026.11.1" and exits 0 on a compliant machine.
#>
[CmdletBinding()]
param(
    [string] $Release = '',

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

# Only the final line may reach stdout: no warnings, progress or host output on the way.
$WarningPreference = 'SilentlyContinue'
$InformationPreference = 'SilentlyContinue'
$ProgressPreference = 'SilentlyContinue'
$VerbosePreference = 'SilentlyContinue'
$ErrorActionPreference = 'Stop'

$relaunch = Get-OrcRelaunchCommand -Is64BitOperatingSystem ([Environment]::Is64BitOperatingSystem) -Is64BitProcess ([Environment]::Is64BitProcess) `
    -WindowsDirectory $env:windir -ScriptPath $PSCommandPath -BoundParameters $PSBoundParameters -Relaunched $Relaunched.IsPresent
if ($relaunch -and (Test-Path -LiteralPath $relaunch.FilePath)) {
    $arguments = $relaunch.ArgumentList
    & $relaunch.FilePath @arguments
    exit $LASTEXITCODE
}

try {
    # ProgramW6432 is the 64-bit Program Files even where a re-launch was impossible.
    $programFiles = $env:ProgramW6432
    if (-not $programFiles) { $programFiles = $env:ProgramFiles }
    if (-not $ModuleRoot) { $ModuleRoot = Join-Path $programFiles 'WindowsPowerShell\Modules' }
    if (-not $StateRoot) { $StateRoot = Join-Path $env:ProgramData 'Orchestrator\Intune' }

    # The newest <version>\Orchestrator.psd1, as Import-Module -Name would pick it.
    $manifest = $null
    $newest = $null
    foreach ($folder in @(Get-ChildItem -Path (Join-Path $ModuleRoot 'Orchestrator') -Directory -ErrorAction SilentlyContinue)) {
        $version = $null
        $candidate = Join-Path $folder.FullName 'Orchestrator.psd1'
        if ([version]::TryParse($folder.Name, [ref]$version) -and (Test-Path -LiteralPath $candidate -PathType Leaf) -and ($null -eq $newest -or $version -gt $newest)) {
            $newest = $version
            $manifest = $candidate
        }
    }
    if (-not $manifest) { exit 1 }

    $recordPath = Join-Path $StateRoot 'deployment.json'
    if (-not (Test-Path -LiteralPath $recordPath -PathType Leaf)) { exit 1 }
    $record = [System.IO.File]::ReadAllText($recordPath) | ConvertFrom-Json
    if ($Release -and [string]$record.release -ne $Release) { exit 1 }
    $tasks = Join-Path $StateRoot 'tasks'
    if (-not (Test-Path -LiteralPath $tasks -PathType Container)) { exit 1 }
    $count = @(Get-ChildItem -Path $tasks -Filter '*.json' -File).Count

    Import-Module -Name $manifest -Force
    $compliant = Test-OrcTaskState -Path $tasks -Prune:([bool]$record.prune) -Quiet
    if ($compliant -ne $true) { exit 1 }
}
catch {
    exit 1
}
Write-Output ("Orchestrator: {0} task(s) compliant, release {1}" -f $count, $record.release)
exit 0
