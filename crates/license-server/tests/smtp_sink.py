"""A real SMTP server for the mail tests (aiosmtpd, from PyPI).

Usage: python3 smtp_sink.py PORT DIR

Every message accepted is written to DIR/NNNN.eml (atomically: written
aside, then renamed), preceded by one `X-Envelope-To:` line per envelope
recipient, so a test sees exactly whom the server sent it to; and its
plain-text part, decoded by Python's own MIME parser, to DIR/NNNN.txt (for
tests without a MIME parser of their own, such as the browser tests).

Refusals, to test the sender's retries and failures:
- a recipient whose address starts with `nobody` gets 550 (permanent);
- while the file DIR/busy exists, every message gets 451 (temporary).

Prints `ready` on standard output once it listens.
"""

import asyncio
import email
import email.policy
import itertools
import os
import signal
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("nobody"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(os.path.join(self.folder, "busy")):
            return "451 4.3.2 Busy, try again later"
        number = next(self.numbers)
        head = "".join(f"X-Envelope-To: {to}\r\n" for to in envelope.rcpt_tos).encode()
        base = os.path.join(self.folder, f"{number:04}")
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        with open(base + ".txt", "w", encoding="utf-8") as f:
            f.write(text.get_content() if text else "")
        with open(base + ".part", "wb") as f:
            f.write(head + envelope.original_content)
        os.rename(base + ".part", base + ".eml")
        return "250 2.0.0 Accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
