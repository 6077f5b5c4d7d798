#!/usr/bin/env bash
# Runs every Orchestrator benchmark and writes the raw output to out/bench.txt.
#
#   bash bench/run.sh            (./build.ps1 Bench builds orc-exec, then runs this)
#
# The orc-exec under test is $ORC_EXEC, else bin/<linux-rid>/orc-exec, else
# one built here into a temporary folder. Exits non-zero when a benchmark
# fails; a missed target is reported in the summary, not as a failure.
# See docs/performance.md.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

if ! command -v go >/dev/null 2>&1 && [ -f "$root/../shared/dev-env.sh" ]; then
    # shellcheck disable=SC1091
    source "$root/../shared/dev-env.sh"
fi
command -v go >/dev/null 2>&1 || { echo "bench: go not found" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/orc-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

case "$(uname -m)" in
    aarch64 | arm64) rid=linux-arm64 ;;
    *) rid=linux-x64 ;;
esac
if [ -z "${ORC_EXEC:-}" ]; then
    if [ -x "$root/bin/$rid/orc-exec" ]; then
        ORC_EXEC="$root/bin/$rid/orc-exec"
    else
        echo "bench: bin/$rid/orc-exec missing; building one into $tmp"
        CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$tmp/orc-exec" ./go/cmd/orc-exec || exit 1
        ORC_EXEC="$tmp/orc-exec"
    fi
fi
export ORC_EXEC

mkdir -p out
txt=out/bench.txt
: >"$txt"
log() { printf '%s\n' "$*" | tee -a "$txt"; }

jsonschema=$(go list -deps ./go/cmd/orc-exec 2>/dev/null | grep jsonschema)
log "# Orchestrator benchmarks $(date -u +%Y-%m-%dT%H:%M:%SZ)"
log "# commit:  $(git -C "$root" log --oneline -1 2>/dev/null || echo unknown)$(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo ' (+ uncommitted changes)')"
log "# host:    $(uname -srm), $(nproc) CPU, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')"
log "# os:      $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
log "# load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1/5/15 min, at start)"
log "# go:      $(go env GOVERSION)"
log "# orc-exec: $ORC_EXEC ($(stat -c %s "$ORC_EXEC") bytes)"
log "# jsonschema in go list -deps ./go/cmd/orc-exec: ${jsonschema:-none}"
# What the binary under test was built from (it may not be this tree).
binfo=$(go version -m "$ORC_EXEC" 2>/dev/null)
log "# orc-exec built from: $(awk '$2 ~ /^vcs\.(revision|modified)=/ { printf "%s ", $2 }' <<<"$binfo")"
linked=$(awk '$1 == "dep" && $2 ~ /jsonschema/ { print $2, $3 }' <<<"$binfo")
log "# jsonschema linked into orc-exec: ${linked:-none}"
log ""

status=0

log "## go test -run='^\$' -bench=. -benchtime=50x -count=1 ./bench"
go test -run='^$' -bench=. -benchtime=50x -count=1 ./bench 2>&1 | tee -a "$txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
log ""

log "## go test -run='^\$' -bench=. -benchtime=20x -count=1 ./go/internal/history ./go/internal/deps"
go test -run='^$' -bench=. -benchtime=20x -count=1 ./go/internal/history ./go/internal/deps 2>&1 | tee -a "$txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
log ""

log "## go test -run='^\$' -bench=Plan -benchtime=3x -count=1 ./go/internal/cronplan"
go test -run='^$' -bench=Plan -benchtime=3x -count=1 ./go/internal/cronplan 2>&1 | tee -a "$txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
log ""

pwsh_bin=${ORC_PWSH:-$root/.tools/bin/pwsh}
[ -x "$pwsh_bin" ] || pwsh_bin=$(command -v pwsh || true)
if [ -n "$pwsh_bin" ]; then
    log "## pwsh bench/get-orctask.ps1 (Get-OrcTask over 20 and 200 cron-registered tasks)"
    "$pwsh_bin" -NoProfile -File "$root/bench/get-orctask.ps1" -OrcExecPath "$ORC_EXEC" 2>&1 | tee -a "$txt"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    log ""
    log "## pwsh bench/sync.ps1 (Sync-OrcTask over 500 unchanged definitions, both backends)"
    "$pwsh_bin" -NoProfile -File "$root/bench/sync.ps1" -OrcExecPath "$ORC_EXEC" 2>&1 | tee -a "$txt"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    log ""
else
    log "## pwsh not found; Get-OrcTask benchmark skipped"
fi

if command -v hyperfine >/dev/null 2>&1; then
    home="$tmp/home"
    mkdir -m 0700 -p "$home/tasks"
    printf '{"name":"t","action":{"command":"/bin/true"}}\n' >"$home/tasks/t.json"
    chmod 0600 "$home/tasks/t.json"
    # orc-exec version is start-up alone (no store, no run): it splits the cost.
    log "## hyperfine -N --warmup 5 --runs 50 /bin/true 'orc-exec run t --home …' 'orc-exec version'"
    hyperfine -N --style basic --warmup 5 --runs 50 \
        -n '/bin/true' '/bin/true' \
        -n 'orc-exec run t' "'$ORC_EXEC' run t --home '$home'" \
        -n 'orc-exec version' "'$ORC_EXEC' version" 2>&1 | tee -a "$txt"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    log ""
else
    log "## hyperfine not installed; skipped"
fi
log "# load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1/5/15 min, at end)"

# Summary: the figures the targets in docs/performance.md are about.
metric() { # metric BENCH UNIT -> value of UNIT on BENCH's line (last one)
    awk -v b="$1" -v u="$2" '$1 ~ "^"b"(-[0-9]+)?$" { for (i = 3; i < NF; i++) if ($(i+1) == u) v = $i } END { print v }' "$txt"
}
check() { # check LABEL VALUE OP LIMIT
    if [ -z "$2" ]; then
        printf '  %-46s %12s\n' "$1" "n/a"
    elif awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { exit !(op == "<=" ? v <= l : v >= l) }'; then
        printf '  %-46s %12s   target %s %s   met\n' "$1" "$2" "$3" "$4"
    else
        printf '  %-46s %12s   target %s %s   MISSED\n' "$1" "$2" "$3" "$4"
    fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print ""; else printf "%.2f", a / b }'; }

added=$(metric BenchmarkOrcExecRunTrue added-ms-median)
rss=$(metric BenchmarkOrcExecRunTrue peak-RSS-MB)
orc=$(metric BenchmarkOrcExecRunTrue median-ns)
pwsh=$(metric BenchmarkPwshExit0 median-ns)
d1=$(metric BenchmarkDeps1x500ms ns/op)
d8=$(metric BenchmarkDeps8x500ms ns/op)
h20=$(metric BenchmarkHistoryLast20 ns/op)
hfull=$(metric BenchmarkHistoryFullScanBaseline ns/op)
h20ms=$(awk -v v="$h20" 'BEGIN { if (v != "") printf "%.2f", v / 1e6 }')
hfullms=$(awk -v v="$hfull" 'BEGIN { if (v != "") printf "%.1f", v / 1e6 }')

{
    echo ""
    echo "== Summary (raw output: $txt)"
    check "orc-exec run: added wall time, median (ms)" "$added" "<=" 10
    check "orc-exec run: peak RSS (MB)" "$rss" "<=" 25
    r=$(ratio "$pwsh" "$orc")
    printf '  %-46s %12s\n' "pwsh exit 0 / orc-exec run, median (x)" "${r:-n/a (no pwsh)}"
    check "run of a trivial task / Go hellorun, CPU (x)" "$(metric BenchmarkRunPathRatio run-cpu-x)" "<=" 1.5
    check "run of a trivial task / Go hellorun, wall (x)" "$(metric BenchmarkRunPathRatio run-wall-x)" "<=" 1.5
    check "not-due gate tick / Go hello, CPU (x)" "$(metric BenchmarkRunPathRatio gate-cpu-x)" "<=" 1.2
    check "not-due gate tick / Go hello, wall (x)" "$(metric BenchmarkRunPathRatio gate-wall-x)" "<=" 1.2
    check "deps: 8 x 500ms checks / 1 check (x)" "$(ratio "$d8" "$d1")" "<=" 1.3
    check "history --last 20 of 1,000,000 (ms)" "$h20ms" "<=" 50
    printf '  %-46s %12s\n' "history full-scan baseline (ms)" "$hfullms"
    pr=$(metric BenchmarkPlanRender ns/task)
    check "plan + render per task (ms)" "$(awk -v v="$pr" 'BEGIN { if (v != "") printf "%.3f", v / 1e6 }')" "<=" 1
    check "real-world cron served natively (%)" "$(metric 'BenchmarkPlan/realworld/host=Europe/Berlin' '%native')" ">=" 95
    check "dashboard: GET /api/v1/tasks, 1,000 tasks, p95 (ms)" "$(metric BenchmarkDashboardListTasks p95-ms)" "<=" 100
    printf '  %-46s %12s\n' "dashboard: GET /api/v1/tasks p50 (ms)" "$(metric BenchmarkDashboardListTasks p50-ms)"
    printf '  %-46s %12s\n' "dashboard p50 / orc-exec list p50 (x)" "$(metric BenchmarkDashboardListTasks x-list)"
    check "dashboard: list page first paint, p95 (ms)" "$(metric BenchmarkDashboardFirstPaint p95-ms)" "<=" 300
    check "dashboard: idle RSS after serving (MB)" "$(metric BenchmarkDashboardIdleRSS idle-after-MB)" "<=" 60
    grep -h '^Get-OrcTask:' "$txt" | sed 's/^/  /'
    grep -h '^Sync-OrcTask (' "$txt" | sed 's/^/  /'
    [ "$status" -eq 0 ] || echo "  A BENCHMARK FAILED: see $txt"
} | tee -a "$txt"

exit "$status"
