#!/usr/bin/env bash
# Builds the portal for release: `trunk build --release` with the standard
# library rebuilt so that a panic aborts at once (-Cpanic=immediate-abort),
# which drops the panic machinery and its messages from what phones download
# (about 19 KB gzip; docs/benchmarks.md). Both are unstable rustc features,
# enabled on the stable toolchain with RUSTC_BOOTSTRAP=1 for this build only;
# every other build and test uses plain stable Rust. A plain
# `trunk build --release` still works, and gives a larger but equivalent page.
# The decode page (a second bin of the root package) and the support console
# (crates/license-console) are built the same way into DIST/decode/ and
# DIST/console/, bundles of their own.
# Usage: bash scripts/build-portal.sh [--dist DIR]   (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='--cfg sha2_backend_soft="compact" -Zunstable-options -Cpanic=immediate-abort'
export TRUNK_SKIP_VERSION_CHECK=true
# wasm-opt from npm's binaryen (scripts/portal-tools.sh installs it).
export PATH="$PWD/node_modules/.bin:$PATH"
# Trunk builds offline; the standard library's own dependencies are fetched
# by this first cargo build (a no-op when they are there and nothing changed).
dist=dist
if [ "${1:-}" = --dist ]; then dist=$2; fi
cargo build --target wasm32-unknown-unknown --profile wasm-release -p license-portal -p license-console --bins --quiet
trunk build --release --dist "$dist"
trunk build decode/index.html --release --dist "$dist/decode" --public-url /decode/
trunk build crates/license-console/index.html --release --dist "$dist/console" --public-url /console/
