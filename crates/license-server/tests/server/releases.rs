//! Moving a licence to another computer with a release code, through the
//! `license` command and a real server, on SQLite and PostgreSQL.

use std::path::Path;

use crate::common::*;
use crate::for_each_backend;
use license_codes::{Day, ReleaseCode, ResponseCode};
use serde_json::{json, Value};

for_each_backend!(
    a_licence_moves_to_another_computer,
    release_codes_that_are_not_the_installations_are_refused,
    the_transfer_limit_sends_the_customer_to_support,
);

/// Runs `license` and returns (exit code, stdout, stderr).
fn run(dir: &Path, trust: &Path, args: &[&str]) -> (i32, String, String) {
    let out = license(dir, trust, args);
    (out.status.code().unwrap_or(-1), stdout(&out), String::from_utf8_lossy(&out.stderr).to_string())
}

fn release_api(server: &TestServer, code: &str) -> (u16, Value) {
    server.request("POST", "/api/v1/releases", None, Some(&json!({"release_code": code})))
}

fn a_licence_moves_to_another_computer(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(1, json!({"remote_users": 1}));
    let trust = server.trust_file();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [a.path(), b.path()] {
        ok(license(dir, &trust, &["init", "--serial", &serial.to_code(), "--product", "SpecView"]));
    }
    // A holds nothing yet: nothing to release.
    let (exit, _, err) = run(a.path(), &trust, &["release"]);
    assert_eq!(exit, 19, "{err}");
    assert!(err.contains("nothing to release"), "{err}");
    ok(license(a.path(), &trust, &["get-it-now", "--server", &server.url]));
    let backup = std::fs::read(a.path().join("license.json")).unwrap();

    // B is refused: the licence is in use on A; the answer says how to move it.
    let (exit, _, err) = run(b.path(), &trust, &["get-it-now", "--server", &server.url]);
    assert_eq!(exit, 16, "{err}");
    assert!(err.contains("license release"), "the next step explains releasing: {err}");

    // A gives its place back.
    let (exit, code, err) = run(a.path(), &trust, &["release", "--save", "Step_3_Release_Code.TXT"]);
    assert_eq!(exit, 0, "{err}");
    let release = ReleaseCode::parse(&code).unwrap();
    assert_eq!((release.serial, release.counter), (serial, 1));
    assert_eq!(std::fs::read_to_string(a.path().join("Step_3_Release_Code.TXT")).unwrap(), format!("{code}\r\n"));
    let log = std::fs::read_to_string(a.path().join("license.codes-sent.log")).unwrap();
    assert!(log.lines().last().unwrap().contains(&format!("release counter=1 {code}")), "{log}");
    assert_eq!(run(a.path(), &trust, &["release"]).1, code, "asked again, the same code");
    for args in [&["status"][..], &["create-code"], &["enter-code", "S0400R"]] {
        let (exit, _, err) = run(a.path(), &trust, args);
        assert_eq!(exit, 18, "{args:?}: {err}");
        assert!(err.contains("released on") && err.contains("new computer"), "{args:?}: {err}");
    }

    let (status, answer) = release_api(&server, &code.to_lowercase());
    assert_eq!(status, 200, "{answer}");
    assert_eq!((answer["already_released"].as_bool(), answer["installations_used"].as_i64()), (Some(false), Some(0)));
    assert_eq!(answer["installations_allowed"], 1);
    let (status, again) = release_api(&server, &code);
    assert_eq!((status, again["already_released"].as_bool()), (200, Some(true)));
    assert_eq!(again["released_at"], answer["released_at"], "the original date");

    // B activates now.
    let out = ok(license(b.path(), &trust, &["get-it-now", "--server", &server.url]));
    assert!(out.contains("remote_users: 0 -> 1"), "{out}");

    // A's licence restored from a backup works offline, as documented, but gets no more updates.
    std::fs::write(a.path().join("license.json"), backup).unwrap();
    ok(license(a.path(), &trust, &["status"]));
    server.queue_upgrade(serial, json!({"remote_users": 2}));
    let (exit, _, err) = run(a.path(), &trust, &["get-it-now", "--server", &server.url]);
    assert_eq!(exit, 16, "{err}");
    assert!(err.contains("KEYID_NOT_FOUND") && err.contains("released"), "{err}");

    let history = server.show(serial);
    let released = &history["installations"][0];
    assert_eq!(
        (released["released_by"].as_str(), released["release_code"].as_str()),
        (Some("customer"), Some(code.as_str()))
    );
    let audit =
        history["audit"].as_array().unwrap().iter().find(|a| a["action"] == "installation.release").unwrap().clone();
    assert_eq!((audit["actor"].as_str(), audit["detail"]["channel"].as_str()), (Some("127.0.0.1"), Some("customer")));

    // The online path releases and submits at once.
    let c = tempfile::tempdir().unwrap();
    ok(license(c.path(), &trust, &["init", "--serial", &serial.to_code(), "--product", "SpecView"]));
    let (exit, _, err) = run(c.path(), &trust, &["get-it-now", "--server", &server.url]);
    assert_eq!(exit, 16, "the place is B's: {err}");
    let (exit, out, err) = run(b.path(), &trust, &["release", "--server", &server.url]);
    assert_eq!(exit, 0, "{err}");
    assert!(out.contains("now uses 0 of 1 installations"), "{out}");
    ok(license(c.path(), &trust, &["get-it-now", "--server", &server.url]));
}

fn release_codes_that_are_not_the_installations_are_refused(backend: Backend) {
    let server = TestServer::start(&backend);
    let serial = server.specview_license(3, json!({"remote_users": 1}));
    let trust = server.trust_file();
    let (a, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [a.path(), c.path()] {
        ok(license(dir, &trust, &["init", "--serial", &serial.to_code(), "--product", "SpecView"]));
        ok(license(dir, &trust, &["get-it-now", "--server", &server.url]));
    }
    let status =
        |dir: &Path| -> Value { serde_json::from_str(&ok(license(dir, &trust, &["status", "--json"]))).unwrap() };
    let c_response = ResponseCode::parse(status(c.path())["response_code"].as_str().unwrap()).unwrap();
    let a_key = license_codes::KeyId::parse_hex(status(a.path())["key_id"].as_str().unwrap()).unwrap();
    let genuine = ReleaseCode::parse(&run(a.path(), &trust, &["release"]).1).unwrap();

    let assert_refused = |code: &str, http: u16, problem: &str| {
        let (status, answer) = release_api(&server, code);
        assert_eq!((status, answer["code"].as_str()), (http, Some(problem)), "{answer}");
        assert!(answer["next_step"].as_str().is_some_and(|n| !n.is_empty()));
    };
    // Every 1-bit change of the proof.
    for bit in 0..56 {
        assert_refused(
            &ReleaseCode { proof: genuine.proof ^ (1 << bit), ..genuine }.to_code(),
            409,
            "release_proof_mismatch",
        );
    }
    // A's key id with a proof made from C's response: another installation's proof.
    let borrowed = ReleaseCode::new(serial, a_key, &c_response, Day(2520));
    assert_refused(&borrowed.to_code(), 409, "release_proof_mismatch");
    // Only the serial, key id and counter known: a guessed proof.
    assert_refused(&ReleaseCode { proof: 0, ..genuine }.to_code(), 409, "release_proof_mismatch");
    // An installation this licence never bound.
    assert_refused(
        &ReleaseCode { key_id: license_codes::KeyId(random_key_id()), ..genuine }.to_code(),
        409,
        "keyid_not_found",
    );
    let unknown = license_codes::SerialNumber::new(serial.value() ^ 1).unwrap();
    assert_refused(&ReleaseCode { serial: unknown, ..genuine }.to_code(), 404, "unknown_serial");
    assert_refused(&ReleaseCode { product: 8, ..genuine }.to_code(), 422, "wrong_product");
    let (status, wrong) = release_api(&server, &request_code(7, serial, a_key.0, 1, empty_digest()));
    assert_eq!(
        (status, wrong["found_kind"].as_str(), wrong["expected_kind"].as_str()),
        (422, Some("request"), Some("release"))
    );
    let mut typo: Vec<char> = genuine.to_code().chars().collect();
    typo[2] = if typo[2] == 'X' { 'Y' } else { 'X' };
    assert_refused(&typo.into_iter().collect::<String>(), 400, "malformed_code");
    assert_eq!(server.show(serial)["bound_installations"], 2, "nothing was released");
    assert_eq!(release_api(&server, &genuine.to_code()).0, 200);
    assert_eq!(server.show(serial)["bound_installations"], 1);
}

fn the_transfer_limit_sends_the_customer_to_support(backend: Backend) {
    let server = TestServer::start(&backend);
    let _ = server.admin_post("/api/v1/admin/products", &specview_json());
    let (_, created) = server.admin_post(
        "/api/v1/admin/licenses",
        &json!({"product": "SpecView", "contact_email": "it@example.com", "max_installations": 1,
                "entitlements": {"remote_users": 1}, "transfer_limit": 1}),
    );
    let serial = created["serial"].as_str().unwrap().to_string();
    let registration = created["registration_code"].as_str().unwrap().to_string();
    let trust = server.trust_file();
    let move_once = || {
        let dir = tempfile::tempdir().unwrap();
        let init = ["init", "--serial", &serial, "--product", "SpecView", "--registration-code", &registration];
        ok(license(dir.path(), &trust, &init));
        ok(license(dir.path(), &trust, &["get-it-now", "--server", &server.url]));
        let code = run(dir.path(), &trust, &["release"]).1;
        (dir, code)
    };
    let (_first, code) = move_once();
    assert_eq!(release_api(&server, &code).0, 200);
    let (second, code) = move_once();
    let (status, refused) = release_api(&server, &code);
    assert_eq!(
        (status, refused["code"].as_str(), refused["limit"].as_u64()),
        (409, Some("transfer_limit"), Some(1)),
        "{refused}"
    );
    assert!(refused["next_step"].as_str().unwrap().contains("support"), "{refused}");
    // Support can still release it.
    let key_id = serde_json::from_str::<Value>(&std::fs::read_to_string(second.path().join("license.json")).unwrap())
        .unwrap()["released"]["key_id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = server.request(
        "DELETE",
        &format!("/api/v1/admin/licenses/{serial}/installations/{key_id}"),
        Some(&server.admin),
        None,
    );
    assert_eq!(status, 200);
    let history = server.show(license_codes::SerialNumber::parse(&serial).unwrap());
    assert_eq!(history["installations"][1]["released_by"], "admin:test-admin");

    // A third computer moves on with `release --server`: the server refuses
    // (the limit), and the program gives one next step, consistent with that:
    // this computer is released, support frees its place (the portal would
    // refuse the code too, so it is not offered).
    let third = tempfile::tempdir().unwrap();
    let init = ["init", "--serial", &serial, "--product", "SpecView", "--registration-code", &registration];
    ok(license(third.path(), &trust, &init));
    ok(license(third.path(), &trust, &["get-it-now", "--server", &server.url]));
    let (exit, out, err) = run(third.path(), &trust, &["release", "--server", &server.url]);
    assert_eq!(exit, 16, "the server refused: {err}");
    assert!(out.trim().split('-').count() > 3, "the release code is printed: {out}");
    assert!(err.contains("This computer is released. Send the release code above to support"), "{err}");
    assert!(!err.contains("portal") && !err.contains("old computer"), "one next step: {err}");
}
