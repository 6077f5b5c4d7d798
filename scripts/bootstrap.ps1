<#
.SYNOPSIS
    Prepares a Windows machine for Orchestrator development.
.DESCRIPTION
    The Windows counterpart of scripts/bootstrap.sh. Idempotent: checks Go 1.26+ is on
    PATH and installs Pester 5.7.1 for the current user when it is missing. Windows needs
    neither Wine nor cron: the Windows lane runs natively and Task Scheduler is the backend.
.EXAMPLE
    ./scripts/bootstrap.ps1
    ./build.ps1 Lint Test
#>
[CmdletBinding()]
param()

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$go = Get-Command go -ErrorAction SilentlyContinue
if (-not $go) {
    throw 'Go is not on PATH. Install Go 1.26 or later (winget install GoLang.Go) and open a new shell.'
}
$goVersion = (& go env GOVERSION)
if ($goVersion -notmatch '^go1\.(2[6-9]|[3-9]\d)') {
    throw "Go $goVersion is too old: Orchestrator needs Go 1.26 or later."
}
Write-Host "bootstrap: $goVersion ok"

$pester = Get-Module -ListAvailable Pester | Where-Object { $_.Version -ge [version]'5.7.1' } | Select-Object -First 1
if (-not $pester) {
    Write-Host 'bootstrap: installing Pester 5.7.1 for the current user'
    Install-Module Pester -RequiredVersion 5.7.1 -Scope CurrentUser -Force -SkipPublisherCheck
}
else {
    Write-Host "bootstrap: Pester $($pester.Version) ok"
}
Write-Host 'bootstrap: done'
