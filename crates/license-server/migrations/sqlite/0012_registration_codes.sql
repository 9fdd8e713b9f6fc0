-- Registration codes (issue 23 §6): a licence's secret, which only its
-- contact receives and which binding a new installation requires (the
-- request code at update 0 carries a keyed tag of it). Licences made before
-- have none and bind as before until an admin gives them one.
ALTER TABLE licenses ADD COLUMN registration_code TEXT;
