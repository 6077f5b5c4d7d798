<#
.SYNOPSIS
    Builds, tests, lints, benchmarks and demonstrates Orchestrator.
.DESCRIPTION
    The single entry point for developers and CI. Each task fails the build on
    any non-zero step. Run scripts/bootstrap.sh once on a fresh Linux machine
    (and source ../shared/dev-env.sh for Go) before the first run.
.PARAMETER Task
    One or more of: Build, Test, GoTest, WindowsTest, PesterTest, BrowserTest, Lint, Bench, Demo, Package, Screenshots, Clean.
    Package builds the signed module folder and .nupkg under out/package (docs/release.md).
.EXAMPLE
    ./build.ps1 Build
.EXAMPLE
    ./build.ps1 Lint Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0, ValueFromRemainingArguments = $true)]
    [ValidateSet('Build', 'Test', 'GoTest', 'WindowsTest', 'PesterTest', 'BrowserTest', 'Lint', 'Bench', 'Demo', 'Package', 'Screenshots', 'Clean')]
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

# The module folder a gallery install makes (Orchestrator/<version>/), with orc-exec for every
# shipped runtime where Get-OrcExecutablePath looks (bin/<rid>/), signed; and the same as a .nupkg.
function Invoke-Package {
    $ver = (Get-Version).Version
    $rids = @('win-x64', 'win-arm64', 'linux-x64', 'osx-arm64')
    Invoke-Build $rids
    $out = Join-Path $Root 'out/package'
    $dest = Join-Path $out "Orchestrator/$ver"
    Write-Step "Package Orchestrator $ver into $dest"
    if (Test-Path $out) { Remove-Item -Recurse -Force $out }
    $null = New-Item -ItemType Directory -Force -Path $dest
    foreach ($file in 'Orchestrator.psd1', 'LICENSE', 'CHANGELOG.md') { Copy-Item (Join-Path $Root $file) $dest }
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $dest 'en-US')
    Copy-Item (Join-Path $Root 'en-US/*') (Join-Path $dest 'en-US')
    $moduleDir = Join-Path $Root 'powershell'
    Get-ChildItem -Path $moduleDir -Recurse -File | Where-Object { $_.FullName -notlike (Join-Path $moduleDir 'tests*') } | ForEach-Object {
        $target = Join-Path $dest ('powershell' + $_.FullName.Substring($moduleDir.Length))
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $target)
        Copy-Item $_.FullName $target
    }
    foreach ($rid in $rids) {
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $dest "bin/$rid")
        Copy-Item (Join-Path $Root "bin/$rid/$($RidMap[$rid].Exe)") (Join-Path $dest "bin/$rid")
    }
    $manifest = Join-Path $dest 'Orchestrator.psd1'
    $notes = Get-ReleaseNote -Version $ver
    $text = [System.IO.File]::ReadAllText($manifest)
    $text = [regex]::Replace($text, "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$ver'")
    $text = [regex]::Replace($text, "(?m)^(\s*ReleaseNotes\s*=\s*)'[^']*'", { param($m) $m.Groups[1].Value + "'" + $notes.Replace("'", "''") + "'" })
    [System.IO.File]::WriteAllText($manifest, $text, (New-Object System.Text.UTF8Encoding $false))
    $loaded = Test-ModuleManifest -Path $manifest -ErrorAction Stop
    if ("$($loaded.Version)" -ne $ver) { throw "the packaged manifest says $($loaded.Version), VERSION says $ver" }

    Invoke-Signing -Folder $dest
    $nupkg = Join-Path $out "Orchestrator.$ver.nupkg"
    New-Nupkg -Folder $dest -Path $nupkg -Version $ver -Notes $notes
    Write-Host "Package: $dest, $nupkg"
}

# The CHANGELOG.md section of a version (Keep a Changelog), without its heading.
function Get-ReleaseNote([string] $Version) {
    $changelog = [System.IO.File]::ReadAllText((Join-Path $Root 'CHANGELOG.md'))
    $m = [regex]::Match($changelog, "(?ms)^## \[$([regex]::Escape($Version))\][^\n]*\n(.*?)(?=^## \[|^\[[^\]]+\]:|\z)")
    if (-not $m.Success) { throw "CHANGELOG.md has no '## [$Version]' section: add one before packaging $Version" }
    return $m.Groups[1].Value.Trim()
}

# Invoke-Native for chatty tools (openssl's key generation progress): output only when it fails.
function Invoke-Quiet([string] $FilePath, [string[]] $ArgumentList) {
    $output = & $FilePath @ArgumentList 2>&1
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code ${LASTEXITCODE}: $($output -join [Environment]::NewLine)" }
}

# Signs every orc-exec.exe and every .ps1/.psm1/.psd1/.ps1xml under Folder with osslsigncode and
# verifies each signature. ORC_SIGN_CERT/ORC_SIGN_KEY (PEM; a release certificate, see
# docs/release.md) sign for real; without them a throw-away test CA and code-signing certificate
# are made with openssl in out/signing, and verification trusts that CA only.
function Invoke-Signing([string] $Folder) {
    foreach ($tool in 'osslsigncode', 'openssl') {
        if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) {
            throw "$tool was not found: run scripts/bootstrap.sh (apt-get install osslsigncode openssl), or package on Linux (docs/release.md)"
        }
    }
    $work = Join-Path $Root 'out/signing'
    if (Test-Path $work) { Remove-Item -Recurse -Force $work }
    $null = New-Item -ItemType Directory -Force -Path $work
    if ($env:ORC_SIGN_CERT -and $env:ORC_SIGN_KEY) {
        Write-Step 'Sign with the release certificate (ORC_SIGN_CERT)'
        $cert = $env:ORC_SIGN_CERT; $key = $env:ORC_SIGN_KEY
        $caFile = if ($env:ORC_SIGN_CAFILE) { $env:ORC_SIGN_CAFILE } else { '/etc/ssl/certs/ca-certificates.crt' }
    }
    else {
        Write-Step 'Sign with a throw-away test certificate (openssl)'
        $cnf = Join-Path $work 'openssl.cnf'
        [System.IO.File]::WriteAllText($cnf, "[req]`ndistinguished_name=dn`n[dn]`n[ca]`nbasicConstraints=critical,CA:TRUE`nkeyUsage=critical,keyCertSign,cRLSign`nsubjectKeyIdentifier=hash`n[leaf]`nbasicConstraints=critical,CA:FALSE`nkeyUsage=critical,digitalSignature`nextendedKeyUsage=codeSigning`nsubjectKeyIdentifier=hash`nauthorityKeyIdentifier=keyid`n")
        $caFile = Join-Path $work 'test-ca.pem'
        $cert = Join-Path $work 'test-signing.pem'
        $key = Join-Path $work 'test-signing.key'
        Invoke-Quiet openssl @('req', '-x509', '-newkey', 'rsa:3072', '-nodes', '-keyout', (Join-Path $work 'test-ca.key'), '-out', $caFile, '-days', '2', '-subj', '/CN=Orchestrator Test CA (throw-away)', '-config', $cnf, '-extensions', 'ca')
        Invoke-Quiet openssl @('req', '-newkey', 'rsa:3072', '-nodes', '-keyout', $key, '-out', (Join-Path $work 'test-signing.csr'), '-subj', '/CN=Orchestrator Test Code Signing (throw-away)', '-config', $cnf)
        Invoke-Quiet openssl @('x509', '-req', '-in', (Join-Path $work 'test-signing.csr'), '-CA', $caFile, '-CAkey', (Join-Path $work 'test-ca.key'), '-CAcreateserial', '-out', $cert, '-days', '2', '-extfile', $cnf, '-extensions', 'leaf')
    }
    $files = @(Get-ChildItem -Path $Folder -Recurse -File | Where-Object { $_.Name -eq 'orc-exec.exe' -or $_.Extension -in '.ps1', '.psm1', '.psd1', '.ps1xml' })
    foreach ($file in $files) {
        $signed = "$($file.FullName).signed"
        $arguments = @('sign', '-certs', $cert, '-key', $key, '-n', 'Orchestrator', '-i', 'https://github.com/orchestrator/orchestrator', '-h', 'sha256')
        if ($env:ORC_SIGN_TIMESTAMP_URL) { $arguments += @('-ts', $env:ORC_SIGN_TIMESTAMP_URL) }
        $output = & osslsigncode @($arguments + @('-in', $file.FullName, '-out', $signed)) 2>&1
        if ($LASTEXITCODE -ne 0) { throw "osslsigncode could not sign $($file.FullName): $output" }
        Move-Item -Force $signed $file.FullName
        $output = & osslsigncode verify -CAfile $caFile -in $file.FullName 2>&1
        if ($LASTEXITCODE -ne 0) { throw "the signature of $($file.FullName) does not verify: $output" }
    }
    Write-Host ("Signatures: {0} files signed and verified ({1} orc-exec.exe)" -f $files.Count, @($files | Where-Object Name -EQ 'orc-exec.exe').Count)
}

# A .nupkg as PowerShellGet publishes one: the module files at the root, the .nuspec, OPC parts.
# Zipped here rather than with 'dotnet pack' or Publish-Module, which need a feed or network.
function New-Nupkg([string] $Folder, [string] $Path, [string] $Version, [string] $Notes) {
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $m = Import-PowerShellDataFile (Join-Path $Folder 'Orchestrator.psd1')
    $esc = { param($s) [System.Security.SecurityElement]::Escape([string]$s) }
    $tags = @($m.PrivateData.PSData.Tags) + @('PSModule', 'PSIncludes_Function') + @($m.FunctionsToExport | ForEach-Object { "PSFunction_$_"; "PSCommand_$_" })
    $nuspec = @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>Orchestrator</id>
    <version>$Version</version>
    <authors>$(& $esc $m.Author)</authors>
    <owners>$(& $esc $m.CompanyName)</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <licenseUrl>$(& $esc $m.PrivateData.PSData.LicenseUri)</licenseUrl>
    <projectUrl>$(& $esc $m.PrivateData.PSData.ProjectUri)</projectUrl>
    <description>$(& $esc $m.Description)</description>
    <releaseNotes>$(& $esc $Notes)</releaseNotes>
    <copyright>$(& $esc $m.Copyright)</copyright>
    <tags>$(& $esc ($tags -join ' '))</tags>
  </metadata>
</package>
"@
    $psmdcp = "$([guid]::NewGuid().ToString('N')).psmdcp"
    $core = @"
<?xml version="1.0" encoding="utf-8"?>
<coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">
  <dc:creator>$(& $esc $m.Author)</dc:creator>
  <dc:description>$(& $esc $m.Description)</dc:description>
  <dc:identifier>Orchestrator</dc:identifier>
  <version>$Version</version>
  <keywords>$(& $esc ($tags -join ' '))</keywords>
</coreProperties>
"@
    $rels = @"
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/Orchestrator.nuspec" Id="R0" />
  <Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/package/services/metadata/core-properties/$psmdcp" Id="R1" />
</Relationships>
"@
    $files = @(Get-ChildItem -Path $Folder -Recurse -File)
    $extensions = @($files | ForEach-Object { $_.Extension.TrimStart('.') } | Where-Object { $_ } | Sort-Object -Unique)
    $types = @('<?xml version="1.0" encoding="utf-8"?>', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />',
        '  <Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />',
        '  <Default Extension="nuspec" ContentType="application/octet" />')
    $types += @($extensions | Where-Object { $_ -notin 'rels', 'psmdcp', 'nuspec' } | ForEach-Object { "  <Default Extension=`"$_`" ContentType=`"application/octet`" />" })
    # Files without an extension (LICENSE, orc-exec) need an Override each.
    $types += @($files | Where-Object { -not $_.Extension } | ForEach-Object { "  <Override PartName=`"/$($_.FullName.Substring($Folder.Length + 1).Replace('\', '/'))`" ContentType=`"application/octet`" />" })
    $types += '</Types>'
    $staging = "$Path.new"
    if (Test-Path $staging) { Remove-Item -Force $staging }
    $zip = [System.IO.Compression.ZipFile]::Open($staging, 'Create')
    try {
        $utf8 = New-Object System.Text.UTF8Encoding $false
        $add = {
            param([string] $Name, [string] $Text)
            $entry = $zip.CreateEntry($Name)
            $stream = $entry.Open()
            try { $bytes = $utf8.GetBytes($Text); $stream.Write($bytes, 0, $bytes.Length) } finally { $stream.Dispose() }
        }
        & $add 'Orchestrator.nuspec' $nuspec
        & $add '[Content_Types].xml' ($types -join "`n")
        & $add '_rels/.rels' $rels
        & $add "package/services/metadata/core-properties/$psmdcp" $core
        foreach ($file in $files) {
            $name = $file.FullName.Substring($Folder.Length + 1).Replace('\', '/')
            $null = [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $name)
        }
    }
    finally { $zip.Dispose() }
    Move-Item -Force $staging $Path
}

Push-Location $Root
try {
    foreach ($t in $Task) {
        switch ($t) {
            'Build' { Invoke-Build $Runtime }
            'GoTest' { Invoke-GoTest }
            'WindowsTest' { Invoke-WindowsTest }
            'PesterTest' { Invoke-PesterTest }
            # Package before Pester: the install test (E2E/Package.E2E.Tests.ps1) installs what it built.
            'BrowserTest' { Invoke-BrowserTest }
            'Test' {
                Invoke-GoTest; Invoke-WindowsTest
                # A Windows developer box rarely has osslsigncode; CI (Linux, bootstrap) always does.
                if ($OnWindows -and -not (Get-Command osslsigncode -ErrorAction SilentlyContinue)) { Write-Step 'Package: skipped on Windows without osslsigncode (docs/release.md)' }
                else { Invoke-Package }
                Invoke-PesterTest
                Invoke-BrowserTest
            }
            'Lint' { Invoke-Lint }
            'Bench' { Invoke-Bench }
            'Demo' { Invoke-Demo }
            'Package' { Invoke-Package }
            'Screenshots' { Invoke-Screenshots }
            'Clean' { Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Root 'bin'), (Join-Path $Root 'out') }
        }
    }
}
finally {
    Pop-Location
}
