"""A real license-server and the real C library for the wrapper's tests.

The server is target/debug/license-server (or $LICENSE_SERVER_BIN), the
library target/debug/liblicense_ffi.so (or $LICENSE_FFI_LIB): build them
with `cargo build -p license-ffi -p license-server` first (scripts/test.sh does).
"""
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "debug"
os.environ.setdefault("LICENSE_FFI_LIB", str(TARGET / "liblicense_ffi.so"))
SERVER_BIN = os.environ.get("LICENSE_SERVER_BIN", str(TARGET / "license-server"))


class Server:
    def __init__(self, data):
        self.data = data
        self.admin("product", "add", "--id", "7", "--name", "SpecView", "--entitlement", "remote_users:count",
                   "--entitlement", "clients:count", "--entitlement", "historian:flag")
        self.trust = self.admin("trust-file")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [SERVER_BIN, "--data", data, "serve", "--addr", f"127.0.0.1:{port}", "--rate-limit-ip", "0",
             "--rate-limit-serial", "0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "LICENSE_SERVER_LOG": "warn"})
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/readyz", timeout=1)
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("license-server did not start")

    def admin(self, *args):
        return subprocess.run([SERVER_BIN, "--data", self.data, *args], check=True, capture_output=True,
                              text=True).stdout

    def new_licence(self, *entitlements):
        """A new SpecView licence: its serial and registration code."""
        created = json.loads(self.admin("license", "create", "--product", "SpecView", "--email", "it@example.com",
                                        *(entitlements or ("remote_users=1", "clients=25"))))
        return created["serial"], created["registration_code"]

    def respond(self, request_code):
        """The response code the portal would give for `request_code`."""
        body = json.dumps({"request_code": request_code}).encode()
        request = urllib.request.Request(self.url + "/api/v1/activations", data=body,
                                         headers={"content-type": "application/json"})
        return json.loads(urllib.request.urlopen(request, timeout=10).read())["response_code"]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def server():
    with tempfile.TemporaryDirectory() as data:
        running = Server(data)
        try:
            yield running
        finally:
            running.stop()


@pytest.fixture
def licence_file(tmp_path):
    return tmp_path / "license.json"
