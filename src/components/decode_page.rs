//! The support agent's page: every field of any code, decoded in the
//! browser. Nothing is sent.

use leptos::prelude::*;
use license_codes::messages::sentence;
use license_codes::text::inspect_groups;
use license_codes::{AnyCode, CodeError, Installation, Kind, Product, RequestCode, TrustedKeys};

use crate::api;
use crate::components::response_view::humanize;
use crate::fetched::Fetched;

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
pub fn DecodePage() -> impl IntoView {
    let code = RwSignal::new(String::new());
    let answers = RwSignal::new(String::new());
    let keys = Fetched::start_with(api::keys());
    let products = Fetched::start_with(api::products());
    let table = move || {
        let text = code.get();
        if text.trim().is_empty() {
            return view! { <p class="status info">"Paste a serial number, request code or response code."</p> }
                .into_any();
        }
        match license_codes::decode(&text) {
            Ok(decoded) => {
                let products = products.get().and_then(Result::ok).unwrap_or_default();
                let keys = keys.get().and_then(Result::ok);
                let answered = RequestCode::parse(&answers.get()).ok();
                let rows = rows(&decoded, &products, keys.as_ref(), answered.as_ref());
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
                .into_any()
            }
            Err(e) => {
                let symbols = license_codes::text::normalize(&text).unwrap_or_default();
                let kind = symbols.first().and_then(|s| Kind::from_number(s >> 3)).unwrap_or(Kind::Request);
                let groups = inspect_groups(&text, kind);
                view! {
                    <div class="problem" role="alert">
                        <h2>"This code does not decode"</h2>
                        <p>{sentence(&e.to_string())}</p>
                        <p><strong>"What to do: "</strong>{e.next_step()}</p>
                    </div>
                    <div class="groups" aria-label="Groups as read">
                        {groups.into_iter().enumerate().map(|(i, g)| {
                            let class = match g.state {
                                license_codes::text::GroupState::Good => "group good",
                                license_codes::text::GroupState::Wrong => "group wrong",
                                license_codes::text::GroupState::Incomplete => "group incomplete",
                            };
                            view! { <span class=class data-group=i + 1>{g.text}</span> }
                        }).collect_view()}
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <main class="decode">
            <header>
                <h1>"Decode a code"</h1>
                <p class="lead">"For support: every field of a serial number, request code or response code. Decoding happens in this browser; nothing is sent."</p>
            </header>
            <label for="code" class="field-label">"Code"</label>
            <textarea id="code" rows="4" spellcheck="false" autocomplete="off"
                prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))></textarea>
            <label for="answers" class="field-label">"The request code it answers (optional: checks a response's signature)"</label>
            <textarea id="answers" rows="2" spellcheck="false" autocomplete="off"
                prop:value=move || answers.get() on:input=move |ev| answers.set(event_target_value(&ev))></textarea>
            <div class="decoded" aria-live="polite">{table}</div>
            <footer><a href="/code.html">"Enter a request code"</a></footer>
        </main>
    }
}
