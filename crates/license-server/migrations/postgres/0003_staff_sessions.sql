-- Staff accounts for the support console, and their sessions.

-- A staff member: email, role, and the argon2id hash of the password (NULL
-- until it is set through the one-time link, whose token is kept only as a
-- SHA-256 hash, with its expiry in Unix seconds).
CREATE TABLE staff (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'support')),
    password_hash TEXT,
    setup_token_hash TEXT,
    setup_expires_unix BIGINT,
    created_at TEXT NOT NULL,
    disabled_at TEXT
);

-- A signed-in browser: only a SHA-256 of the cookie's secret is kept. Times
-- in Unix seconds, so every server sharing the database applies the same
-- idle and absolute limits.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    created_unix BIGINT NOT NULL,
    last_seen_unix BIGINT NOT NULL
);
CREATE INDEX sessions_by_staff ON sessions (staff_id);

-- Which issuance a pasted response code is (the console's Find).
CREATE INDEX issuances_by_response ON issuances (response_code);
