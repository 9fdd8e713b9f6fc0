#!/usr/bin/env bash
# A scripted walk through SpecView's story against a real licence server:
# the vendor sells a licence and queues an upgrade; the customer installs,
# creates a code, submits it, enters the response; a second computer uses
# "Get it now". Usage: bash scripts/demo.sh   (works in ./demo, recreated)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

step "Building the licence server and the license command"
cargo build --locked -p license-server -p license-client
root=$PWD
export PATH="$root/target/debug:$PATH"
rm -rf demo && mkdir -p demo/computer-1 demo/computer-2 && cd demo
server() { license-server --data "$root/demo/vendor" "$@"; }

step "Vendor: the product, and a licence sold with 1 remote user and 25 clients"
server product add --id 7 --name SpecView --entitlement remote_users:count --entitlement clients:count \
    --entitlement historian:flag >/dev/null
created=$(server license create --product SpecView --email it@customer.example --max-installations 2 \
    remote_users=1 clients=25)
serial=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["serial"])')
registration=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["registration_code"])')
echo "serial number and registration code (sent to the technical contact): $serial $registration"
server trust-file > trust.json
export LICENSE_TRUST=$PWD/trust.json

step "Vendor: the customer buys 2 more remote users; the upgrade waits"
server upgrade queue --serial "$serial" --note "2 more remote users" remote_users=3 >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LICENSE_SERVER_LOG=warn server serve --addr 127.0.0.1:$port --static "$root/dist" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done

cd computer-1
step "Computer 1 (offline): install with the serial number, Create Code"
license init --serial "$serial" --product SpecView --registration-code "$registration"
request=$(license create-code --save Step_1_Code.TXT)
echo "$request"

step "Phone: submit the code on the portal (here with curl: POST /api/v1/activations)"
curl -sS -X POST "http://127.0.0.1:$port/api/v1/activations" -H 'content-type: application/json' \
    -d "{\"request_code\": \"$request\"}" > answer.json
python3 -c 'import json; a=json.load(open("answer.json")); print(a["response_code"]); [print(" ", c["name"], c["from"], "->", c["to"]) for c in a["changes"]]'
python3 -c 'import json; print(json.load(open("answer.json"))["response_code"])' > Step_2_Response_Code.TXT

step "Computer 1: Enter Code"
license enter-code --file Step_2_Response_Code.TXT
license status

step "Computer 1 is the primary server: its clients take seats of clients=25, offline"
license seats claim --entitlement clients --holder Workstation-1
license seats claim --entitlement clients --holder Workstation-2 --lease-minutes 60
license seats list

step "Computer 2 (online): Get it now"
cd ../computer-2
license init --serial "$serial" --product SpecView --registration-code "$registration"
license get-it-now --server "http://127.0.0.1:$port"

step "Support: the licence's history"
cd ..
server license show --serial "$serial" | python3 -c 'import json,sys; v=json.load(sys.stdin); print("installations:", len(v["installations"]), "issued:", len(v["issuances"])); [print(" ", a["at"], a["actor"], a["action"]) for a in v["audit"]]'
echo
echo "Demo files are in ./demo."
