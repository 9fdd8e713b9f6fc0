//! Request shapes, in process: the router called with `oneshot` against a
//! fresh SQLite or PostgreSQL database, with no port and no process.

use crate::common::*;
use crate::for_each_backend;
use license_codes::{Entitlements, Product, ResponseCode, SerialNumber};
use license_server::HttpSettings;
use serde_json::{json, Value};

for_each_backend!(
    malformed_and_misplaced_codes,
    serial_product_and_installation_errors,
    history_errors,
    body_errors,
    rate_limits,
    admin_requires_the_right_token,
    public_endpoints,
    serves_the_portal_with_security_headers,
    problems_in_the_language_asked_for,
);

fn assert_problem(answer: &(u16, Value), status: u16, code: &str) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!(answer.1["code"], code, "{}", answer.1);
    assert!(answer.1["detail"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(answer.1["next_step"].as_str().is_some_and(|d| !d.is_empty()));
    assert_eq!(answer.1["status"], status);
    assert_eq!(answer.1["type"], format!("urn:license-server:problem:{code}"));
}

fn malformed_and_misplaced_codes(backend: Backend) {
    let server = InProcess::start(&backend);
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
    let server = InProcess::start(&backend);
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
    let (status, _) = server.request(
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
    let server = InProcess::start(&backend);
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
    let server = InProcess::start(&backend);
    let send = |content_type: &str, body: String| {
        let (status, _, text) =
            server.raw("POST", "/api/v1/activations", &[("content-type", content_type)], body.into_bytes());
        (status, serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text)))
    };
    let big = json!({"request_code": "A".repeat(10_000)}).to_string();
    assert_problem(&send("application/json", big), 413, "payload_too_large");
    assert_problem(&send("text/plain", json!({"request_code": "x"}).to_string()), 415, "unsupported_media_type");
    let unknown = send("application/json", json!({"request_code": "x", "serial": "y"}).to_string());
    assert_problem(&unknown, 400, "invalid_body");
    assert!(unknown.1["detail"].as_str().unwrap().contains("unknown field `serial`"), "{}", unknown.1);
    assert_problem(&send("application/json", "{not json".into()), 400, "invalid_body");
    let (status, body) = server.request("GET", "/api/v1/nothing-here", None, None);
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
}

fn rate_limits(backend: Backend) {
    let server =
        InProcess::start_with(&backend, HttpSettings { rate_limit_ip: 3, rate_limit_serial: 0, ..no_limits() });
    let serial = server.specview_license(10, json!({"remote_users": 3}));
    for _ in 0..3 {
        assert_eq!(server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest())).0, 200);
    }
    let limited = server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest()));
    assert_problem(&limited, 429, "rate_limited");
    assert!(limited.1["retry_after"].as_u64().unwrap() >= 1);
    assert_eq!(server.raw("GET", "/api/v1/keys", &[], vec![]).0, 200, "only the activation API is limited");
    let body = json!({"request_code": "x"}).to_string().into_bytes();
    let (status, headers, _) = server.raw("POST", "/api/v1/activations", &[("content-type", "application/json")], body);
    assert_eq!(status, 429);
    assert!(headers.get("retry-after").is_some(), "429 without Retry-After");

    let per_serial =
        InProcess::start_with(&backend, HttpSettings { rate_limit_ip: 0, rate_limit_serial: 2, ..no_limits() });
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
    let server = InProcess::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let upgrade = format!("/api/v1/admin/licenses/{serial}/upgrades");
    let body = json!({"set": {"remote_users": 2}});
    let show = format!("/api/v1/admin/licenses/{serial}");
    assert_problem(&server.request("POST", &upgrade, None, Some(&body)), 401, "unauthorized");
    assert_problem(&server.request("POST", &upgrade, Some("lsk_1_wrong"), Some(&body)), 401, "unauthorized");
    let last = if server.admin.ends_with('0') { "1" } else { "0" };
    let forged = format!("{}{last}", &server.admin[..server.admin.len() - 1]);
    assert_problem(&server.request("POST", &upgrade, Some(&forged), Some(&body)), 401, "unauthorized");
    assert_problem(&server.request("POST", &upgrade, Some(&server.support), Some(&body)), 403, "forbidden");
    assert_problem(
        &server.request("POST", "/api/v1/admin/products", Some(&server.support), Some(&specview_json())),
        403,
        "forbidden",
    );
    assert_problem(&server.request("GET", &show, None, None), 401, "unauthorized");
    assert_eq!(server.request("GET", &show, Some(&server.support), None).0, 200);
    assert_eq!(server.request("POST", &upgrade, Some(&server.admin), Some(&body)).0, 201);

    let (status, created) = server.request(
        "POST",
        "/api/v1/admin/tokens",
        Some(&server.admin),
        Some(&json!({"name": "helpdesk", "role": "support"})),
    );
    assert_eq!(status, 201);
    assert_eq!(server.request("GET", &show, created["token"].as_str(), None).0, 200);
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
    // Single-line fields refuse control characters (a line break in a name
    // or an address would reach a mail's headers).
    let one_line = [
        ("/api/v1/admin/products", json!({"id": 8, "name": "Spec\r\nView", "entitlements": []})),
        ("/api/v1/admin/products", json!({"id": 9, "name": "Other", "entitlements": [{"name": "remote\nusers"}]})),
        (
            "/api/v1/admin/licenses",
            json!({"product": "SpecView", "contact_email": "it@example.com\r\nBcc: x@example.net"}),
        ),
        ("/api/v1/admin/licenses", json!({"product": "SpecView", "contact_email": "it\u{0}@example.com"})),
    ];
    for (path, body) in one_line {
        let (status, problem) = server.admin_post(path, &body);
        assert_eq!((status, problem["code"].as_str()), (400, Some("invalid_input")), "{body}: {problem}");
        assert!(problem["detail"].as_str().unwrap().contains("control character"), "{body}: {problem}");
    }
}

fn public_endpoints(backend: Backend) {
    let server = InProcess::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let (_, keys) = server.request("GET", "/api/v1/keys", None, None);
    assert_eq!(keys["keys"][0]["id"], 1);
    assert_eq!(keys["keys"][0]["public_key"].as_str().unwrap().len(), 64);
    assert_eq!(keys["active"], 1);
    let (_, products) = server.request("GET", "/api/v1/products", None, None);
    assert_eq!(products["products"][0]["entitlements"][0]["name"], "remote_users");
    let (status, health) = server.request("GET", "/healthz", None, None);
    assert_eq!((status, health["status"].as_str()), (200, Some("ok")));
    assert_eq!(server.request("GET", "/readyz", None, None).0, 200);
    let (_, openapi) = server.request("GET", "/api/openapi.json", None, None);
    assert_eq!(openapi["openapi"], "3.1.0");
    assert!(openapi["paths"]["/api/v1/activations"]["post"].is_object());

    server.activate(&request_code(7, serial, random_key_id(), 0, empty_digest()));
    server.activate(&request_code(9, serial, random_key_id(), 0, empty_digest()));
    let (_, metrics) = server.request("GET", "/metrics", None, None);
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
        "<!doctype html><html><head><script type=\"module\">import init from '/portal-0123456789abcdef.js';init();</script><style>main{margin:0}</style></head><body></body></html>").unwrap();
    std::fs::write(dist.path().join("portal-0123456789abcdef_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    // The decode page has its own file (its own first view); code.html is
    // left out: served from index.html, as builds before first views were.
    std::fs::create_dir(dist.path().join("decode")).unwrap();
    std::fs::write(dist.path().join("decode/index.html"),
        "<!doctype html><html><head><script type=\"module\">import init from '/portal-0123456789abcdef.js';init();</script></head><body><h1>Decode a code</h1></body></html>").unwrap();
    std::fs::write(dist.path().join("decode/index.html.gz"), b"gzipped decode page").unwrap();
    std::fs::create_dir(dist.path().join("console")).unwrap();
    std::fs::write(dist.path().join("console/index.html"),
        "<!doctype html><html><head><script type=\"module\">import init from '/console/console-0123456789abcdef.js';init();</script></head><body></body></html>").unwrap();
    let settings = HttpSettings { static_dir: Some(dist.path().to_path_buf()), ..no_limits() };
    let server = InProcess::start_with(&backend, settings.clone());
    for path in ["/", "/code.html", "/decode", "/decode/"] {
        let (status, headers, body) = server.raw("GET", path, &[], vec![]);
        assert_eq!(status, 200);
        let csp = headers["content-security-policy"].to_str().unwrap().to_string();
        assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("'sha256-"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["cache-control"], "no-cache");
        assert!(body.contains("import init"));
        assert_eq!(body.contains("Decode a code"), path.starts_with("/decode"), "{path}: {body}");
        assert!(csp.contains("worker-src 'self'") && csp.contains("manifest-src 'self'"), "{csp}");
        // The page's inline stylesheet, by its hash.
        let style_src = csp.split(';').find(|d| d.trim().starts_with("style-src")).unwrap();
        assert_eq!(style_src.matches("'sha256-").count(), 1, "{csp}");
    }
    // A page's compressed copy goes to browsers that accept it.
    let (_, headers, body) = server.raw("GET", "/decode/", &[("accept-encoding", "gzip")], vec![]);
    assert_eq!((headers["content-encoding"].to_str().unwrap(), body.as_str()), ("gzip", "gzipped decode page"));
    // The console, its own page, under a CSP that allows its inline script too.
    for path in ["/console", "/console/"] {
        let (status, headers, body) = server.raw("GET", path, &[], vec![]);
        assert_eq!(status, 200);
        assert!(body.contains("/console/console-0123456789abcdef.js"), "{body}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        let script_src = csp.split(';').find(|d| d.trim().starts_with("script-src")).unwrap();
        assert_eq!(script_src.matches("'sha256-").count(), 2, "both pages' inline scripts: {csp}");
    }
    let (_, headers, _) = server.raw("GET", "/portal-0123456789abcdef_bg.wasm", &[], vec![]);
    assert_eq!(headers["content-type"], "application/wasm");
    assert!(headers["cache-control"].to_str().unwrap().contains("immutable"));
    assert_eq!(server.raw("GET", "/missing.js", &[], vec![]).0, 404);

    // CORS: closed unless an origin is allowed.
    let from_portal =
        |server: &InProcess| server.raw("GET", "/api/v1/keys", &[("origin", "https://portal.example.com")], vec![]).1;
    assert!(from_portal(&server).get("access-control-allow-origin").is_none());
    let open = InProcess::start_with(
        &backend,
        HttpSettings { allow_origins: vec!["https://portal.example.com".into()], ..settings },
    );
    assert_eq!(from_portal(&open)["access-control-allow-origin"], "https://portal.example.com");
}

/// `Accept-Language` chooses the words of a problem document, named in
/// `Content-Language`; its code, status and fields stay the same.
fn problems_in_the_language_asked_for(backend: Backend) {
    let server = InProcess::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 3}));
    let code = request_code(7, serial, random_key_id(), 0, empty_digest());
    let mut typo: Vec<char> = code.chars().collect();
    typo[3 * 7 + 2] = if typo[3 * 7 + 2] == 'Q' { 'R' } else { 'Q' };
    let typo: String = typo.into_iter().collect();
    let unknown = request_code(7, SerialNumber::new(serial.value() ^ 1).unwrap(), random_key_id(), 0, empty_digest());
    let ask = |code: &str, accept: Option<&str>| {
        let mut headers = vec![("content-type", "application/json")];
        headers.extend(accept.map(|a| ("accept-language", a)));
        let body = json!({"request_code": code}).to_string().into_bytes();
        let (status, headers, text) = server.raw("POST", "/api/v1/activations", &headers, body);
        let language = headers.get("content-language").map(|v| v.to_str().unwrap().to_string());
        (status, language, serde_json::from_str::<Value>(&text).unwrap())
    };
    let cases = [
        (None, "en", "group 4 has a typo", "no licence has serial number"),
        (
            Some("fr-FR,fr;q=0.9,en;q=0.8"),
            "fr",
            "groupe 4 contient une faute de frappe",
            "aucune licence n'a le numéro de série",
        ),
        (Some("de-DE"), "de", "Gruppe 4 enthält einen Tippfehler", "keine Lizenz hat die Seriennummer"),
        (Some("es-ES, de;q=0.5"), "de", "Gruppe 4", "keine Lizenz"),
        (Some("es-ES"), "en", "group 4 has a typo", "no licence has serial number"),
    ];
    for (accept, tag, typo_words, unknown_words) in cases {
        let (status, language, problem) = ask(&typo, accept);
        assert_eq!((status, language.as_deref()), (400, Some(tag)), "{accept:?}: {problem}");
        assert_eq!((problem["code"].as_str(), problem["group"].as_u64()), (Some("malformed_code"), Some(4)));
        assert!(problem["detail"].as_str().unwrap().starts_with(typo_words), "{accept:?}: {problem}");
        let (status, language, problem) = ask(&unknown, accept);
        assert_eq!((status, language.as_deref()), (404, Some(tag)), "{accept:?}: {problem}");
        assert_eq!(problem["code"], "unknown_serial");
        assert!(problem["detail"].as_str().unwrap().starts_with(unknown_words), "{accept:?}: {problem}");
        assert!(!problem["next_step"].as_str().unwrap().is_empty() && !problem["title"].as_str().unwrap().is_empty());
    }
    let (_, french, _) = server.raw("GET", "/api/v1/keys", &[("accept-language", "fr")], vec![]);
    assert!(french.get("content-language").is_none(), "only problem documents have words to translate");
}
