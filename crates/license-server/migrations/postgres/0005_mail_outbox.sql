-- Mail waiting to be sent: written in the same transaction as what it is
-- about (an issuance), delivered by a sender task that claims rows with a
-- lease, so nothing is lost in a crash and no two servers send one message.
CREATE TABLE mail_outbox (
    id BIGSERIAL PRIMARY KEY,
    -- The Message-ID, the same for every attempt: a retry after an unknown
    -- outcome is recognised as the same message.
    message_id TEXT NOT NULL UNIQUE,
    to_address TEXT NOT NULL,
    license_id BIGINT REFERENCES licenses(id),
    -- The issuance whose response code it carries (rendered when sent), or
    -- NULL for a notice, whose subject and text are stored here.
    issuance_id BIGINT REFERENCES issuances(id),
    subject TEXT,
    body TEXT,
    -- Why: issued, resend, mail_in, notice.
    reason TEXT NOT NULL,
    -- pending, sent or failed.
    state TEXT NOT NULL DEFAULT 'pending',
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_unix BIGINT NOT NULL,
    claimed_until_unix BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    created_unix BIGINT NOT NULL,
    sent_at TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_unix);
