#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine, then runs every test.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The server's suite runs against SQLite and against this PostgreSQL.
source scripts/postgres.sh

step "Rust tests (workspace; the server's against SQLite and PostgreSQL)"
cargo test --workspace --locked

step "license-codes builds for wasm32-unknown-unknown (the portal uses it)"
cargo build -p license-codes --target wasm32-unknown-unknown --locked

step "Independent decoder (Python, written from docs/codes.md) against the test vectors"
python3 crates/license-codes/tests/independent_decoder.py

step "Benchmarks compile"
cargo bench -p license-codes --no-run --locked 2>&1 | tail -n 1

echo "all test suites passed"
