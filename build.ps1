<#
.SYNOPSIS
    Builds, tests, lints, benchmarks and demonstrates Orchestrator.
.DESCRIPTION
    The single entry point for developers and CI. Each task fails the build on
    any non-zero step. Run scripts/bootstrap.sh once on a fresh Linux machine
    (and source ../shared/dev-env.sh for Go) before the first run.
.PARAMETER Task
    One or more of: Build, Test, GoTest, WindowsTest, PesterTest, BrowserTest, Lint, Bench, Demo, Screenshots, Clean.
.EXAMPLE
    ./build.ps1 Build
.EXAMPLE
    ./build.ps1 Lint Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0, ValueFromRemainingArguments = $true)]
    [ValidateSet('Build', 'Test', 'GoTest', 'WindowsTest', 'PesterTest', 'BrowserTest', 'Lint', 'Bench', 'Demo', 'Screenshots', 'Clean')]
    [string[]] $Task = @('Build'),

    # Target runtimes for Build; the default is every shipped one.
    [ValidateSet('win-x64', 'win-arm64', 'linux-x64', 'linux-arm64', 'osx-arm64')]
    [string[]] $Runtime = @('win-x64', 'win-arm64', 'linux-x64', 'osx-arm64')
)

Set-StrictMode -Version Latest
# $IsWindows and $IsMacOS do not exist on Windows PowerShell 5.1, and strict mode throws on reading them.
$OnWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or [bool](Get-Variable -Name IsWindows -ValueOnly -ErrorAction SilentlyContinue)
$OnMacOS = [bool](Get-Variable -Name IsMacOS -ValueOnly -ErrorAction SilentlyContinue)
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Tools = Join-Path $Root '.tools'

$RidMap = @{
    'win-x64'     = @{ GOOS = 'windows'; GOARCH = 'amd64'; Exe = 'orc-exec.exe' }
    'win-arm64'   = @{ GOOS = 'windows'; GOARCH = 'arm64'; Exe = 'orc-exec.exe' }
    'linux-x64'   = @{ GOOS = 'linux'; GOARCH = 'amd64'; Exe = 'orc-exec' }
    'linux-arm64' = @{ GOOS = 'linux'; GOARCH = 'arm64'; Exe = 'orc-exec' }
    'osx-arm64'   = @{ GOOS = 'darwin'; GOARCH = 'arm64'; Exe = 'orc-exec' }
}

# Go code lives in go/ and bench/ (bench only once it holds Go files).
$GoDirs = @(Join-Path $Root 'go') + @(Get-ChildItem -Path (Join-Path $Root 'bench') -Filter *.go -ErrorAction SilentlyContinue | Select-Object -First 1 | ForEach-Object { $_.DirectoryName })
$GoPackages = @('./go/...') + @(if ($GoDirs.Count -gt 1) { './bench/...' })

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

# Runs a native command and throws when it fails, so every task stops at the first broken step.
function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList, [hashtable] $Environment = @{})
    $saved = @{}
    foreach ($k in $Environment.Keys) {
        $saved[$k] = [Environment]::GetEnvironmentVariable($k)
        [Environment]::SetEnvironmentVariable($k, $Environment[$k])
    }
    try {
        & $FilePath @ArgumentList
        if ($LASTEXITCODE -ne 0) {
            throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE"
        }
    }
    finally {
        foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
    }
}

function Get-Version {
    $v = (Get-Content -Raw (Join-Path $Root 'VERSION')).Trim()
    $commit = & git -C $Root rev-parse --short HEAD 2>$null
    if ($LASTEXITCODE -ne 0 -or -not $commit) { $commit = 'unknown' }
    $global:LASTEXITCODE = 0
    return @{ Version = $v; Commit = $commit }
}

function Get-HostRid {
    if ($OnWindows) {
        if ([System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture -eq 'Arm64') { return 'win-arm64' }
        return 'win-x64'
    }
    $arch = if ([System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture -eq 'Arm64') { 'arm64' } else { 'x64' }
    if ($OnMacOS) { return "osx-$arch" }
    return "linux-$arch"
}

function Invoke-Build([string[]] $Rids) {
    $ver = Get-Version
    $ldflags = "-s -w -X main.version=$($ver.Version) -X main.commit=$($ver.Commit)"
    foreach ($rid in $Rids) {
        $m = $RidMap[$rid]
        $out = Join-Path $Root "bin/$rid/$($m.Exe)"
        Write-Step "Build orc-exec $($ver.Version) for $rid"
        Invoke-Native go @('build', '-trimpath', '-ldflags', $ldflags, '-o', $out, './go/cmd/orc-exec') @{ GOOS = $m.GOOS; GOARCH = $m.GOARCH; CGO_ENABLED = '0' }
    }
}

function Invoke-GoTest {
    # Compile every test package first: ginkgo runs suites while it compiles the next ones, and
    # on a cold cache that load makes timing specs (timeouts, concurrency ratios) flaky.
    Write-Step 'Compile test packages (race)'
    Invoke-Native go @('test', '-race', '-count=1', '-run=^$', './go/...')
    Write-Step 'Ginkgo suites (race, randomized, parallel)'
    $report = Join-Path $Root 'out/ginkgo.json'
    New-Item -ItemType Directory -Force -Path (Split-Path $report) | Out-Null
    Remove-Item $report -ErrorAction SilentlyContinue
    try {
        Invoke-Native go @('tool', 'ginkgo', '-r', '-p', '--randomize-all', '--fail-on-pending', '--fail-on-empty', '--race', '--timeout=30m', '--poll-progress-after=120s', "--json-report=$report", './go')
    }
    finally {
        if (Test-Path $report) {
            # One plain closing line over every suite, like Pester's below.
            $specs = @((Get-Content -Raw $report | ConvertFrom-Json) | ForEach-Object { $_.SpecReports } | Where-Object { $_.LeafNodeType -eq 'It' })
            $passed = @($specs | Where-Object State -EQ 'passed').Count
            $failed = @($specs | Where-Object { $_.State -in 'failed', 'panicked', 'timedout', 'interrupted', 'aborted' }).Count
            $skipped = @($specs | Where-Object { $_.State -in 'skipped', 'pending' }).Count
            Write-Host ("Ginkgo: {0} passed, {1} failed, {2} skipped" -f $passed, $failed, $skipped)
        }
    }
    # A short fuzz run on top of the seed corpus the suites already replay.
    foreach ($target in 'FuzzParse', 'FuzzPlan') {
        Write-Step "Fuzz $target (20s)"
        Invoke-Native go @('test', '-run=^$', "-fuzz=^$target`$", '-fuzztime=20s', './go/internal/cronplan')
    }
}

function Invoke-WindowsTest {
    if ($OnWindows) {
        Write-Step 'Windows lane: GoTest already ran natively on Windows'
        return
    }
    Write-Step 'Windows lane under Wine'
    Invoke-Native bash @((Join-Path $Root 'scripts/test-windows.sh'))
    Write-Step 'End-to-end suite on orc-exec.exe under Wine'
    Invoke-Native bash @((Join-Path $Root 'scripts/test-windows-e2e.sh'))
    Write-Step 'Pester in the Windows PowerShell host under Wine'
    Invoke-Native bash @((Join-Path $Root 'scripts/test-windows-pester.sh'))
}

function Invoke-PesterTest {
    Write-Step 'Pester tests'
    $pester = Get-ChildItem -Path (Join-Path $Tools 'modules/Pester') -Filter Pester.psd1 -Recurse -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($pester) { Import-Module $pester.FullName -Force } else { Import-Module Pester -MinimumVersion 5.5 }
    $rid = Get-HostRid
    $exe = Join-Path $Root "bin/$rid/$($RidMap[$rid].Exe)"
    # Always rebuild (cached, so cheap): a stale binary from an older tree fails in confusing ways.
    Invoke-Build @($rid)
    $env:ORC_EXEC_PATH = $exe
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $Root 'powershell/tests'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Normal'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = Join-Path $Root 'out/pester.xml'
    $r = Invoke-Pester -Configuration $config
    # The plain closing line CI reads, whatever Pester's own summary looks like.
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $r.PassedCount, $r.FailedCount, $r.SkippedCount)
    if ($r.FailedCount -gt 0 -or $r.Result -ne 'Passed') { throw "Pester: $($r.FailedCount) test(s) failed" }
    if ($r.PassedCount -eq 0) { throw 'Pester ran no test' }
}

# The browser lane (tests/browser): Debian's chromium driven by playwright-core, both installed by
# scripts/bootstrap.sh. Linux only: it drives the cron backend.
function Invoke-BrowserNode([string] $Step, [string[]] $NodeArgs) {
    if ($OnWindows -or $OnMacOS) { Write-Step "$Step skipped: the browser lane runs on Linux (cron backend, Debian chromium)"; return }
    Write-Step $Step
    if (-not (Get-Command node -ErrorAction SilentlyContinue)) { throw 'node not found: the browser lane needs Node.js 20+ (see scripts/bootstrap.sh)' }
    if (-not (Test-Path (Join-Path $Root 'tests/browser/node_modules/playwright-core'))) { throw 'tests/browser/node_modules/playwright-core missing: run scripts/bootstrap.sh' }
    $rid = Get-HostRid
    Invoke-Build @($rid)
    $pwsh = if ($env:ORC_PWSH) { $env:ORC_PWSH } elseif (Test-Path (Join-Path $Tools 'bin/pwsh')) { Join-Path $Tools 'bin/pwsh' } else { (Get-Process -Id $PID).Path }
    Invoke-Native node $NodeArgs @{ ORC_EXEC = (Join-Path $Root "bin/$rid/$($RidMap[$rid].Exe)"); ORC_PWSH = $pwsh }
}

function Invoke-BrowserTest {
    Invoke-BrowserNode 'Browser test (chromium)' @('--test', '--test-reporter=spec', (Join-Path $Root 'tests/browser/dashboard.spec.mjs'))
}

function Invoke-Screenshots {
    Invoke-BrowserNode 'Screenshots (docs/img)' @((Join-Path $Root 'tests/browser/screenshots.mjs'))
}

function Invoke-Lint {
    Write-Step 'gofmt'
    $unformatted = & gofmt -l $GoDirs
    if ($unformatted) { throw "gofmt would change: $($unformatted -join ', ')" }
    foreach ($goos in 'linux', 'windows', 'darwin') {
        Write-Step "go vet ($goos)"
        Invoke-Native go (@('vet') + $GoPackages) @{ GOOS = $goos }
    }
    Write-Step 'staticcheck'
    Invoke-Native go (@('tool', 'staticcheck') + $GoPackages)
    Write-Step 'PowerShell: every file parses'
    $bad = @()
    Get-ChildItem -Path (Join-Path $Root 'powershell'), $Root -Include *.ps1, *.psm1, *.psd1 -Recurse -File |
        Where-Object { $_.FullName -notlike (Join-Path $Tools '*') } | ForEach-Object {
            $errors = $null
            [void][System.Management.Automation.Language.Parser]::ParseFile($_.FullName, [ref]$null, [ref]$errors)
            if ($errors) { $bad += "$($_.FullName): $($errors[0].Message)" }
        }
    if ($bad) { throw ($bad -join [Environment]::NewLine) }
}

function Invoke-Bench {
    Write-Step 'Benchmarks (see docs/performance.md)'
    Invoke-Build @(Get-HostRid)
    Invoke-Native bash @((Join-Path $Root 'bench/run.sh'))
}

function Invoke-Demo {
    $rid = Get-HostRid
    Invoke-Build @($rid)
    Write-Step 'Demo'
    $exe = Join-Path $Root "bin/$rid/$($RidMap[$rid].Exe)"
    & (Join-Path $Root 'scripts/demo.ps1') -OrcExecPath $exe
    if (-not $?) { throw 'demo failed' }
}

Push-Location $Root
try {
    foreach ($t in $Task) {
        switch ($t) {
            'Build' { Invoke-Build $Runtime }
            'GoTest' { Invoke-GoTest }
            'WindowsTest' { Invoke-WindowsTest }
            'PesterTest' { Invoke-PesterTest }
            'BrowserTest' { Invoke-BrowserTest }
            'Test' { Invoke-GoTest; Invoke-WindowsTest; Invoke-PesterTest; Invoke-BrowserTest }
            'Lint' { Invoke-Lint }
            'Bench' { Invoke-Bench }
            'Demo' { Invoke-Demo }
            'Screenshots' { Invoke-Screenshots }
            'Clean' { Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Root 'bin'), (Join-Path $Root 'out') }
        }
    }
}
finally {
    Pop-Location
}
