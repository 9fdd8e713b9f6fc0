//! The answer: what changes, the response code in large groups, Copy, Save
//! to file, and a QR code. Shown only once its signature verified.

use leptos::prelude::*;
use leptos::task::spawn_local;
use license_codes::{Installation, RequestCode, ResponseCode, TrustedKeys};

use super::{files, qr};
use license_codes::messages::domain::Ui;

use crate::i18n::{self, msg, text, tr, MsgId};
use license_api::Activation;

/// Whether the response is what the vendor signed, for this installation.
#[derive(Debug, Clone, PartialEq)]
pub enum Verification {
    Verified { key_id: u8 },
    Failed(String),
}

/// Whether the response applies to the installation that made the request:
/// its product and key id, its place in the order of updates, and the
/// vendor's ed25519 signature over the request's serial and key id.
pub fn verify(activation: &Activation, request: &RequestCode, keys: &TrustedKeys) -> Verification {
    let checked = ResponseCode::parse(&activation.response_code)
        .and_then(|response| response.applies_to(&Installation::from(request), keys).map(|()| response));
    match checked {
        Ok(response) => Verification::Verified { key_id: response.signing_key_id },
        Err(e) => Verification::Failed(e.explain(i18n::lang(), license_codes::messages::Audience::Customer).meaning),
    }
}

#[component]
pub fn ResponseView(
    activation: Activation,
    key_id: u8,
    /// The heading, when it is not the customer's "Your response code" (the console's staff).
    heading: Option<String>,
) -> impl IntoView {
    let code = activation.response_code.clone();
    // What became of the last Copy or Save to file, announced.
    let notice = RwSignal::new(None::<MsgId<Ui>>);
    let copy_code = code.clone();
    let copy = move |_| {
        let code = copy_code.clone();
        spawn_local(async move {
            notice.set(Some(match files::copy(&code).await {
                Ok(()) => msg!("ui-copied"),
                Err(_) => msg!("ui-copy-refused"),
            }))
        });
    };
    let save_code = code.clone();
    let save = move |_| {
        notice.set(Some(match files::save_text("Step_2_Response_Code.TXT", &format!("{save_code}\r\n")) {
            Ok(()) => msg!("ui-saved"),
            Err(_) => msg!("ui-save-refused"),
        }))
    };
    let svg = qr::qr_svg(&code).unwrap_or_default();
    // A repeat is never mailed, so at most one of the two notes applies (one view: less wasm).
    let note = if activation.already_issued {
        let date = i18n::date(&activation.issued_at);
        Some(("already-issued", text(msg!("ui-already-issued"), &[("date", date.into())])))
    } else {
        activation.mailed_to.as_ref().map(|to| ("mailed-to", text(msg!("ui-mailed-to"), &[("to", to.as_str().into())])))
    };
    let groups: Vec<String> = code.split('-').map(str::to_string).collect();
    view! {
        <section class="response" aria-labelledby="response-heading">
            <h2 id="response-heading" tabindex="-1">{move || heading.clone().unwrap_or_else(tr(msg!("ui-response-heading")))}</h2>
            {note.map(|(id, text)| view! { <p class="note" id=id>{text}</p> })}
            <p class="verified">
                {text(msg!("ui-verified"), &[("key_id", key_id.into())])}
            </p>
            <h3>{tr(msg!("ui-changes-heading"))}</h3>
            <ul class="changes">
                {if activation.changes.is_empty() {
                    view! { <li>{tr(msg!("ui-no-changes"))}</li> }.into_any()
                } else {
                    activation.changes.iter().map(|c| view! {
                        <li>{c.in_words()}</li>
                    }).collect_view().into_any()
                }}
            </ul>
            <p class="code" id="response-code" aria-label=tr(msg!("ui-response-label"))>
                {groups.into_iter().map(|g| view! { <span class="code-group">{g}</span>" " }).collect_view()}
            </p>
            <div class="actions">
                <button type="button" class="primary" on:click=copy>{tr(msg!("ui-copy"))}</button>
                <button type="button" class="secondary" on:click=save>{tr(msg!("ui-save"))}</button>
            </div>
            <p class="status" id="response-notice" role="status" aria-live="polite">
                {move || notice.get().map(|id| text(id, &[]))}
            </p>
            <figure class="qr">
                <div class="qr-image" role="img" aria-label=tr(msg!("ui-qr-label")) inner_html=svg></div>
                <figcaption>{tr(msg!("ui-qr-caption"))}</figcaption>
            </figure>
            <p class="next">{tr(msg!("ui-enter-in-program"))}</p>
        </section>
    }
}
