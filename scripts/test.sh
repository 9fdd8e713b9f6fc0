#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine, then runs every test.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/portal-tools.sh
# The server's suite runs against SQLite and against this PostgreSQL.
source scripts/postgres.sh

step "Format and lints (rustfmt, clippy with warnings as errors, every target: the benchmarks and examples compile)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

# SoftHSM2: the PKCS#11 token the server's HSM tests sign with (set, so a missing token fails them);
# libfaketime: the only way the program side's clock tests move its clock; mono: the C# wrapper's compiler and runtime.
apt_install softhsm2-util softhsm2 faketime faketime mcs mono-mcs mono mono-runtime
export LICENSE_TEST_PKCS11_MODULE=/usr/lib/softhsm/libsofthsm2.so

step "Rust tests (workspace; the server's against SQLite and PostgreSQL, a SoftHSM2 token, TLS with curl)"
cargo test --workspace --locked

step "The C interface: the C example (system compiler), the Python and the C# examples play the SpecView story against a real server (seats, a clock turned back)"
bash examples/c/story.sh

step "The Python package (bindings/python): installed with pip, its pytest suite against the real library and server"
python3 -m pip install --quiet --disable-pip-version-check ./bindings/python
(cd bindings/python && python3 -m pytest -q -p no:cacheprovider tests)

step "The C# wrapper (bindings/dotnet): compiled with mono's mcs, its tests on mono against the real library and server"
bash bindings/dotnet/test.sh

step "Windows: license.exe and license_ffi.dll cross-compiled with mingw-w64, tested under wine"
bash scripts/windows.sh

step "macOS: the program side (license command, C library) type-checks for x86_64-apple-darwin (nothing here can link or run it)"
rustup target list --installed | grep -qx x86_64-apple-darwin || rustup target add x86_64-apple-darwin
cargo check --locked --target x86_64-apple-darwin -p license-client -p license-ffi

step "The API against its OpenAPI document (schemathesis, every check, a demo server with an admin token)"
bash scripts/schemathesis.sh

step "license-codes builds for wasm32-unknown-unknown without its native speed-ups"
cargo build -p license-codes --no-default-features --target wasm32-unknown-unknown --locked

step "Independent decoder (Python, written from docs/codes.md) against the test vectors"
python3 crates/license-codes/tests/independent_decoder.py

step "Portal: component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test web

step "Portal: release build (Trunk, wasm-opt), precompressed"
bash scripts/build-portal.sh
node scripts/compress-dist.mjs dist

step "Deployment: the systemd unit (systemd-analyze), the image (podman build, the static musl server run as the image runs it), the compose file"
bash scripts/deploy-check.sh

step "Portal: end to end in Chromium, phone and desktop, against the release build and a real server (the first view, offline, the console)"
npx playwright test --config tests/e2e/playwright.config.mjs portal.spec.mjs first-view.spec.mjs languages.spec.mjs console.spec.mjs

step "Portal: size of the first load"
node scripts/bench-portal.mjs --sizes

step "Portal: built for a static host with the API on another origin, end to end"
api_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LICENSE_PORTAL_API_BASE="http://127.0.0.1:$api_port" bash scripts/build-portal.sh --dist target/dist-static-host
PORTAL_STATIC_HOST_DIST=target/dist-static-host PORTAL_STATIC_HOST_API_PORT=$api_port \
    npx playwright test --config tests/e2e/playwright.config.mjs static-host.spec.mjs

echo "all test suites passed"
