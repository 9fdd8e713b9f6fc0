"""Copies the vendor's three years that scripts/make-report-data.py wrote to
SQLite into a PostgreSQL database made by license-server (its migrations),
for the reports' benchmark on PostgreSQL (scripts/bench-reports.sh
--postgres). Rows go through COPY, so the database's own triggers keep the
per-day counts, the fetched updates and the bound counts as they do for
issuances made by the server.

Usage: python3 scripts/report-data-to-postgres.py SQLITE_DB POSTGRES_URL
(psql from PostgreSQL's bin directory, or $PSQL).
"""
import csv
import io
import os
import sqlite3
import subprocess
import sys

source, url = sys.argv[1], sys.argv[2]
psql = os.environ.get("PSQL", "psql")
db = sqlite3.connect(source)
tables = {
    "licenses": "id, serial, product_id, contact_email, max_installations, latest_counter, created_at, language, notify",
    "license_states": "license_id, counter, entitlements, digest, note, created_by, created_at",
    "issuances": "license_id, key_id, from_counter, to_counter, request_code, request_digest, response_code, changes, "
    "signing_key_id, issued_at, channel, actor",
    "installations": "license_id, key_id, bound_at, released_at",
}
for table, columns in tables.items():
    copy = subprocess.Popen(
        [psql, "-q", "-v", "ON_ERROR_STOP=1", url, "-c", f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv)"],
        stdin=subprocess.PIPE,
    )
    out = io.TextIOWrapper(copy.stdin, encoding="utf-8", newline="")
    writer = csv.writer(out)
    rows = 0
    for row in db.execute(f"SELECT {columns} FROM {table}"):
        writer.writerow(["" if v is None else v for v in row])
        rows += 1
    out.close()
    if copy.wait() != 0:
        sys.exit(f"COPY {table} failed")
    print(f"{table}: {rows} rows")
# The installations' trigger counts bindings, not the releases copied with
# them; the licences' sequence goes past the copied ids.
fix = (
    "UPDATE licenses SET bound_installations = (SELECT COUNT(*) FROM installations n "
    "WHERE n.license_id = licenses.id AND n.released_at IS NULL); "
    "SELECT setval(pg_get_serial_sequence('licenses', 'id'), (SELECT MAX(id) FROM licenses)); ANALYZE;"
)
subprocess.run([psql, "-q", "-v", "ON_ERROR_STOP=1", url, "-c", fix], check=True, stdout=subprocess.DEVNULL)
