#!/usr/bin/env bash
# The Windows test lane: cross-compiles each package's Ginkgo specs into a
# Windows test binary and runs it under Wine. Needs Go on PATH (source
# ../shared/dev-env.sh) and a bootstrapped Wine prefix (scripts/bootstrap.sh:
# without its ProcessPrng shim Go 1.26 binaries do not start under Wine 8).
#
# Usage: scripts/test-windows.sh [pkg...]   (default: every package below)
set -euo pipefail

# Packages with Windows specs, relative to go/internal. Add yours here.
PACKAGES=(proc lock store secret notify logging runner cli)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/out/wintest"
PER_BINARY_TIMEOUT=${PER_BINARY_TIMEOUT:-300}

export WINEPREFIX=${WINEPREFIX:-$ROOT/.tools/wineprefix}
export WINEDEBUG=-all
# No Mono/Gecko install prompts if the prefix is ever re-created.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}

say() { printf 'test-windows: %s\n' "$*"; }
die() { printf 'test-windows: error: %s\n' "$*" >&2; exit 1; }

command -v go >/dev/null 2>&1 || die "go is not on PATH: source ../shared/dev-env.sh first"
wine=$(command -v wine64 || true)
[ -n "$wine" ] || { [ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64; } || true
[ -n "$wine" ] || die "wine64 not found: run scripts/bootstrap.sh"
wineserver=$(command -v wineserver || true)
[ -n "$wineserver" ] || { [ -x /usr/lib/wine/wineserver64 ] && wineserver=/usr/lib/wine/wineserver64; } || true
[ -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ] ||
    die "no bootstrapped Wine prefix at $WINEPREFIX (ProcessPrng shim missing): run scripts/bootstrap.sh"

# Wine keeps no DACLs: it derives them from Unix modes, and a file it
# creates under umask 022 grants Everyone read. Secrets must be readable
# by SYSTEM and Administrators only (store.OpenPrivate), so run Wine with
# the umask Windows' own default (owner and SYSTEM only) corresponds to.
umask 077

# A lingering wineserver would keep CI waiting: stop it however we leave.
stop_wine() { [ -n "$wineserver" ] && "$wineserver" -k >/dev/null 2>&1 || true; }
trap stop_wine EXIT

pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=("${PACKAGES[@]}")

mkdir -p "$OUT"
cd "$ROOT"
for p in "${pkgs[@]}"; do
    say "build $p"
    GOOS=windows GOARCH=amd64 go test -c -o "$OUT/$p.test.exe" "./go/internal/$p"
done

failed=()
for p in "${pkgs[@]}"; do
    bin="$OUT/$p.test.exe"
    log="$OUT/$p.log"
    [ -f "$bin" ] || { say "$p: no test files, skipped"; continue; }
    start=$SECONDS
    rc=0
    # Run from the package folder, as `go test` does, so testdata/ resolves.
    (cd "$ROOT/go/internal/$p" && timeout --kill-after=10 "$PER_BINARY_TIMEOUT" \
        "$wine" "$bin" -ginkgo.v=false -ginkgo.no-color) >"$log" 2>&1 || rc=$?
    # Wine's client sometimes loses its wineserver before the binary starts
    # ("wine client error ... recvmsg"); no spec ran then, so one more try
    # is fair. A run in which Ginkgo started is never retried.
    if [ "$rc" -ne 0 ] && ! grep -q 'Running Suite' "$log" && grep -q 'wine client error' "$log"; then
        say "$p: Wine lost its server before any spec ran; trying once more"
        "$wineserver" -k >/dev/null 2>&1 || true
        rc=0
        (cd "$ROOT/go/internal/$p" && timeout --kill-after=10 "$PER_BINARY_TIMEOUT" \
            "$wine" "$bin" -ginkgo.v=false -ginkgo.no-color) >"$log" 2>&1 || rc=$?
    fi
    summary=$(grep -E '^(Ran [0-9]+ of [0-9]+ Specs|SUCCESS!|FAIL!)' "$log" | tr '\n' ' ' || true)
    if [ "$rc" -eq 0 ]; then
        say "$p: ok in $((SECONDS - start))s: $summary"
    else
        [ "$rc" -eq 124 ] && summary="timed out after ${PER_BINARY_TIMEOUT}s; $summary"
        say "$p: FAILED (exit $rc) in $((SECONDS - start))s: $summary"
        sed -n '/Summarizing/,$p' "$log" | head -40
        [ "$rc" -eq 124 ] && tail -n 40 "$log"
        say "full log: $log"
        failed+=("$p")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    die "failed under Wine: ${failed[*]}"
fi
say "all ${#pkgs[@]} package(s) passed under Wine"
