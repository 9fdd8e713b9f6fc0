#!/usr/bin/env bash
# Builds the license-server image with podman from deploy/Containerfile: the
# server as a static binary (x86_64-unknown-linux-musl) and the built portal.
# Usage: bash deploy/build-image.sh [--debug] [--tag NAME]
#   --debug   a debug build without debug info (for the tests: quicker to build)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release tag=license-server:latest
while [ $# -gt 0 ]; do
    case $1 in
        --debug) profile=debug ;;
        --tag) tag=$2; shift ;;
        *) echo "unknown argument $1 (use --debug, --tag NAME)" >&2; exit 2 ;;
    esac
    shift
done
command -v podman >/dev/null || { echo "podman is missing: apt-get install podman" >&2; exit 1; }
command -v musl-gcc >/dev/null || { echo "musl-gcc is missing (the C parts of SQLite and ring): apt-get install musl-tools" >&2; exit 1; }
rustup target list --installed | grep -qx x86_64-unknown-linux-musl || rustup target add x86_64-unknown-linux-musl
if [ "$profile" = release ]; then
    cargo build --release --locked --target x86_64-unknown-linux-musl -p license-server
else
    CARGO_PROFILE_DEV_DEBUG=0 cargo build --locked --target x86_64-unknown-linux-musl -p license-server
fi
[ -f dist/index.html ] || { echo "no built portal in dist/: bash scripts/build-portal.sh && node scripts/compress-dist.mjs dist" >&2; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' crates/license-server/Cargo.toml | head -n 1)
podman build --quiet --layers=false --format docker --build-arg VERSION="$version" --build-arg PROFILE="$profile" \
    -f deploy/Containerfile -t "$tag" .
echo "built $tag (the $profile server, $(du -h "target/x86_64-unknown-linux-musl/$profile/license-server" | cut -f1), and dist/)"
