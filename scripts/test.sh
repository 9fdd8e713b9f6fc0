#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine, then runs every test.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/portal-tools.sh
# The server's suite runs against SQLite and against this PostgreSQL.
source scripts/postgres.sh

step "Format and lints (rustfmt, clippy with warnings as errors)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests (workspace; the server's against SQLite and PostgreSQL)"
cargo test --workspace --locked

step "license-codes builds for wasm32-unknown-unknown without its native speed-ups"
cargo build -p license-codes --no-default-features --target wasm32-unknown-unknown --locked

step "Independent decoder (Python, written from docs/codes.md) against the test vectors"
python3 crates/license-codes/tests/independent_decoder.py

step "Portal: component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test web

step "Portal: release build (Trunk, wasm-opt), precompressed"
trunk build --release
node scripts/compress-dist.mjs dist

step "Portal: end to end in Chromium, phone and desktop, against the release build and a real server"
npx playwright test --config tests/e2e/playwright.config.mjs

step "Portal: size of the first load"
node scripts/bench-portal.mjs --sizes

step "Benchmarks compile"
cargo bench -p license-codes --no-run --locked 2>&1 | tail -n 1

echo "all test suites passed"
