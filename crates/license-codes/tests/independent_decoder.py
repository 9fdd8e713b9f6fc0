#!/usr/bin/env python3
"""An independent decoder and verifier, written from docs/codes.md alone.

It reads every vector in crates/license-codes/testdata/, decodes valid codes
to their fields, verifies response signatures, and checks that every fail_
vector is refused with the named error. It shares no code with the Rust
crate: if the two disagree, the spec is incomplete or one of them is wrong.

Run: python3 crates/license-codes/tests/independent_decoder.py
Needs: the `cryptography` package (ed25519).
"""

import hashlib
import hmac
import json
import pathlib
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
WEIGHTS = [5, 16, 8, 4, 2]
KINDS = {0: "release", 1: "serial", 2: "request", 3: "response"}
RANGES = {"serial": (2, 2), "request": (8, 8), "release": (9, 9), "response": (25, 28)}
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212[]"
# Unicode White_Space, as listed in docs/codes.md section 1 (Python's
# isspace() differs: it counts U+001C..U+001F and not every space here).
WHITE_SPACE = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
MALFORMED = "malformed"


class DecodeError(Exception):
    def __init__(self, name, **detail):
        super().__init__(name)
        self.name, self.detail = name, detail


def gf_mul(a, b):
    product = 0
    for _ in range(5):
        if b & 1:
            product ^= a
        b >>= 1
        carry = a & 0x10
        a = (a << 1) & 0x1F
        if carry:
            a ^= 0b00101
    return product


def kind_number(kind):
    return {v: k for k, v in KINDS.items()}[kind]


def valid(kind, g, group):
    if len(group) != 6:
        return False
    s = (g % 32) ^ gf_mul(5, kind_number(kind))
    for w, d in zip(WEIGHTS, group[:5]):
        s ^= gf_mul(w, d)
    return s ^ group[5] == 0


def normalise(text):
    if len(text) > 4096:
        raise DecodeError("too_long", kind=None, max_groups=28, found_groups=len(text) // 6)
    out = []
    for line in text.split("\n"):
        while line and (line[0] == ">" or line[0] in WHITE_SPACE):
            line = line[1:]
        for c in line:
            if c in WHITE_SPACE or c in DASHES:
                continue
            up = chr(ord(c) - 32) if "a" <= c <= "z" else c
            up = {"I": "1", "L": "1", "O": "0"}.get(up, up)
            if up not in ALPHABET:
                p = len(out) + 1
                raise DecodeError("invalid_character", character=c, position=p, group=(p - 1) // 6 + 1)
            out.append(ALPHABET.index(up))
    if not out:
        raise DecodeError("empty")
    return out


class Bits:
    def __init__(self, symbols):
        self.bits = "".join(format(s, "05b") for s in symbols)
        self.pos = 0

    def read(self, n):
        if self.pos + n > len(self.bits):
            return None
        v = int(self.bits[self.pos:self.pos + n] or "0", 2)
        self.pos += n
        return v

    def prefix_bytes(self, n):
        b = self.bits[:n]
        b += "0" * (-len(b) % 8)
        return bytes(int(b[i:i + 8], 2) for i in range(0, len(b), 8))


def read_entitlements(r):
    def bad(reason):
        return DecodeError("malformed", kind="response", reason=reason)
    count = r.read(4)
    if count is None:
        raise bad("entitlements_short")
    out, prev = [], -1
    for _ in range(count):
        slot, cls = r.read(4), r.read(2)
        if slot is None or cls is None:
            raise bad("entitlements_short")
        value = r.read([4, 8, 16, 32][cls])
        if value is None:
            raise bad("entitlements_short")
        if slot <= prev:
            raise bad("slots_out_of_order")
        if value == 0 or (cls > 0 and value < (1 << [4, 8, 16, 32][cls - 1])):
            raise bad("not_shortest")
        prev = slot
        out.append((slot, value))
    return out


def response_groups_needed(data):
    r = Bits(data)
    if r.read(93) is None:
        return None
    try:
        read_entitlements(r)
    except DecodeError:
        return None
    return -(-(r.pos + 512) // 25)


def decode_groups(text, expected=None):
    symbols = normalise(text)
    groups = [symbols[i:i + 6] for i in range(0, len(symbols), 6)]
    whole = len(symbols) // 6
    partial = len(symbols) % 6 != 0
    claimed = KINDS.get(symbols[0] >> 3)
    claimed_valid = claimed if claimed and whole >= 1 and valid(claimed, 0, groups[0]) else None
    whole_groups = groups[:whole]

    def valid_under(k):
        return sum(1 for g in range(whole) if valid(k, g, whole_groups[g]))

    by_length = None
    if not partial:
        by_length = next((k for k, (lo, hi) in RANGES.items() if lo <= whole <= hi), None)
    if by_length and claimed != by_length and valid_under(by_length) == 0:
        by_length = None
    if by_length and claimed_valid and by_length != claimed_valid:
        kind = claimed_valid if valid_under(claimed_valid) > valid_under(by_length) else by_length
    else:
        kind = by_length or claimed_valid
    kind = kind or expected
    if expected and kind != expected and (by_length or claimed_valid):
        raise DecodeError("wrong_kind", expected=expected, found=kind)
    failing = [g for g in range(whole) if not valid(kind, g, whole_groups[g])]
    if failing:
        first = failing[0]
        if len(failing) == 2:
            a, b = failing
            if valid(kind, b, whole_groups[a]) and valid(kind, a, whole_groups[b]):
                raise DecodeError("groups_swapped", first=a + 1, second=b + 1)
        lo, hi = RANGES[kind]
        if kind == "response":
            n = response_groups_needed([s for g in whole_groups[:first] for s in g[:5]])
            if n is not None:
                lo = hi = n
        tail = whole - first
        if all(valid(kind, first + 1 + i, g) for i, g in enumerate(whole_groups[first:])) and (tail >= 2 or whole < lo):
            raise DecodeError("missing_group", group=first + 1)
        rest = tail - 1
        if all(valid(kind, first + i, g) for i, g in enumerate(whole_groups[first + 1:])) and (rest >= 2 or (whole > hi and rest <= 1)):
            raise DecodeError("extra_group", group=first + 1)
        raise DecodeError("bad_group", group=first + 1)
    lo, hi = RANGES[kind]
    if partial:
        raise DecodeError("truncated", kind=kind, expected_groups=max(lo, whole + 1), found_groups=whole)
    if claimed != kind:
        raise DecodeError("wrong_kind", expected=kind, found=claimed or kind)
    if symbols[0] & 7 != 1:
        raise DecodeError("unknown_version", kind=kind, version=symbols[0] & 7)
    if whole < lo:
        raise DecodeError("truncated", kind=kind, expected_groups=lo, found_groups=whole)
    if whole > hi:
        raise DecodeError("too_long", kind=kind, max_groups=hi, found_groups=whole)
    return kind, [s for g in whole_groups for s in g[:5]]


def check_bits(kind, r, checked_bits, width):
    h = hashlib.sha256(f"license-codes v1 {kind} check".encode() + b"\0" + r.prefix_bytes(checked_bits)).digest()
    return int.from_bytes(h[:8], "big") >> (64 - width)


def decode(text, expected=None):
    kind, data = decode_groups(text, expected)
    r = Bits(data)
    r.read(5)
    if kind == "serial":
        serial = r.read(40)
        if r.read(5) != check_bits("serial", r, 45, 5):
            raise DecodeError("code_check_failed")
        return kind, {"serial_number": serial}
    if kind == "release":
        f = {"product": r.read(16), "serial_number": r.read(40), "key_id": format(r.read(64), "016X"),
             "counter": r.read(16), "created_day_number": r.read(16), "proof": format(r.read(56), "014X")}
        if r.read(12) != check_bits("release", r, 213, 12):
            raise DecodeError("code_check_failed")
        if f["counter"] == 0:
            raise DecodeError("malformed", kind="release", reason="nothing_held")
        f["_fields"] = r.prefix_bytes(157)
        return kind, f
    if kind == "request":
        f = {"product": r.read(16), "serial_number": r.read(40), "key_id": format(r.read(64), "016X"),
             "counter": r.read(16), "entitlement_digest": format(r.read(32), "08X"), "created_day_number": r.read(16)}
        if r.read(11) != check_bits("request", r, 189, 11):
            raise DecodeError("code_check_failed")
        return kind, f
    f = {"signing_key_id": r.read(8), "product": r.read(16), "key_id_tag": format(r.read(16), "04X"),
         "from_counter": r.read(16), "to_counter": r.read(16), "issued_day_number": r.read(16)}
    f["entitlements"] = read_entitlements(r)
    body_bits = r.pos
    groups = len(data) // 5
    sig = [r.read(8) for _ in range(64)]
    if None in sig:
        raise DecodeError("truncated", kind="response", expected_groups=-(-(body_bits + 512) // 25), found_groups=groups)
    remaining = len(r.bits) - r.pos
    if remaining >= 25:
        raise DecodeError("too_long", kind="response", max_groups=groups - remaining // 25, found_groups=groups)
    if remaining and r.read(remaining) != 0:
        raise DecodeError("malformed", kind="response", reason="padding")
    if f["to_counter"] <= f["from_counter"]:
        raise DecodeError("malformed", kind="response", reason="counter_not_advancing")
    f["signature"] = bytes(sig).hex()
    f["_body"] = r.prefix_bytes(body_bits)
    return kind, f


def verify(fields, serial_number, key_id_hex, keys):
    key = keys.get(fields["signing_key_id"])
    if key is None:
        raise DecodeError("unknown_signing_key", key_id=fields["signing_key_id"])
    message = (b"license-codes v1 response\0" + serial_number.to_bytes(5, "big")
               + int(key_id_hex, 16).to_bytes(8, "big") + fields["_body"])
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key)).verify(bytes.fromhex(fields["signature"]), message)
    except InvalidSignature:
        raise DecodeError("bad_signature")
    return message


def release_proof(fields, held):
    """The first 56 bits of SHA-256 over the held response's signature and the release's fields."""
    digest = hashlib.sha256(b"license-codes v1 release proof\0" + bytes.fromhex(held["signature"]) + fields["_fields"]).digest()
    return format(int.from_bytes(digest[:8], "big") >> 8, "014X")


def entitlement_digest(entries):
    bits = format(len(entries), "04b")
    for slot, value in entries:
        cls = next(i for i, w in enumerate([4, 8, 16, 32]) if w == 32 or value >> w == 0)
        bits += format(slot, "04b") + format(cls, "02b") + format(value, f"0{[4, 8, 16, 32][cls]}b")
    bits += "0" * (-len(bits) % 8)
    raw = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return raw, format(int.from_bytes(hashlib.sha256(b"license-codes v1 entitlements\0" + raw).digest()[:4], "big"), "08X")


def registration_tag(code, f):
    """docs/codes.md §3: HMAC-SHA256 keyed with the code's 20 symbols (upper case, no dashes) over
    "license-codes v1 registration" 0x00 product(2) serial(5) key id(8) created day(2), big-endian; 4 bytes."""
    key = code.replace("-", "").upper().encode()
    message = (b"license-codes v1 registration\0" + f["product"].to_bytes(2, "big") + f["serial_number"].to_bytes(5, "big")
               + bytes.fromhex(f["key_id"]) + f["created_day_number"].to_bytes(2, "big"))
    return format(int.from_bytes(hmac.new(key, message, hashlib.sha256).digest()[:4], "big"), "08X")


def main():
    root = pathlib.Path(__file__).resolve().parent.parent / "testdata"
    vectors = {p.stem: json.loads(p.read_text()) for p in sorted(root.glob("*.json"))}
    base = vectors["valid_response"]
    keys = {k["id"]: k["public_key"] for k in base["public_keys"]}
    binding = (base["binding"]["serial_number"], base["binding"]["key_id"])
    passed = failed = 0

    def expect(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what)

    for name, v in vectors.items():
        if name.startswith("valid_"):
            kind, f = decode(v["code"])
            expect(kind == v["kind"], f"{name}: kind {kind}")
            if "normalised" in v:
                expect(decode(v["normalised"]) == (kind, f), f"{name}: reads as its normalised code")
            if kind == "serial":
                expect(f["serial_number"] == v["fields"]["serial_number"], f"{name}: serial")
            elif kind == "release":
                for k in ("product", "serial_number", "key_id", "counter", "created_day_number", "proof"):
                    expect(f[k] == v["fields"][k], f"{name}: {k} {f[k]} != {v['fields'][k]}")
                _, held = decode(v["held_response"], "response")
                expect(release_proof(f, held) == v["fields"]["proof"], f"{name}: the proof from the held response")
            elif kind == "request":
                for k in ("product", "serial_number", "key_id", "counter", "entitlement_digest", "created_day_number"):
                    expect(f[k] == v["fields"][k], f"{name}: {k} {f[k]} != {v['fields'][k]}")
                if "registration_code" in v:
                    expect(registration_tag(v["registration_code"], f) == f["entitlement_digest"],
                           f"{name}: the registration tag")
                    expect(registration_tag("00000-00000-00000-00000", f) != f["entitlement_digest"],
                           f"{name}: another code's tag differs")
                if "entitlements_held" not in v:
                    continue
                held = [(e["slot"], e["value"]) for e in v["entitlements_held"]]
                raw, digest = entitlement_digest(held)
                expect(raw.hex() == v["entitlements_held_canonical_hex"], f"{name}: canonical entitlements")
                expect(digest == v["fields"]["entitlement_digest"], f"{name}: entitlement digest")
            else:
                for k in ("signing_key_id", "product", "key_id_tag", "from_counter", "to_counter", "issued_day_number", "signature"):
                    expect(f[k] == v["fields"][k], f"{name}: {k}")
                expect(f["entitlements"] == [(e["slot"], e["value"]) for e in v["fields"]["entitlements"]], f"{name}: entitlements")
                vkeys = {k["id"]: k["public_key"] for k in v["public_keys"]}
                msg = verify(f, v["binding"]["serial_number"], v["binding"]["key_id"], vkeys)
                expect(msg.hex() == v["signed_message_hex"], f"{name}: signed message")
        elif name.startswith("fail_"):
            expected = None if v["decode_as"] == "any" else v["decode_as"]
            try:
                kind, f = decode(v["code"], expected)
                if kind == "response":
                    verify(f, *binding, keys)
                expect(False, f"{name}: accepted")
            except DecodeError as e:
                ok = e.name == v["error"] and e.detail == v["detail"]
                expect(ok, f"{name}: got {e.name} {e.detail}, want {v['error']} {v['detail']}")
    print(f"independent decoder: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
