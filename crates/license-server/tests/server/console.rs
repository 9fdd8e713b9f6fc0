//! The console's sign-in and sessions, and what it calls: the session rules
//! (cookie attributes, expiry, revocation, the same answer for an unknown
//! email and a wrong password, the sign-in limit, cross-origin changes
//! refused, roles), Find and Answer. In process, on SQLite and PostgreSQL.

use std::time::Duration;

use crate::common::*;
use crate::for_each_backend;
use license_api::Role;
use license_server::HttpSettings;
use serde_json::{json, Value};

for_each_backend!(
    signing_in_sets_a_strict_http_only_cookie,
    over_https_the_cookie_is_secure_with_the_host_prefix,
    an_unknown_email_and_a_wrong_password_are_answered_alike,
    sign_in_is_limited_per_account,
    sessions_end_when_idle_and_at_their_maximum,
    signing_out_and_disabling_end_sessions,
    a_change_from_another_origin_is_refused,
    support_may_answer_and_find_but_not_change,
    a_one_time_link_sets_the_password_once,
    find_explains_every_kind_of_code,
    links_come_from_the_public_url_and_can_be_made_again,
    every_api_error_is_a_problem_and_personal_data_is_not_stored,
);

fn assert_cause(answer: &(u16, Value), status: u16, code: &str, cause: &str) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!((answer.1["code"].as_str(), answer.1["cause"].as_str()), (Some(code), Some(cause)), "{}", answer.1);
}

fn signing_in_sets_a_strict_http_only_cookie(backend: Backend) {
    let server = InProcess::start(&backend);
    add_staff(&server, "Help.Desk@Vendor.example", Role::Support, &[]);
    let (status, headers, body) = sign_in(&server, " help.desk@vendor.example ", PASSWORD);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({"email": "help.desk@vendor.example", "role": "support", "mail": false}));
    let cookie = headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("license_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
        assert!(cookie.split("; ").any(|a| a == attribute), "{cookie} lacks {attribute}");
    }
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");
    // Beside it, the console's hint (no secret, readable by its script), so
    // a visitor who never signed in is not answered a 401 on every load.
    let cookies: Vec<&str> = headers.get_all("set-cookie").iter().map(|c| c.to_str().unwrap()).collect();
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    assert_eq!(cookies[1], "license_console_signed_in=1; SameSite=Strict; Path=/; Max-Age=43200");
    let session = cookie.split(';').next().unwrap();
    assert_eq!(with_cookie(&server, "GET", "/api/v1/session", session, None, None), (200, body));
    assert_cause(&server.request("GET", "/api/v1/session", None, None), 401, "unauthorized", "token");
}

fn over_https_the_cookie_is_secure_with_the_host_prefix(backend: Backend) {
    let https = HttpSettings { public_url: Some("https://licensing.example.com".into()), ..no_limits() };
    let server = InProcess::start_with(&backend, https);
    add_staff(&server, "admin@vendor.example", Role::Admin, &[]);
    let (_, headers, _) = sign_in(&server, "admin@vendor.example", PASSWORD);
    let cookie = headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-license_session=") && cookie.ends_with("; Secure"), "{cookie}");
    let session = cookie.split(';').next().unwrap();
    let find = Some(json!({"query": "nobody@example.com"}));
    assert_eq!(
        with_cookie(
            &server,
            "POST",
            "/api/v1/admin/inspect",
            session,
            Some("https://licensing.example.com"),
            find.clone()
        )
        .0,
        200
    );
    // The public URL is the console's one origin: the plain-http one is another site.
    assert_cause(
        &with_cookie(&server, "POST", "/api/v1/admin/inspect", session, Some(ORIGIN), find),
        403,
        "forbidden",
        "cross_origin",
    );
}

fn an_unknown_email_and_a_wrong_password_are_answered_alike(backend: Backend) {
    let server = InProcess::start(&backend);
    add_staff(&server, "admin@vendor.example", Role::Admin, &[]);
    let unknown = sign_in(&server, "nobody@vendor.example", PASSWORD);
    let wrong = sign_in(&server, "admin@vendor.example", "not the password");
    assert_eq!((unknown.0, &unknown.2), (401, &wrong.2), "{} / {}", unknown.2, wrong.2);
    assert_eq!(wrong.0, 401);
    assert_eq!(wrong.2["cause"], "sign_in");
    assert!(unknown.1.get("set-cookie").is_none() && wrong.1.get("set-cookie").is_none());
}

fn sign_in_is_limited_per_account(backend: Backend) {
    let server = InProcess::start(&backend);
    add_staff(&server, "admin@vendor.example", Role::Admin, &[]);
    for _ in 0..5 {
        assert_eq!(sign_in(&server, "admin@vendor.example", "guess").0, 401);
    }
    let limited = sign_in(&server, "admin@vendor.example", PASSWORD);
    assert_eq!((limited.0, limited.2["code"].as_str()), (429, Some("rate_limited")), "{}", limited.2);
    assert!(limited.1.get("retry-after").is_some());
    // Another account from the same address is not held up by it.
    add_staff(&server, "support@vendor.example", Role::Support, &[]);
    assert_eq!(sign_in(&server, "support@vendor.example", PASSWORD).0, 200);
}

fn sessions_end_when_idle_and_at_their_maximum(backend: Backend) {
    let idle = HttpSettings { session_idle: Duration::from_secs(1), ..no_limits() };
    let server = InProcess::start_with(&backend, idle);
    add_staff(&server, "admin@vendor.example", Role::Admin, &[]);
    let cookie = session(&server, "admin@vendor.example");
    assert_eq!(with_cookie(&server, "GET", "/api/v1/session", &cookie, None, None).0, 200);
    std::thread::sleep(Duration::from_millis(2100));
    assert_cause(&with_cookie(&server, "GET", "/api/v1/session", &cookie, None, None), 401, "unauthorized", "session");

    let max =
        HttpSettings { session_idle: Duration::from_secs(60), session_max: Duration::from_secs(2), ..no_limits() };
    let server = InProcess::start_with(&backend, max);
    add_staff(&server, "admin@vendor.example", Role::Admin, &[]);
    let cookie = session(&server, "admin@vendor.example");
    for _ in 0..2 {
        assert_eq!(
            with_cookie(&server, "GET", "/api/v1/session", &cookie, None, None).0,
            200,
            "in use, within the maximum"
        );
        std::thread::sleep(Duration::from_millis(1100));
    }
    std::thread::sleep(Duration::from_millis(1000));
    assert_cause(&with_cookie(&server, "GET", "/api/v1/session", &cookie, None, None), 401, "unauthorized", "session");
}

fn signing_out_and_disabling_end_sessions(backend: Backend) {
    let server = InProcess::start(&backend);
    add_staff(&server, "support@vendor.example", Role::Support, &[]);
    let cookie = session(&server, "support@vendor.example");
    let (status, headers, _) = server.raw("DELETE", "/api/v1/session", &[("cookie", &cookie), ("host", HOST)], vec![]);
    assert_eq!(status, 204);
    let cleared: Vec<&str> = headers.get_all("set-cookie").iter().map(|c| c.to_str().unwrap()).collect();
    assert!(cleared.len() == 2 && cleared.iter().all(|c| c.contains("Max-Age=0")), "{cleared:?}");
    assert_cause(&with_cookie(&server, "GET", "/api/v1/session", &cookie, None, None), 401, "unauthorized", "session");

    let cookie = session(&server, "support@vendor.example");
    assert_eq!(with_cookie(&server, "GET", "/api/v1/session", &cookie, None, None).0, 200);
    let (status, disabled) =
        server.request("POST", "/api/v1/admin/staff/support@vendor.example/disable", Some(&server.admin), None);
    assert_eq!(status, 200, "{disabled}");
    assert!(disabled["disabled_at"].is_string());
    assert_cause(&with_cookie(&server, "GET", "/api/v1/session", &cookie, None, None), 401, "unauthorized", "session");
    assert_eq!(sign_in(&server, "support@vendor.example", PASSWORD).0, 401, "a disabled account cannot sign in");
}

fn a_change_from_another_origin_is_refused(backend: Backend) {
    let server = InProcess::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    add_staff(&server, "admin@vendor.example", Role::Admin, &[]);
    let cookie = session(&server, "admin@vendor.example");
    let upgrade = format!("/api/v1/admin/licenses/{serial}/upgrades");
    let body = Some(json!({"set": {"remote_users": 2}}));
    for origin in [Some("https://evil.example"), None, Some("null")] {
        assert_cause(
            &with_cookie(&server, "POST", &upgrade, &cookie, origin, body.clone()),
            403,
            "forbidden",
            "cross_origin",
        );
    }
    assert_eq!(server.show(serial)["latest_counter"], 1, "nothing was queued");
    // Reading needs no origin; the console's own origin may change things.
    assert_eq!(with_cookie(&server, "GET", &format!("/api/v1/admin/licenses/{serial}"), &cookie, None, None).0, 200);
    assert_eq!(with_cookie(&server, "POST", &upgrade, &cookie, Some(ORIGIN), body).0, 201);
    let audit = server.show(serial)["audit"].clone();
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["action"] == "upgrade.queue" && a["actor"] == "admin@vendor.example"),
        "{audit}"
    );
}

fn support_may_answer_and_find_but_not_change(backend: Backend) {
    let server = InProcess::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    server.queue_upgrade(serial, json!({"remote_users": 3}));
    add_staff(&server, "support@vendor.example", Role::Support, &[]);
    let cookie = session(&server, "support@vendor.example");
    let refused = with_cookie(
        &server,
        "POST",
        &format!("/api/v1/admin/licenses/{serial}/upgrades"),
        &cookie,
        Some(ORIGIN),
        Some(json!({"set": {"remote_users": 5}})),
    );
    assert_cause(&refused, 403, "forbidden", "role");
    assert_eq!(refused.1["role"], "support");
    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let (status, answer) = with_cookie(
        &server,
        "POST",
        "/api/v1/admin/activations",
        &cookie,
        Some(ORIGIN),
        Some(json!({"request_code": code})),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!((answer["to_counter"].as_u64(), answer["already_issued"].as_bool()), (Some(2), Some(false)));
    let again = with_cookie(
        &server,
        "POST",
        "/api/v1/admin/activations",
        &cookie,
        Some(ORIGIN),
        Some(json!({"request_code": code})),
    );
    assert_eq!(
        (again.1["response_code"].clone(), again.1["already_issued"].as_bool()),
        (answer["response_code"].clone(), Some(true))
    );
    let history = server.show(serial);
    assert_eq!(
        (history["issuances"][0]["channel"].as_str(), history["issuances"][0]["actor"].as_str()),
        (Some("console"), Some("support@vendor.example"))
    );
    let issue = history["audit"].as_array().unwrap().iter().find(|a| a["action"] == "response.issue").unwrap().clone();
    assert_eq!(
        (issue["actor"].as_str(), issue["detail"]["channel"].as_str()),
        (Some("support@vendor.example"), Some("console"))
    );
}

fn a_one_time_link_sets_the_password_once(backend: Backend) {
    let server = InProcess::start(&backend);
    let (status, added) =
        server.admin_post("/api/v1/admin/staff", &json!({"email": "New@Vendor.example", "role": "support"}));
    assert_eq!(status, 201, "{added}");
    let link = added["setup_link"].as_str().unwrap();
    let token = link.split_once("/console/#setup=").unwrap().1;
    assert_eq!(sign_in(&server, "new@vendor.example", PASSWORD).0, 401, "no password yet");
    let set = |password: &str| {
        server.request("POST", "/api/v1/session/password", None, Some(&json!({"token": token, "password": password})))
    };
    assert_eq!(set("short").0, 400);
    assert_eq!(set(PASSWORD).0, 204);
    assert_eq!(sign_in(&server, "new@vendor.example", PASSWORD).0, 200);
    assert_cause(&set("another good password"), 401, "unauthorized", "setup");
    let (_, list) = server.request("GET", "/api/v1/admin/staff", Some(&server.admin), None);
    assert_eq!(list["staff"][0]["password_set"], true);
    assert_eq!(server.request("GET", "/api/v1/admin/staff", Some(&server.support), None).0, 403);
}

fn find_explains_every_kind_of_code(backend: Backend) {
    let server = InProcess::start(&backend);
    let serial = server.specview_license(2, json!({"remote_users": 1, "clients": 25}));
    server.queue_upgrade(serial, json!({"remote_users": 3}));
    let find = |query: &str| {
        let (status, body) =
            server.request("POST", "/api/v1/admin/inspect", Some(&server.support), Some(&json!({"query": query})));
        assert_eq!(status, 200, "{query}: {body}");
        body
    };
    let by_serial = find(&serial.to_code().to_lowercase());
    assert_eq!(
        (by_serial["kind"].as_str(), by_serial["license"]["latest_counter"].as_i64()),
        (Some("serial"), Some(2))
    );

    let key = random_key_id();
    let new = find(&request_code(7, serial, key, 0, empty_digest()));
    assert_eq!(new["kind"], "request");
    assert!(new["installation"].is_null(), "never bound: {new}");
    assert_eq!(
        (new["digest_matches"].as_bool(), new["outcome"]["would_issue"]["to_counter"].as_u64()),
        (Some(true), Some(2))
    );
    assert!(new["outcome"]["would_issue"]["changes"]
        .as_array()
        .unwrap()
        .contains(&json!({"name": "remote_users", "from": "0", "to": "3"})));

    let (_, issued) = server.activate(&request_code(7, serial, key, 0, empty_digest()));
    let held = find(&request_code(7, serial, key, 0, empty_digest()));
    assert_eq!(held["outcome"]["would_issue"]["already_issued"], true);
    assert_eq!(held["installation"]["key_id"], format!("{key:016X}"));
    let digest =
        license_codes::ResponseCode::parse(issued["response_code"].as_str().unwrap()).unwrap().entitlements.digest();
    let up_to_date = find(&request_code(7, serial, key, 2, digest));
    assert_eq!(
        (up_to_date["holds"]["counter"].as_i64(), up_to_date["digest_matches"].as_bool()),
        (Some(2), Some(true))
    );
    assert_eq!(up_to_date["outcome"]["refused"]["code"], "up_to_date");
    let other = find(&request_code(7, serial, random_key_id(), 0, empty_digest()));
    assert_eq!(other["outcome"]["would_issue"]["to_counter"], 2, "a second place is free");

    let response = find(issued["response_code"].as_str().unwrap());
    assert_eq!(
        (response["kind"].as_str(), response["issuance"]["channel"].as_str()),
        (Some("response"), Some("portal"))
    );
    assert_eq!(response["latest_for_installation"], true);

    let contact = find("IT@example.com");
    assert_eq!(contact["licenses"][0]["serial"], serial.to_code());
    let (status, typo) = server.request(
        "POST",
        "/api/v1/admin/inspect",
        Some(&server.support),
        Some(&json!({"query": "928T5F-CY4TCX"})),
    );
    assert_eq!((status, typo["code"].as_str()), (400, Some("malformed_code")));
    // The documented limit holds for a contact's address too (searched as given).
    let long = format!("{}@example.com", "a".repeat(1000));
    let (status, refused) =
        server.request("POST", "/api/v1/admin/inspect", Some(&server.support), Some(&json!({"query": long})));
    assert_eq!((status, refused["code"].as_str()), (400, Some("invalid_input")), "{refused}");
}

/// Set-password links are built from `--public-url` only: a request's
/// `Host` (which its sender chooses) never goes into one. A used or expired
/// link can be replaced (the old one stops working); a disabled account is
/// enabled again with a new link and no password.
fn links_come_from_the_public_url_and_can_be_made_again(backend: Backend) {
    let server = InProcess::start(&backend);
    let admin = [("authorization", format!("Bearer {}", server.admin)), ("content-type", "application/json".into())];
    let post = |path: &str, host: &str, body: Value| {
        let headers: Vec<(&str, &str)> = admin.iter().map(|(k, v)| (*k, v.as_str())).chain([("host", host)]).collect();
        let (status, _, text) = server.raw("POST", path, &headers, body.to_string().into_bytes());
        (status, json_or_text(text))
    };
    let (status, added) =
        post("/api/v1/admin/staff", "evil.example", json!({"email": "new@vendor.example", "role": "support"}));
    assert_eq!(status, 201, "{added}");
    let first = added["setup_link"].as_str().unwrap().to_string();
    assert!(first.starts_with("/console/#setup="), "no --public-url: the path only, never the Host: {first}");
    assert!(!first.contains("evil"), "{first}");

    let (status, again) = post("/api/v1/admin/staff/new@vendor.example/link", "evil.example", json!({}));
    assert_eq!(status, 200, "{again}");
    let second = again["setup_link"].as_str().unwrap().to_string();
    assert_ne!(first, second);
    let token = |link: &str| link.split_once("#setup=").unwrap().1.to_string();
    let set = |token: String| {
        server.request("POST", "/api/v1/session/password", None, Some(&json!({"token": token, "password": PASSWORD})))
    };
    assert_cause(&set(token(&first)), 401, "unauthorized", "setup");
    assert_eq!(set(token(&second)).0, 204, "the new link works");
    assert_eq!(sign_in(&server, "new@vendor.example", PASSWORD).0, 200);

    // Disabled, then enabled again: no password until the new link sets one.
    assert_eq!(post("/api/v1/admin/staff/new@vendor.example/disable", HOST, json!({})).0, 200);
    let (status, missing) = post("/api/v1/admin/staff/new@vendor.example/link", HOST, json!({}));
    assert_eq!(
        (status, missing["code"].as_str()),
        (404, Some("not_found")),
        "a disabled account gets no link: {missing}"
    );
    let (status, enabled) = post("/api/v1/admin/staff/new@vendor.example/enable", HOST, json!({}));
    assert_eq!(status, 200, "{enabled}");
    assert_eq!(sign_in(&server, "new@vendor.example", PASSWORD).0, 401, "the old password is gone");
    assert_eq!(set(token(enabled["setup_link"].as_str().unwrap())).0, 204);
    assert_eq!(sign_in(&server, "new@vendor.example", PASSWORD).0, 200);

    // With --public-url, the whole link.
    let https = HttpSettings { public_url: Some("https://licensing.vendor.example".into()), ..HttpSettings::default() };
    let server = InProcess::start_with(&backend, https);
    let (status, added) =
        server.admin_post("/api/v1/admin/staff", &json!({"email": "b@vendor.example", "role": "admin"}));
    assert_eq!(status, 201, "{added}");
    assert!(added["setup_link"].as_str().unwrap().starts_with("https://licensing.vendor.example/console/#setup="));
}

/// Every error of the API is an RFC 9457 problem with a `code` and a
/// `next_step` (a path segment that is not UTF-8, a method the path does not
/// take), and answers that carry personal data say `Cache-Control: no-store`.
fn every_api_error_is_a_problem_and_personal_data_is_not_stored(backend: Backend) {
    let server = InProcess::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let bearer = format!("Bearer {}", server.admin);
    let auth = [("authorization", bearer.as_str())];
    for (method, path, status, code) in [
        ("GET", "/api/v1/admin/licenses/%FF%FE", 400, "invalid_input"),
        ("DELETE", "/api/v1/admin/webhooks/%C3%28", 400, "invalid_input"),
        ("PUT", "/api/v1/keys", 405, "method_not_allowed"),
        ("DELETE", "/api/v1/admin/licenses", 405, "method_not_allowed"),
    ] {
        let (got, headers, text) = server.raw(method, path, &auth, Vec::new());
        assert_eq!(got, status, "{method} {path}: {text}");
        assert_eq!(headers["content-type"], "application/problem+json", "{method} {path}");
        let problem: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(problem["code"], code, "{method} {path}: {problem}");
        assert!(problem["next_step"].as_str().is_some_and(|n| !n.is_empty()), "{problem}");
        if status == 405 {
            assert!(headers.contains_key("allow"), "{method} {path}: the Allow header stays");
        }
    }
    for path in [format!("/api/v1/admin/licenses/{serial}"), "/api/v1/admin/staff".into(), "/api/v1/session".into()] {
        let (_, headers, _) = server.raw("GET", &path, &auth, Vec::new());
        assert_eq!(headers["cache-control"], "no-store", "{path}");
    }
    let body = json!({"query": serial.to_code()}).to_string().into_bytes();
    let (_, headers, _) =
        server.raw("POST", "/api/v1/admin/inspect", &[auth[0], ("content-type", "application/json")], body);
    assert_eq!(headers["cache-control"], "no-store");
    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let body = json!({"request_code": code}).to_string().into_bytes();
    let (status, headers, _) = server.raw("POST", "/api/v1/activations", &[("content-type", "application/json")], body);
    assert_eq!((status, &headers["cache-control"]), (200, &"no-store".parse::<axum::http::HeaderValue>().unwrap()));
}
