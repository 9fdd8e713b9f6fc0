//! Issuances are recorded a batch at a time (one statement for a batch's new
//! installations, one for its issuances; on PostgreSQL the database's
//! follow-ups run once per statement). Many requests at once must still be
//! recorded exactly as one by one: a licence's limit holds, identical
//! requests give one issuance, and every issuance has its binding, its audit
//! entry, its count in the reports and its webhook delivery. Requests
//! looked up at once (on PostgreSQL by one statement) each get their own
//! answer. On PostgreSQL a batch takes its licences' locks last, so two
//! servers' batches on one licence overlap: the limit, the identical requests
//! and an upgrade queued meanwhile must still come out as one by one.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::common::*;
use crate::for_each_backend;

for_each_backend!(requests_at_once_are_recorded_exactly, lookups_at_once_each_get_their_own_answer);

fn requests_at_once_are_recorded_exactly(backend: Backend) {
    let d = ServerProcess::new(&backend);
    let limited = d.setup_specview("5");
    let open = d.create_specview_license("ops@example.com", "1000");
    let token = d.ok(&["token", "create", "--role", "admin", "--name", "checker"]);
    d.ok(&["webhook", "add", "--url", "http://127.0.0.1:9/hook", "--event", "response.issued", "--allow-private"]);
    let (server, url) = d.serve(&[]);

    // 20 new installations on a licence with 5 places, 20 identical
    // requests and 20 new installations on one with room, all at once.
    let twin = request_code(7, open, random_key_id(), 0, empty_digest());
    let mut codes: Vec<(&str, String)> = Vec::new();
    for _ in 0..20 {
        codes.push(("limited", request_code(7, limited, random_key_id(), 0, empty_digest())));
        codes.push(("twin", twin.clone()));
        codes.push(("open", request_code(7, open, random_key_id(), 0, empty_digest())));
    }
    let answers = at_once(&url, &codes);
    let of = |kind: &'static str| answers.iter().filter(move |(k, _, _)| *k == kind);

    assert_eq!(of("limited").filter(|(_, status, _)| *status == 200).count(), 5, "the limit of 5 held");
    assert!(of("limited").all(|(_, status, a)| *status == 200 || a["code"] == "installation_limit"), "{answers:?}");
    assert!(of("twin")
        .all(|(_, status, a)| *status == 200 && a["response_code"] == of("twin").next().unwrap().2["response_code"]));
    assert_eq!(of("twin").filter(|(_, _, a)| a["already_issued"] == false).count(), 1, "one issuance for the twins");
    assert!(of("open").all(|(_, status, a)| *status == 200 && a["already_issued"] == false));

    let history = |serial: &license_codes::SerialNumber| {
        let (status, history) = request(&url, "GET", &format!("/api/v1/admin/licenses/{serial}"), Some(&token), None);
        assert_eq!(status, 200, "{history}");
        history
    };
    for (serial, issued) in [(limited, 5), (open, 21)] {
        let h = history(&serial);
        assert_eq!(h["bound_installations"], issued, "{h}");
        assert_eq!(h["issuances"].as_array().unwrap().len(), issued);
        let audited: Vec<&Value> =
            h["audit"].as_array().unwrap().iter().filter(|a| a["action"] == "response.issue").collect();
        assert_eq!(audited.len(), issued, "one audit entry per issuance");
        let keys: HashSet<&Value> = audited.iter().map(|a| &a["detail"]["key_id"]).collect();
        assert_eq!(keys.len(), issued, "each with its installation");
    }
    let open_history = history(&open);
    let stored: HashSet<&str> =
        open_history["issuances"].as_array().unwrap().iter().map(|i| i["response_code"].as_str().unwrap()).collect();
    assert!(of("open").chain(of("twin")).all(|(_, _, a)| stored.contains(a["response_code"].as_str().unwrap())));

    let day = time::OffsetDateTime::now_utc().date();
    let day = format!("{:04}-{:02}-{:02}", day.year(), u8::from(day.month()), day.day());
    let (_, report) =
        request(&url, "GET", &format!("/api/v1/admin/reports/issuances?from={day}&to={day}"), Some(&token), None);
    let portal = report["series"].as_array().unwrap().iter().find(|s| s["channel"] == "portal").unwrap();
    assert_eq!(portal["points"][0]["count"], 26, "{report}");

    let (_, endpoints) = request(&url, "GET", "/api/v1/admin/webhooks", Some(&token), None);
    let id = endpoints[0]["id"].as_str().unwrap();
    let (_, deliveries) = request(&url, "GET", &format!("/api/v1/admin/webhooks/{id}/deliveries"), Some(&token), None);
    assert_eq!(deliveries.as_array().unwrap().len(), 26, "one delivery per issuance: {deliveries}");
    drop(server); // ends it
    assert_eq!(d.ok(&["check"]), "ok");
}

/// Every code of `codes` sent to the portal's API at once (released by a
/// barrier), each answer with its code's kind.
fn at_once<'a>(url: &str, codes: &[(&'a str, String)]) -> Vec<(&'a str, u16, Value)> {
    at_once_on(&[url], codes)
}

/// [`at_once`] over several servers: code i to `urls[i % urls.len()]`.
fn at_once_on<'a>(urls: &[&str], codes: &[(&'a str, String)]) -> Vec<(&'a str, u16, Value)> {
    let barrier = std::sync::Barrier::new(codes.len());
    std::thread::scope(|s| {
        let handles: Vec<_> = codes
            .iter()
            .enumerate()
            .map(|(i, (kind, code))| {
                let (barrier, url) = (&barrier, urls[i % urls.len()]);
                s.spawn(move || {
                    barrier.wait();
                    let (status, answer) =
                        request(url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
                    (*kind, status, answer)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

fn lookups_at_once_each_get_their_own_answer(backend: Backend) {
    let d = ServerProcess::new(&backend);
    let serial = d.setup_specview("1000");
    let (_server, url) = d.serve(&[]);
    // Eight installations answered before, one by one.
    let asked_before: Vec<(u64, String, String)> = (0..8)
        .map(|_| {
            let key = random_key_id();
            let code = request_code(7, serial, key, 0, empty_digest());
            let (status, answer) =
                request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
            assert_eq!(status, 200, "{answer}");
            (key, code, answer["response_code"].as_str().unwrap().to_string())
        })
        .collect();

    // Six kinds of request, eight of each, looked up at the same moment.
    let mut codes: Vec<(&str, String)> = Vec::new();
    for (i, (key, code, _)) in asked_before.iter().enumerate() {
        codes.push(("repeat", code.clone()));
        codes.push(("new", request_code(7, serial, random_key_id(), 0, empty_digest())));
        let unknown = license_codes::SerialNumber::new(0x5_0000 + i as u64).unwrap();
        codes.push(("unknown_serial", request_code(7, unknown, random_key_id(), 0, empty_digest())));
        codes.push(("wrong_product", request_code(8, serial, random_key_id(), 0, empty_digest())));
        codes.push(("counter_not_issued", request_code(7, serial, *key, 9, empty_digest())));
        codes.push(("keyid_not_found", request_code(7, serial, random_key_id(), 1, empty_digest())));
    }
    let answers = at_once(&url, &codes);
    for ((kind, code), (_, status, answer)) in codes.iter().zip(&answers) {
        match *kind {
            "repeat" => {
                let stored = &asked_before.iter().find(|(_, asked, _)| asked == code).unwrap().2;
                assert_eq!((*status, answer["already_issued"].as_bool()), (200, Some(true)), "{answer}");
                assert_eq!(answer["response_code"].as_str(), Some(stored.as_str()), "its own stored response");
            }
            "new" => assert_eq!((*status, answer["already_issued"].as_bool()), (200, Some(false)), "{answer}"),
            problem => assert_eq!(answer["code"].as_str(), Some(problem), "{kind}: {status} {answer}"),
        }
    }
}

/// Two servers on one PostgreSQL database, their requests at the same
/// moments on the same licences (SQLite is one server's).
#[test]
fn two_servers_at_once_hold_the_limit_and_the_counter() {
    let Some(backend) = Backend::postgres() else {
        return eprintln!("skipped: set LICENSE_TEST_POSTGRES_URL to run against PostgreSQL");
    };
    let d = ServerProcess::new(&backend);
    let limited = d.setup_specview("12");
    let open = d.create_specview_license("ops@example.com", "1000");
    let (_a, url_a) = d.serve(&[]);
    let (_b, url_b) = d.serve(&[]);
    let urls = [url_a.as_str(), url_b.as_str()];

    for round in 0..3 {
        // 40 new installations on the licence with 12 places (the first round
        // takes them all), the same request 20 times, and 40 new installations
        // with room, spread over both servers; in the second round an upgrade
        // of the open licence is queued meanwhile.
        let twin = request_code(7, open, random_key_id(), 0, empty_digest());
        let mut codes: Vec<(&str, String)> = Vec::new();
        for _ in 0..20 {
            for _ in 0..2 {
                codes.push(("limited", request_code(7, limited, random_key_id(), 0, empty_digest())));
                codes.push(("open", request_code(7, open, random_key_id(), 0, empty_digest())));
            }
            codes.push(("twin", twin.clone()));
        }
        let answers = std::thread::scope(|s| {
            if round == 1 {
                s.spawn(|| d.ok(&["upgrade", "queue", "--serial", &open.to_code(), "historian=yes"]));
            }
            at_once_on(&urls, &codes)
        });
        let latest = if round == 0 { 1 } else { 2 };
        let of = |kind: &'static str| answers.iter().filter(move |(k, _, _)| *k == kind);
        let limited_given = of("limited").filter(|(_, status, _)| *status == 200).count();
        assert_eq!(limited_given, if round == 0 { 12 } else { 0 }, "round {round}: the limit of 12 held");
        assert!(of("limited").all(|(_, status, a)| *status == 200 || a["code"] == "installation_limit"), "{answers:?}");
        assert!(of("open").all(|(_, status, a)| *status == 200 && a["already_issued"] == false), "{answers:?}");
        // The twins: one issuance for each counter they were answered at (two
        // only if the upgrade came between them), and one response for each.
        assert!(of("twin").all(|(_, status, _)| *status == 200), "{answers:?}");
        let counters: HashSet<&Value> = of("twin").map(|(_, _, a)| &a["to_counter"]).collect();
        assert!(counters.len() == 1 || round == 1, "round {round}: {counters:?}");
        for counter in counters {
            let at = |a: &&(&str, u16, Value)| a.2["to_counter"] == *counter;
            let first = &of("twin").find(at).unwrap().2;
            assert!(of("twin").filter(at).all(|(_, _, a)| a["response_code"] == first["response_code"]));
            assert_eq!(of("twin").filter(at).filter(|(_, _, a)| a["already_issued"] == false).count(), 1);
        }
        // Asked again, each at the latest counter comes back byte for byte,
        // one of the counter before the upgrade gets the upgrade.
        let again = at_once_on(&urls, &codes);
        for ((_, status, first), (kind, status_again, answer)) in answers.iter().zip(&again) {
            assert_eq!(status_again, status, "{kind}: {answer}");
            if *status == 200 {
                assert_eq!(answer["to_counter"], latest, "{kind} asked again: {answer}");
                if first["to_counter"] == latest {
                    assert_eq!(answer["response_code"], first["response_code"], "{kind} asked again");
                }
            }
        }
    }

    let token = d.ok(&["token", "create", "--role", "admin", "--name", "checker"]);
    for (serial, bound) in [(limited, 12), (open, 3 * 41)] {
        let (status, h) = request(&url_a, "GET", &format!("/api/v1/admin/licenses/{serial}"), Some(&token), None);
        assert_eq!(status, 200, "{h}");
        assert_eq!(h["bound_installations"], bound, "{h}");
        let issuances = h["issuances"].as_array().unwrap();
        let installations: HashSet<&Value> = issuances.iter().map(|i| &i["key_id"]).collect();
        assert_eq!(installations.len(), bound, "every bound installation has its issuance");
        let audited = h["audit"].as_array().unwrap().iter().filter(|a| a["action"] == "response.issue").count();
        assert_eq!(audited, issuances.len(), "one audit entry per issuance");
    }
    assert_eq!(d.ok(&["check"]), "ok");
}

/// A batch that finds its licence changed when it takes the lock (last, on
/// PostgreSQL) is redone under the lock and answers as the licence now is:
/// the test holds the licence's row lock, changes the licence while the
/// server's batch waits for it, and commits.
#[test]
fn a_batch_whose_licence_moved_before_its_lock_answers_as_it_now_is() {
    let Some(backend) = Backend::postgres() else {
        return eprintln!("skipped: set LICENSE_TEST_POSTGRES_URL to run against PostgreSQL");
    };
    let d = ServerProcess::new(&backend);
    let serial = d.setup_specview("2");
    let (_server, url) = d.serve(&[]);
    let database = d.database_url.clone().unwrap();
    let activate =
        |code: &str| request(&url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    let key = random_key_id();
    let (status, first) = activate(&request_code(7, serial, key, 0, empty_digest()));
    assert_eq!(status, 200, "{first}");
    let held =
        license_codes::ResponseCode::parse(first["response_code"].as_str().unwrap()).unwrap().entitlements.digest();
    d.ok(&["upgrade", "queue", "--serial", &serial.to_code(), "historian=yes"]);

    // Released while the batch of its update waited: not answered.
    let (status, answer) =
        while_locked(&database, "UPDATE installations SET released_at = '2026-12-07T00:00:00Z'", || {
            activate(&request_code(7, serial, key, 1, held))
        });
    assert_eq!(
        (status, answer["code"].as_str(), answer["released"].as_bool()),
        (409, Some("keyid_not_found"), Some(true)),
        "{answer}"
    );

    // An update queued meanwhile: the response brings it.
    let (status, answer) = while_locked(
        &database,
        "UPDATE licenses SET latest_counter = 3; \
         INSERT INTO license_states (license_id, counter, entitlements, digest, note, created_by, created_at) \
         SELECT license_id, 3, entitlements, digest, 'meanwhile', created_by, created_at FROM license_states WHERE counter = 2",
        || activate(&request_code(7, serial, random_key_id(), 0, empty_digest())),
    );
    assert_eq!((status, answer["to_counter"].as_u64()), (200, Some(3)), "{answer}");

    // The last place taken meanwhile (as by another server): the limit holds.
    let (status, answer) = while_locked(
        &database,
        "INSERT INTO installations (license_id, key_id, bound_at) SELECT id, 42, '2026-12-07T00:00:00Z' FROM licenses",
        || activate(&request_code(7, serial, random_key_id(), 0, empty_digest())),
    );
    assert_eq!((status, answer["code"].as_str()), (409, Some("installation_limit")), "{answer}");
    assert_eq!(d.ok(&["check"]), "ok");
}

/// Runs `ask` in a thread while this test holds the lock of the database's
/// licence rows; once the server waits for that lock, runs `change` and
/// commits. Gives what `ask` gave.
fn while_locked<T: Send>(database: &str, change: &str, ask: impl FnOnce() -> T + Send) -> T {
    use sqlx::{Connection, Executor};
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut conn = runtime.block_on(sqlx::PgConnection::connect(database)).unwrap();
    runtime.block_on(conn.execute("BEGIN; SELECT id FROM licenses FOR NO KEY UPDATE")).unwrap();
    std::thread::scope(|s| {
        let asked = s.spawn(ask);
        runtime.block_on(async {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
            loop {
                let (waiting,): (i64,) = sqlx::query_as(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                )
                .fetch_one(&mut sqlx::PgConnection::connect(database).await.unwrap())
                .await
                .unwrap();
                if waiting > 0 {
                    break;
                }
                assert!(std::time::Instant::now() < deadline, "the server never waited for the licence's lock");
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            conn.execute(change).await.unwrap();
            conn.execute("COMMIT").await.unwrap();
        });
        asked.join().unwrap()
    })
}

/// On PostgreSQL the writer's statements are prepared once per connection
/// and keep the plan made at their first batches, while the tables may
/// still be empty: it must suit any size. The plan of the bindings read,
/// made on a new database for any values, probes the primary key by both
/// columns a pair and never reads the whole table; and it is still the
/// plan once the licence has 20,000 installations.
#[test]
fn the_batch_statements_planned_once_probe_by_whole_keys() {
    use sqlx::{Connection, Executor};
    let Some(backend) = Backend::postgres() else {
        return eprintln!("skipped: set LICENSE_TEST_POSTGRES_URL to run against PostgreSQL");
    };
    let d = ServerProcess::new(&backend);
    d.setup_specview("2");
    let database = d.database_url.clone().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let plans: Vec<String> = runtime.block_on(async {
        let mut conn = sqlx::PgConnection::connect(&database).await.unwrap();
        conn.execute(license_server::issuance::writer::prepare_statements().as_str()).await.unwrap();
        conn.execute("SET plan_cache_mode = force_generic_plan").await.unwrap();
        let explain = "EXPLAIN EXECUTE batch_bindings('{1,1,1}', '{5,6,7}')";
        let new: Vec<String> = sqlx::query_scalar(explain).fetch_all(&mut conn).await.unwrap();
        conn.execute(
            "INSERT INTO installations (license_id, key_id, bound_at) \
             SELECT id, g, '2026-12-07T00:00:00Z' FROM licenses, generate_series(1, 20000) g; \
             ANALYZE installations",
        )
        .await
        .unwrap();
        let grown: Vec<String> = sqlx::query_scalar(explain).fetch_all(&mut conn).await.unwrap();
        vec![new.join("\n"), grown.join("\n")]
    });
    for plan in plans {
        assert!(plan.contains("Index Scan using installations_pkey"), "{plan}");
        assert!(!plan.contains("Seq Scan on installations") && !plan.contains("Hash"), "{plan}");
    }
}
