<#
.SYNOPSIS
    Builds the source folder of Orchestrator's Intune Win32 app from a source checkout and a folder of task definitions.
.DESCRIPTION
    Writes into -OutputPath the layout Install.ps1 expects:
        Install.ps1, Uninstall.ps1, Detect.ps1 (with $Release set to -Release), release.txt,
        Orchestrator\      Orchestrator.psd1, powershell\ (without tests), en-US\, bin\<Runtime>\orc-exec[.exe]
        OrchestratorDsc\   the OrcTask DSC resource
        tasks\             the definitions (*.json) from -TasksPath
    Then wrap it with Microsoft's IntuneWinAppUtil.exe (-c <OutputPath> -s Install.ps1) and upload
    Detect.ps1 from -OutputPath as the custom detection script (docs/deploy.md, "Intune").
    Build orc-exec first: build.ps1 Build (or -Runtime of the host for a local try).
.PARAMETER TasksPath
    A folder of task definitions (*.json), for example one written by Export-OrcTask -Path.
.PARAMETER OutputPath
    The package folder to create; must not exist yet.
.PARAMETER Release
    A label for this version (date, build number); Detect.ps1 only accepts a deployment of it.
.PARAMETER Runtime
    The orc-exec build to ship: win-x64 (default) or win-arm64; another runtime id for tests.
.EXAMPLE
    ./scripts/intune/New-OrcIntunePackage.ps1 -TasksPath .\tasks -OutputPath .\out\intune -Release 2026.11.1

    Then: IntuneWinAppUtil.exe -c .\out\intune -s Install.ps1 -o .\out
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $TasksPath,

    [Parameter(Mandatory)] [string] $OutputPath,

    [Parameter(Mandatory)] [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]*$')] [string] $Release,

    [string] $Runtime = 'win-x64'
)

$ErrorActionPreference = 'Stop'
$repo = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$binary = Join-Path (Join-Path $repo 'bin') $Runtime
if (-not (Test-Path -LiteralPath $binary -PathType Container)) {
    throw "No orc-exec build for $Runtime at '$binary'. Run 'build.ps1 Build' first (or pass the -Runtime you built)."
}
$definitions = @(Get-ChildItem -Path $TasksPath -Filter '*.json' -File)
if ($definitions.Count -eq 0) {
    throw "-TasksPath '$TasksPath' holds no definitions (*.json). Export-OrcTask -Path <folder> writes one file per task."
}
if (Test-Path -LiteralPath $OutputPath) {
    throw "-OutputPath '$OutputPath' exists already. Choose a new folder, so that no stale file ends up in the package."
}
if (-not $PSCmdlet.ShouldProcess($OutputPath, "Build the Intune package of release $Release")) { return }

$module = Join-Path $OutputPath 'Orchestrator'
$null = New-Item -ItemType Directory -Path $module, (Join-Path $module 'bin'), (Join-Path $OutputPath 'tasks') -Force
Copy-Item -LiteralPath (Join-Path $repo 'Orchestrator.psd1') -Destination $module
Copy-Item -LiteralPath (Join-Path $repo 'en-US') -Destination $module -Recurse
$null = New-Item -ItemType Directory -Path (Join-Path $module 'powershell')
Get-ChildItem -Path (Join-Path $repo 'powershell') | Where-Object { $_.Name -notin 'tests', 'Dsc' } |
    Copy-Item -Destination (Join-Path $module 'powershell') -Recurse
Copy-Item -LiteralPath $binary -Destination (Join-Path $module 'bin') -Recurse
Copy-Item -LiteralPath (Join-Path $repo 'powershell/Dsc/OrchestratorDsc') -Destination $OutputPath -Recurse
$definitions | Copy-Item -Destination (Join-Path $OutputPath 'tasks')
foreach ($script in 'Install.ps1', 'Uninstall.ps1') {
    Copy-Item -LiteralPath (Join-Path $PSScriptRoot $script) -Destination $OutputPath
}
$detect = [System.IO.File]::ReadAllText((Join-Path $PSScriptRoot 'Detect.ps1'))
$marker = "[string] `$Release = ''"
if (-not $detect.Contains($marker)) { throw "Detect.ps1 no longer declares $marker; update New-OrcIntunePackage.ps1." }
$utf8 = New-Object System.Text.UTF8Encoding $false
[System.IO.File]::WriteAllText((Join-Path $OutputPath 'Detect.ps1'), $detect.Replace($marker, "[string] `$Release = '$Release'"), $utf8)
[System.IO.File]::WriteAllText((Join-Path $OutputPath 'release.txt'), $Release, $utf8)
Get-Item -LiteralPath $OutputPath
