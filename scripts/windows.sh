#!/usr/bin/env bash
# The program side on Windows: the `license` command and the C library
# cross-compiled for x86_64-pc-windows-gnu with Debian's mingw-w64, then
# tested under Debian's wine: the `license` command's whole test suite
# (crates/license-client/tests/cli.rs through LICENSE_BIN), the machine
# identity read from the registry's MachineGuid (a licence file moved to
# another wine "machine" is refused), and the C example built for Windows
# against license_ffi.dll playing the SpecView story against a real server.
# Usage: bash scripts/windows.sh   (scripts/test.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
    step "Installing the x86_64-pc-windows-gnu target"
    rustup target add x86_64-pc-windows-gnu
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v wine >/dev/null; then
    step "Installing mingw-w64 and wine (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 wine wine64 >/dev/null
fi

target=${CARGO_TARGET_DIR:-$PWD/target}
out="$target/x86_64-pc-windows-gnu/debug"
step "Cross-compiling license.exe and license_ffi.dll (mingw-w64)"
cargo build --locked --target x86_64-pc-windows-gnu -p license-client -p license-ffi
# Rust's standard library draws random numbers with ProcessPrng from
# bcryptprimitives.dll (Windows 10 and later); wine 8 lacks that DLL, so the
# test runs get a stand-in over RtlGenRandom next to the programs. Real
# Windows has its own; nothing here ships.
x86_64-w64-mingw32-gcc -shared -O2 -o "$out/bcryptprimitives.dll" scripts/windows/bcryptprimitives.c -ladvapi32
x86_64-w64-mingw32-gcc -std=c11 -Wall -Wextra -Werror examples/c/specview.c -I crates/license-ffi/include \
    "$out/liblicense_ffi.dll.a" -o "$out/specview.exe"

# What MSVC users link through (include/license_ffi.def) is exactly what the DLL exports.
exports=$(x86_64-w64-mingw32-objdump -p "$out/license_ffi.dll" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/s/^\s*\[ *[0-9]*\] \(\S*\)$/\1/p' | sort)
listed=$(sed -n 's/^    \(license_[a-z_]*\)$/\1/p' crates/license-ffi/include/license_ffi.def | sort)
if [ "$exports" != "$listed" ]; then
    echo "license_ffi.dll's exports differ from include/license_ffi.def:" >&2
    diff <(echo "$exports") <(echo "$listed") >&2
    exit 1
fi
echo "license_ffi.dll exports the $(echo "$exports" | wc -l) functions of include/license_ffi.def, nothing else"

export WINEDEBUG=-all WINEPREFIX="$target/wine/machine-a"
# End the wine servers of both prefixes, and the services they started
# (winedevice, services, explorer…), when this script ends, however it
# ends: nothing the tests started outlives them.
stop_wine() {
    local prefix
    for prefix in "$target/wine/machine-a" "$target/wine/machine-b"; do
        if [ -d "$prefix" ]; then WINEPREFIX="$prefix" wineserver -k >/dev/null 2>&1 || true; fi
    done
    for prefix in "$target/wine/machine-a" "$target/wine/machine-b"; do
        if [ -d "$prefix" ]; then WINEPREFIX="$prefix" wineserver -w >/dev/null 2>&1 || true; fi
    done
}
trap stop_wine EXIT
# Start wine's server and services first, with no output attached: started
# inside a test they would hold its pipes open.
# A new prefix is made first, and wine is waited for until that has wholly
# ended (its services too): the tests' first runs of license.exe, started
# while a new prefix was still settling, failed with no output in clean-clone
# CI runs. The first run can still fail once on a busy machine; a second try
# finds the prefix made.
start_wine() {
    mkdir -p "$WINEPREFIX"
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        timeout 300 wineboot --init >"$target/wine/init.log" 2>&1 </dev/null \
            || echo "wineboot --init in $WINEPREFIX: $(tail -3 "$target/wine/init.log")" >&2
        timeout 300 wineserver -w || true
    fi
    wineserver -p >/dev/null 2>&1 </dev/null || true
    local try
    for try in 1 2 3; do
        if wine "$out/license.exe" --version >"$target/wine/start.log" 2>&1 </dev/null; then return 0; fi
        echo "wine did not start license.exe in $WINEPREFIX (try $try of 3): $(tail -3 "$target/wine/start.log")" >&2
        sleep 5
    done
    return 1
}
start_wine

step "The license command's tests, on license.exe under wine"
LICENSE_BIN="$PWD/scripts/windows/license" LICENSE_WINDOWS_EXE="$out/license.exe" \
    cargo test --locked -p license-client --test cli

step "The machine identity from the registry's MachineGuid: a licence file moved to another machine is refused"
dir=$(mktemp -d)
trap 'rm -rf "$dir"; stop_wine' EXIT
python3 -c 'import json,sys; print(json.dumps({"keys": [], "products": [{"id": 7, "name": "SpecView", "entitlements": []}]}))' >"$dir/trust.json"
license() { wine "$out/license.exe" --license-file "$dir/license.json" --trust "$dir/trust.json" "$@"; }
license init --serial "$(cargo run --quiet --locked -p license-codes --example vendor -- serial)" --product SpecView | grep "^Key id:" | grep -vq "no machine identity" \
    || { echo "license init under wine did not bind the licence to MachineGuid" >&2; exit 1; }
license status >/dev/null
WINEPREFIX="$target/wine/machine-b" start_wine
status=0; WINEPREFIX="$target/wine/machine-b" license status >/dev/null 2>"$dir/err" || status=$?
[ "$status" = 13 ] || { echo "on another machine: exit $status, expected 13: $(cat "$dir/err")" >&2; exit 1; }
echo "machine-a's licence file refused on machine-b (exit 13): $(head -1 "$dir/err")"

step "The C example for Windows, against license_ffi.dll under wine: the SpecView story"
SPECVIEW_WINDOWS_EXE="$out/specview.exe" bash examples/c/story.sh windows-c
