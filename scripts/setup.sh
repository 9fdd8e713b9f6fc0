# Installs what the project needs when it is missing. Sourced by the other scripts.
step() { printf '\n== %s\n' "$*"; }

if ! command -v cargo >/dev/null; then
    echo "cargo is missing: install Rust with rustup first (https://rustup.rs)" >&2
    exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "Installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi
# rust-src: the portal's release build rebuilds std (scripts/build-portal.sh).
for component in rustfmt clippy rust-src; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
        step "Installing $component"
        rustup component add "$component"
    fi
done
if ! python3 -c 'import cryptography' 2>/dev/null; then
    step "Installing the Python cryptography package (for the independent decoder)"
    python3 -m pip install --quiet cryptography
fi
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
    step "Installing aiosmtpd (the SMTP server the mail tests send to)"
    python3 -m pip install --quiet aiosmtpd==1.4.6
fi
if ! python3 -c 'import standardwebhooks' 2>/dev/null; then
    step "Installing standardwebhooks (the receiver the webhook tests verify signatures with)"
    python3 -m pip install --quiet standardwebhooks==1.0.0
fi
if ! python3 -c 'import pytest' 2>/dev/null; then
    step "Installing pytest (the Python package's tests)"
    python3 -m pip install --quiet pytest
fi
if ! command -v st >/dev/null; then
    step "Installing schemathesis (API tests from the OpenAPI document)"
    python3 -m pip install --quiet schemathesis==4.32.5
fi

# Debian packages by command: apt_install COMMAND PACKAGE [COMMAND PACKAGE …]
# installs each PACKAGE whose COMMAND is missing, in one apt-get run.
apt_install() {
    local missing=()
    while [ $# -gt 1 ]; do
        command -v "$1" >/dev/null || missing+=("$2")
        shift 2
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    step "Installing ${missing[*]} (Debian)"
    local sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
