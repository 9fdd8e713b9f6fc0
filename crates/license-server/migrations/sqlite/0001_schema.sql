-- The licence server's schema. SQLite dialect; migrations/postgres holds the
-- same tables for PostgreSQL.

-- Products and the names of their entitlement slots (JSON array of
-- {"name", "kind"}; a slot's number is its index).
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    entitlements TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One purchase: a serial number, its product, its technical contact, how
-- many installations it may bind and how many are bound now, and the counter
-- of its newest state.
CREATE TABLE licenses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    serial INTEGER NOT NULL UNIQUE,
    product_id INTEGER NOT NULL REFERENCES products(id),
    contact_email TEXT NOT NULL,
    max_installations INTEGER NOT NULL,
    bound_installations INTEGER NOT NULL DEFAULT 0,
    latest_counter INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

-- The entitlement state at each counter, in the order the vendor released
-- them: counter 1 at purchase, then each queued upgrade. Entitlements are
-- JSON {"slot": value}; digest is what request codes at that counter carry.
CREATE TABLE license_states (
    license_id INTEGER NOT NULL REFERENCES licenses(id),
    counter INTEGER NOT NULL,
    entitlements TEXT NOT NULL,
    digest INTEGER NOT NULL,
    note TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (license_id, counter)
);

-- Installations (key ids, as signed 64-bit integers) bound to a licence.
CREATE TABLE installations (
    license_id INTEGER NOT NULL REFERENCES licenses(id),
    key_id INTEGER NOT NULL,
    bound_at TEXT NOT NULL,
    released_at TEXT,
    PRIMARY KEY (license_id, key_id)
);

-- Every response ever issued. The unique key makes issuing idempotent: one
-- response per installation, starting counter and target counter. The
-- request's entitlement digest and the changes (JSON) are kept so that a
-- repeated request is answered from this row alone.
CREATE TABLE issuances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    license_id INTEGER NOT NULL REFERENCES licenses(id),
    key_id INTEGER NOT NULL,
    from_counter INTEGER NOT NULL,
    to_counter INTEGER NOT NULL,
    request_code TEXT NOT NULL,
    request_digest INTEGER NOT NULL,
    response_code TEXT NOT NULL,
    changes TEXT NOT NULL,
    signing_key_id INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    UNIQUE (license_id, key_id, from_counter, to_counter)
);
CREATE INDEX issuances_by_target ON issuances (license_id, key_id, to_counter);

-- Admin and support API tokens: only a SHA-256 of the secret part is kept.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'support')),
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- Every admin action and every issuance.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    license_id INTEGER,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_by_license ON audit_log (license_id, id);

-- The bound-installation count follows the installations table, so it cannot drift.
CREATE TRIGGER installations_bound AFTER INSERT ON installations
BEGIN
    UPDATE licenses SET bound_installations = bound_installations + 1 WHERE id = NEW.license_id;
END;
CREATE TRIGGER installations_released AFTER UPDATE OF released_at ON installations
WHEN OLD.released_at IS NULL AND NEW.released_at IS NOT NULL
BEGIN
    UPDATE licenses SET bound_installations = bound_installations - 1 WHERE id = NEW.license_id;
END;

-- Every issuance is written to the audit log by the database itself.
CREATE TRIGGER issuances_audit AFTER INSERT ON issuances
BEGIN
    INSERT INTO audit_log (at, actor, action, license_id, detail)
    VALUES (NEW.issued_at, 'portal', 'response.issue', NEW.license_id,
            json_object('key_id', printf('%016X', NEW.key_id), 'from_counter', NEW.from_counter,
                        'to_counter', NEW.to_counter, 'signing_key_id', NEW.signing_key_id));
END;
