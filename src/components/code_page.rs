//! The customer's page, SpecView's code.html: enter the request code,
//! submit it, get the response code.

use leptos::prelude::*;
use license_codes::{ReleaseCode, RequestCode};

use license_web::check::{check_request, Checked, Verdict};
use license_web::components::answer_view::{answer_view, release_view};
use license_web::components::code_field::RequestCodeField;
use license_web::fetched::Fetched;
use license_web::i18n::{self, msg, text, tr, LanguageSwitch};
use license_web::{api, browser};

/// A code handed over in the link (`/code.html#<code>`): the fragment never
/// reaches the server's logs. Empty when prerendered (no browser).
fn code_from_fragment() -> String {
    if !browser::present() {
        return String::new();
    }
    let hash = window().location().hash().unwrap_or_default();
    let raw = hash.trim_start_matches('#');
    js_sys::decode_uri_component(raw).ok().and_then(|s| s.as_string()).unwrap_or_else(|| raw.to_string())
}

/// Follows the browser while the page is open: a second link opened in this
/// tab (only the fragment changes, say a second QR scanned) replaces the
/// code; a code that could not be sent because the device was offline is
/// sent by itself when the connection comes back.
fn follow_browser(code: RwSignal<String>, resend_when_online: impl Fn() + 'static) {
    if !browser::present() {
        return;
    }
    let fragment = window_event_listener(leptos::ev::hashchange, move |_| {
        let linked = code_from_fragment();
        if !linked.is_empty() {
            code.set(linked);
        }
    });
    let online = window_event_listener(leptos::ev::online, move |_| resend_when_online());
    on_cleanup(move || {
        fragment.remove();
        online.remove();
    });
}

/// Everything of the page below its header ([`CodePageHeader`]).
#[component]
pub fn CodePage() -> impl IntoView {
    let code = RwSignal::new(code_from_fragment());
    let checked = Memo::new(move |_| check_request(&code.get(), i18n::lang()));
    let keys = Fetched::start_with(api::keys());
    let submit = Fetched::new();
    let submitted = RwSignal::new(None::<RequestCode>);
    let release = Fetched::new();
    let released = RwSignal::new(None::<ReleaseCode>);
    let send = move || match checked.get_untracked().verdict {
        Verdict::Valid(request) => {
            submitted.set(Some(request));
            let text = request.to_code();
            submit.start(async move { api::activate(&text).await });
        }
        Verdict::Release(code) => {
            released.set(Some(code));
            let text = code.to_code();
            release.start(async move { api::release(&text).await });
        }
        _ => {}
    };
    let busy = Memo::new(move |_| submit.pending().get() || release.pending().get());
    // An answer belongs to the code on screen; editing the code hides it.
    let current = move || submitted.get().filter(|s| checked.get().request() == Some(*s));
    let current_release =
        move || released.get().filter(|r| matches!(checked.get().verdict, Verdict::Release(c) if c == *r));

    follow_browser(code, move || {
        // Keys that could not be loaded offline are needed to check the answer.
        if matches!(keys.get_untracked(), Some(Err(_))) {
            keys.start(api::keys());
        }
        let request_waits =
            untrack(current).is_some() && matches!(submit.get_untracked(), Some(Err(api::ApiError::Offline)));
        let release_waits =
            untrack(current_release).is_some() && matches!(release.get_untracked(), Some(Err(api::ApiError::Offline)));
        if !busy.get_untracked() && (request_waits || release_waits) {
            send();
        }
    });

    let answer = move || {
        // Shown again, in its words, when the language changes.
        i18n::lang();
        if current_release().is_some() {
            let result = release.get()?;
            let retry = Callback::new(move |_| send());
            return Some(release_view(result, retry));
        }
        let request = current()?;
        let result = submit.get()?;
        let resend = Callback::new(move |_| send());
        Some(answer_view(request, result, keys, resend, None))
    };

    view! {
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
                    disabled=move || !checked.with(Checked::submittable) || busy.get()
                    aria-busy=move || busy.get().to_string()
                >
                    {move || text(if busy.get() { msg!("ui-sending") } else { msg!("ui-submit") }, &[])}
                </button>
            </form>
            <div class="answer">{answer}</div>
            <footer>
                <a href="/lost.html">{tr(msg!("ui-lost-link"))}</a>
                <a href="/decode/">{tr(msg!("ui-decode-link"))}</a>
                <LanguageSwitch/>
            </footer>
    }
}

/// The page's heading and explanation: static, so the prerendered copy stays
/// on screen when the wasm takes over (see `first_view`); its text follows
/// the language through `data-l10n` (see `i18n::LanguageSwitch`).
#[component]
pub fn CodePageHeader() -> impl IntoView {
    view! {
        <header>
            <h1 data-l10n=msg!("ui-code-heading").id()>{i18n::text(msg!("ui-code-heading"), &[])}</h1>
            <p class="lead" data-l10n=msg!("ui-code-lead").id()>{i18n::text(msg!("ui-code-lead"), &[])}</p>
        </header>
    }
}
