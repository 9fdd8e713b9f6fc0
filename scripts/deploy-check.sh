#!/usr/bin/env bash
# The deployment files checked as far as this machine can: the systemd unit
# (systemd-analyze verify, and security --offline exposure at most 2.0), the
# image (podman build from deploy/Containerfile, its configuration and files),
# the same static binary run directly as the image runs it (a user that is not
# root, healthcheck ready and not ready), and the compose file's shape.
# Running containers does not work on these machines; see docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
apt_install podman podman musl-gcc musl-tools systemd-analyze systemd setpriv util-linux
fail() { echo "FAIL: $*" >&2; exit 1; }

step "Image: podman build (static x86_64-unknown-linux-musl server, debug without debug info)"
tag=localhost/license-server:ci-$$
trap 'podman rmi -f "$tag" >/dev/null 2>&1 || true' EXIT
bash deploy/build-image.sh --debug --tag "$tag"
binary=target/x86_64-unknown-linux-musl/debug/license-server
file "$binary" | grep -Eq "static(-pie)? linked|statically linked" || fail "the image's server is not a static binary: $(file "$binary")"
podman image inspect "$tag" >target/image-inspect.json
rm -f target/image.tar
podman image save --quiet --format docker-archive -o target/image.tar "$tag"
python3 - target/image-inspect.json target/image.tar <<'PY'
import io, json, sys, tarfile
image = json.load(open(sys.argv[1]))[0]
config = image["Config"]
def expect(what, got, want):
    if got != want:
        sys.exit(f"FAIL: the image's {what} is {got!r}, not {want!r}")
expect("user", config.get("User"), "65532:65532")
expect("entrypoint", config.get("Entrypoint"), ["/license-server"])
expect("command", config.get("Cmd"), ["serve"])
expect("exposed ports", sorted(config.get("ExposedPorts", {})), ["8080/tcp"])
expect("volumes", sorted(config.get("Volumes") or {}), ["/data"])
expect("healthcheck", (config.get("Healthcheck") or image.get("Healthcheck") or {}).get("Test"), ["CMD", "/license-server", "healthcheck"])
env = dict(e.split("=", 1) for e in config.get("Env", []))
for k, v in {"LICENSE_SERVER_ADDR": "0.0.0.0:8080", "LICENSE_SERVER_DATA": "/data", "LICENSE_SERVER_STATIC": "/portal"}.items():
    expect(k, env.get(k), v)
expect("title label", config.get("Labels", {}).get("org.opencontainers.image.title"), "license-server")
# The files: the binary, the portal, the data directory the user owns.
outer = tarfile.open(sys.argv[2])
files = {}
for member in outer.getmembers():
    if member.name.endswith(".tar") or member.name.endswith("/layer.tar"):
        layer = tarfile.open(fileobj=io.BytesIO(outer.extractfile(member).read()))
        for m in layer.getmembers():
            files[m.name.strip("./").rstrip("/")] = m
def has(name, uid, writable_by_owner):
    m = files.get(name) or sys.exit(f"FAIL: the image has no /{name} (it has {sorted(files)[:20]})")
    mode = m.mode & 0o7777
    if m.uid != uid or mode & 0o022 or bool(mode & 0o200) != writable_by_owner:
        sys.exit(f"FAIL: /{name} is mode {oct(mode)} uid {m.uid}")
has("license-server", 0, False)
has("portal/index.html", 0, False)
has("data", 65532, True)
if files["data"].mode & 0o077:
    sys.exit(f"FAIL: /data is mode {oct(files['data'].mode & 0o777)}, not 0700")
print(f"image: user 65532, entrypoint /license-server serve, port 8080, /data 0700 owned by 65532, the rest read-only, {len(files)} files")
PY

step "systemd unit: systemd-analyze verify and security --offline=yes"
# verify also checks that ExecStart's program is there and executable: the
# unit names where the vendor installs it (/usr/local/bin, docs/deploy.md),
# which this machine need not have, so a copy of the unit is verified with
# the static server built above in its place, the rest of it as written.
unit_dir=$(mktemp -d)
sed "s|^ExecStart=/usr/local/bin/license-server |ExecStart=$PWD/$binary |" deploy/license-server.service >"$unit_dir/license-server.service"
grep -q "^ExecStart=$PWD/$binary serve" "$unit_dir/license-server.service" || fail "the unit's ExecStart is not /usr/local/bin/license-server serve"
systemd-analyze verify "$unit_dir/license-server.service"
rm -rf "$unit_dir"
exposure=$(systemd-analyze security --offline=yes deploy/license-server.service 2>&1 | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
echo "exposure $exposure"
python3 -c "import sys; sys.exit(0 if float('$exposure') <= 2.0 else 1)" || fail "the unit's exposure is $exposure, above 2.0"
for setting in User=license-server ProtectSystem=strict ReadWritePaths=/var/lib/license-server NoNewPrivileges=yes \
    PrivateTmp=yes "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX" SystemCallFilter=@system-service; do
    grep -qx "$setting" deploy/license-server.service || fail "the unit lacks $setting"
done

step "The image's binary, run directly as the image runs it"
work=$(mktemp -d) && chmod 0755 "$work"
mkdir "$work/data" && chmod 0700 "$work/data"
cp -r dist "$work/portal"
chown -R 65532:65532 "$work/data" 2>/dev/null || true
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_image_user=()
[ "$(id -u)" = 0 ] && as_image_user=(setpriv --reuid 65532 --regid 65532 --clear-groups)
export LICENSE_SERVER_ADDR=127.0.0.1:$port LICENSE_SERVER_DATA=$work/data LICENSE_SERVER_STATIC=$work/portal LICENSE_SERVER_LOG_FORMAT=json
"${as_image_user[@]}" "$binary" serve 2>"$work/log" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"; podman rmi -f "$tag" >/dev/null 2>&1 || true' EXIT
ready=
for _ in $(seq 100); do
    if "$binary" healthcheck >/dev/null 2>&1; then ready=yes; break; fi
    sleep 0.1
done
[ -n "$ready" ] || { cat "$work/log"; fail "healthcheck never said ready"; }
"$binary" healthcheck
# The page is saved whole, then compared: `curl | grep -q` under pipefail
# failed when grep stopped reading first (curl exits 23 on EPIPE).
status=$(curl -s -o "$work/index.html" -w '%{http_code}' "http://127.0.0.1:$port/" || true)
# It must be the built portal's page, not the server's "not built" page.
[ "$status" = 200 ] && cmp -s "$work/index.html" "$work/portal/index.html" \
    || { cat "$work/log"; fail "the portal is not served (GET / gave HTTP $status, $(head -c 200 "$work/index.html" 2>/dev/null))"; }
[ -f "$work/data/license-server.db" ] && [ -f "$work/data/keys/signing-key-1.hex" ] || fail "no database or key in the data directory"
if [ "$(id -u)" = 0 ] && [ "$(stat -c %u "$work/data/keys/signing-key-1.hex")" != 65532 ]; then fail "the key is not the image user's"; fi
kill $server; wait $server 2>/dev/null || true
if "$binary" healthcheck 2>"$work/said"; then fail "healthcheck said ready with no server"; fi
grep -q "not ready" "$work/said" || fail "healthcheck did not say why: $(cat "$work/said")"
echo "ready while serving, 'not ready' (exit 1) once stopped"

step "compose.yaml: the server with PostgreSQL and the portal, behind Caddy"
python3 - <<'PY'
import sys, yaml
c = yaml.safe_load(open("deploy/compose.yaml"))
s = c["services"]
assert {"postgres", "license-server", "caddy"} <= set(s), s.keys()
server = s["license-server"]
assert server["depends_on"]["postgres"]["condition"] == "service_healthy"
assert server["environment"]["DATABASE_URL"].startswith("postgres://licensing:") and "@postgres:5432/" in server["environment"]["DATABASE_URL"]
assert any(v.endswith(":/data") for v in server["volumes"]), "the keys must be on a volume"
assert "healthcheck" in s["postgres"]
assert any(str(p).startswith("443:443") for p in s["caddy"]["ports"])
assert "reverse_proxy license-server:8080" in open("deploy/Caddyfile").read()
print("compose: postgres (healthy first), license-server (keys on a volume), caddy on 443")
PY
