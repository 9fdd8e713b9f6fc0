#!/usr/bin/env bash
# The main job: builds the portal and the server, then serves the portal and
# the API with SpecView's demo (a licence with a waiting upgrade) on
# http://127.0.0.1:8080 until Ctrl-C. Data is kept in ./demo-data.
# Usage: bash scripts/run.sh [extra license-server serve flags]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

if [ -f Trunk.toml ]; then
    source scripts/portal-tools.sh
    step "Building the portal (release, wasm-opt)"
    bash scripts/build-portal.sh
    node scripts/compress-dist.mjs dist
fi
step "Building the licence server and the license command"
cargo build --release --locked -p license-server -p license-client
export PATH="$PWD/target/release:$PATH"
step "Starting the licence server with the demo"
echo "The license command (the program's stand-in) is $PWD/target/release/license;"
echo "in another terminal: export PATH=\"$PWD/target/release:\$PATH\""
exec license-server --data demo-data serve --demo --static dist --addr "${LICENSE_SERVER_ADDR:-127.0.0.1:8080}" "$@"
