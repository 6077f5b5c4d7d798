#!/usr/bin/env bash
# The Windows test lane: cross-compiles the Ginkgo specs of every package
# under go/internal into Windows test binaries and runs them under Wine.
# Needs Go on PATH (source ../shared/dev-env.sh) and a bootstrapped Wine
# prefix (scripts/bootstrap.sh: without its ProcessPrng shim Go 1.26
# binaries do not start under Wine 8).
#
# Usage: scripts/test-windows.sh [pkg...]   (default: every package under
# go/internal; pkg is relative to it, e.g. history or taskxml/crongate)
#
# Ends with one line `Wine: N passed, N failed, N skipped`, summed from each
# binary's Ginkgo counts, and exits non-zero if any spec or binary failed.
set -euo pipefail

# Packages that are not run, each with the reason the lane prints. Every
# other package under go/internal runs: a new package joins the lane by
# existing, and leaving one out takes a line here that CI shows.
declare -A NOT_RUN=(
    [notify/smtptest]="the SMTP server the notify specs use, no specs of its own; it runs under Wine inside notify"
)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/out/wintest"
PER_BINARY_TIMEOUT=${PER_BINARY_TIMEOUT:-300}
MODULE=github.com/orchestrator/orchestrator

LANE=test-windows
# shellcheck source=wine/lane.sh
source "$ROOT/scripts/wine/lane.sh"

cd "$ROOT"
lane_start=$SECONDS

# Every package under go/internal as Windows sees it (build tags applied),
# with whether it has specs there.
declare -A HAS_SPECS=()
all=()
while read -r path ntest nxtest; do
    p=${path#"$MODULE/go/internal/"}
    all+=("$p")
    HAS_SPECS[$p]=$((ntest + nxtest))
done < <(GOOS=windows GOARCH=amd64 go list -f '{{.ImportPath}} {{len .TestGoFiles}} {{len .XTestGoFiles}}' ./go/internal/...)

pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=("${all[@]}")

run=()
for p in "${pkgs[@]}"; do
    [ -n "${HAS_SPECS[$p]+x}" ] || die "$p: no such package under go/internal"
    if [ -n "${NOT_RUN[$p]+x}" ]; then
        say "$p: skipped: ${NOT_RUN[$p]}"
    elif [ "${HAS_SPECS[$p]}" -eq 0 ]; then
        say "$p: skipped: no specs (no _test.go files); its code runs inside the packages that import it"
    else
        run+=("$p")
    fi
done

# One go command builds every binary, so the toolchain compiles packages in
# parallel. Binaries are named by the package's last element; those must
# therefore differ.
declare -A BIN=()
targets=()
for p in "${run[@]}"; do
    b=${p##*/}
    for q in "${!BIN[@]}"; do
        [ "${BIN[$q]}" != "$OUT/$b.test.exe" ] || die "$p and $q both build $b.test.exe: rename one package"
    done
    BIN[$p]="$OUT/$b.test.exe"
    targets+=("./go/internal/$p")
done
mkdir -p "$OUT"
rm -f "$OUT"/*.test.exe
if [ ${#targets[@]} -gt 0 ]; then
    build_start=$SECONDS
    GOOS=windows GOARCH=amd64 go test -c -o "$OUT/" "${targets[@]}"
    say "built ${#targets[@]} test binaries in $((SECONDS - build_start))s"
fi

# runbin PKG LOG: runs PKG's binary under Wine from the package folder, as
# `go test` does, so testdata/ resolves.
runbin() {
    (cd "$ROOT/go/internal/$1" && timeout --kill-after=10 "$PER_BINARY_TIMEOUT" \
        "$wine" "${BIN[$1]}" -ginkgo.v -ginkgo.no-color) >"$2" 2>&1
}

passed=0 failed=0 skipped=0
failed_pkgs=()
for p in "${run[@]}"; do
    log="$OUT/${p//\//_}.log"
    start=$SECONDS
    rc=0
    runbin "$p" "$log" || rc=$?
    # Wine's client sometimes loses its wineserver before the binary starts
    # ("wine client error ... recvmsg"); no spec ran then, so one more try
    # is fair. A run in which Ginkgo started is never retried.
    if [ "$rc" -ne 0 ] && ! grep -q 'Running Suite' "$log" && grep -q 'wine client error' "$log"; then
        say "$p: Wine lost its server before any spec ran; trying once more"
        "$wineserver" -k >/dev/null 2>&1 || true
        rc=0
        runbin "$p" "$log" || rc=$?
    fi

    # Ginkgo's own counts: "SUCCESS! -- 26 Passed | 0 Failed | 0 Pending | 3 Skipped".
    counts=$(grep -Eo '[0-9]+ Passed \| [0-9]+ Failed \| [0-9]+ Pending \| [0-9]+ Skipped' "$log" | tail -n 1 || true)
    ran=$(grep -Eo '^Ran [0-9]+ of [0-9]+ Specs' "$log" | tail -n 1 || true)
    if [ -n "$counts" ]; then
        read -r np _ _ nf _ _ npend _ _ ns _ <<<"$counts"
    else
        # No counts: a BeforeSuite failed, the binary crashed or timed out.
        # Its specs did not pass, so they count as failed (at least one).
        total=$(grep -Eo 'of [0-9]+ [Ss]pecs' "$log" | head -n 1 | awk '{print $2}' || true)
        np=0 npend=0 ns=0 nf=${total:-1}
        [ "$nf" -gt 0 ] || nf=1
    fi
    # A failing exit with no failed spec (a panic after the suite, a leak
    # check) is still a failure.
    [ "$rc" -eq 0 ] || [ "$nf" -gt 0 ] || nf=1
    passed=$((passed + np)) failed=$((failed + nf)) skipped=$((skipped + ns + npend))

    line="$ran; $np passed, $nf failed, $((ns + npend)) skipped"
    if [ "$rc" -eq 0 ]; then
        say "$p: ok in $((SECONDS - start))s: $line"
    else
        [ "$rc" -eq 124 ] && line="timed out after ${PER_BINARY_TIMEOUT}s; $line"
        say "$p: FAILED (exit $rc) in $((SECONDS - start))s: $line"
        sed -n '/Summarizing/,$p' "$log" | head -40
        [ "$rc" -eq 124 ] && tail -n 40 "$log"
        say "full log: $log"
        failed_pkgs+=("$p")
    fi
    # Why specs were skipped, once per reason, so a skip never hides.
    grep -E '^  \[SKIPPED\] ' "$log" | grep -Ev '^  \[SKIPPED\] in \[' |
        sed 's/^  \[SKIPPED\] //' | sort | uniq -c |
        while read -r n reason; do say "$p:   $n skipped: $reason"; done || true
done

say "${#run[@]} package(s) run in $((SECONDS - lane_start))s"
printf 'Wine: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
if [ ${#failed_pkgs[@]} -gt 0 ]; then
    die "failed under Wine: ${failed_pkgs[*]}"
fi
