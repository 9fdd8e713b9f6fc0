# Installs what building and testing the portal needs, when missing: Trunk,
# wasm-bindgen-cli (the version in Cargo.lock), Chromium and ChromeDriver,
# zopfli (the gzip copies, scripts/compress-dist.mjs), and the npm packages
# (wasm-opt from binaryen, terser, Playwright, axe-core, a QR decoder).
# Sourced by run.sh and test.sh; puts the tools on PATH.
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WASM_BINDGEN_VERSION=0.2.130

if ! command -v trunk >/dev/null; then
    step "Installing Trunk 0.21.14"
    cargo install trunk --version 0.21.14 --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
    step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v zopfli >/dev/null; then
    step "Installing Chromium, ChromeDriver and zopfli (Debian)"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver zopfli >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver zopfli >/dev/null
    fi
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing npm packages (binaryen, terser, Playwright, axe-core, jsQR)"
    npm ci --no-audit --no-fund --loglevel=error
fi
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
