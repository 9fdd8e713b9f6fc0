//! The support agent's page: every field of any code, decoded in the
//! browser. Nothing is sent.

use leptos::prelude::*;
use license_codes::messages::sentence;
use license_codes::text::inspect_groups;
use license_codes::{Kind, RequestCode};

use crate::api;
use crate::components::decode_table::DecodeTable;
use crate::fetched::Fetched;

/// Everything of the page below its header ([`DecodePageHeader`]).
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
                view! { <DecodeTable code=decoded products keys answers=answered/> }.into_any()
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
            <label for="code" class="field-label">"Code"</label>
            <textarea id="code" rows="4" spellcheck="false" autocomplete="off"
                prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))></textarea>
            <label for="answers" class="field-label">"The request code it answers (optional: checks a response's signature)"</label>
            <textarea id="answers" rows="2" spellcheck="false" autocomplete="off"
                prop:value=move || answers.get() on:input=move |ev| answers.set(event_target_value(&ev))></textarea>
            <div class="decoded" aria-live="polite">{table}</div>
            <footer><a href="/code.html">"Enter a request code"</a></footer>
    }
}

/// The page's heading and explanation, static like the customer's page's.
#[component]
pub fn DecodePageHeader() -> impl IntoView {
    view! {
        <header>
            <h1>"Decode a code"</h1>
            <p class="lead">"For support: every field of a serial number, request code or response code. Decoding happens in this browser; nothing is sent."</p>
        </header>
    }
}
