-- Webhooks (issue 23): the vendor's systems told what happened, as
-- Standard Webhooks. An event is written in the same transaction as what
-- it tells, with one delivery per endpoint subscribed to its type; a sender
-- task claims due deliveries with a lease, as the mail outbox does.
CREATE TABLE webhook_endpoints (
    -- wh_ and 16 hex digits: not guessable, not a count.
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    -- The subscribed types between commas: ',license.created,mail.failed,'.
    events TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- The secret is derived from this and the server's webhook key
    -- (DATA/keys/webhook-key.hex), which is not in the database: a reader
    -- of the database cannot sign. Rotating draws a new salt.
    secret_salt TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE webhook_events (
    id BIGSERIAL PRIMARY KEY,
    -- msg_ and 32 hex digits: the webhook-id header, the same in every attempt.
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    -- The body exactly as signed and sent.
    body TEXT NOT NULL,
    created_unix BIGINT NOT NULL
);
CREATE TABLE webhook_deliveries (
    id BIGSERIAL PRIMARY KEY,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id BIGINT NOT NULL REFERENCES webhook_events (id),
    -- waiting, delivered or failed.
    state TEXT NOT NULL DEFAULT 'waiting',
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_unix BIGINT NOT NULL,
    claimed_until_unix BIGINT NOT NULL DEFAULT 0,
    last_status BIGINT,
    last_error TEXT,
    last_attempt_unix BIGINT,
    delivered_unix BIGINT,
    created_unix BIGINT NOT NULL,
    -- Retried for three days from here: when made, or sent again by staff.
    since_unix BIGINT NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_unix);
