-- The writer stores a batch's new installations, and its issuances, each
-- with one INSERT: what follows them in the database (the licence's count of
-- bound installations, the audit log, the reports' counts) now runs once per
-- statement over the rows it inserted (transition tables), not once per row.
-- Releases stay counted per row (the UPDATE of released_at).

DROP TRIGGER installations_bound ON installations;
CREATE TRIGGER installations_released AFTER UPDATE OF released_at ON installations
    FOR EACH ROW EXECUTE FUNCTION count_bound_installations();

CREATE FUNCTION count_new_installations() RETURNS trigger AS $$
BEGIN
    -- The licences' rows are locked by the writer's batch already.
    UPDATE licenses l SET bound_installations = l.bound_installations + n.bound
    FROM (SELECT license_id, count(*) AS bound FROM new_installations GROUP BY license_id) n
    WHERE l.id = n.license_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER installations_bound AFTER INSERT ON installations
    REFERENCING NEW TABLE AS new_installations
    FOR EACH STATEMENT EXECUTE FUNCTION count_new_installations();

DROP TRIGGER issuances_audit ON issuances;
DROP TRIGGER issuances_counted ON issuances;
DROP FUNCTION audit_issuance();
DROP FUNCTION count_issuance();

CREATE FUNCTION follow_issuances() RETURNS trigger AS $$
BEGIN
    INSERT INTO audit_log (at, actor, action, license_id, detail)
    SELECT issued_at, actor, 'response.issue', license_id,
           json_build_object('key_id', upper(lpad(to_hex(key_id), 16, '0')), 'from_counter', from_counter,
                             'to_counter', to_counter, 'signing_key_id', signing_key_id,
                             'channel', channel)::text
    FROM new_issuances ORDER BY id;
    -- Each connection counts into its own shard (0016).
    INSERT INTO issuance_days (day, channel, shard, count)
        SELECT substr(issued_at, 1, 10), channel, pg_backend_pid() % 16, count(*)
        FROM new_issuances GROUP BY 1, 2
        ON CONFLICT (day, channel, shard) DO UPDATE SET count = issuance_days.count + EXCLUDED.count;
    UPDATE licenses l SET fetched_counter = n.to_counter
    FROM (SELECT license_id, max(to_counter) AS to_counter FROM new_issuances GROUP BY license_id) n
    WHERE l.id = n.license_id AND l.fetched_counter < n.to_counter;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER issuances_followed AFTER INSERT ON issuances
    REFERENCING NEW TABLE AS new_issuances
    FOR EACH STATEMENT EXECUTE FUNCTION follow_issuances();
