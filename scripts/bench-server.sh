#!/usr/bin/env bash
# Load benchmark of the licence server (release build, SQLite): new
# issuances/s, repeated requests/s, p50/p99 latency at 64 connections, peak
# memory, and the raw ed25519 signing rate as the ceiling.
# Usage: bash scripts/bench-server.sh [new-requests] [repeat-requests]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
NEW=${1:-20000}
REPEAT=${2:-100000}

step "Building the release server and the load generator"
cargo build --release --locked -p license-server --bin license-server --example loadgen
server=target/release/license-server
loadgen=target/release/examples/loadgen
data=$(mktemp -d /tmp/license-bench.XXXXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

$server --data "$data" product add --id 7 --name SpecView --entitlement remote_users:count --entitlement clients:count >/dev/null
serial=$($server --data "$data" license create --product SpecView --email bench@example.com \
    --max-installations 1000000 --no-registration-code remote_users=3 clients=25 | python3 -c 'import json,sys; print(json.load(sys.stdin)["serial"])')
# WITHOUT_REPORT_TRIGGERS=1: what the reports' triggers (migration 0013) cost
# each issuance, by measuring without them (the reports are then wrong).
if [ "${WITHOUT_REPORT_TRIGGERS:-}" = 1 ]; then
    python3 -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute("DROP TRIGGER issuances_counted"); db.commit()' "$data/license-server.db"
fi
LICENSE_SERVER_LOG=warn $server --data "$data" serve --addr 127.0.0.1:18181 --rate-limit-ip 0 --rate-limit-serial 0 --static "$data/none" &
pid=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/18181) 2>/dev/null && break; sleep 0.1; done

# Two cores are shared by the server and the generator, so runs vary: each
# mode runs three times (fresh request codes each time).
for run in 1 2 3; do
    step "New issuances, run $run ($NEW distinct request codes, 64 connections)"
    $loadgen --url http://127.0.0.1:18181 --serial "$serial" --mode new --requests "$NEW" --connections 64 --server-pid $pid --seed $run
done
for run in 1 2 3; do
    step "Repeated requests, run $run ($REPEAT, 64 connections)"
    $loadgen --url http://127.0.0.1:18181 --serial "$serial" --mode repeat --requests "$REPEAT" --connections 64 --server-pid $pid --seed $run
done
