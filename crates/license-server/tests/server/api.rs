//! The licence server over real HTTP, against real SQLite and (when
//! LICENSE_TEST_POSTGRES_URL is set, as scripts/test.sh does) real
//! PostgreSQL: the stories with the `license` command, and concurrency.

use std::sync::{Arc, Barrier};

use crate::common::*;
use crate::for_each_backend;
use license_codes::ResponseCode;
use serde_json::{json, Value};

for_each_backend!(
    specview_story_through_the_license_command,
    a_later_upgrade_is_delivered_cumulatively,
    two_hundred_simultaneous_submissions_issue_once,
    responses_match_their_state_while_upgrades_are_queued,
);

fn specview_story_through_the_license_command(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(2, json!({"remote_users": 1, "clients": 25}));
    server.queue_upgrade(serial, json!({"remote_users": 3}));
    let trust = server.trust_file();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    ok(license(d, &trust, &["init", "--serial", &serial.to_code(), "--product", "SpecView"]));
    let code = ok(license(d, &trust, &["create-code", "--save", "Step_1_Code.TXT"]));
    let (status, answer) = server.activate(&code);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["already_issued"], false);
    assert_eq!((answer["from_counter"].as_u64(), answer["to_counter"].as_u64()), (Some(0), Some(2)));
    assert!(answer["changes"].as_array().unwrap().contains(&json!({"name": "remote_users", "from": "0", "to": "3"})));
    assert!(answer["issued_at"].as_str().unwrap().starts_with("20"));

    let out = ok(license(d, &trust, &["enter-code", answer["response_code"].as_str().unwrap()]));
    assert!(out.contains("remote_users: 0 -> 3"), "{out}");
    let status: Value = serde_json::from_str(&ok(license(d, &trust, &["status", "--json"]))).unwrap();
    assert_eq!(status["entitlements"]["remote_users"], 3);
    assert_eq!(status["entitlements"]["clients"], 25);

    // Asking again changes nothing: the same response, marked as already issued.
    let (_, again) = server.activate(&code);
    assert_eq!(again["response_code"], answer["response_code"]);
    assert_eq!(again["already_issued"], true);
    let (status, up_to_date) = server.activate(&ok(license(d, &trust, &["create-code"])));
    assert_eq!((status, up_to_date["code"].as_str()), (409, Some("up_to_date")));

    // The program's online path on a second computer.
    let second = tempfile::tempdir().unwrap();
    ok(license(second.path(), &trust, &["init", "--serial", &serial.to_code(), "--product", "7"]));
    let out = ok(license(second.path(), &trust, &["get-it-now", "--server", &server.url]));
    assert!(out.contains("remote_users: 0 -> 3"), "{out}");
    let out = ok(license(second.path(), &trust, &["get-it-now", "--server", &server.url]));
    assert!(out.contains("Nothing is waiting"), "{out}");

    let history = server.show(serial);
    assert_eq!(history["installations"].as_array().unwrap().len(), 2);
    assert_eq!(history["issuances"].as_array().unwrap().len(), 2);
    let actions: Vec<&str> =
        history["audit"].as_array().unwrap().iter().map(|a| a["action"].as_str().unwrap()).collect();
    for expected in ["license.create", "upgrade.queue", "response.issue"] {
        assert!(actions.contains(&expected), "audit lacks {expected}: {actions:?}");
    }
    let issues: Vec<&Value> =
        history["audit"].as_array().unwrap().iter().filter(|a| a["action"] == "response.issue").collect();
    assert_eq!(issues.len(), 2);
    assert!(issues
        .iter()
        .all(|a| a["actor"] == "127.0.0.1" && a["detail"]["from_counter"] == 0 && a["detail"]["to_counter"] == 2));
    // The audit says who: the first through the portal's API, the second by the program's Get it now.
    let channels: Vec<&Value> = issues.iter().map(|a| &a["detail"]["channel"]).collect();
    assert_eq!(channels, [&json!("portal"), &json!("online")]);
    let issued: Vec<(&Value, &Value)> =
        history["issuances"].as_array().unwrap().iter().map(|i| (&i["channel"], &i["actor"])).collect();
    assert_eq!(issued, [(&json!("portal"), &json!("127.0.0.1")), (&json!("online"), &json!("127.0.0.1"))]);
    assert_eq!(history["issuances"][0]["request_code"], code.as_str());
    let keys: Vec<&Value> = history["installations"].as_array().unwrap().iter().map(|i| &i["key_id"]).collect();
    assert!(issues.iter().all(|a| keys.contains(&&a["detail"]["key_id"])), "audit key ids match installations");
    assert_eq!(history["bound_installations"], 2);
}

fn a_later_upgrade_is_delivered_cumulatively(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1, "clients": 25}));
    let trust = server.trust_file();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(license(d, &trust, &["init", "--serial", &serial.to_code(), "--product", "SpecView"]));
    let (_, first) = server.activate(&ok(license(d, &trust, &["create-code"])));
    ok(license(d, &trust, &["enter-code", first["response_code"].as_str().unwrap()]));

    // Upgrade 2 is fetched but never entered; upgrade 3 is queued later.
    server.queue_upgrade(serial, json!({"remote_users": 3}));
    let (_, never_applied) = server.activate(&ok(license(d, &trust, &["create-code"])));
    assert_eq!(never_applied["to_counter"], 2);
    server.queue_upgrade(serial, json!({"historian": true}));
    let (status, cumulative) = server.activate(&ok(license(d, &trust, &["create-code"])));
    assert_eq!(status, 200, "{cumulative}");
    assert_eq!((cumulative["from_counter"].as_u64(), cumulative["to_counter"].as_u64()), (Some(1), Some(3)));
    assert_eq!(cumulative["already_issued"], false);
    let out = ok(license(d, &trust, &["enter-code", cumulative["response_code"].as_str().unwrap()]));
    assert!(out.contains("remote_users: 1 -> 3") && out.contains("historian: no -> yes"), "{out}");
    // The superseded response is now refused by the program as TOO_OLD.
    let stale = license(d, &trust, &["enter-code", never_applied["response_code"].as_str().unwrap()]);
    assert_eq!(stale.status.code(), Some(7));
}

fn two_hundred_simultaneous_submissions_issue_once(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 3}));
    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let barrier = Arc::new(Barrier::new(200));
    let answers: Vec<(u16, Value)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..200)
            .map(|_| {
                let barrier = barrier.clone();
                let (url, code) = (&server.url, &code);
                s.spawn(move || {
                    barrier.wait();
                    request(url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(answers.iter().all(|(status, _)| *status == 200), "{:?}", answers.iter().find(|a| a.0 != 200));
    let first = &answers[0].1["response_code"];
    assert!(answers.iter().all(|(_, a)| &a["response_code"] == first), "responses differ");
    assert_eq!(answers.iter().filter(|(_, a)| a["already_issued"] == false).count(), 1);
    let history = server.show(serial);
    assert_eq!(history["issuances"].as_array().unwrap().len(), 1);
    assert_eq!(history["installations"].as_array().unwrap().len(), 1);
}

/// Activations race with upgrades being queued: every response must carry
/// exactly the state of the counter it brings the installation to (the state
/// at counter c has remote_users = c here).
fn responses_match_their_state_while_upgrades_are_queued(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(100_000, json!({"remote_users": 1}));
    let answers: Vec<Value> = std::thread::scope(|s| {
        let queuer = s.spawn(|| {
            for counter in 2..=30 {
                server.queue_upgrade(serial, json!({"remote_users": counter}));
            }
        });
        let clients: Vec<_> = (0..8)
            .map(|_| {
                s.spawn(|| {
                    (0..40)
                        .map(|_| server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest())))
                        .map(|(status, answer)| {
                            assert_eq!(status, 200, "{answer}");
                            answer
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        queuer.join().unwrap();
        clients.into_iter().flat_map(|c| c.join().unwrap()).collect()
    });
    let mut counters = std::collections::BTreeSet::new();
    for answer in &answers {
        let response = ResponseCode::parse(answer["response_code"].as_str().unwrap()).unwrap();
        let to = answer["to_counter"].as_u64().unwrap();
        assert_eq!(u64::from(response.to_counter), to);
        assert_eq!(u64::from(response.entitlements.get(0)), to, "response for counter {to} carries another state");
        counters.insert(to);
    }
    assert!(counters.len() > 1, "the race did not happen: every answer was for counter {counters:?}");
}
