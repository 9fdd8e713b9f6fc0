"""A real webhook receiver for the webhook tests: every delivery is verified
with `standardwebhooks`, the Standard Webhooks specification's own library
(from PyPI), as a vendor's system would.

Usage: python3 webhook_receiver.py PORT DIR

DIR/secrets holds the endpoint secrets (`whsec_…`, one per line), read
again at every request, so a test can add a rotated one. A delivery that
one of them verifies is answered 204 and written to DIR/NNNN.json as
{"secret": LINE, "id": webhook-id, "path", "body": the parsed body};
one none verifies is answered 400 and written to DIR/unverified-NNNN.json.
While DIR/status exists, every delivery is answered with the status in it
(e.g. 503) and only counted (DIR/refused-NNNN).

Prints `ready` on standard output once it listens.
"""

import itertools
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook, WebhookVerificationError

PORT, DIR = int(sys.argv[1]), sys.argv[2]
NUMBERS = itertools.count(1)


def write(name, value):
    aside = os.path.join(DIR, "." + name)
    with open(aside, "w") as f:
        json.dump(value, f)
    os.rename(aside, os.path.join(DIR, name))


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0"))).decode()
        n = next(NUMBERS)
        status_file = os.path.join(DIR, "status")
        if os.path.exists(status_file):
            write(f"refused-{n:04}", {})
            return self.answer(int(open(status_file).read().strip()), b"receiver busy")
        try:
            secrets = [s.strip() for s in open(os.path.join(DIR, "secrets")) if s.strip()]
        except FileNotFoundError:
            secrets = []
        headers = {k: v for k, v in self.headers.items()}
        for line, secret in enumerate(secrets):
            try:
                parsed = Webhook(secret).verify(body, headers)
            except WebhookVerificationError:
                continue
            write(f"{n:04}.json", {"secret": line, "id": headers.get("webhook-id"), "path": self.path, "body": parsed})
            return self.answer(204, b"")
        write(f"unverified-{n:04}.json", {"headers": headers, "body": body})
        self.answer(400, b"signature does not verify")

    def answer(self, status, text):
        self.send_response(status)
        self.send_header("content-length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print("ready", flush=True)
server.serve_forever()
