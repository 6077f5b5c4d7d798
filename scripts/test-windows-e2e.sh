#!/usr/bin/env bash
# The end-to-end suite on Windows binaries: cross-compiles orc-exec.exe and
# the go/test/e2e spec binary, runs the specs under Wine so they start
# orc-exec.exe as a Windows process, then validates the Task Scheduler XML
# orc-exec.exe rendered with xmllint on the Linux side. Needs Go on PATH
# (source ../shared/dev-env.sh) and a bootstrapped Wine prefix.
#
# Usage: scripts/test-windows-e2e.sh [ginkgo flags...]
# Prints "Wine e2e: N passed, N failed, N skipped"; exits non-zero on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/out/wine-e2e"
PER_BINARY_TIMEOUT=${PER_BINARY_TIMEOUT:-600}

LANE=test-windows-e2e
# shellcheck source=wine/lane.sh
source "$ROOT/scripts/wine/lane.sh"
command -v xmllint >/dev/null 2>&1 || die "xmllint not found: apt-get install libxml2-utils"
XSD="$ROOT/../shared/schemas/task-scheduler/TaskSchedulerV2Schema.dahall.xsd"
[ -f "$XSD" ] || die "Task Scheduler XSD not found at $XSD"

start=$SECONDS
rm -rf "$OUT"
mkdir -p "$OUT/xml"
cd "$ROOT"
say "build orc-exec.exe and e2e.test.exe"
GOOS=windows GOARCH=amd64 go build -ldflags "-X main.version=e2e-test" -o "$OUT/orc-exec.exe" ./go/cmd/orc-exec
GOOS=windows GOARCH=amd64 go test -c -o "$OUT/e2e.test.exe" ./go/test/e2e

winpath() { "$wine" winepath -w "$1" 2>/dev/null | tr -d '\r'; }

log="$OUT/e2e.log"
run_specs() {
    rm -f "$OUT"/xml/*
    (cd "$ROOT/go/test/e2e" &&
        ORC_E2E_ORC_EXEC=$(winpath "$OUT/orc-exec.exe") ORC_E2E_XML_DIR=$(winpath "$OUT/xml") \
        timeout --kill-after=10 "$PER_BINARY_TIMEOUT" \
        "$wine" "$OUT/e2e.test.exe" -ginkgo.no-color -ginkgo.v -ginkgo.randomize-all "$@") >"$log" 2>&1
}
# Start the wineserver and let the prefix settle before the first spec: once
# (1 run in 8 on 2026-12-01), the first spec's orc-exec.exe could not start its
# command ("fork/exec …: Internal error" from CreateProcess) while Wine was
# still coming up.
"$wine" "$OUT/orc-exec.exe" version >/dev/null 2>&1 || true
rc=0
run_specs "$@" || rc=$?
# Wine's client sometimes loses its wineserver before the binary starts; no
# spec ran then, so one more try is fair. A run in which Ginkgo started is
# never retried.
if [ "$rc" -ne 0 ] && ! grep -q 'Running Suite' "$log" && grep -q 'wine client error' "$log"; then
    say "Wine lost its server before any spec ran; trying once more"
    "$wineserver" -k >/dev/null 2>&1 || true
    rc=0
    run_specs "$@" || rc=$?
fi

passed=$(sed -nE 's/.*SUCCESS! -- ([0-9]+) Passed.*/\1/p; s/.*FAIL! -- ([0-9]+) Passed.*/\1/p' "$log" | tail -n1)
failed=$(sed -nE 's/.*Passed \| ([0-9]+) Failed.*/\1/p' "$log" | tail -n1)
skipped=$(sed -nE 's/.*Pending \| ([0-9]+) Skipped.*/\1/p' "$log" | tail -n1)
if [ -z "$passed" ]; then
    # Ginkgo never reported: count the whole run as one failure.
    passed=0 failed=1 skipped=0
    [ "$rc" -eq 124 ] && say "timed out after ${PER_BINARY_TIMEOUT}s"
    tail -n 40 "$log"
elif [ "$rc" -ne 0 ]; then
    sed -n '/Summarizing/,$p' "$log" | head -60
fi

# The XML the Windows binary rendered, checked against the XSD here. Each
# file is one more check; none at all means the render spec did not run.
for x in "$OUT"/xml/*.xml; do
    [ -e "$x" ] || break
    if xmllint --noout --schema "$XSD" "$x" >>"$log" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        say "XSD rejects $x"
    fi
done

# A focus that matched nothing is not a pass.
[ "$passed" -gt 0 ] || { say "no spec ran"; failed=$((failed + 1)); }

say "full log: $log; wall time $((SECONDS - start))s"
echo "Wine e2e: $passed passed, $failed failed, $skipped skipped"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
