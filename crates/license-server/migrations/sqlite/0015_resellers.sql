-- Resellers (issue 24): a staff member with role `reseller` sells some
-- products (their names, comma-separated) and owns the licences it creates
-- or an admin assigns to it (by its email); NULL: the vendor's own.
-- SQLite cannot change a CHECK constraint: the staff table is made again
-- with the new role (and sessions with it, which refer to it).
ALTER TABLE sessions RENAME TO sessions_old;
ALTER TABLE staff RENAME TO staff_old;
CREATE TABLE staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'support', 'reseller')),
    password_hash TEXT,
    setup_token_hash TEXT,
    setup_expires_unix INTEGER,
    created_at TEXT NOT NULL,
    disabled_at TEXT,
    products TEXT NOT NULL DEFAULT ''
);
INSERT INTO staff (id, email, role, password_hash, setup_token_hash, setup_expires_unix, created_at, disabled_at)
    SELECT id, email, role, password_hash, setup_token_hash, setup_expires_unix, created_at, disabled_at FROM staff_old;
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    created_unix INTEGER NOT NULL,
    last_seen_unix INTEGER NOT NULL
);
INSERT INTO sessions SELECT token_hash, staff_id, created_unix, last_seen_unix FROM sessions_old;
DROP TABLE sessions_old;
DROP TABLE staff_old;
CREATE INDEX sessions_by_staff ON sessions (staff_id);

ALTER TABLE licenses ADD COLUMN reseller TEXT;
CREATE INDEX licenses_reseller ON licenses (reseller);
