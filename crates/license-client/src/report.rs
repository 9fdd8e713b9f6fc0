//! The JSON the `license` command prints (`status --json`, `decode --json`,
//! an error with `--json`) and the C interface returns: one shape for both.

use license_api::EntitlementValues;
use license_codes::messages::{Arg, Audience, Lang, PROGRAM};
use license_codes::{AnyCode, Installation, KeyId, Product, SerialNumber};
use serde_json::{json, Value};

use crate::{ClientError, License, Licensing};

/// Entitlement values typed by kind: counts as numbers, flags as booleans, dates as text.
fn entitlements_json(product: Option<&Product>, e: &license_codes::Entitlements) -> Value {
    serde_json::to_value(EntitlementValues::of(product, e)).expect("serialisable")
}

pub fn status_json(licensing: &Licensing, license: &License) -> Value {
    let product = licensing.product(license.product);
    json!({
        "product": {"id": license.product, "name": product.map(|p| p.name.clone())},
        "serial": license.serial.to_code(),
        "key_id": license.key_id.to_string(),
        "machine_bound": license.machine_bound,
        "counter": license.counter,
        "entitlements": entitlements_json(product, &license.entitlements),
        "response_code": license.response.as_ref().map(|r| r.to_code()),
        "license_file": licensing.path().display().to_string(),
    })
}

/// Every decoded field, with names where the trust file knows them.
pub fn decode_json(
    licensing: &Licensing,
    have_trust: bool,
    code: &AnyCode,
    binding: Option<(SerialNumber, KeyId, String)>,
) -> Value {
    match code {
        AnyCode::Serial(s) => {
            json!({"kind": "serial", "serial": s.to_code(), "serial_number": s.value()})
        }
        AnyCode::Request(r) => json!({
            "kind": "request",
            "product": {"id": r.product, "name": licensing.product(r.product).map(|p| p.name.clone())},
            "serial": r.serial.to_code(),
            "key_id": r.key_id.to_string(),
            "counter": r.counter,
            "entitlement_digest": format!("{:08X}", r.entitlement_digest),
            "created": r.created.to_string(),
        }),
        AnyCode::Release(r) => json!({
            "kind": "release",
            "product": {"id": r.product, "name": licensing.product(r.product).map(|p| p.name.clone())},
            "serial": r.serial.to_code(),
            "key_id": r.key_id.to_string(),
            "counter": r.counter,
            "created": r.created.to_string(),
            "proof": format!("{:014X}", r.proof),
        }),
        AnyCode::Response(r) => {
            let product = licensing.product(r.product);
            let signature = match binding {
                _ if !have_trust => {
                    json!({"verified": null, "reason": "no trusted keys given (--trust)"})
                }
                Some((serial, key_id, source)) => {
                    let installation = Installation { product: r.product, serial, key_id, counter: r.from_counter };
                    match r.verify_for(&installation, licensing.keys()) {
                        Ok(()) => json!({"verified": true, "checked_against": source}),
                        Err(e @ license_codes::CodeError::AnotherInstallation { .. }) => {
                            json!({"verified": null, "checked_against": source, "reason": e.to_string()})
                        }
                        Err(e) => {
                            json!({"verified": false, "checked_against": source, "error": e.code(), "reason": e.to_string()})
                        }
                    }
                }
                None => {
                    json!({"verified": null, "reason": "give --serial and --key-id of the installation to check the signature"})
                }
            };
            json!({
                "kind": "response",
                "product": {"id": r.product, "name": product.map(|p| p.name.clone())},
                "key_id_tag": format!("{:04X}", r.key_id_tag),
                "from_counter": r.from_counter,
                "to_counter": r.to_counter,
                "issued": r.issued.to_string(),
                "signing_key_id": r.signing_key_id,
                "signing_key_trusted": licensing.keys().get(r.signing_key_id).is_some(),
                "signature": signature,
                "entitlements": entitlements_json(product, &r.entitlements),
            })
        }
    }
}

/// `{"error", "message", "next_step", "group"}`.
pub fn error_json(e: &ClientError, lang: Lang) -> Value {
    let words = e.explain(lang, Audience::Program);
    json!({"error": e.code(), "message": words.meaning, "next_step": words.next_step, "group": e.group()})
}

/// An error as the command prints it, in `lang`: `error: …` and `next step: …`.
pub fn error_text(e: &ClientError, lang: Lang) -> String {
    let words = e.explain(lang, Audience::Program);
    let args = [("meaning", Arg::from(words.meaning)), ("next_step", Arg::from(words.next_step))];
    PROGRAM.text(lang, "program-report-error", None, &args)
}

/// What entering a response did: the counters, each change (also as the
/// line `license enter-code` prints) and the entitlements now.
pub fn applied_json(licensing: &Licensing, applied: &crate::Applied) -> Value {
    let license = &applied.license;
    let changes: Vec<Value> = applied
        .changes
        .iter()
        .map(|c| json!({"name": c.name, "from": c.from, "to": c.to, "text": c.to_string()}))
        .collect();
    json!({
        "product": {"id": license.product, "name": licensing.product(license.product).map(|p| p.name.clone())},
        "from_counter": applied.from_counter,
        "counter": license.counter,
        "changes": changes,
        "entitlements": entitlements_json(licensing.product(license.product), &license.entitlements),
    })
}
