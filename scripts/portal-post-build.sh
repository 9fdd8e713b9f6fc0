#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): finishes each page's build in
# Trunk's staging directory before it is copied to its dist folder.
#  1. In a release build, minifies wasm-bindgen's JavaScript glue with terser
#     (npm, scripts/portal-tools.sh) and updates its integrity hashes in the
#     HTML (scripts/minify-glue.mjs): 41 KB → 19 KB, 1.4 KB gzip less on
#     every page's first load. Trunk's own minifier cannot parse the glue
#     (it stops at `export default`), so Trunk's `minify` stays off.
#  2. Renders the page's first view into its HTML and, for the customer's
#     page, writes the service worker with the build's file list
#     (crates/license-prerender, natively on plain stable Rust). It runs after
#     the minification, so the worker's version hashes the files as served.
set -euo pipefail
case "$(basename "$TRUNK_SOURCE_DIR")" in
    license-console) page=console ;;
    decode) page=decode ;;
    *) page=code ;;
esac
if [ "$TRUNK_PROFILE" = release ]; then
    if [ ! -d node_modules/terser ]; then
        echo "portal-post-build: terser is missing; run: bash scripts/portal-tools.sh (or npm ci)" >&2
        exit 1
    fi
    node scripts/minify-glue.mjs "$TRUNK_STAGING_DIR"
fi
cd "$TRUNK_SOURCE_DIR"
exec env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD cargo run --quiet --locked -p license-prerender -- "$TRUNK_STAGING_DIR" "$page"
