//! The customer's page, SpecView's code.html: enter the request code,
//! submit it, get the response code.

use leptos::prelude::*;
use license_codes::RequestCode;

use super::code_field::RequestCodeField;
use super::problem_view::ProblemView;
use super::response_view::{verify, ResponseView, Verification};
use crate::api;
use crate::check::check_request;
use crate::fetched::Fetched;
use crate::messages;

/// A code handed over in the link (`/code.html#<code>`): the fragment never
/// reaches the server's logs.
fn code_from_fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    let raw = hash.trim_start_matches('#');
    js_sys::decode_uri_component(raw).ok().and_then(|s| s.as_string()).unwrap_or_else(|| raw.to_string())
}

#[component]
pub fn CodePage() -> impl IntoView {
    let code = RwSignal::new(code_from_fragment());
    let checked = Memo::new(move |_| check_request(&code.get()));
    let keys = Fetched::start_with(api::keys());
    let submit = Fetched::new();
    let submitted = RwSignal::new(None::<RequestCode>);
    let send = move || {
        if let Some(request) = checked.get_untracked().request() {
            submitted.set(Some(request));
            let text = request.to_code();
            submit.start(async move { api::activate(&text).await });
        }
    };
    let busy = submit.pending();
    // An answer belongs to the code on screen; editing the code hides it.
    let current = move || submitted.get().filter(|s| checked.get().request() == Some(*s));

    let answer = move || {
        let request = current()?;
        let result = submit.get()?;
        Some(match result {
            Err(e) => {
                let retry = Callback::new(move |_| send());
                view! { <ProblemView explanation=messages::api_error(&e) on_retry=retry/> }.into_any()
            }
            Ok(activation) => match keys.get() {
                None => view! { <p class="status info">"Checking the response's signature…"</p> }.into_any(),
                Some(Err(e)) => {
                    let reason = messages::api_error(&e).title;
                    let explanation = messages::entry("page-keys_failed", &[("reason", reason.into())], true);
                    let retry = Callback::new(move |_| keys.start(api::keys()));
                    view! { <ProblemView explanation on_retry=retry/> }.into_any()
                }
                Some(Ok(keys)) => match verify(&activation, &request, &keys) {
                    Verification::Verified { key_id } => view! { <ResponseView activation key_id/> }.into_any(),
                    Verification::Failed(why) => {
                        let explanation = messages::entry("page-signature_failed", &[("reason", why.into())], true);
                        let retry = Callback::new(move |_| send());
                        view! { <ProblemView explanation on_retry=retry/> }.into_any()
                    }
                },
            },
        })
    };

    view! {
        <main>
            <header>
                <h1>"Get your licence upgrade"</h1>
                <p class="lead">
                    "Enter the request code your program made (Create Code). You get back a response code to enter in the program."
                </p>
            </header>
            <form
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    send();
                }
            >
                <RequestCodeField code checked/>
                <button
                    type="submit"
                    class="primary submit"
                    disabled=move || checked.get().request().is_none() || busy.get()
                    aria-busy=move || busy.get().to_string()
                >
                    {move || if busy.get() { "Sending…" } else { "Submit code" }}
                </button>
            </form>
            <div class="answer">{answer}</div>
            <footer>
                <a href="/decode/">"Support: decode a code"</a>
            </footer>
        </main>
    }
}
