#!/usr/bin/env bash
# Builds the portal for release: `trunk build --release` with the standard
# library rebuilt so that a panic aborts at once (-Cpanic=immediate-abort),
# which drops the panic machinery and its messages from what phones download
# (about 19 KB gzip; docs/benchmarks.md). Both are unstable rustc features,
# enabled on the stable toolchain with RUSTC_BOOTSTRAP=1 for this build only;
# every other build and test uses plain stable Rust. A plain
# `trunk build --release` still works, and gives a larger but equivalent page.
# Usage: bash scripts/build-portal.sh [trunk build flags, e.g. --dist DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='--cfg sha2_backend_soft="compact" -Zunstable-options -Cpanic=immediate-abort'
export TRUNK_SKIP_VERSION_CHECK=true
# Trunk builds offline; the standard library's own dependencies are fetched
# by this first cargo build (a no-op when they are there and nothing changed).
cargo build --target wasm32-unknown-unknown --profile wasm-release --bin license-portal --quiet
trunk build --release "$@"
