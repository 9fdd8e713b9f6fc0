#!/usr/bin/env bash
# The API against its own OpenAPI document: schemathesis (PyPI) with every
# check, against a demo server with an admin token, on a fresh data directory.
# Usage: bash scripts/schemathesis.sh [license-server binary]   (default target/debug/license-server)
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:-target/debug/license-server}
data=$(mktemp -d /tmp/license-schemathesis.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(LICENSE_SERVER_LOG=warn "$server" --data "$data" token create --role admin --name schemathesis 2>/dev/null)
LICENSE_SERVER_LOG=warn "$server" --data "$data" serve --demo --addr "127.0.0.1:$port" --static "$data/no-portal" \
    --rate-limit-ip 0 --rate-limit-serial 0 >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
st --config-file crates/license-server/tests/schemathesis.toml run "http://127.0.0.1:$port/api/openapi.json" \
    --checks all -H "Authorization: Bearer $token" --no-color
