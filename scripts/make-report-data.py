"""Fills a license-server SQLite database with a vendor's three years: 50,000
licences of SpecView and 1,000,000 issuances through the four channels, a
third of the licences with an upgrade waiting, about three installations per
licence (a tenth released, one licence in twenty near its limit of 20), for
the reports' benchmark
(scripts/bench-reports.sh) and for trying the console's reports.

Usage: python3 scripts/make-report-data.py DATABASE [LICENCES] [ISSUANCES]

DATABASE must have been made by license-server (its migrations) with
product 7 (SpecView) added. Rows are written straight into the tables, in
the server's formats, with fixed random seeds, so two runs make the same data.
"""
import datetime
import json
import random
import sqlite3
import sys

path = sys.argv[1]
licences = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
issuances = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
rng = random.Random(24)
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
start = now - datetime.timedelta(days=3 * 365)


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


db = sqlite3.connect(path)
db.execute("PRAGMA synchronous = OFF")
db.execute("PRAGMA journal_mode = WAL")
rows, states = [], []
for n in range(licences):
    created = start + datetime.timedelta(seconds=rng.randrange(3 * 365 * 86400))
    latest = rng.choice([1, 1, 2, 2, 3])
    rows.append((n + 1, 0x10_0000_0000 + n, 7, f"it{n}@customer{n % 997}.example", 20, latest, stamp(created)))
    for counter in range(1, latest + 1):
        at = created + datetime.timedelta(days=30 * (counter - 1))
        entitlements = json.dumps([[0, counter]])
        states.append((n + 1, counter, entitlements, 0, "bench", "bench", stamp(min(at, now))))
db.executemany(
    "INSERT INTO licenses (id, serial, product_id, contact_email, max_installations, latest_counter, created_at, language, notify) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, 'en', 1)", rows)
db.executemany(
    "INSERT INTO license_states (license_id, counter, entitlements, digest, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    states)
channels = ["portal"] * 5 + ["online"] * 3 + ["mail"] + ["console"]
batch = []
for n in range(issuances):
    license_id = rng.randrange(licences) + 1
    latest = rows[license_id - 1][5]
    # Two thirds of the licences with an upgrade have fetched it.
    to = latest if license_id % 3 else max(1, latest - 1)
    at = start + datetime.timedelta(seconds=rng.randrange(3 * 365 * 86400))
    batch.append((license_id, rng.getrandbits(63), 0, to, "H", 0, "S", "[]", 1, stamp(at), rng.choice(channels), "bench"))
    if len(batch) == 50_000:
        db.executemany(
            "INSERT INTO issuances (license_id, key_id, from_counter, to_counter, request_code, request_digest, response_code, "
            "changes, signing_key_id, issued_at, channel, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
        batch = []
if batch:
    db.executemany(
        "INSERT INTO issuances (license_id, key_id, from_counter, to_counter, request_code, request_digest, response_code, "
        "changes, signing_key_id, issued_at, channel, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
# Installations: most licences have a few, one in twenty is nearly full;
# one in ten is released later (the triggers keep the bound counts).
installs, releases = [], []
for n, row in enumerate(rows):
    count = rng.randint(16, 20) if rng.random() < 0.05 else rng.choice([1, 1, 2, 2, 3, 4, 5, 8])
    created = datetime.datetime.strptime(row[6], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    for _ in range(count):
        key_id = rng.getrandbits(63)
        bound = created + datetime.timedelta(seconds=rng.randrange(max(1, int((now - created).total_seconds()))))
        installs.append((n + 1, key_id, stamp(bound)))
        if rng.random() < 0.1:
            released = bound + datetime.timedelta(seconds=rng.randrange(max(1, int((now - bound).total_seconds()))))
            releases.append((stamp(released), n + 1, key_id))
db.executemany("INSERT INTO installations (license_id, key_id, bound_at) VALUES (?, ?, ?)", installs)
db.executemany("UPDATE installations SET released_at = ? WHERE license_id = ? AND key_id = ?", releases)
db.commit()
db.execute("ANALYZE")
db.commit()
print(f"{licences} licences, {issuances} issuances, {len(installs)} installations from {stamp(start)} to {stamp(now)} in {path}")
