#!/usr/bin/env bash
# Load benchmark of the licence server (release build): new issuances/s,
# repeated requests/s, p50/p99 latency at 64 connections (--connections), peak memory, and
# the raw ed25519 signing rate as the ceiling.
# Usage: bash scripts/bench-server.sh [options] [NEW-REQUESTS] [REPEAT-REQUESTS]
#   --database-url URL  PostgreSQL (a new database is made on that server for the run, then dropped)
#   --postgres          the same on a throwaway PostgreSQL cluster with fsync on (scripts/postgres.sh)
#   --shape one-licence | many-licences
#                       one licence with many installations (default), or new
#                       installations spread over 1,000 licences
#   --servers 2         two servers on the same database, the load split between them (PostgreSQL)
#   --connections N     the load generator's connections, in all (default 64; split between the servers)
#   --pkcs11            the signing key on a SoftHSM2 token (made here), and its raw signing rate
# Environment: WITHOUT_REPORT_TRIGGERS=1 (SQLite) measures without the reports' per-day trigger;
# PG_EXTRA="-c shared_preload_libraries=pg_stat_statements" (with --postgres) to see where PostgreSQL spends;
# BENCH_SERVER_BIN=PATH measures another build of the server (to compare two builds on one day).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
database_url= shape=one-licence servers=1 connections=64 pkcs11= postgres=
positional=()
while [ $# -gt 0 ]; do
    case $1 in
        --database-url) database_url=$2; shift ;;
        --postgres) postgres=1 ;;
        --shape) shape=$2; shift ;;
        --servers) servers=$2; shift ;;
        --connections) connections=$2; shift ;;
        --pkcs11) pkcs11=1 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) positional+=("$1") ;;
    esac
    shift
done
NEW=${positional[0]:-20000}
REPEAT=${positional[1]:-100000}
case $shape in one-licence | many-licences) ;; *) echo "--shape is one-licence or many-licences" >&2; exit 2 ;; esac
case $connections in '' | *[!0-9]* | 0) echo "--connections is a number of connections, at least 1" >&2; exit 2 ;; esac

step "Building the release server and the load generator"
cargo build --release --locked -p license-server --bin license-server --example loadgen
# BENCH_SERVER_BIN: another build of the server to measure (to compare two builds on one day).
server=${BENCH_SERVER_BIN:-target/release/license-server}
loadgen=target/release/examples/loadgen
data=$(mktemp -d /tmp/license-bench.XXXXXX)
pids=()
bench_db=
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -n "$bench_db" ]; then "$PSQL" "$admin_url" -qc "DROP DATABASE IF EXISTS $bench_db" >/dev/null 2>&1 || true; fi
    rm -rf "$data"
    if declare -F stop_postgres >/dev/null; then stop_postgres; fi
}
trap cleanup EXIT

if [ -n "$postgres" ]; then
    PG_DURABLE=1 source scripts/postgres.sh
    trap cleanup EXIT # postgres.sh set its own
    database_url=$LICENSE_TEST_POSTGRES_URL
fi
db_args=()
if [ -n "$database_url" ]; then
    PSQL=$(command -v psql || echo "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql")
    admin_url=$database_url
    bench_db=bench_$(date +%s)_$$
    "$PSQL" "$admin_url" -qc "CREATE DATABASE $bench_db" >/dev/null
    db_args=(--database-url "${database_url%/*}/$bench_db")
    echo "PostgreSQL: $("$PSQL" "$admin_url" -Atc "SELECT version()" | cut -d, -f1), fsync $("$PSQL" "$admin_url" -Atc "SHOW fsync"), synchronous_commit $("$PSQL" "$admin_url" -Atc "SHOW synchronous_commit")"
elif [ "$servers" != 1 ]; then
    echo "--servers 2 needs PostgreSQL (--database-url or --postgres): SQLite is one server's" >&2
    exit 2
fi
key_args=() loadgen_key=()
if [ -n "$pkcs11" ]; then
    apt_install softhsm2-util softhsm2
    mkdir -p "$data/tokens"
    printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$data/tokens" >"$data/softhsm2.conf"
    export SOFTHSM2_CONF=$data/softhsm2.conf
    softhsm2-util --init-token --free --label bench --pin 1234 --so-pin 5678 >/dev/null
    module=/usr/lib/softhsm/libsofthsm2.so
    uri="pkcs11:token=bench?pin-value=1234"
    $server --data "$data" "${db_args[@]}" --pkcs11-module $module keygen --pkcs11 "$uri" | head -n 1
    key_args=(--pkcs11-module $module --signing-key-pkcs11 "$uri")
    loadgen_key=(--pkcs11-module $module --pkcs11-uri "$uri")
fi
run() { $server --data "$data" "${db_args[@]}" "${key_args[@]}" "$@"; }

run product add --id 7 --name SpecView --entitlement remote_users:count --entitlement clients:count >/dev/null
new_license() {
    run license create --product SpecView --email bench@example.com --max-installations 1000000 \
        --no-registration-code remote_users=3 clients=25 | python3 -c 'import json,sys; print(json.load(sys.stdin)["serial"])'
}
# WITHOUT_REPORT_TRIGGERS=1: what the reports' triggers (migration 0013) cost
# each issuance, by measuring without them (the reports are then wrong).
if [ "${WITHOUT_REPORT_TRIGGERS:-}" = 1 ]; then
    python3 -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute("DROP TRIGGER issuances_counted"); db.commit()' "$data/license-server.db"
fi
urls=()
for i in $(seq "$servers"); do
    port=$((18180 + i))
    LICENSE_SERVER_LOG=warn $server --data "$data" "${db_args[@]}" "${key_args[@]}" \
        serve --addr 127.0.0.1:$port --rate-limit-ip 0 --rate-limit-serial 0 --static "$data/none" &
    pids+=($!)
    for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
    urls+=("http://127.0.0.1:$port")
done
url=$(IFS=,; echo "${urls[*]}")
serials=()
if [ "$shape" = many-licences ]; then
    # 1,000 licences through the admin API (a token, keep-alive), while the server runs.
    token=$(run token create --role admin --name bench | tail -n 1)
    python3 - "${urls[0]}" "$token" "$data/serials" <<'PY'
import http.client, json, sys, urllib.parse
url, token, out = urllib.parse.urlparse(sys.argv[1]), sys.argv[2], sys.argv[3]
conn = http.client.HTTPConnection(url.hostname, url.port)
serials = []
for i in range(1000):
    body = json.dumps({"product": "SpecView", "contact_email": f"bench{i}@example.com", "max_installations": 1000000,
                       "registration": False, "notify": False, "entitlements": {"remote_users": 3, "clients": 25}})
    conn.request("POST", "/api/v1/admin/licenses", body, {"authorization": f"Bearer {token}", "content-type": "application/json"})
    r = conn.getresponse(); answer = json.loads(r.read())
    assert r.status == 201, answer
    serials.append(answer["serial"])
open(out, "w").write("\n".join(serials) + "\n")
PY
    serial_args=(--serials-file "$data/serials")
    echo "1,000 licences made"
else
    serial_args=(--serial "$(new_license)")
fi
database=SQLite
[ -n "$database_url" ] && database=PostgreSQL
echo "shape $shape, $servers server(s), $database${pkcs11:+, signing key on a SoftHSM2 token}"

# Two cores are shared by the server(s), the database and the generator, so
# runs vary: each mode runs three times (fresh request codes each time).
for run in 1 2 3; do
    step "New issuances, run $run ($NEW distinct request codes, $connections connections)"
    $loadgen --url "$url" "${serial_args[@]}" --mode new --requests "$NEW" --connections "$connections" --server-pid "${pids[0]}" --seed $run "${loadgen_key[@]}"
done
if [ "$shape" = one-licence ]; then
    for run in 1 2 3; do
        step "Repeated requests, run $run ($REPEAT, $connections connections)"
        $loadgen --url "$url" "${serial_args[@]}" --mode repeat --requests "$REPEAT" --connections "$connections" --server-pid "${pids[0]}" --seed $run
    done
fi
