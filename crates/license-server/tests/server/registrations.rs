//! Registration codes (issue 23 §6): a stranger who knows a licence's serial
//! (every request code carries it, and request codes are mailed around)
//! cannot take its places. Made-up request codes bind nothing; the program
//! given the code at `license init` registers; installations already bound
//! need nothing new; a new code replaces a leaked one; licences made without
//! one bind as before.

use serde_json::{json, Value};

use crate::common::*;
use crate::for_each_backend;
use license_codes::SerialNumber;

for_each_backend!(made_up_request_codes_bind_nothing, the_program_registers_with_the_code_from_the_purchase_mail,);

fn created(server: &TestServer, extra: Value) -> (SerialNumber, Option<String>) {
    let _ = server.admin_post("/api/v1/admin/products", &specview_json());
    let mut body = json!({"product": "SpecView", "contact_email": "it@customer.example", "max_installations": 2,
                          "entitlements": {"remote_users": 1}});
    body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    let (status, created) = server.admin_post("/api/v1/admin/licenses", &body);
    assert_eq!(status, 201, "{created}");
    let serial = SerialNumber::parse(created["serial"].as_str().unwrap()).unwrap();
    (serial, created["registration_code"].as_str().map(String::from))
}

fn made_up_request_codes_bind_nothing(backend: Backend) {
    let server = TestServer::start(&backend);
    let (serial, code) = created(&server, json!({}));
    let code = code.expect("a new licence has a registration code");
    assert_eq!(code.len(), 23, "{code}");
    assert_eq!(server.show(serial)["registration_code"], code.as_str());

    // What an outside tester did with the demo's serial: four request codes
    // made up, as a program without the code would make them, and with a
    // guessed tag. None binds; the licence keeps its places.
    for digest in [empty_digest(), empty_digest(), 0x1234_5678, 0xFFFF_FFFF] {
        let (status, problem) = server.activate(&request_code(7, serial, random_key_id(), 0, digest));
        assert_eq!((status, problem["code"].as_str()), (409, Some("registration_required")), "{problem}");
        assert!(problem["detail"].as_str().unwrap().contains("needs its registration code"), "{problem}");
        assert!(problem["next_step"].as_str().unwrap().contains("--registration-code"), "{problem}");
    }
    let (_, wrong_code) = server.activate(&registered_request_code(serial, "00000-00000-00000-00000", random_key_id()));
    assert_eq!(wrong_code["registration_code_given"], true, "{wrong_code}");
    assert_eq!(server.show(serial)["bound_installations"], 0);

    // The real program's code (the tag of the licence's code) binds; a
    // request code mailed around does not give the code away: the same
    // fields with another key id need another tag.
    let key = random_key_id();
    let real = registered_request_code(serial, &code, key);
    assert!(!real.replace('-', "").contains(&code.replace('-', "")));
    // Find (the console) reads the tag as what a new installation holds, not a mismatch.
    let (status, found) =
        server.request("POST", "/api/v1/admin/inspect", Some(server.support()), Some(&json!({"query": real})));
    assert_eq!((status, found["digest_matches"].as_bool()), (200, Some(true)), "{found}");
    assert_eq!(found["outcome"]["would_issue"]["to_counter"], 1, "{found}");
    let (status, answer) = server.activate(&real);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(server.show(serial)["bound_installations"], 1);
    // Bound: its old update-0 code without the tag (a program that held it)
    // and its later requests need nothing new.
    let (status, again) = server.activate(&request_code(7, serial, key, 0, empty_digest()));
    assert_eq!(status, 200, "an installation already bound needs no tag: {again}");
    server.queue_upgrade(serial, json!({"remote_users": 3}));
    let held = license_codes::Entitlements::digest(&{
        let response = license_codes::ResponseCode::parse(answer["response_code"].as_str().unwrap()).unwrap();
        response.entitlements
    });
    let (status, update) = server.activate(&request_code(7, serial, key, 1, held));
    assert_eq!((status, update["to_counter"].as_i64()), (200, Some(2)), "{update}");

    // A leaked code is replaced: the old one binds nothing more.
    let path = format!("/api/v1/admin/licenses/{serial}");
    let (status, changed) =
        server.request("PATCH", &path, Some(server.admin()), Some(&json!({"new_registration_code": true})));
    assert_eq!(status, 200, "{changed}");
    let new_code = changed["registration_code"].as_str().unwrap().to_string();
    assert_ne!(new_code, code);
    let (status, problem) = server.activate(&registered_request_code(serial, &code, random_key_id()));
    assert_eq!((status, problem["code"].as_str()), (409, Some("registration_required")));
    assert_eq!(server.activate(&registered_request_code(serial, &new_code, random_key_id())).0, 200);
    assert!(changed["audit"].as_array().unwrap().iter().any(|a| a["action"] == "license.registration_code"));
    assert!(!changed["audit"].to_string().contains(&new_code), "the audit log says a code was made, not which");

    // A licence made without one (programs made before registration codes) binds as before.
    let (legacy, none) = created(&server, json!({"registration": false, "contact_email": "old@customer.example"}));
    assert_eq!(none, None);
    assert_eq!(server.activate(&request_code(7, legacy, random_key_id(), 0, empty_digest())).0, 200);
}

fn the_program_registers_with_the_code_from_the_purchase_mail(backend: Backend) {
    let server = TestServer::start(&backend);
    let (serial, code) = created(&server, json!({}));
    let (serial, code) = (serial.to_code(), code.unwrap());
    let trust = server.trust_file();

    // Without the code: init works offline, the server refuses to bind, and
    // the program is told what to do.
    let stranger = tempfile::tempdir().unwrap();
    ok(license(stranger.path(), &trust, &["init", "--serial", &serial, "--product", "SpecView"]));
    let refused = license(stranger.path(), &trust, &["get-it-now", "--server", &server.url]);
    let said = String::from_utf8_lossy(&refused.stderr).to_string();
    assert_eq!(refused.status.code(), Some(16), "{said}");
    assert!(said.contains("needs its registration code") && said.contains("--registration-code"), "{said}");

    // A mistyped code is refused at init, before anything is written.
    let typo = tempfile::tempdir().unwrap();
    let bad = license(
        typo.path(),
        &trust,
        &["init", "--serial", &serial, "--product", "SpecView", "--registration-code", "ABCDU"],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", String::from_utf8_lossy(&bad.stderr));

    // With it (any case, spaces for dashes): registered, and the licence
    // file no longer keeps it once the response is applied.
    let customer = tempfile::tempdir().unwrap();
    let typed = code.to_lowercase().replace('-', " ");
    ok(license(
        customer.path(),
        &trust,
        &["init", "--serial", &serial, "--product", "SpecView", "--registration-code", &typed],
    ));
    let file = customer.path().join("license.json");
    let held = std::fs::read_to_string(&file).unwrap();
    assert!(held.contains(&code), "kept until the first response: {held}");
    let request = ok(license(customer.path(), &trust, &["create-code"]));
    assert!(!request.replace('-', "").contains(&code.replace('-', "")), "the request code does not show it");
    ok(license(customer.path(), &trust, &["get-it-now", "--server", &server.url]));
    let held = std::fs::read_to_string(&file).unwrap();
    assert!(!held.contains(&code), "dropped once registered: {held}");
    assert_eq!(server.show(SerialNumber::parse(&serial).unwrap())["bound_installations"], 1);
}
