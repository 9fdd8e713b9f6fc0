#!/usr/bin/env bash
# Makes the upgrade fixture: a database written by a release of the server
# (a SQLite data directory and a PostgreSQL dump) and the request codes it
# answered, with its answers. The server's tests start today's server on it
# and expect every stored answer back byte for byte (docs/deploy.md, Upgrades).
# Run it with a release's binaries before changing the schema:
#   bash scripts/make-upgrade-fixture.sh target/debug/license-server target/debug/license
# Needs PostgreSQL's binaries (scripts/postgres.sh installs them) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
server=$(realpath "${1:-target/debug/license-server}")
client=$(realpath "${2:-target/debug/license}")
out=crates/license-server/tests/fixtures/previous-release
step() { echo "== $*"; }
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# One database's story: the demo licence and a second licence with an upgrade,
# three installations' request codes answered, mail and webhooks queued.
play() { # play NAME [DATABASE_URL]
    local name=$1 url=${2:-} data="$work/$1" port
    port=$(free_port)
    local env=(env LICENSE_SERVER_DATA="$data" LICENSE_SERVER_ACTOR=cli:fixture)
    [ -n "$url" ] && env+=(DATABASE_URL="$url")
    local mail=(--smtp-url smtp://127.0.0.1:9 --mail-from "Licensing <licensing@vendor.example>")
    "${env[@]}" "$server" webhook add --url http://127.0.0.1:9/hook --event license.created --event upgrade.queued --allow-private >/dev/null
    "${env[@]}" "$server" serve --demo --addr "127.0.0.1:$port" --static /nonexistent >"$work/$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    sleep 0.5
    local trust reg
    trust=$(grep -o 'LICENSE_TRUST=[^ ]*' "$work/$name.log" | head -1 | cut -d= -f2)
    reg=$(grep -o 'registration-code [A-Z0-9-]*' "$work/$name.log" | head -1 | cut -d' ' -f2)
    "${env[@]}" "$server" staff add --email support@vendor.example --role support >/dev/null
    local second
    second=$("${env[@]}" "$server" license create --product SpecView --email it@second.example \
        --max-installations 3 remote_users=1 clients=10 "${mail[@]}" | grep -o '"serial": *"[^"]*"' | cut -d'"' -f4)
    local reg2
    reg2=$("${env[@]}" "$server" license show --serial "$second" | grep -o '"registration_code": *"[^"]*"' | cut -d'"' -f4)
    "${env[@]}" "$server" upgrade queue --serial "$second" remote_users=2 "${mail[@]}" >/dev/null
    local requests="$out/$name-requests.jsonl"
    : >"$requests"
    local i=0
    for pair in "9BV3H1-W001XW $reg" "9BV3H1-W001XW $reg" "$second $reg2"; do
        set -- $pair
        i=$((i + 1))
        local lic="$work/$name-license-$i.json"
        LICENSE_TRUST="$trust" "$client" --license-file "$lic" init --serial "$1" --product SpecView --registration-code "$2" >/dev/null
        local code
        code=$(LICENSE_TRUST="$trust" "$client" --license-file "$lic" create-code | grep -oE '[0-9A-Z]{6}(-[0-9A-Z]{6})+' | head -1)
        local body
        body=$(curl -sf -H 'content-type: application/json' -d "{\"request_code\": \"$code\"}" "http://127.0.0.1:$port/api/v1/activations")
        python3 -c 'import json, sys; print(json.dumps({"request_code": sys.argv[1], "answer": sys.argv[2]}))' "$code" "$body" >>"$requests"
    done
    kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
}

step "SQLite"
play sqlite
mkdir -p "$out/sqlite"
python3 - "$work/sqlite/license-server.db" "$out/sqlite/license-server.db" <<'PY'
import sqlite3, sys
src = sqlite3.connect(sys.argv[1]); dst = sqlite3.connect(sys.argv[2])
src.backup(dst); dst.execute("PRAGMA journal_mode=DELETE"); dst.close()
PY
cp -r "$work/sqlite/keys" "$out/sqlite/keys"

step "PostgreSQL"
(
    source scripts/postgres.sh >/dev/null
    base=${LICENSE_TEST_POSTGRES_URL%/*}
    psql "$LICENSE_TEST_POSTGRES_URL" -qc 'CREATE DATABASE fixture' 2>/dev/null || "$PG_BIN/psql" "$LICENSE_TEST_POSTGRES_URL" -qc 'CREATE DATABASE fixture'
    play postgres "$base/fixture"
    "$PG_BIN/pg_dump" --no-owner --no-privileges "$base/fixture" >"$out/postgres.sql"
    mkdir -p "$out/postgres" && cp -r "$work/postgres/keys" "$out/postgres/keys"
)
git rev-parse HEAD >"$out/made-by-commit"
"$server" --version >"$out/made-by-version"
step "Written to $out"
ls -la "$out"
