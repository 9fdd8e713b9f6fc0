//! The answer: what changes, the response code in large groups, Copy, Save
//! to file, and a QR code. Shown only once its signature verified.

use leptos::prelude::*;
use leptos::task::spawn_local;
use license_codes::{Installation, RequestCode, ResponseCode, TrustedKeys};

use super::{files, qr};
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
        Err(e) => Verification::Failed(e.to_string()),
    }
}

/// The date part of an RFC 3339 timestamp.
fn date(timestamp: &str) -> String {
    timestamp.split('T').next().unwrap_or(timestamp).to_string()
}

#[component]
pub fn ResponseView(activation: Activation, key_id: u8) -> impl IntoView {
    let code = activation.response_code.clone();
    // What became of the last Copy or Save to file, announced.
    let notice = RwSignal::new("");
    let copy_code = code.clone();
    let copy = move |_| {
        let text = copy_code.clone();
        spawn_local(async move {
            notice.set(match files::copy(&text).await {
                Ok(()) => "Copied.",
                Err(_) => "Copying is not allowed here: select the code and copy it, or use Save to file.",
            })
        });
    };
    let save_code = code.clone();
    let save = move |_| {
        notice.set(match files::save_text("Step_2_Response_Code.TXT", &format!("{save_code}\r\n")) {
            Ok(()) => "Saved as Step_2_Response_Code.TXT in your downloads.",
            Err(_) => "This browser did not save the file: use Copy, or select the code and copy it.",
        })
    };
    let svg = qr::qr_svg(&code).unwrap_or_default();
    // A repeat is never mailed, so at most one of the two notes applies (one view: less wasm).
    let note = if activation.already_issued {
        let date = date(&activation.issued_at);
        Some(("already-issued", format!("Already issued on {date}: this is the same response code as before.")))
    } else {
        activation
            .mailed_to
            .as_ref()
            .map(|to| ("mailed-to", format!("A copy went by email to the technical contact on file, {to}.")))
    };
    let groups: Vec<String> = code.split('-').map(str::to_string).collect();
    view! {
        <section class="response" aria-labelledby="response-heading">
            <h2 id="response-heading" tabindex="-1">"Your response code"</h2>
            {note.map(|(id, text)| view! { <p class="note" id=id>{text}</p> })}
            <p class="verified">
                {format!("Signed by the vendor (key {key_id}) and checked on this device.")}
            </p>
            <h3>"What changes"</h3>
            <ul class="changes">
                {if activation.changes.is_empty() {
                    view! { <li>"Nothing changes: the program gets the latest state."</li> }.into_any()
                } else {
                    activation.changes.iter().map(|c| view! {
                        <li>{c.in_words()}</li>
                    }).collect_view().into_any()
                }}
            </ul>
            <p class="code" id="response-code" aria-label="Response code">
                {groups.into_iter().map(|g| view! { <span class="code-group">{g}</span>" " }).collect_view()}
            </p>
            <div class="actions">
                <button type="button" class="primary" on:click=copy>"Copy"</button>
                <button type="button" class="secondary" on:click=save>"Save to file"</button>
            </div>
            <p class="status" id="response-notice" role="status" aria-live="polite">
                {move || notice.get()}
            </p>
            <figure class="qr">
                <div class="qr-image" role="img" aria-label="QR code of the response code" inner_html=svg></div>
                <figcaption>"Scan it with the program's camera, or show it to the computer's webcam."</figcaption>
            </figure>
            <p class="next">
                "In the program: Help → Registration Info → Retrieve a waiting License Upgrade → Enter Code. "
                "The upgrade is installed at once, no restart needed."
            </p>
        </section>
    }
}
