# Shared set-up of the Windows lanes (test-windows*.sh); sourced, not run.
# Before sourcing, set LANE (the name messages carry) and ROOT; WINEPREFIX
# and WINEDLLOVERRIDES may be set first (the Pester lane needs mscoree on).
# Defines say and die, finds wine64 and wineserver, checks the bootstrapped
# prefix, sets the umask and stops this prefix's wineserver on exit.

say() { printf '%s: %s\n' "$LANE" "$*"; }
die() { printf '%s: error: %s\n' "$LANE" "$*" >&2; exit 1; }

export WINEPREFIX=${WINEPREFIX:-$ROOT/.tools/wineprefix}
export WINEDEBUG=-all
# No Mono/Gecko install prompts if the prefix is ever re-created.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}

command -v go >/dev/null 2>&1 || die "go is not on PATH: source ../shared/dev-env.sh first"
wine=$(command -v wine64 || true)
[ -n "$wine" ] || { [ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64; } || true
[ -n "$wine" ] || die "wine64 not found: run scripts/bootstrap.sh"
wineserver=$(command -v wineserver || true)
[ -n "$wineserver" ] || { [ -x /usr/lib/wine/wineserver64 ] && wineserver=/usr/lib/wine/wineserver64; } || true
[ -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ] ||
    die "no bootstrapped Wine prefix at $WINEPREFIX (ProcessPrng shim missing): run scripts/bootstrap.sh"

# Wine keeps no DACLs: it derives them from Unix modes, and a file it creates
# under umask 022 grants Everyone read, which orc-exec refuses for a store or
# secret. 077 is what Windows' own default (owner, SYSTEM, Administrators)
# corresponds to.
umask 077

# A lingering wineserver would keep CI waiting: stop it however we leave.
stop_wine() { [ -n "$wineserver" ] && "$wineserver" -k >/dev/null 2>&1 || true; }
trap stop_wine EXIT
