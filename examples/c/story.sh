#!/usr/bin/env bash
# The SpecView story through the C library, played by the C example
# (examples/c/specview.c, built with the system C compiler against
# license.h), the Python example (the license_ffi package, bindings/python)
# and the C# example (the LicenseFfi wrapper, bindings/dotnet, on mono),
# against a real license-server:
# init, create-code, a typo refused, enter-code, status, a copied licence
# file refused, get-it-now (and nothing waiting), the server's refusal by its
# code, seats on the primary server, a clock turned back (libfaketime).
# Exits non-zero on the first surprise.
#   bash examples/c/story.sh [PROGRAM...]   (from the repository root)
# PROGRAM: c, python, dotnet (the default: all three), or windows-c: the C example built
# for Windows against license_ffi.dll, run under wine ($SPECVIEW_WINDOWS_EXE;
# scripts/windows.sh sets it up).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --quiet --locked -p license-ffi -p license-server
work=$(mktemp -d)
cc -std=c11 -Wall -Wextra -Werror examples/c/specview.c -I crates/license-ffi/include \
  -L "$target/debug" -llicense_ffi -o "$work/specview"
export LD_LIBRARY_PATH="$target/debug" LICENSE_FFI_LIB="$target/debug/liblicense_ffi.so" LICENSE_SERVER_LOG=warn

server() { "$target/debug/license-server" --data "$work/server" "$@"; }
server product add --id 7 --name SpecView --entitlement remote_users:count --entitlement clients:count \
  --entitlement historian:flag >/dev/null
server trust-file >"$work/trust.json"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$target/debug/license-server" --data "$work/server" serve --addr "127.0.0.1:$port" --rate-limit-ip 0 --rate-limit-serial 0 >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
# http PATH [JSON]: GET, or POST the JSON, on the server; the answer's body.
http() {
  python3 - "http://127.0.0.1:$port$1" "${2:-}" <<'PY'
import sys, urllib.error, urllib.request
url, body = sys.argv[1], sys.argv[2]
request = urllib.request.Request(url, data=body.encode() or None, headers={"content-type": "application/json"})
try:
    print(urllib.request.urlopen(request, timeout=10).read().decode())
except urllib.error.HTTPError as refused:  # a problem document: its body
    print(refused.read().decode())
PY
}
for _ in $(seq 100); do http /api/v1/keys >/dev/null 2>&1 && break; sleep 0.1; done

fail() { echo "story ($1): $2" >&2; exit 1; }
# expect STATUS PROGRAM ARGS...: runs, checks the status, leaves stdout in $out and stderr in $err.
expect() {
  local want=$1 got=0; shift
  "$@" >"$work/out" 2>"$work/err" || got=$?
  # (Windows programs end lines with CR LF.)
  out=$(tr -d '\r' <"$work/out"); err=$(tr -d '\r' <"$work/err")
  [ "$got" = "$want" ] || fail "$program" "$* exited $got, expected $want: $out $err"
}
# field KEY...: the value at KEY... (a number indexes a list) of the JSON on stdin.
field() { python3 -c "import json,sys; v=json.load(sys.stdin); [v:=v[int(k) if k.isdigit() else k] for k in sys.argv[1:]]; print(v)" "$@"; }

programs=("$@"); [ ${#programs[@]} -gt 0 ] || programs=(c python dotnet)
for program in "${programs[@]}"; do
  # The C# example and its wrapper, compiled with mono's C# compiler.
  [ "$program" != dotnet ] || mcs -langversion:latest -warnaserror -out:"$work/specview-dotnet.exe" \
    bindings/dotnet/src/*.cs bindings/dotnet/examples/SpecView.cs
  dir="$work/$program"; mkdir -p "$dir"
  created=$(server license create --product SpecView --email it@example.com remote_users=1 clients=25)
  serial=$(echo "$created" | field serial); registration=$(echo "$created" | field registration_code)
  # FAKETIME_OFFSET=-3d expect … run …: the program with its clock moved (libfaketime).
  run() {
    local clock=()
    [ -z "${FAKETIME_OFFSET:-}" ] || clock=(faketime -f "$FAKETIME_OFFSET")
    case $program in
      c) "${clock[@]}" "$work/specview" "$dir/license.json" "$work/trust.json" "$@" ;;
      dotnet) "${clock[@]}" mono "$work/specview-dotnet.exe" "$dir/license.json" "$work/trust.json" "$@" ;;
      python) "${clock[@]}" python3 examples/python/specview.py "$dir/license.json" "$work/trust.json" "$@" ;;
      windows-c) "${clock[@]}" wine "$SPECVIEW_WINDOWS_EXE" "$dir/license.json" "$work/trust.json" "$@" ;;
    esac
  }
  # Without the registration code the server binds nothing; a code that does not read is a bad argument (2).
  expect 0 run machine-c init "$serial" SpecView
  expect 0 run machine-c create-code
  [ "$(http /api/v1/activations "{\"request_code\": \"$out\"}" | field code)" = registration_required ] \
    || fail $program "a request code made without the registration code was answered"
  # Online, the server's refusal reaches the program by its problem code, with words for its user.
  expect 16 run machine-c get-it-now "http://127.0.0.1:$port"
  [ "$(echo "$err" | field server code)" = registration_required ] || fail $program "the server's code: $err"
  case $(echo "$err" | field next_step) in *"license "*|*--*) fail $program "a command named to a program's user: $err" ;; esac
  rm -f "$dir/license.json"
  expect 2 run machine-a init "$serial" SpecView "NOT-A-CODE"
  [ "$(echo "$err" | field error)" = bad_argument ] || fail $program "bad registration code: $err"
  expect 0 run machine-a init "$serial" SpecView "$registration"
  expect 12 run machine-a init "$serial" SpecView "$registration"   # the licence file exists already
  expect 0 run machine-a create-code; request=$out
  response=$(http /api/v1/activations "{\"request_code\": \"$request\"}" | field response_code)
  # A typo in group 5: status 3, and the error names the group.
  typo=$(python3 -c "import sys; g=sys.argv[1].split('-'); c=g[4][0]; g[4]=('Q' if c!='Q' else 'R')+g[4][1:]; print('-'.join(g))" "$response")
  expect 3 run machine-a enter-code "$typo"
  [ "$(echo "$err" | field group)" = 5 ] || fail $program "the typo's group: $err"
  expect 0 run machine-a enter-code "$response"
  [ "$(echo "$out" | field entitlements remote_users)" = 1 ] || fail $program "enter-code: $out"
  expect 0 run machine-a status
  [ "$(echo "$out" | field counter)" = 1 ] || fail $program "status: $out"
  expect 7 run machine-a enter-code "$response"            # TOO_OLD: already applied
  # The licence file copied to another machine.
  expect 13 run machine-b status
  [ "$(echo "$err" | field error)" = copied_license ] || fail $program "copied: $err"
  # The online path: a waiting upgrade, fetched and installed.
  server upgrade queue --serial "$serial" remote_users=3 clients=2 >/dev/null
  expect 0 run machine-a get-it-now "http://127.0.0.1:$port"
  [ "$(echo "$out" | field changes 0 text)" = "remote_users: 1 -> 3" ] || fail $program "get-it-now: $out"
  # Nothing waiting any more: a success that says so.
  expect 0 run machine-a get-it-now "http://127.0.0.1:$port"
  [ "$(echo "$out" | field nothing_waiting)" = True ] || fail $program "nothing waiting: $out"
  # Seats: this program is the primary server of clients=2.
  expect 0 run machine-a seats-claim clients PC-01
  expect 0 run machine-a seats-claim clients PC-02 30
  expect 0 run machine-a seats-claim clients PC-01
  expect 21 run machine-a seats-claim clients PC-03
  [ "$(echo "$err" | field error)/$(echo "$err" | field detail count)" = no_seat_left/2 ] || fail $program "no seat left: $err"
  expect 0 run machine-a seats
  [ "$(echo "$out" | field seats 1 used)" = 2 ] || fail $program "seats: $out"
  expect 0 run machine-a seats-release clients PC-01
  expect 0 run machine-a seats-claim clients PC-03
  # A lease of 30 minutes: an hour on, PC-02's seat is free again.
  FAKETIME_OFFSET=+61m expect 0 run machine-a seats-claim clients PC-04
  # The clock turned back three days (from an hour on): refused; one day: not.
  FAKETIME_OFFSET=-3d expect 22 run machine-a status
  [ "$(echo "$err" | field error)" = clock_behind ] || fail $program "clock: $err"
  FAKETIME_OFFSET=-1d expect 0 run machine-a status
  expect 0 run - decode "$serial"
  [ "$(echo "$out" | field kind)" = serial ] || fail $program "decode: $out"
  echo "story ($program): init without the registration code refused by the server (its problem code reached the program), a bad code (2), init with it, create-code, typo (3), enter-code, status, TOO_OLD (7), copied file (13), get-it-now, nothing waiting (0), seats (21 when full, a lease lapsed), the clock turned back (22), decode: as expected"
done
