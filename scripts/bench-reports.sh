#!/usr/bin/env bash
# The reports' speed (issue 24 §2): a database with a vendor's three years
# (50,000 licences, 1,000,000 issuances: scripts/make-report-data.py), the
# release server on SQLite (or, with --postgres, on a throwaway PostgreSQL
# cluster: scripts/postgres.sh, the rows copied by
# scripts/report-data-to-postgres.py), and each report asked 30 times over
# HTTP; prints the median, p95 and slowest answer.
# Usage: bash scripts/bench-reports.sh [--postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "== $*" >&2; }
cargo build --release --locked --quiet -p license-server
server=target/release/license-server
data=$(mktemp -d /tmp/license-reports.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$data"; if declare -F stop_postgres >/dev/null; then stop_postgres; fi; }
trap cleanup EXIT
export LICENSE_SERVER_LOG=warn
$server --data "$data" product add --id 7 --name SpecView --entitlement remote_users:count >/dev/null
python3 scripts/make-report-data.py "$data/license-server.db" "${LICENCES:-50000}" "${ISSUANCES:-1000000}"
if [ "${1:-}" = --postgres ]; then
    source scripts/postgres.sh
    trap cleanup EXIT # postgres.sh set its own
    export DATABASE_URL="${LICENSE_TEST_POSTGRES_URL%/*}/reports"
    PSQL="$PG_BIN/psql" "$PG_BIN/psql" -q "$LICENSE_TEST_POSTGRES_URL" -c "CREATE DATABASE reports"
    $server --data "$data" product add --id 7 --name SpecView --entitlement remote_users:count >/dev/null
    PSQL="$PG_BIN/psql" python3 scripts/report-data-to-postgres.py "$data/license-server.db" "$DATABASE_URL"
fi
token=$($server --data "$data" token create --role support --name bench 2>/dev/null)
$server --data "$data" serve --addr 127.0.0.1:18182 --static "$data/none" &
pid=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/18182) 2>/dev/null && break; sleep 0.1; done
python3 - "$token" <<'PY'
import datetime, statistics, sys, time, urllib.request
token = sys.argv[1]
today = datetime.date.today()
def ago(days): return (today - datetime.timedelta(days=days)).isoformat()
cases = [
    ("issuances, 30 days by day", f"/api/v1/admin/reports/issuances?from={ago(29)}&to={today}&bucket=day"),
    ("issuances, 90 days by day", f"/api/v1/admin/reports/issuances?from={ago(89)}&to={today}&bucket=day"),
    ("issuances, 365 days by day", f"/api/v1/admin/reports/issuances?from={ago(364)}&to={today}&bucket=day"),
    ("issuances, 3 years by month", f"/api/v1/admin/reports/issuances?from={ago(3 * 365)}&to={today}&bucket=month"),
    ("waiting upgrades", "/api/v1/admin/reports/waiting-upgrades"),
    ("installations, 365 days by day", f"/api/v1/admin/reports/installations?from={ago(364)}&to={today}&bucket=day"),
    ("licences near their limit", "/api/v1/admin/reports/near-limit"),
]
print(f"{'report':32} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}  (30 requests each, one at a time)")
for name, path in cases:
    times = []
    for _ in range(30):
        request = urllib.request.Request("http://127.0.0.1:18182" + path, headers={"authorization": f"Bearer {token}"})
        t = time.perf_counter()
        urllib.request.urlopen(request, timeout=60).read()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"{name:32} {statistics.median(times):10.1f} {times[int(len(times) * 0.95) - 1]:8.1f} {times[-1]:8.1f}")
PY
