-- Mail that came in and was answered by nothing, and why (issue 23): an
-- automatic message, a reply to our own, a budget spent, an unknown serial.
-- `mail status` lists the last week's.
CREATE TABLE mail_dropped (
    id INTEGER PRIMARY KEY,
    sender TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_unix INTEGER NOT NULL
);
CREATE INDEX mail_dropped_created ON mail_dropped (created_unix);
