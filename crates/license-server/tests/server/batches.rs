//! Issuances are recorded a batch at a time (one statement for a batch's new
//! installations, one for its issuances; on PostgreSQL the database's
//! follow-ups run once per statement). Many requests at once must still be
//! recorded exactly as one by one: a licence's limit holds, identical
//! requests give one issuance, and every issuance has its binding, its audit
//! entry, its count in the reports and its webhook delivery. Requests
//! looked up at once (on PostgreSQL by one statement) each get their own
//! answer.

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
    let barrier = std::sync::Barrier::new(codes.len());
    std::thread::scope(|s| {
        let handles: Vec<_> = codes
            .iter()
            .map(|(kind, code)| {
                let barrier = &barrier;
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
