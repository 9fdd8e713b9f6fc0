//! Every field of a decoded code, as a table: product and entitlement names,
//! serial, key id, counters, dates, which vendor key signed it, and, given
//! the request it answers, whether a response's signature verifies. The
//! decode page and the console show it.

use leptos::prelude::*;
use license_codes::{AnyCode, CodeError, Installation, Product, RequestCode, TrustedKeys};

use license_api::humanize;

fn product_name(products: &[Product], id: u16) -> String {
    products
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| format!("{id} (unknown product)"), |p| format!("{} ({id})", p.name))
}

/// The rows of the table: (field id, label, value).
pub fn rows(
    code: &AnyCode,
    products: &[Product],
    keys: Option<&TrustedKeys>,
    answers: Option<&RequestCode>,
) -> Vec<(&'static str, String, String)> {
    let row = |id, label: &str, value: String| (id, label.to_string(), value);
    match code {
        AnyCode::Serial(s) => vec![
            row("kind", "Kind", "Serial number (format 1)".into()),
            row("serial", "Serial number", s.to_code()),
            row("serial_number", "Serial, as a number", s.value().to_string()),
        ],
        AnyCode::Release(r) => vec![
            row("kind", "Kind", "Release code (format 1)".into()),
            row("product", "Product", product_name(products, r.product)),
            row("serial", "Serial number", r.serial.to_code()),
            row("key_id", "Key id (installation released)", r.key_id.to_string()),
            row("counter", "Update counter held", r.counter.to_string()),
            row("created", "Created", r.created.to_string()),
            row(
                "proof",
                "Proof",
                format!("{:014X} (the server checks it against the response that installation holds)", r.proof),
            ),
        ],
        AnyCode::Request(r) => vec![
            row("kind", "Kind", "Request code (format 1)".into()),
            row("product", "Product", product_name(products, r.product)),
            row("serial", "Serial number", r.serial.to_code()),
            row("key_id", "Key id (installation)", r.key_id.to_string()),
            row("counter", "Update counter held", r.counter.to_string()),
            row("entitlement_digest", "Entitlement digest", format!("{:08X}", r.entitlement_digest)),
            row("created", "Created", r.created.to_string()),
        ],
        AnyCode::Response(r) => {
            let product = products.iter().find(|p| p.id == r.product);
            let trusted = keys.map(|k| k.get(r.signing_key_id).is_some());
            let signature = match (keys, answers) {
                (None, _) => "Not checked: the vendor keys are not loaded.".to_string(),
                (Some(_), None) => "Not checked: paste the request code it answers below.".to_string(),
                (Some(keys), Some(req)) => match r.verify_for(&Installation::from(req), keys) {
                    Ok(()) => format!("Verified for serial {} and key id {}.", req.serial, req.key_id),
                    Err(CodeError::AnotherProduct { .. } | CodeError::AnotherInstallation { .. }) => {
                        format!("Does not match: that request code is from key id {}, this response is for a key id starting {:04X}.", req.key_id, r.key_id_tag)
                    }
                    Err(e) => format!("Does not verify: {e}."),
                },
            };
            let mut rows = vec![
                row("kind", "Kind", "Response code (format 1)".into()),
                row("product", "Product", product_name(products, r.product)),
                row("key_id_tag", "For installation", format!("key id starting {:04X}", r.key_id_tag)),
                row("counters", "Update", format!("{} → {}", r.from_counter, r.to_counter)),
                row("issued", "Issued", r.issued.to_string()),
                row(
                    "signing_key",
                    "Signed with",
                    match trusted {
                        Some(true) => format!("vendor key {} (trusted)", r.signing_key_id),
                        Some(false) => format!("vendor key {} (NOT a key of this vendor)", r.signing_key_id),
                        None => format!("vendor key {}", r.signing_key_id),
                    },
                ),
                row("signature", "Signature", signature),
            ];
            for (name, value) in r.entitlements.describe(product) {
                rows.push(("entitlement", humanize(&name), value));
            }
            rows
        }
    }
}

#[component]
pub fn DecodeTable(
    code: AnyCode,
    products: Vec<Product>,
    keys: Option<TrustedKeys>,
    answers: Option<RequestCode>,
) -> impl IntoView {
    let rows = rows(&code, &products, keys.as_ref(), answers.as_ref());
    view! {
        <table class="fields">
            <caption>"Decoded fields"</caption>
            <tbody>
                {rows.into_iter().map(|(id, label, value)| view! {
                    <tr data-field=id><th scope="row">{label}</th><td>{value}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
