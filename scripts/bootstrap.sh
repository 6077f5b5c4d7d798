#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine for Orchestrator development and CI.
# Idempotent: every step checks first and does nothing when already done.
#   - Debian packages the tests need (cron, xmllint, wine64, mingw-w64, osslsigncode for the
#     release signatures, ...)
#   - pwsh 7.6.9 as a dotnet tool in .tools/pwsh
#   - Pester 5.7.1 from NuGet into .tools/modules/Pester
#   - the ProcessPrng shim that lets Go 1.26 binaries run under Wine 8
#   - winpwsh, a win-x64 PowerShell 7 host (scripts/winpwsh) in .tools/winpwsh, for
#     scripts/test-windows-pester.sh
#   - the browser lane: Debian's chromium and playwright-core from npm in tests/browser
# Go must already be on PATH (CI sources ../shared/dev-env.sh first).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
PWSH_VERSION=7.6.9
PESTER_VERSION=5.7.1
mkdir -p "$tools"

say() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

# --- Go --------------------------------------------------------------------
if ! command -v go >/dev/null 2>&1; then
    die "go is not on PATH. Run 'source ../shared/dev-env.sh' (or install Go 1.26+) and retry."
fi
case "$(go env GOVERSION)" in
    go1.2[6-9]*|go1.[3-9][0-9]*) say "$(go env GOVERSION) ok" ;;
    *) die "Go $(go env GOVERSION) is too old: Orchestrator needs Go 1.26+ ('source ../shared/dev-env.sh')." ;;
esac

# --- Debian packages ---------------------------------------------------------
packages=(cron libxml2-utils wine64 gcc-mingw-w64-x86-64 procps psmisc iproute2 hyperfine osslsigncode openssl zip chromium fonts-liberation fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    say "installing ${missing[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    say "Debian packages ok"
fi

# --- pwsh --------------------------------------------------------------------
if [ ! -x "$tools/pwsh/pwsh" ] || ! "$tools/pwsh/pwsh" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -qx "$PWSH_VERSION"; then
    command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found: it is needed to install pwsh (dotnet tool install PowerShell)."
    say "installing PowerShell $PWSH_VERSION"
    rm -rf "$tools/pwsh"
    dotnet tool install --tool-path "$tools/pwsh" PowerShell --version "$PWSH_VERSION" >/dev/null
else
    say "pwsh $PWSH_VERSION ok"
fi
mkdir -p "$tools/bin"
ln -sfn "$tools/pwsh/pwsh" "$tools/bin/pwsh"

# --- Pester ------------------------------------------------------------------
pester_dir="$tools/modules/Pester/$PESTER_VERSION"
if [ ! -f "$pester_dir/Pester.psd1" ]; then
    say "restoring Pester $PESTER_VERSION from NuGet"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cat >"$work/restore.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$PESTER_VERSION]" /></ItemGroup>
</Project>
XML
    dotnet restore "$work/restore.csproj" --packages "$work/pkgs" >/dev/null
    src=$(dirname "$(find "$work/pkgs" -iname Pester.psd1 | head -n 1)")
    [ -f "$src/Pester.psd1" ] || die "Pester.psd1 not found in the restored package"
    rm -rf "$pester_dir"
    mkdir -p "$pester_dir"
    cp -R "$src/." "$pester_dir/"
else
    say "Pester $PESTER_VERSION ok"
fi

# --- Wine + ProcessPrng shim -------------------------------------------------
# Go 1.26's Windows runtime imports ProcessPrng from bcryptprimitives.dll, which
# Wine 8.0 lacks. A tiny DLL forwarding to RtlGenRandom fills the gap.
export WINEPREFIX="${WINEPREFIX:-$tools/wineprefix}"
export WINEDEBUG=-all
wine_bin=$(command -v wine64 || command -v wine || true)
[ -n "$wine_bin" ] || { [ -x /usr/lib/wine/wine64 ] && wine_bin=/usr/lib/wine/wine64; } || true
if [ -z "$wine_bin" ]; then
    die "wine64 not found after install"
fi
shim="$tools/bcryptprimitives.dll"
if [ ! -f "$shim" ]; then
    say "building the ProcessPrng shim"
    x86_64-w64-mingw32-gcc -shared -O2 -o "$shim" "$root/scripts/wine/processprng.c" "$root/scripts/wine/processprng.def" -ladvapi32
fi
sys32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -d "$sys32" ]; then
    say "creating the Wine prefix at $WINEPREFIX"
    "$wine_bin" wineboot --init >/dev/null 2>&1 || true
    if command -v wineserver >/dev/null 2>&1; then wineserver -w || true; elif [ -x /usr/lib/wine/wineserver64 ]; then /usr/lib/wine/wineserver64 -w || true; fi
fi
[ -d "$sys32" ] || die "the Wine prefix has no system32 at $sys32"
cmp -s "$shim" "$sys32/bcryptprimitives.dll" || cp "$shim" "$sys32/bcryptprimitives.dll"
say "wine ($wine_bin) ok, prefix $WINEPREFIX"

# --- winpwsh: PowerShell 7 for Windows, run under Wine ----------------------
# ~119 MB published, so built here and never committed. Rebuilt only when its sources change:
# the stamp holds their hash.
winpwsh_src="$root/scripts/winpwsh"
winpwsh_dir="$tools/winpwsh"
winpwsh_hash=$(cat "$winpwsh_src/winpwsh.csproj" "$winpwsh_src/Program.cs" | sha256sum | cut -d' ' -f1)
if [ -f "$winpwsh_dir/winpwsh.exe" ] && [ -d "$winpwsh_dir/Modules/Microsoft.PowerShell.Utility" ] &&
    [ "$(cat "$winpwsh_dir/.stamp" 2>/dev/null)" = "$winpwsh_hash" ]; then
    say "winpwsh ok"
else
    command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found: it is needed to build the Windows PowerShell host (scripts/winpwsh)."
    say "building winpwsh (PowerShell $PWSH_VERSION for win-x64) into $winpwsh_dir"
    winpwsh_obj=$(mktemp -d)
    rm -rf "$winpwsh_dir.new"
    dotnet publish "$winpwsh_src/winpwsh.csproj" -c Release -o "$winpwsh_dir.new" \
        -p:BaseIntermediateOutputPath="$winpwsh_obj/obj/" -p:BaseOutputPath="$winpwsh_obj/bin/" >"$winpwsh_obj/publish.log" 2>&1 ||
        { tail -n 40 "$winpwsh_obj/publish.log" >&2; die "could not publish scripts/winpwsh (log above)"; }
    rm -rf "$winpwsh_obj"
    [ -d "$winpwsh_dir.new/Modules/Microsoft.PowerShell.Utility" ] || die "winpwsh was published without \$PSHOME/Modules"
    printf '%s\n' "$winpwsh_hash" >"$winpwsh_dir.new/.stamp"
    rm -rf "$winpwsh_dir"
    mv "$winpwsh_dir.new" "$winpwsh_dir"
fi

# --- the browser lane: playwright-core drives Debian's chromium -------------------
# npm ci from the committed lock, redone only when the lock changes (the stamp holds its hash).
# playwright-core downloads no browser: the tests launch /usr/bin/chromium.
browser_dir="$root/tests/browser"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    die "node and npm are needed for the browser tests (tests/browser): install Node.js 20+ with npm."
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' ||
    die "Node.js $(node --version) is too old for playwright-core: the browser tests need Node.js 20+."
browser_hash=$(sha256sum "$browser_dir/package-lock.json" | cut -d' ' -f1)
if [ -f "$browser_dir/node_modules/playwright-core/package.json" ] &&
    [ "$(cat "$browser_dir/node_modules/.orc-stamp" 2>/dev/null)" = "$browser_hash" ]; then
    say "playwright-core ok"
else
    say "installing playwright-core into tests/browser (npm ci)"
    (cd "$browser_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    printf '%s\n' "$browser_hash" >"$browser_dir/node_modules/.orc-stamp"
fi

say "done"
