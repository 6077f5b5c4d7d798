<#
.SYNOPSIS
    Registers sample tasks in a throw-away store, runs them with orc-exec and shows the results.
.DESCRIPTION
    The README's "main job". Each sample shows one thing orc-exec does around a run:
    success, retries with backoff, a timeout that kills a process tree, a dependency that
    skips a run, and a dependency on another task's success. Results are printed as
    orc-exec's tables; the store is left in out/demo-home for a look around.
.PARAMETER OrcExecPath
    The orc-exec binary to use.
.EXAMPLE
    ./scripts/demo.ps1 -OrcExecPath ./bin/linux-x64/orc-exec
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $OrcExecPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = Split-Path -Parent $PSScriptRoot
$storeHome = Join-Path $root 'out/demo-home'
Remove-Item -Recurse -Force $storeHome -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force -Path (Join-Path $storeHome 'tasks') | Out-Null
$onWindows = ($IsWindows -or $null -eq $IsWindows)
if (-not $onWindows) { & chmod 700 $storeHome (Join-Path $storeHome 'tasks') }

function Sh([string] $Script) {
    if ($onWindows) { return @{ command = 'powershell.exe'; arguments = @('-NoProfile', '-Command', $Script) } }
    return @{ command = '/bin/sh'; arguments = @('-c', $Script) }
}

$counter = Join-Path $storeHome 'flaky.count'
$samples = @(
    @{ name = 'hello'; description = 'Says hello.'; action = (Sh 'echo "hello from $ORC_TASK run $ORC_RUN_ID"') }
    @{ name = 'flaky-upload'; description = 'Fails twice, then succeeds: retries with backoff.'
        action = (Sh "n=`$(cat '$counter' 2>/dev/null || echo 0); n=`$((n+1)); echo `$n > '$counter'; echo attempt `$n; [ `$n -ge 3 ]")
        retry = @{ attempts = 5; delay = '200ms'; backoffFactor = 2; maxDelay = '2s' } }
    @{ name = 'stuck-export'; description = 'Hangs with a child and a grandchild: the timeout kills the tree.'
        action = (Sh 'sleep 300 & sleep 300 & echo started children; wait'); timeout = '2s' }
    @{ name = 'needs-database'; description = 'Skipped: its database port is closed.'
        action = (Sh 'echo would export'); dependencies = @{ policy = 'skip'; checks = @(@{ type = 'tcp'; address = '127.0.0.1:9'; timeout = '1s' }) } }
    @{ name = 'after-hello'; description = 'Runs only when hello succeeded in the last hour.'
        action = (Sh 'echo hello succeeded, so here I am'); dependencies = @{ checks = @(@{ type = 'task'; task = 'hello'; within = '1h' }) } }
)

Write-Host "Store: $storeHome" -ForegroundColor Cyan
foreach ($s in $samples) {
    $path = Join-Path $storeHome "tasks/$($s.name).json"
    $s | ConvertTo-Json -Depth 10 | Set-Content -Path $path -Encoding utf8
    if (-not $onWindows) { & chmod 600 $path }
}

Write-Host "`n== orc-exec validate" -ForegroundColor Cyan
& $OrcExecPath validate --home $storeHome --output table
if ($LASTEXITCODE -ne 0) { throw 'the sample definitions do not validate' }

$expected = [ordered]@{ 'hello' = 0; 'flaky-upload' = 0; 'stuck-export' = 5; 'needs-database' = 6; 'after-hello' = 0 }
foreach ($name in $expected.Keys) {
    Write-Host "`n== orc-exec run $name" -ForegroundColor Cyan
    & $OrcExecPath run $name --manual --home $storeHome --output table
    $code = $LASTEXITCODE
    Write-Host "exit code $code (expected $($expected[$name]))"
    if ($code -ne $expected[$name]) { throw "run $name exited $code, expected $($expected[$name])" }
}

Write-Host "`n== orc-exec list" -ForegroundColor Cyan
& $OrcExecPath list --home $storeHome --output table
Write-Host "`n== orc-exec history --last 10" -ForegroundColor Cyan
& $OrcExecPath history --home $storeHome --last 10 --output table
$global:LASTEXITCODE = 0
