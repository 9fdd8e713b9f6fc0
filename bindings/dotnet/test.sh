#!/usr/bin/env bash
# Compiles the C# wrapper (bindings/dotnet/src) with its tests and the SpecView
# example using mono's C# compiler, and runs the tests on mono against the
# real library (target/debug/liblicense_ffi.so) and a real license-server.
#   bash bindings/dotnet/test.sh   (from anywhere; builds what it needs)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --quiet --locked -p license-ffi -p license-server
out="$target/dotnet"
mkdir -p "$out"
mcs -langversion:latest -warnaserror -out:"$out/LicenseTests.exe" bindings/dotnet/src/*.cs bindings/dotnet/tests/LicenseTests.cs
mcs -langversion:latest -warnaserror -target:library -out:"$out/LicenseFfi.dll" bindings/dotnet/src/*.cs
LD_LIBRARY_PATH="$target/debug" LICENSE_SERVER_BIN="$target/debug/license-server" mono "$out/LicenseTests.exe"
