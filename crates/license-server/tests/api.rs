//! The licence server over real HTTP, against real SQLite and (when
//! LICENSE_TEST_POSTGRES_URL is set, as scripts/test.sh does) real PostgreSQL.

mod common;

use std::sync::{Arc, Barrier};

use common::*;
use license_codes::{Entitlements, Product, ResponseCode, SerialNumber};
use license_server::HttpOptions;
use serde_json::{json, Value};

for_each_backend!(
    specview_story_through_the_license_command,
    a_later_upgrade_is_delivered_cumulatively,
    two_hundred_simultaneous_submissions_issue_once,
    responses_match_their_state_while_upgrades_are_queued,
    malformed_and_misplaced_codes,
    serial_product_and_installation_errors,
    history_errors,
    body_errors,
    rate_limits,
    admin_requires_the_right_token,
    public_endpoints,
    serves_the_portal_with_security_headers,
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
        .all(|a| a["actor"] == "portal" && a["detail"]["from_counter"] == 0 && a["detail"]["to_counter"] == 2));
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

fn assert_problem(answer: &(u16, Value), status: u16, code: &str) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!(answer.1["code"], code, "{}", answer.1);
    assert!(answer.1["detail"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(answer.1["next_step"].as_str().is_some_and(|d| !d.is_empty()));
    assert_eq!(answer.1["status"], status);
    assert_eq!(answer.1["type"], format!("urn:license-server:problem:{code}"));
}

fn malformed_and_misplaced_codes(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 3}));
    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let mut typo: Vec<char> = code.chars().collect();
    typo[3 * 7 + 2] = if typo[3 * 7 + 2] == 'Q' { 'R' } else { 'Q' };
    let answer = server.activate(&typo.into_iter().collect::<String>());
    assert_problem(&answer, 400, "malformed_code");
    assert_eq!(answer.1["group"], 4);
    assert_eq!(answer.1["code_error"], "bad_group");
    assert!(answer.1["detail"].as_str().unwrap().contains("group 4"));

    let (_, issued) = server.activate(&code);
    let answer = server.activate(issued["response_code"].as_str().unwrap());
    assert_problem(&answer, 422, "wrong_kind");
    assert_eq!(answer.1["found_kind"], "response");
    let answer = server.activate(&serial.to_code());
    assert_problem(&answer, 422, "wrong_kind");
    assert_eq!(answer.1["found_kind"], "serial");
    assert_problem(&server.activate(""), 400, "malformed_code");
}

fn serial_product_and_installation_errors(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 3}));
    let unknown = SerialNumber::new(serial.value() ^ 1).unwrap();
    assert_problem(
        &server.activate(&request_code(7, unknown, random_key_id(), 0, empty_digest())),
        404,
        "unknown_serial",
    );
    assert_problem(
        &server.activate(&request_code(8, serial, random_key_id(), 0, empty_digest())),
        422,
        "wrong_product",
    );

    let first = random_key_id();
    assert_eq!(server.activate(&request_code(7, serial, first, 0, empty_digest())).0, 200);
    assert_problem(
        &server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest())),
        409,
        "installation_limit",
    );
    // An installation never bound, claiming a later counter: KEYID_NOT_FOUND.
    let digest = server_state_digest(&[("remote_users", 3)]);
    assert_problem(&server.activate(&request_code(7, serial, random_key_id(), 1, digest)), 409, "keyid_not_found");

    // Releasing the first installation frees its place; it is then refused itself.
    let (status, _) = request(
        &server.url,
        "DELETE",
        &format!("/api/v1/admin/licenses/{serial}/installations/{:016X}", first),
        Some(&server.admin),
        None,
    );
    assert_eq!(status, 200);
    assert_problem(&server.activate(&request_code(7, serial, first, 0, empty_digest())), 409, "keyid_not_found");
    assert_eq!(server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest())).0, 200);
}

/// The digest of a SpecView state given by name.
fn server_state_digest(values: &[(&str, u32)]) -> u32 {
    let product: Product = serde_json::from_value(specview_json()).unwrap();
    let mut e = Entitlements::new();
    for (name, value) in values {
        e.set(product.slot_of(name).unwrap(), *value).unwrap();
    }
    e.digest()
}

fn history_errors(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 3}));
    let key = random_key_id();
    let (status, first) = server.activate(&request_code(7, serial, key, 0, empty_digest()));
    assert_eq!(status, 200);
    let response = ResponseCode::parse(first["response_code"].as_str().unwrap()).unwrap();
    let held = response.entitlements.digest();
    assert_eq!(held, server_state_digest(&[("remote_users", 3)]));

    assert_problem(&server.activate(&request_code(7, serial, key, 1, held)), 409, "up_to_date");
    assert_problem(&server.activate(&request_code(7, serial, key, 5, held)), 409, "counter_not_issued");
    server.queue_upgrade(serial, json!({"clients": 10}));
    let tampered = server_state_digest(&[("remote_users", 30)]);
    let answer = server.activate(&request_code(7, serial, key, 1, tampered));
    assert_problem(&answer, 409, "entitlement_mismatch");
    assert_eq!(answer.1["counter"], 1);
    // At counter 0 the installation must hold nothing.
    assert_problem(&server.activate(&request_code(7, serial, key, 0, tampered)), 409, "entitlement_mismatch");
    assert_eq!(server.activate(&request_code(7, serial, key, 1, held)).0, 200);
}

fn body_errors(backend: Backend) {
    let server = TestServer::start(&backend);
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let url = format!("{}/api/v1/activations", server.url);
    let send = |content_type: &str, body: String| {
        let mut r = agent.post(&url).header("content-type", content_type).send(body.as_str()).unwrap();
        let status = r.status().as_u16();
        let text = r.body_mut().read_to_string().unwrap();
        (status, serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text)))
    };
    let big = json!({"request_code": "A".repeat(10_000)}).to_string();
    assert_problem(&send("application/json", big), 413, "payload_too_large");
    assert_problem(&send("text/plain", json!({"request_code": "x"}).to_string()), 415, "unsupported_media_type");
    let unknown = send("application/json", json!({"request_code": "x", "serial": "y"}).to_string());
    assert_problem(&unknown, 400, "invalid_body");
    assert!(unknown.1["detail"].as_str().unwrap().contains("unknown field `serial`"), "{}", unknown.1);
    assert_problem(&send("application/json", "{not json".into()), 400, "invalid_body");
    let (status, body) = request(&server.url, "GET", "/api/v1/nothing-here", None, None);
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
}

fn rate_limits(backend: Backend) {
    let server =
        TestServer::start_with(&backend, HttpOptions { rate_limit_ip: 3, rate_limit_serial: 0, ..no_limits() });
    let serial = server.specview_license(10, json!({"remote_users": 3}));
    for _ in 0..3 {
        assert_eq!(server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest())).0, 200);
    }
    let limited = server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest()));
    assert_problem(&limited, 429, "rate_limited");
    assert!(limited.1["retry_after"].as_u64().unwrap() >= 1);
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let r = agent.get(&format!("{}/api/v1/keys", server.url)).call().unwrap();
    assert_eq!(r.status(), 200, "only the activation API is limited");
    let r = agent
        .post(&format!("{}/api/v1/activations", server.url))
        .header("content-type", "application/json")
        .send(json!({"request_code": "x"}).to_string().as_str())
        .unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().get("retry-after").is_some(), "429 without Retry-After");

    let per_serial =
        TestServer::start_with(&backend, HttpOptions { rate_limit_ip: 0, rate_limit_serial: 2, ..no_limits() });
    let serial = per_serial.specview_license(10, json!({"remote_users": 3}));
    for _ in 0..2 {
        assert_eq!(per_serial.activate(&request_code(7, serial, random_key_id(), 0, empty_digest())).0, 200);
    }
    assert_problem(
        &per_serial.activate(&request_code(7, serial, random_key_id(), 0, empty_digest())),
        429,
        "rate_limited",
    );
    let other = per_serial.specview_license(10, json!({"remote_users": 1}));
    assert_eq!(per_serial.activate(&request_code(7, other, random_key_id(), 0, empty_digest())).0, 200);
}

fn admin_requires_the_right_token(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let upgrade = format!("/api/v1/admin/licenses/{serial}/upgrades");
    let body = json!({"set": {"remote_users": 2}});
    let show = format!("/api/v1/admin/licenses/{serial}");
    assert_problem(&request(&server.url, "POST", &upgrade, None, Some(&body)), 401, "unauthorized");
    assert_problem(&request(&server.url, "POST", &upgrade, Some("lsk_1_wrong"), Some(&body)), 401, "unauthorized");
    let last = if server.admin.ends_with('0') { "1" } else { "0" };
    let forged = format!("{}{last}", &server.admin[..server.admin.len() - 1]);
    assert_problem(&request(&server.url, "POST", &upgrade, Some(&forged), Some(&body)), 401, "unauthorized");
    assert_problem(&request(&server.url, "POST", &upgrade, Some(&server.support), Some(&body)), 403, "forbidden");
    assert_problem(
        &request(&server.url, "POST", "/api/v1/admin/products", Some(&server.support), Some(&specview_json())),
        403,
        "forbidden",
    );
    assert_problem(&request(&server.url, "GET", &show, None, None), 401, "unauthorized");
    assert_eq!(request(&server.url, "GET", &show, Some(&server.support), None).0, 200);
    assert_eq!(request(&server.url, "POST", &upgrade, Some(&server.admin), Some(&body)).0, 201);

    let (status, created) = request(
        &server.url,
        "POST",
        "/api/v1/admin/tokens",
        Some(&server.admin),
        Some(&json!({"name": "helpdesk", "role": "support"})),
    );
    assert_eq!(status, 201);
    assert_eq!(request(&server.url, "GET", &show, created["token"].as_str(), None).0, 200);
    let history = server.show(serial);
    let actors: Vec<&str> = history["audit"].as_array().unwrap().iter().map(|a| a["actor"].as_str().unwrap()).collect();
    assert!(actors.contains(&"admin:test-admin"), "{actors:?}");
    assert_problem(
        &server.admin_post(
            "/api/v1/admin/licenses",
            &json!({"product": "SpecView", "contact_email": "x@y",
        "entitlements": {"no_such_thing": 1}}),
        ),
        400,
        "invalid_input",
    );
    assert_problem(&server.admin_post("/api/v1/admin/products", &specview_json()), 409, "conflict");
}

fn public_endpoints(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let (_, keys) = request(&server.url, "GET", "/api/v1/keys", None, None);
    assert_eq!(keys["keys"][0]["id"], 1);
    assert_eq!(keys["keys"][0]["public_key"].as_str().unwrap().len(), 64);
    assert_eq!(keys["active"], 1);
    let (_, products) = request(&server.url, "GET", "/api/v1/products", None, None);
    assert_eq!(products["products"][0]["entitlements"][0]["name"], "remote_users");
    let (status, health) = request(&server.url, "GET", "/healthz", None, None);
    assert_eq!((status, health["status"].as_str()), (200, Some("ok")));
    assert_eq!(request(&server.url, "GET", "/readyz", None, None).0, 200);
    let (_, openapi) = request(&server.url, "GET", "/api/openapi.json", None, None);
    assert_eq!(openapi["openapi"], "3.1.0");
    assert!(openapi["paths"]["/api/v1/activations"]["post"].is_object());

    server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest()));
    server.activate(&request_code(9, serial, random_key_id(), 0, empty_digest()));
    let (_, metrics) = request(&server.url, "GET", "/metrics", None, None);
    let metrics = metrics.as_str().unwrap().to_string();
    assert!(metrics.contains("license_issuances_total 1"), "{metrics}");
    assert!(metrics.contains("license_errors_total{code=\"wrong_product\"} 1"), "{metrics}");
    assert!(metrics.contains("license_activation_duration_seconds_count 2"), "{metrics}");
    // The signing key is never served.
    let secret = std::fs::read_to_string(server.data.path().join("keys/signing-key-1.hex")).unwrap();
    assert!(!metrics.contains(secret.trim()) && !keys.to_string().contains(secret.trim()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(server.data.path().join("keys/signing-key-1.hex")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

fn serves_the_portal_with_security_headers(backend: Backend) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"),
        "<!doctype html><html><head><script type=\"module\">import init from '/portal-0123456789abcdef.js';init();</script></head><body></body></html>").unwrap();
    std::fs::write(dist.path().join("portal-0123456789abcdef_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let options = HttpOptions { static_dir: Some(dist.path().to_path_buf()), ..no_limits() };
    let server = TestServer::start_with(&backend, options.clone());
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    for path in ["/", "/code.html", "/decode", "/decode/"] {
        let mut r = agent.get(&format!("{}{path}", server.url)).call().unwrap();
        assert_eq!(r.status(), 200);
        let csp = r.headers()["content-security-policy"].to_str().unwrap().to_string();
        assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("'sha256-"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff");
        assert_eq!(r.headers()["cache-control"], "no-cache");
        assert!(r.body_mut().read_to_string().unwrap().contains("import init"));
    }
    let r = agent.get(&format!("{}/portal-0123456789abcdef_bg.wasm", server.url)).call().unwrap();
    assert_eq!(r.headers()["content-type"], "application/wasm");
    assert!(r.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    assert_eq!(agent.get(&format!("{}/missing.js", server.url)).call().unwrap().status(), 404);

    // CORS: closed unless an origin is allowed.
    let preflight = |url: &str| {
        agent.get(&format!("{url}/api/v1/keys")).header("origin", "https://portal.example.com").call().unwrap()
    };
    assert!(preflight(&server.url).headers().get("access-control-allow-origin").is_none());
    let open = TestServer::start_with(
        &backend,
        HttpOptions { allow_origins: vec!["https://portal.example.com".into()], ..options },
    );
    assert_eq!(preflight(&open.url).headers()["access-control-allow-origin"], "https://portal.example.com");
}
