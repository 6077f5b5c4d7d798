#!/usr/bin/env bash
# The module's Unit and Integration Pester suites on Windows PowerShell semantics: they run in
# the win-x64 PowerShell 7 host (scripts/winpwsh, built by scripts/bootstrap.sh into
# .tools/winpwsh) under Wine, so $IsWindows is $true and every Windows branch of the module
# executes, against orc-exec.exe cross-compiled here.
#
# Usage: scripts/test-windows-pester.sh [test path...]   (default: powershell/tests/Unit and
#        powershell/tests/Integration; E2E needs cron and stays on Linux)
# Environment: WINEPREFIX (default .tools/wineprefix; use a private copy when others share the
#        machine), WINPWSH (default .tools/winpwsh/winpwsh.exe).
#
# Tests that cannot hold under Wine carry a tag NotOnWine.<reason> and are excluded here; the
# run lists each of them with its reason. CI reads the summary line:
#   Windows Pester: N passed, N failed, N skipped
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/out/winpester"
WINPWSH=${WINPWSH:-$ROOT/.tools/winpwsh/winpwsh.exe}
PESTER_VERSION=5.7.1
PESTER="$ROOT/.tools/modules/Pester/$PESTER_VERSION/Pester.psd1"

# mscoree must stay enabled: with it disabled the .NET host cannot load System.Runtime.dll.
export WINEDLLOVERRIDES=mshtml=
# Without it importing Pester crashes the CLR (0x80131506 in DynamicResolver's finalizer).
export DOTNET_EnableWriteXorExecute=0
LANE=test-windows-pester
# shellcheck source=wine/lane.sh
source "$ROOT/scripts/wine/lane.sh"
[ -f "$WINPWSH" ] || die "no Windows PowerShell host at $WINPWSH: run scripts/bootstrap.sh"
[ -f "$PESTER" ] || die "Pester $PESTER_VERSION not found at $PESTER: run scripts/bootstrap.sh"

# Wine maps / to Z:, so a Linux path is Z: plus the path with backslashes.
winpath() { local p; p=$(realpath -m "$1"); printf 'Z:%s' "${p//\//\\}"; }

paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=("$ROOT/powershell/tests/Unit" "$ROOT/powershell/tests/Integration")
winpaths=()
for p in "${paths[@]}"; do winpaths+=("$(winpath "$p")"); done

mkdir -p "$OUT"
cd "$ROOT"
start=$SECONDS
version=$(tr -d '[:space:]' <VERSION)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
say "build orc-exec.exe $version"
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X main.version=$version -X main.commit=$commit" \
    -o "$ROOT/bin/win-x64/orc-exec.exe" ./go/cmd/orc-exec

# The driver runs inside the hosted runspace (no console needed, so plain pipes work in CI).
cat >"$OUT/run.ps1" <<'PS1'
param([string] $Pester, [string] $Exec, [string] $PathList)
$env:ORC_EXEC_PATH = $Exec
Import-Module $Pester
$config = New-PesterConfiguration
$config.Run.Path = $PathList -split ';'
$config.Run.Exit = $false
$config.Run.PassThru = $true
$config.Filter.ExcludeTag = 'NotOnWine.*'
$config.Output.Verbosity = 'Normal'
$config.Output.RenderMode = 'Plaintext'
# No NUnit report: writing it crashes or hangs the CLR under Wine (0xC0000005 in
# DynamicMethod.CreateDelegate), after every test has run.
$config.TestResult.Enabled = $false
$r = Invoke-Pester -Configuration $config
if ($null -eq $r) { Write-Host 'Windows Pester: 0 passed, 1 failed, 0 skipped (Pester did not run)'; exit 1 }
# A test excluded here says why through its tag; list them so nothing is skipped silently.
$excluded = @($r.Tests | Where-Object { $_.Result -eq 'NotRun' })
foreach ($t in $excluded) {
    # A tag on a Describe or Context is not copied onto its tests: collect the ancestors' tags.
    $tags = @($t.Tag)
    for ($b = $t.Block; $null -ne $b; $b = $b.Parent) { $tags += @($b.Tag) }
    $reason = @($tags | Where-Object { $_ -like 'NotOnWine.*' } | Select-Object -Unique) -join ', '
    if (-not $reason) { $reason = 'not run' }
    Write-Host ("skipped under Wine [{0}]: {1}" -f $reason, $t.ExpandedPath)
}
Write-Host ("Windows Pester: {0} passed, {1} failed, {2} skipped" -f $r.PassedCount, $r.FailedCount, ($r.SkippedCount + $excluded.Count))
if ($r.FailedCount -gt 0 -or $r.Result -ne 'Passed' -or $r.PassedCount -eq 0) { exit 1 }
exit 0
PS1

say "run ${paths[*]#"$ROOT/"} in $(winpath "$WINPWSH") under Wine"
IFS=';'; pathlist="${winpaths[*]}"; unset IFS
rc=0
"$wine" "$WINPWSH" -File "$(winpath "$OUT/run.ps1")" \
    "$(winpath "$PESTER")" "$(winpath "$ROOT/bin/win-x64/orc-exec.exe")" \
    "$pathlist" 2> >(grep -v 'Read access denied for device' >&2) || rc=$?
say "finished in $((SECONDS - start))s (exit $rc)"
exit "$rc"
