//! Orders that can be sent twice: `Idempotency-Key` on creating a licence
//! and queueing an upgrade, against two `license-server` processes on one
//! database, with requests arriving at once.

use crate::common::*;
use crate::for_each_backend;
use serde_json::{json, Value};

for_each_backend!(an_order_sent_twice_is_done_once,);

/// A POST with an `Idempotency-Key`; returns the status and the JSON body.
fn post(base: &str, path: &str, token: &str, key: &str, body: &Value) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut response = agent
        .post(&format!("{base}{path}"))
        .header("authorization", &format!("Bearer {token}"))
        .header("idempotency-key", key)
        .header("content-type", "application/json")
        .send(body.to_string().as_str())
        .expect("server reachable");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn an_order_sent_twice_is_done_once(backend: Backend) {
    let vendor = ServerProcess::new(&backend);
    vendor.setup_specview("5");
    let (a, url_a) = vendor.start(&[]);
    let (b, url_b) = vendor.start(&[]);
    let token = vendor.ok(&["token", "create", "--role", "admin", "--name", "shop"]);
    let order = json!({"product": "SpecView", "contact_email": "order-4711@customer.example", "entitlements": {"remote_users": 2}});

    // Eight copies of one order at once, on two servers: one licence, and
    // every copy gets the same answer.
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let (url, token, order) = (if i % 2 == 0 { &url_a } else { &url_b }.clone(), token.clone(), order.clone());
            std::thread::spawn(move || post(&url, "/api/v1/admin/licenses", &token, "order-4711", &order))
        })
        .collect();
    let answers: Vec<(u16, Value)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    for (status, body) in &answers {
        assert_eq!((*status, body), (201, &answers[0].1), "every copy gets the first answer");
    }
    let serial = answers[0].1["serial"].as_str().unwrap().to_string();
    let (_, found) = request(
        &url_a,
        "POST",
        "/api/v1/admin/inspect",
        Some(&token),
        Some(&json!({"query": "order-4711@customer.example"})),
    );
    assert_eq!(found["licenses"].as_array().map(Vec::len), Some(1), "one licence: {found}");

    // Sent again later: the first answer again, nothing new.
    let (status, again) = post(&url_b, "/api/v1/admin/licenses", &token, "order-4711", &order);
    assert_eq!((status, &again), (201, &answers[0].1));
    // The same key with another body: refused, naming the key's reuse.
    let other = json!({"product": "SpecView", "contact_email": "someone-else@customer.example"});
    let (status, problem) = post(&url_a, "/api/v1/admin/licenses", &token, "order-4711", &other);
    assert_eq!((status, problem["code"].as_str()), (422, Some("idempotency_key_reused")), "{problem}");
    assert!(problem["next_step"].as_str().unwrap().contains("new key"), "{problem}");
    // Another key: another licence.
    let (status, second) = post(&url_a, "/api/v1/admin/licenses", &token, "order-4712", &order);
    assert_eq!(status, 201, "{second}");
    assert_ne!(second["serial"], answers[0].1["serial"]);
    // A failed order frees its key: corrected, it goes through.
    let (status, _) = post(
        &url_a,
        "/api/v1/admin/licenses",
        &token,
        "order-4713",
        &json!({"product": "Nope", "contact_email": "x@y.example"}),
    );
    assert_eq!(status, 404);
    let (status, _) = post(&url_a, "/api/v1/admin/licenses", &token, "order-4713", &order);
    assert_eq!(status, 201, "a key whose order failed can be used again");
    // A key that is not one: a clear 400.
    let (status, problem) = post(&url_a, "/api/v1/admin/licenses", &token, &"k".repeat(300), &order);
    assert_eq!((status, problem["code"].as_str()), (400, Some("invalid_input")), "{problem}");

    // An upgrade queued twice with one key: one upgrade.
    let path = format!("/api/v1/admin/licenses/{serial}/upgrades");
    let upgrade = json!({"set": {"remote_users": 5}, "note": "PO 4711"});
    let threads: Vec<_> = (0..4)
        .map(|i| {
            let (url, token, path, upgrade) =
                (if i % 2 == 0 { &url_a } else { &url_b }.clone(), token.clone(), path.clone(), upgrade.clone());
            std::thread::spawn(move || post(&url, &path, &token, "upgrade-4711", &upgrade))
        })
        .collect();
    let answers: Vec<(u16, Value)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    for (status, body) in &answers {
        assert_eq!((*status, body["counter"].as_i64()), (201, Some(2)), "{body}");
    }
    let (_, shown) = request(&url_a, "GET", &format!("/api/v1/admin/licenses/{serial}"), Some(&token), None);
    assert_eq!(shown["latest_counter"], 2, "one upgrade: {shown}");
    for mut server in [a, b] {
        let _ = server.kill();
        let _ = server.wait();
    }
}
