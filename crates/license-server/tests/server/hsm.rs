//! Signing keys in an HSM: SoftHSM2 (Debian's, a real PKCS#11 token with
//! Ed25519) made in the test. `keygen --pkcs11` makes the key on the token;
//! `serve --signing-key-pkcs11` signs responses there; they verify with the
//! published key; the private key is sensitive, not extractable, and in no
//! file; a second keygen rotates, and earlier responses keep verifying.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;
use license_codes::{KeyId, ResponseCode, SerialNumber, TrustedKeys, VerifyingKey};
use serde_json::{json, Value};

const PIN: &str = "4711-licensing";

/// SoftHSM2's module: LICENSE_TEST_PKCS11_MODULE (scripts/test.sh sets it, so
/// there a missing token fails the test), else Debian's path if installed.
fn module() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("LICENSE_TEST_PKCS11_MODULE") {
        return Some(PathBuf::from(path));
    }
    let debian = PathBuf::from("/usr/lib/softhsm/libsofthsm2.so");
    debian.exists().then_some(debian)
}

/// A token labelled "licensing" in its own directory; returns the SOFTHSM2_CONF file.
fn token(dir: &Path) -> PathBuf {
    let tokens = dir.join("tokens");
    std::fs::create_dir_all(&tokens).unwrap();
    let conf = dir.join("softhsm2.conf");
    std::fs::write(
        &conf,
        format!("directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n", tokens.display()),
    )
    .unwrap();
    let out = Command::new("softhsm2-util")
        .env("SOFTHSM2_CONF", &conf)
        .args(["--init-token", "--free", "--label", "licensing", "--pin", PIN, "--so-pin", "so-pin-0815"])
        .output()
        .expect("softhsm2-util installed (apt-get install softhsm2)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    conf
}

/// The published keys, as a program's trust file holds them, and the active id.
fn published(url: &str) -> (TrustedKeys, Vec<u8>, u64) {
    let (status, body) = request(url, "GET", "/api/v1/keys", None, None);
    assert_eq!(status, 200, "{body}");
    let mut keys = TrustedKeys::new();
    let mut ids = Vec::new();
    for k in body["keys"].as_array().unwrap() {
        let bytes: [u8; 32] = hex::decode(k["public_key"].as_str().unwrap()).unwrap().try_into().unwrap();
        let id = k["id"].as_u64().unwrap() as u8;
        keys.insert(id, VerifyingKey::from_bytes(&bytes).unwrap());
        ids.push(id);
    }
    (keys, ids, body["active"].as_u64().unwrap())
}

fn activate(url: &str, code: &str) -> Value {
    let (status, body) = request(url, "POST", "/api/v1/activations", None, Some(&json!({"request_code": code})));
    assert_eq!(status, 200, "{body}");
    body
}

fn verifies(answer: &Value, serial: SerialNumber, key_id: u64, keys: &TrustedKeys) -> bool {
    let response = ResponseCode::parse(answer["response_code"].as_str().unwrap()).unwrap();
    response.verify(serial, KeyId(key_id), keys).is_ok()
}

#[test]
fn responses_are_signed_by_the_token_verify_with_the_published_key_and_the_key_rotates() {
    let Some(module) = module() else {
        eprintln!("skipped: SoftHSM2 is not installed (apt-get install softhsm2)");
        return;
    };
    let hsm = tempfile::tempdir().unwrap();
    let conf = token(hsm.path());
    let uri = format!("pkcs11:token=licensing?pin-value={PIN}");
    let mut d = ServerProcess::new(&Backend::Sqlite);
    d.env = vec![
        ("SOFTHSM2_CONF".into(), conf.display().to_string()),
        ("LICENSE_SERVER_PKCS11_MODULE".into(), module.display().to_string()),
    ];
    let made = d.ok(&["keygen", "--pkcs11", &uri]);
    assert!(made.contains("Created signing key 1 on the token"), "{made}");
    let public_1 = made.lines().find_map(|l| l.strip_prefix("Public key: ")).unwrap().to_string();
    d.env.push(("LICENSE_SERVER_SIGNING_KEY_PKCS11".into(), uri.clone()));
    let serial = d.setup_specview("10");

    let (server, url) = d.serve(&[]);
    let (keys, ids, active) = published(&url);
    assert_eq!((ids.clone(), active), (vec![1], 1));
    let (status, body) = request(&url, "GET", "/api/v1/keys", None, None);
    assert_eq!(body["keys"][0]["public_key"], public_1.as_str(), "{status}");
    let first_key = random_key_id();
    let first_code = request_code(7, serial, first_key, 0, empty_digest());
    let first = activate(&url, &first_code);
    assert_eq!(first["signing_key_id"], 1);
    assert!(verifies(&first, serial, first_key, &keys), "a token-signed response does not verify");
    drop(server); // ends it

    // The private key never left the token: no key file, and the token says
    // it is sensitive and not extractable, and will not give its value.
    assert!(!d.data.path().join("keys").join("signing-key-1.hex").exists());
    {
        std::env::set_var("SOFTHSM2_CONF", &conf);
        let context = Pkcs11::new(&module).unwrap();
        context.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)).unwrap();
        let slot = context
            .get_slots_with_token()
            .unwrap()
            .into_iter()
            .find(|s| context.get_token_info(*s).unwrap().label().trim() == "licensing")
            .unwrap();
        let session = context.open_ro_session(slot).unwrap();
        session.login(UserType::User, Some(&AuthPin::from(PIN.to_string()))).unwrap();
        let private = session
            .find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY), Attribute::KeyType(KeyType::EC_EDWARDS)])
            .unwrap();
        assert_eq!(private.len(), 1);
        let attributes =
            session.get_attributes(private[0], &[AttributeType::Sensitive, AttributeType::Extractable]).unwrap();
        assert!(attributes.contains(&Attribute::Sensitive(true)), "{attributes:?}");
        assert!(attributes.contains(&Attribute::Extractable(false)), "{attributes:?}");
        let value = session.get_attributes(private[0], &[AttributeType::Value]).unwrap();
        assert!(!value.iter().any(|a| matches!(a, Attribute::Value(_))), "the token gave the private key out");
    }

    // Rotation: a second key on the token signs from the next start.
    d.env.retain(|(k, _)| k != "LICENSE_SERVER_SIGNING_KEY_PKCS11");
    let made = d.ok(&["keygen", "--pkcs11", &uri]);
    assert!(made.contains("Created signing key 2 on the token"), "{made}");
    d.env.push(("LICENSE_SERVER_SIGNING_KEY_PKCS11".into(), uri.clone()));
    let (server, url) = d.serve(&[]);
    let (keys, ids, active) = published(&url);
    assert_eq!((ids, active), (vec![1, 2], 2));
    let second_key = random_key_id();
    let second = activate(&url, &request_code(7, serial, second_key, 0, empty_digest()));
    assert_eq!(second["signing_key_id"], 2);
    assert!(verifies(&second, serial, second_key, &keys));
    // The response key 1 signed is still the one given, and still verifies.
    let again = activate(&url, &first_code);
    assert_eq!(again["response_code"], first["response_code"]);
    assert!(verifies(&again, serial, first_key, &keys));
    // The trust file a program is built with holds both.
    let trust: Value = serde_json::from_str(&d.ok(&["trust-file"])).unwrap();
    assert_eq!(trust["keys"].as_array().unwrap().len(), 2, "{trust}");
    drop(server); // ends it

    // The URI may name the key that signs (here the first again).
    let (server, url) =
        d.serve(&[("LICENSE_SERVER_SIGNING_KEY_PKCS11", &format!("pkcs11:token=licensing;id=%01?pin-value={PIN}"))]);
    assert_eq!(published(&url).2, 1);
    drop(server); // ends it
}

#[test]
fn a_token_that_cannot_be_used_stops_the_start_with_why() {
    let Some(module) = module() else {
        eprintln!("skipped: SoftHSM2 is not installed (apt-get install softhsm2)");
        return;
    };
    let hsm = tempfile::tempdir().unwrap();
    let conf = token(hsm.path());
    let mut d = ServerProcess::new(&Backend::Sqlite);
    d.env = vec![("SOFTHSM2_CONF".into(), conf.display().to_string())];
    let module = module.display().to_string();
    let uri = format!("pkcs11:token=licensing?pin-value={PIN}");
    let serve = |extra: &[&str]| {
        let mut args = vec!["--pkcs11-module", module.as_str()];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["serve", "--addr", "127.0.0.1:0"]);
        d.fails(&args)
    };
    let said = serve(&["--signing-key-pkcs11", &uri]);
    assert!(said.contains("holds no Ed25519 signing key") && said.contains("keygen --pkcs11"), "{said}");
    let said = serve(&["--signing-key-pkcs11", "pkcs11:token=licensing?pin-value=wrong"]);
    assert!(said.contains("refused the PIN"), "{said}");
    let said = serve(&["--signing-key-pkcs11", &format!("pkcs11:token=elsewhere?pin-value={PIN}")]);
    assert!(said.contains("no token matches") && said.contains("\"licensing\""), "{said}");
    let said = serve(&["--signing-key-pkcs11", "token=licensing"]);
    assert!(said.contains("must start with pkcs11:"), "{said}");
    let said = d.fails(&["--signing-key-pkcs11", &uri, "serve"]);
    assert!(said.contains("--pkcs11-module"), "{said}");
    // The PIN from a file (pin-source), as docs/deploy.md suggests.
    let pin_file = hsm.path().join("pin");
    std::fs::write(&pin_file, format!("{PIN}\n")).unwrap();
    let made = d.ok(&[
        "--pkcs11-module",
        &module,
        "keygen",
        "--pkcs11",
        &format!("pkcs11:token=licensing?pin-source=file:{}", pin_file.display()),
    ]);
    assert!(made.contains("signing key 1"), "{made}");
}
