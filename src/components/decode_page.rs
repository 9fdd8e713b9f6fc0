//! The support agent's page: every field of any code, decoded in the
//! browser. Nothing is sent.

use leptos::prelude::*;
use license_codes::messages::{sentence, Audience};
use license_codes::text::inspect_groups;
use license_codes::{Kind, RequestCode};

use license_web::api;
use license_web::components::decode_table::DecodeTable;
use license_web::fetched::Fetched;
use license_web::i18n::{self, msg, tr, LanguageSwitch};

/// Everything of the page below its header ([`DecodePageHeader`]).
#[component]
pub fn DecodePage() -> impl IntoView {
    let code = RwSignal::new(String::new());
    let answers = RwSignal::new(String::new());
    let keys = Fetched::start_with(api::keys());
    let products = Fetched::start_with(api::products());
    let table = move || {
        // Shown again, in its words, when the language changes.
        i18n::lang();
        let text = code.get();
        if text.trim().is_empty() {
            return view! { <p class="status info">{tr(msg!("support-decode-empty"))}</p> }.into_any();
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
                let words = e.explain(i18n::lang(), Audience::Program);
                view! {
                    <div class="problem" role="alert">
                        <h2>{tr(msg!("support-decode-failed"))}</h2>
                        <p>{sentence(&words.meaning)}</p>
                        <p><strong>{tr(msg!("ui-what-to-do"))}" "</strong>{words.next_step}</p>
                    </div>
                    <div class="groups" aria-label=tr(msg!("support-decode-groups"))>
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
            <label for="code" class="field-label">{tr(msg!("support-decode-code"))}</label>
            <textarea id="code" rows="4" spellcheck="false" autocomplete="off"
                prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))></textarea>
            <label for="answers" class="field-label">{tr(msg!("support-decode-answers"))}</label>
            <textarea id="answers" rows="2" spellcheck="false" autocomplete="off"
                prop:value=move || answers.get() on:input=move |ev| answers.set(event_target_value(&ev))></textarea>
            <div class="decoded" aria-live="polite">{table}</div>
            <footer>
                <a href="/code.html">{tr(msg!("ui-enter-request"))}</a>
                <LanguageSwitch/>
            </footer>
    }
}

/// The page's heading and explanation, static like the customer's page's.
#[component]
pub fn DecodePageHeader() -> impl IntoView {
    view! {
        <header>
            <h1 data-l10n=msg!("support-decode-heading").id()>{i18n::text(msg!("support-decode-heading"), &[])}</h1>
            <p class="lead" data-l10n=msg!("support-decode-lead").id()>{i18n::text(msg!("support-decode-lead"), &[])}</p>
        </header>
    }
}
