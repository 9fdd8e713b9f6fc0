//! Every field of a decoded code, as a table: product and entitlement names,
//! serial, key id, counters, dates, which vendor key signed it, and, given
//! the request it answers, whether a response's signature verifies. The
//! decode page and the console show it.

use leptos::prelude::*;
use license_codes::messages::Audience;
use license_codes::{AnyCode, CodeError, Installation, Kind, Product, RequestCode, TrustedKeys};

use license_api::humanize;

use license_codes::messages::domain::Support;

use crate::i18n::{date, lang, msg, text, tr, MsgId};

fn product_name(products: &[Product], id: u16) -> String {
    products
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| text(msg!("support-unknown-product"), &[("id", id.into())]), |p| format!("{} ({id})", p.name))
}

/// What kind of code it is, and its format.
fn kind(kind: Kind) -> String {
    text(msg!("support-kind-format"), &[("kind", kind.code_name().into()), ("version", 1u8.into())])
}

/// The rows of the table, in the page's language: (field id, label, value).
pub fn rows(
    code: &AnyCode,
    products: &[Product],
    keys: Option<&TrustedKeys>,
    answers: Option<&RequestCode>,
) -> Vec<(&'static str, String, String)> {
    let row = |id, label: MsgId<Support>, value: String| (id, text(label, &[]), value);
    match code {
        AnyCode::Serial(s) => vec![
            row("kind", msg!("support-field-kind"), kind(Kind::Serial)),
            row("serial", msg!("support-field-serial"), s.to_code()),
            row("serial_number", msg!("support-field-serial-number"), s.value().to_string()),
        ],
        AnyCode::Release(r) => vec![
            row("kind", msg!("support-field-kind"), kind(Kind::Release)),
            row("product", msg!("support-field-product"), product_name(products, r.product)),
            row("serial", msg!("support-field-serial"), r.serial.to_code()),
            row("key_id", msg!("support-field-key-id-released"), r.key_id.to_string()),
            row("counter", msg!("support-field-counter"), r.counter.to_string()),
            row("created", msg!("support-field-created"), date(&r.created.to_string())),
            row(
                "proof",
                msg!("support-field-proof"),
                text(msg!("support-proof"), &[("proof", format!("{:014X}", r.proof).into())]),
            ),
        ],
        AnyCode::Request(r) => vec![
            row("kind", msg!("support-field-kind"), kind(Kind::Request)),
            row("product", msg!("support-field-product"), product_name(products, r.product)),
            row("serial", msg!("support-field-serial"), r.serial.to_code()),
            row("key_id", msg!("support-field-key-id"), r.key_id.to_string()),
            row("counter", msg!("support-field-counter"), r.counter.to_string()),
            row("entitlement_digest", msg!("support-field-digest"), format!("{:08X}", r.entitlement_digest)),
            row("created", msg!("support-field-created"), date(&r.created.to_string())),
        ],
        AnyCode::Response(r) => {
            let product = products.iter().find(|p| p.id == r.product);
            let tag = || format!("{:04X}", r.key_id_tag).into();
            let signature = match (keys, answers) {
                (None, _) => text(msg!("support-signature-no-keys"), &[]),
                (Some(_), None) => text(msg!("support-signature-no-request"), &[]),
                (Some(keys), Some(req)) => match r.verify_for(&Installation::from(req), keys) {
                    Ok(()) => text(
                        msg!("support-signature-verified"),
                        &[("serial", req.serial.to_string().into()), ("key_id", req.key_id.to_string().into())],
                    ),
                    Err(CodeError::AnotherProduct { .. } | CodeError::AnotherInstallation { .. }) => text(
                        msg!("support-signature-other-installation"),
                        &[("key_id", req.key_id.to_string().into()), ("tag", tag())],
                    ),
                    Err(e) => text(
                        msg!("support-signature-failed"),
                        &[("reason", e.explain(lang(), Audience::Program).meaning.into())],
                    ),
                },
            };
            let trusted = match keys.map(|k| k.get(r.signing_key_id).is_some()) {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            };
            let mut rows = vec![
                row("kind", msg!("support-field-kind"), kind(Kind::Response)),
                row("product", msg!("support-field-product"), product_name(products, r.product)),
                row(
                    "key_id_tag",
                    msg!("support-field-for-installation"),
                    text(msg!("support-key-id-starting"), &[("tag", tag())]),
                ),
                row("counters", msg!("support-field-update"), format!("{} → {}", r.from_counter, r.to_counter)),
                row("issued", msg!("support-field-issued"), date(&r.issued.to_string())),
                row(
                    "signing_key",
                    msg!("support-field-signed-with"),
                    text(
                        msg!("support-vendor-key"),
                        &[("key_id", r.signing_key_id.into()), ("trusted", trusted.into())],
                    ),
                ),
                row("signature", msg!("support-field-signature"), signature),
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
            <caption>{tr(msg!("support-decoded-fields"))}</caption>
            <tbody>
                {rows.into_iter().map(|(id, label, value)| view! {
                    <tr data-field=id><th scope="row">{label}</th><td>{value}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
