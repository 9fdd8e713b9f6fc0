#!/usr/bin/env bash
# The round trip a customer makes, with the vendor played by the vendor example:
# install with a serial, Create Code, get a response, Enter Code, see the upgrade.
# Usage: bash scripts/demo.sh   (works in ./demo, which it recreates)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

step "Building the license command and the vendor stand-in"
cargo build --locked -p license-client -p license-codes --example vendor
root=$PWD
license() { "$root/target/debug/license" "$@"; }
vendor() { "$root/target/debug/examples/vendor" "$@"; }

rm -rf demo && mkdir demo && cd demo
export LICENSE_TRUST=$PWD/vendor/trust.json LICENSE_FILE=$PWD/license.json

step "Vendor: a signing key, the trust file the program is built with, and a serial for the customer"
vendor keygen --dir vendor
serial=$(vendor serial)
echo "serial number: $serial"

step "Customer: install with the serial number"
license init --serial "$serial" --product SpecView

step "Customer: Create Code (saved to Step_1_Code.TXT, logged in license.codes-sent.log)"
request=$(license create-code --save Step_1_Code.TXT)
echo "$request"

step "Vendor: the purchase (1 remote user, 25 clients) answered with a signed response code"
response=$(vendor respond --dir vendor --request "$request" remote_users=1 clients=25)
echo "$response"
license enter-code "$response"

step "Customer buys 2 more remote users (SpecView's example): Create Code, Submit, Enter Code"
request=$(license create-code)
response=$(vendor respond --dir vendor --request "$request" remote_users=3 clients=25)
echo "$response" > Step_2_Response_Code.TXT
license enter-code --file Step_2_Response_Code.TXT

step "Status"
license status

step "Entering the same code again is refused (TOO_OLD), and the licence is unchanged"
license enter-code --file Step_2_Response_Code.TXT || echo "(exit code $?)"

step "Support: decode the response code"
license decode --file Step_2_Response_Code.TXT
echo
echo "Demo files are in ./demo."
