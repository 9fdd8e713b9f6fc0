-- Idempotency-Key (IETF httpapi draft) on the admin API's orders (issue 23):
-- one row per caller and key for 24 hours. The row is claimed (status and
-- body null) before the order runs and filled with its answer after, so a
-- retry, or the same request arriving on another server at once, gets the
-- first answer instead of a second licence or upgrade.
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER,
    body TEXT,
    created_unix INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_unix);
