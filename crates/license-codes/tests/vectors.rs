//! Test vectors as files in testdata/: `valid_*.json` (a code, its decoded
//! fields, the vendor public key and the exact signed message) and
//! `fail_*.json` (a code and the error a decoder must give).
//!
//! The files are the reference for independent decoders. They are written
//! once by `REGENERATE_VECTORS=1 cargo test -p license-codes --test vectors`
//! and otherwise only read.

mod common;

use std::path::PathBuf;

use license_codes::*;
use serde_json::{json, Value};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

fn response_fields(r: &ResponseCode, product: &Product) -> Value {
    json!({
        "signing_key_id": r.signing_key_id,
        "product": r.product,
        "key_id_tag": format!("{:04X}", r.key_id_tag),
        "from_counter": r.from_counter,
        "to_counter": r.to_counter,
        "issued": r.issued.to_string(),
        "issued_day_number": r.issued.0,
        "entitlements": r.entitlements.iter().map(|(slot, value)| json!({
            "slot": slot, "name": Product::slot_name(Some(product), slot), "value": value})).collect::<Vec<_>>(),
        "signature": hex::encode(r.signature),
    })
}

fn vectors() -> Vec<(String, Value)> {
    let product = common::specview();
    let public = PublicKeyEntry::new(1, &common::vendor_key().verifying_key());
    let request = common::request();
    let response = common::response();
    let request_fields = json!({"product": request.product, "serial": request.serial.to_code(),
        "serial_number": request.serial.value(), "key_id": request.key_id.to_string(),
        "counter": request.counter, "entitlement_digest": format!("{:08X}", request.entitlement_digest),
        "created": request.created.to_string(), "created_day_number": request.created.0});
    let mut out = vec![
        (
            "valid_serial".into(),
            json!({"code": common::serial().to_code(), "kind": "serial",
            "fields": {"serial": common::serial().to_code(), "serial_number": common::serial().value()}}),
        ),
        (
            "valid_request".into(),
            json!({"code": request.to_code(), "kind": "request",
            "fields": request_fields,
            "entitlements_held": common::specview_before().iter().map(|(s, v)| json!({"slot": s, "value": v})).collect::<Vec<_>>(),
            "entitlements_held_canonical_hex": hex::encode(common::specview_before().canonical_bytes())}),
        ),
    ];
    // A new installation's request (update 0) of a licence with a
    // registration code: its digest field carries the code's tag (§3).
    let registration = RegistrationCode::parse("7K2M9-QX4TD-B8RZP-1NWCE").expect("a registration code");
    let mut first = RequestCode { counter: 0, ..request };
    first.entitlement_digest = registration.tag(&first);
    out.push((
        "valid_request_registration".into(),
        json!({"code": first.to_code(), "kind": "request",
        "fields": {"product": first.product, "serial": first.serial.to_code(), "serial_number": first.serial.value(),
            "key_id": first.key_id.to_string(), "counter": 0, "entitlement_digest": format!("{:08X}", first.entitlement_digest),
            "created": first.created.to_string(), "created_day_number": first.created.0},
        "registration_code": registration.to_code(),
        "registration_tag_message_hex": format!("{}{}", hex::encode(b"license-codes v1 registration\0"),
            hex::encode([&first.product.to_be_bytes()[..], &first.serial.value().to_be_bytes()[3..],
                &first.key_id.0.to_be_bytes()[..], &first.created.0.to_be_bytes()[..]].concat()))}),
    ));
    for (name, r) in [("valid_response", response.clone()), ("valid_response_largest", common::largest_response())] {
        out.push((name.into(), json!({"code": r.to_code(), "kind": "response",
            "product_schema": product, "public_keys": [public],
            "binding": {"serial": common::serial().to_code(), "serial_number": common::serial().value(),
                "key_id": common::key_id().to_string()},
            "fields": response_fields(&r, &product),
            "signed_message_hex": hex::encode(ResponseCode::signed_message(common::serial(), common::key_id(), &r.signed_body())),
            "verifies": true})));
    }

    let release = common::release();
    out.push((
        "valid_release".into(),
        json!({"code": release.to_code(), "kind": "release",
            "fields": {"product": release.product, "serial": release.serial.to_code(), "serial_number": release.serial.value(),
                "key_id": release.key_id.to_string(), "counter": release.counter, "created": release.created.to_string(),
                "created_day_number": release.created.0, "proof": format!("{:014X}", release.proof)},
            "held_response": response.to_code(),
            "proves": true}),
    ));

    // Text as people and mail programs deliver it: lower case, I and L for 1,
    // O for 0, quoted and broken over CRLF lines.
    let loose: String = request
        .to_code()
        .chars()
        .enumerate()
        .map(|(i, c)| match c {
            '1' => ['I', 'l', 'L', 'i'][i % 4],
            '0' => ['O', 'o'][i % 2],
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let request_text = request.to_code();
    let (first_half, second_half) = request_text.split_at(27);
    out.extend([
        (
            "valid_request_typed_loosely".into(),
            json!({"code": loose, "kind": "request", "normalised": request.to_code(), "fields": request_fields}),
        ),
        (
            "valid_request_mail_quoted".into(),
            json!({"code": format!("> {first_half}\r\n>> {}\r\n", second_half.trim_start_matches('-')),
                "kind": "request", "normalised": request.to_code(), "fields": request_fields}),
        ),
    ]);

    let fail = |code: String, expect: &str, error: &str| {
        let err = decode_as(&code, expect).expect_err("a fail_ vector decodes");
        assert_eq!(err.code(), error, "{code}: {err}");
        json!({"code": code, "decode_as": expect, "error": error, "detail": detail(&err)})
    };
    let req = request.to_code();
    let typo = {
        let mut c: Vec<char> = req.chars().collect();
        c[3 * 7 + 2] = if c[3 * 7 + 2] == 'X' { 'Y' } else { 'X' };
        c.into_iter().collect::<String>()
    };
    let transposed = {
        let mut c: Vec<char> = req.chars().collect();
        let i = (0..5).map(|k| 7 + k).find(|i| c[*i] != c[*i + 1]).unwrap();
        c.swap(i, i + 1);
        c.into_iter().collect::<String>()
    };
    let groups: Vec<&str> = req.split('-').collect();
    let mut swapped = groups.clone();
    swapped.swap(2, 4);
    let mut missing = groups.clone();
    missing.remove(5);
    let mut data = common::data_symbols(&req);
    data[0] = 2 * 8 + 2; // a request in format version 2
    let version_two = common::regroup(Kind::Request, &data);
    let mut data = common::data_symbols(&req);
    data[12] ^= 1; // a second typo in a group that fixes its check symbol
    let double_typo = common::regroup(Kind::Request, &data);
    let bad_signature = common::flip_bit(Kind::Response, &response.to_code(), 150 + 97);
    let unknown_key = sign_response(&common::vendor_key(), 9, &common::grant(common::specview_before())).unwrap();
    // Correctly signed, and still refused: a to counter not above the from counter.
    let mut stuck = response.clone();
    stuck.to_counter = stuck.from_counter;
    let message = ResponseCode::signed_message(common::serial(), common::key_id(), &stuck.signed_body());
    stuck.signature = ed25519_dalek::Signer::sign(&common::vendor_key(), &message).to_bytes();
    assert_eq!(stuck.verify(common::serial(), common::key_id(), &common::trusted()), Ok(()));
    let req_groups: Vec<&str> = req.split('-').collect();
    let mut extra = req_groups.clone();
    extra.insert(3, "000000");
    let mut data = common::data_symbols(&response.to_code());
    data.extend([0; 5]);
    let whole_group_after_padding = common::regroup(Kind::Response, &data);
    let mut data = common::data_symbols(&common::largest_response().to_code());
    data.truncate(data.len() - 5);
    let signature_cut = common::regroup(Kind::Response, &data);
    let non_canonical = common::response_from_bits(&[
        (25, 5),
        (1, 8),
        (7, 16),
        (u64::from(common::key_id().tag()), 16),
        (1, 16),
        (2, 16),
        (2518, 16),
        (1, 4),
        (0, 4),
        (1, 2),
        (3, 8), // remote_users = 3 in the 8-bit class instead of the 4-bit one
    ]);
    let serial_data = common::data_symbols(&common::serial().to_code());
    let serial_check_failed = (0..40)
        .map(|bit| {
            let mut d = serial_data.clone();
            d[1 + bit / 5] ^= 0b10000 >> (bit % 5);
            common::regroup(Kind::Serial, &d)
        })
        .find(|code| SerialNumber::parse(code) == Err(CodeError::CodeCheckFailed))
        .expect("a serial whose groups check but whole does not");
    let typo_in_group = |code: &str, group: usize| {
        let mut c: Vec<char> = code.chars().collect();
        let at = (group - 1) * 7 + 2;
        c[at] = if c[at] == 'X' { 'Y' } else { 'X' };
        c.into_iter().collect::<String>()
    };
    let release_double_typo = (0..45)
        .map(|bit| {
            let mut d = common::data_symbols(&release.to_code());
            d[5 + bit / 5] ^= 0b10000 >> (bit % 5);
            common::regroup(Kind::Release, &d)
        })
        .find(|code| ReleaseCode::parse(code) == Err(CodeError::CodeCheckFailed))
        .expect("a release whose groups check but whole does not");
    let symbol_16_is_u: String = {
        let mut seen = 0;
        req.chars()
            .map(|c| {
                if c != '-' {
                    seen += 1;
                }
                if seen == 16 && c != '-' {
                    'U'
                } else {
                    c
                }
            })
            .collect()
    };
    let resp_bits = common::data_symbols(&response.to_code()).len() * 5;
    let padding = common::flip_bit(Kind::Response, &response.to_code(), resp_bits - 1);
    out.extend([
        ("fail_empty".into(), fail("  - \n".into(), "any", "empty")),
        ("fail_request_typo_group_4".into(), fail(typo, "request", "bad_group")),
        ("fail_request_transposition_group_2".into(), fail(transposed, "request", "bad_group")),
        ("fail_request_groups_3_and_5_swapped".into(), fail(swapped.join("-"), "request", "groups_swapped")),
        ("fail_request_group_6_missing".into(), fail(missing.join("-"), "request", "missing_group")),
        ("fail_request_cut_short".into(), fail(req[..req.len() - 3].into(), "request", "truncated")),
        ("fail_request_letter_u".into(), fail(format!("U{}", &req[1..]), "request", "invalid_character")),
        ("fail_request_given_response".into(), fail(response.to_code(), "request", "wrong_kind")),
        ("fail_request_given_serial".into(), fail(common::serial().to_code(), "request", "wrong_kind")),
        ("fail_response_given_request".into(), fail(req.clone(), "response", "wrong_kind")),
        ("fail_request_version_2".into(), fail(version_two, "request", "unknown_version")),
        ("fail_request_two_typos_one_group".into(), fail(double_typo, "request", "code_check_failed")),
        ("fail_response_bad_signature".into(), fail(bad_signature, "response", "bad_signature")),
        ("fail_response_unknown_signing_key".into(), fail(unknown_key.to_code(), "response", "unknown_signing_key")),
        ("fail_response_counter_not_advancing".into(), fail(stuck.to_code(), "response", "malformed")),
        ("fail_response_nonzero_padding".into(), fail(padding, "response", "malformed")),
        ("fail_request_extra_group_4".into(), fail(extra.join("-"), "request", "extra_group")),
        ("fail_response_whole_group_after_padding".into(), fail(whole_group_after_padding, "response", "too_long")),
        ("fail_response_signature_cut_short".into(), fail(signature_cut, "response", "truncated")),
        ("fail_response_non_canonical_entitlements".into(), fail(non_canonical, "response", "malformed")),
        ("fail_serial_code_check_failed".into(), fail(serial_check_failed, "serial", "code_check_failed")),
        ("fail_serial_given_request".into(), fail(req.clone(), "serial", "wrong_kind")),
        ("fail_text_over_4096_characters".into(), fail("A".repeat(4097), "any", "too_long")),
        ("fail_request_letter_u_in_group_3".into(), fail(symbol_16_is_u, "request", "invalid_character")),
        ("fail_release_typo_group_5".into(), fail(typo_in_group(&release.to_code(), 5), "release", "bad_group")),
        ("fail_release_given_request".into(), fail(req.clone(), "release", "wrong_kind")),
        ("fail_request_given_release".into(), fail(release.to_code(), "request", "wrong_kind")),
        ("fail_release_update_0".into(), fail(ReleaseCode { counter: 0, ..release }.to_code(), "release", "malformed")),
        ("fail_release_two_typos_one_group".into(), fail(release_double_typo, "release", "code_check_failed")),
        ("fail_request_dotless_i".into(), fail(req.replacen('0', "\u{131}", 1), "request", "invalid_character")),
        ("fail_request_kelvin_sign".into(), fail(req.replacen('K', "\u{212A}", 1), "request", "invalid_character")),
        (
            "fail_request_quoting_after_a_lone_cr".into(),
            fail(format!("{first_half}\r> {}", second_half.trim_start_matches('-')), "request", "invalid_character"),
        ),
    ]);
    out
}

/// Decodes `code` as a vector's `decode_as` says; responses are verified
/// against the binding and key of `valid_response.json`.
fn decode_as(code: &str, how: &str) -> Result<(), CodeError> {
    match how {
        "request" => RequestCode::parse(code).map(|_| ()),
        "serial" => SerialNumber::parse(code).map(|_| ()),
        "release" => ReleaseCode::parse(code).map(|_| ()),
        "response" => {
            ResponseCode::parse(code).and_then(|r| r.verify(common::serial(), common::key_id(), &common::trusted()))
        }
        _ => decode(code).map(|_| ()),
    }
}

/// The `detail` members of an error (docs/codes.md §8), as the program prints them.
fn detail(err: &CodeError) -> Value {
    serde_json::to_value(err.detail()).unwrap()
}

#[test]
fn vectors_on_disk_are_current_and_hold() {
    let regenerate = std::env::var_os("REGENERATE_VECTORS").is_some();
    let vectors = vectors();
    for (name, vector) in &vectors {
        let path = dir().join(format!("{name}.json"));
        if regenerate {
            std::fs::write(&path, serde_json::to_string_pretty(vector).unwrap() + "\n").unwrap();
        }
        let on_disk: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(&on_disk, vector, "{name} differs from what the code produces");
    }
    let files = std::fs::read_dir(dir()).unwrap().count();
    assert_eq!(files, vectors.len(), "testdata/ has files no vector produces");
}

#[test]
fn fail_vectors_give_their_errors() {
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let vector: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if !name.starts_with("fail_") {
            continue;
        }
        let err = decode_as(vector["code"].as_str().unwrap(), vector["decode_as"].as_str().unwrap())
            .expect_err("a fail_ vector decoded");
        assert_eq!(err.code(), vector["error"].as_str().unwrap(), "{name}: {err}");
        assert_eq!(detail(&err), vector["detail"], "{name}: {err:?}");
    }
}

#[test]
fn valid_vectors_decode_to_their_fields() {
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let vector: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if !path.file_stem().unwrap().to_string_lossy().starts_with("valid_") {
            continue;
        }
        let code = vector["code"].as_str().unwrap();
        match decode(code).unwrap() {
            AnyCode::Serial(s) => {
                assert_eq!(s.value(), vector["fields"]["serial_number"].as_u64().unwrap());
                assert_eq!(s.to_code(), vector["fields"]["serial"].as_str().unwrap());
            }
            AnyCode::Release(r) => {
                assert_eq!(r.key_id.to_string(), vector["fields"]["key_id"].as_str().unwrap());
                assert_eq!(format!("{:014X}", r.proof), vector["fields"]["proof"].as_str().unwrap());
                let held = ResponseCode::parse(vector["held_response"].as_str().unwrap()).unwrap();
                assert!(r.proves(&held));
            }
            AnyCode::Request(r) => {
                assert_eq!(r.key_id.to_string(), vector["fields"]["key_id"].as_str().unwrap());
                assert_eq!(r.counter as u64, vector["fields"]["counter"].as_u64().unwrap());
            }
            AnyCode::Response(r) => {
                let trust: TrustFile = serde_json::from_value(json!({"keys": vector["public_keys"]})).unwrap();
                let serial = SerialNumber::parse(vector["binding"]["serial"].as_str().unwrap()).unwrap();
                let key_id = KeyId::parse_hex(vector["binding"]["key_id"].as_str().unwrap()).unwrap();
                assert_eq!(r.verify(serial, key_id, &trust.trusted_keys().unwrap()), Ok(()));
                assert_eq!(hex::encode(r.signature), vector["fields"]["signature"].as_str().unwrap());
            }
        }
    }
}
