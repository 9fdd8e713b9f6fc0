-- The dashboard (issue 24) counts installations bound and released per day:
-- a range of these instead of every installation.
CREATE INDEX installations_bound_at ON installations (bound_at);
CREATE INDEX installations_released_at ON installations (released_at);
