//! Find: one field for whatever a customer sent, and what the server knows.

use leptos::prelude::*;
use license_api::{InspectedKind, Inspection, LicenseSummary};
use license_codes::messages::{Audience, Lang};
use license_codes::{Kind, RequestCode};

use super::license::LicensePanel;
use super::time::local;
use super::{api, Desk};
use crate::api::ApiError;
use crate::check::{check_any, FindChecked, FindVerdict};
use crate::components::answer_view::answer_view;
use crate::components::code_field::{CodeField, FieldCheck, FieldIds};
use crate::components::decode_table::DecodeTable;
use crate::components::problem_view::ProblemView;
use crate::fetched::Fetched;
use crate::messages;
use license_api::humanize;

impl FieldCheck for FindChecked {
    fn groups(&self) -> &[license_codes::text::GroupView] {
        &self.groups
    }
    fn status(&self) -> (&'static str, String) {
        find_status(&self.verdict)
    }
    fn invalid(&self) -> bool {
        matches!(self.verdict, FindVerdict::Problem { .. })
    }
}

fn find_status(verdict: &FindVerdict) -> (&'static str, String) {
    match verdict {
        FindVerdict::Empty => {
            ("info", "Paste a serial number, a request or response code, or a contact's email.".into())
        }
        FindVerdict::Incomplete { complete } => ("info", format!("{complete} groups complete. Keep typing.")),
        FindVerdict::Code(kind) => (
            "ok",
            format!(
                "A whole {}: press Find.",
                match kind {
                    Kind::Serial => "serial number",
                    Kind::Request => "request code",
                    Kind::Response => "response code",
                    Kind::Release => "release code",
                }
            ),
        ),
        FindVerdict::Email(_) => ("ok", "An email address: press Find to list that contact's licences.".into()),
        FindVerdict::Problem { message, next_step } => ("error", format!("{message} {next_step}")),
    }
}

#[component]
pub fn FindDesk(query: RwSignal<String>, last_query: RwSignal<String>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let checked = Memo::new(move |_| check_any(&query.get()));
    let findable = move || checked.with(FindChecked::findable);
    let found: Fetched<(String, Result<Inspection, ApiError>)> = Fetched::new();
    // Every change of the query to find (a submit, a link, a refresh) finds it.
    Effect::new(move |_| {
        let text = last_query.get();
        if !text.trim().is_empty() {
            found.start(async move { (text.clone(), api::inspect(text).await) });
        }
    });
    let busy = found.pending();
    let decoded = move || match checked.get().verdict {
        FindVerdict::Code(_) => {
            let code = license_codes::decode(&query.get()).ok()?;
            let products = desk.products.get().and_then(Result::ok).unwrap_or_default();
            let keys = desk.keys.get().and_then(Result::ok);
            Some(view! {
                <details class="decoded">
                    <summary>"Every field of the code"</summary>
                    <DecodeTable code products keys answers=None/>
                </details>
            })
        }
        _ => None,
    };
    let result = move || {
        found.get().map(|(query, result)| match result {
            Ok(inspection) => view! { <Found inspection query/> }.into_any(),
            Err(e) => view! { <ProblemView explanation=messages::api_error(&e)/> }.into_any(),
        })
    };
    view! {
        <section class="find" aria-labelledby="find-heading">
            <h2 id="find-heading" class="visually-hidden">"Find"</h2>
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                if checked.with_untracked(FindChecked::findable) {
                    desk.notice.set(None);
                    last_query.set(query.get_untracked());
                    last_query.update(|_| {});
                }
            }>
                <CodeField
                    ids=FieldIds { field: "find", help: "find-help", status: "find-status", described_by: "find-help find-status" }
                    domain=crate::i18n::SUPPORT
                    label="support-find-label"
                    help="support-find-help"
                    file_label="support-find-file"
                    code=query
                    checked
                />
                <button type="submit" class="primary submit" disabled=move || !findable() || busy.get()>
                    {move || if busy.get() { "Finding…" } else { "Find" }}
                </button>
            </form>
            {decoded}
            <p class="status ok notice" role="status">{move || desk.notice.get()}</p>
            <div class="found" aria-live="polite">{result}</div>
        </section>
    }
}

#[component]
fn Found(inspection: Inspection, query: String) -> impl IntoView {
    let summary = match inspection.kind {
        InspectedKind::Request => {
            view! { <RequestFound inspection=inspection.clone() request=RequestCode::parse(&query).ok()/> }.into_any()
        }
        InspectedKind::Response => response_found(&inspection).into_any(),
        InspectedKind::Release => release_found(&inspection).into_any(),
        InspectedKind::Contact => view! { <ContactFound licenses=inspection.licenses.clone()/> }.into_any(),
        InspectedKind::Serial => ().into_any(),
    };
    let license = inspection.license.clone().map(|license| view! { <LicensePanel license/> });
    view! { {summary} {license} }
}

fn changes_text(changes: &[license_api::EntitlementChange]) -> String {
    if changes.is_empty() {
        return "nothing changes".into();
    }
    changes.iter().map(|c| c.in_words()).collect::<Vec<_>>().join(", ")
}

#[component]
fn RequestFound(inspection: Inspection, request: Option<RequestCode>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let key_id = inspection.key_id.clone().unwrap_or_default();
    let counter = inspection.counter.unwrap_or(0);
    let binding = match &inspection.installation {
        None => {
            "Not bound to this licence yet: a new installation, which takes one of the licence's places.".to_string()
        }
        Some(i) => match &i.released_at {
            Some(at) => {
                format!("Released on {}: the licence no longer counts it, and it gets no more updates.", local(at))
            }
            None => format!("Bound since {}.", local(&i.bound_at)),
        },
    };
    let holds = match (&inspection.holds, counter) {
        (_, 0) => "Holds nothing yet (update 0).".to_string(),
        (Some(state), _) => format!(
            "Holds update {counter}: {}.",
            state
                .entitlements
                .0
                .iter()
                .map(|(n, v)| format!("{} {}", humanize(n), v.as_assigned()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (None, _) => format!("Claims update {counter}, which this licence never had."),
    };
    let diverged = (inspection.digest_matches == Some(false))
        .then(|| view! { <p class="status error">"Its entitlements differ from what was issued at that update: the licence on that computer was changed, or has diverged. Check with the customer before answering."</p> });
    let latest = inspection.license.as_ref().map_or(0, |l| l.latest_counter);
    let waiting = (i64::from(counter) < latest).then(|| format!("Update {latest} is waiting for it."));
    let outcome = inspection.outcome.clone().map(|o| match (o.would_issue, o.refused) {
        (Some(w), _) if w.already_issued => view! {
            <p class="outcome">{format!("It was answered before: submitting it gets the same response again (update {} → {}: {}).", w.from_counter, w.to_counter, changes_text(&w.changes))}</p>
        }.into_any(),
        (Some(w), _) => view! {
            <p class="outcome">{format!("Submitting it would give update {}: {}.", w.to_counter, changes_text(&w.changes))}</p>
        }.into_any(),
        (None, Some(problem)) => {
            let words = problem.explain(Lang::En, Audience::Customer);
            let explanation = messages::Explanation { title: format!("The customer's page would say: {}", words.title), meaning: license_codes::messages::sentence(&words.meaning), next_step: words.next_step, retry: false };
            view! { <ProblemView explanation/> }.into_any()
        }
        (None, None) => ().into_any(),
    });
    let busy = desk.answer.pending();
    let send =
        move |request: RequestCode| desk.answer.start(async move { (request, api::answer(request.to_code()).await) });
    let answered = move || {
        let (answered, result) = desk.answer.get()?;
        (Some(answered) == request).then(|| {
            let resend = Callback::new(move |_| send(answered));
            answer_view(answered, result, desk.keys, resend)
        })
    };
    view! {
        <section class="summary" aria-labelledby="request-heading">
            <h2 id="request-heading">{format!("Request code from installation {key_id}")}</h2>
            <p>{binding}</p>
            <p>{holds}</p>
            {diverged}
            {waiting.map(|w| view! { <p>{w}</p> })}
            {outcome}
            {request.map(|request| view! {
                <button type="button" class="primary" disabled=move || busy.get() on:click=move |_| send(request)>
                    {move || if busy.get() { "Answering…" } else { "Answer this code for the customer" }}
                </button>
            })}
            <div class="answer">{answered}</div>
        </section>
    }
}

fn response_found(inspection: &Inspection) -> impl IntoView {
    let text = match &inspection.issuance {
        None => "This server did not issue this response code: it is not in any licence's history.".to_string(),
        Some(i) => format!(
            "Issued on {} through the {} by {}, bringing installation {} from update {} to {}. {}",
            local(&i.issued_at),
            match i.channel {
                license_api::Channel::Portal => "customer's page",
                license_api::Channel::Online => "program's Get it now",
                license_api::Channel::Console => "console",
                license_api::Channel::Mail => "mailbox (a request code by mail)",
            },
            i.actor,
            i.key_id,
            i.from_counter,
            i.to_counter,
            if inspection.latest_for_installation == Some(true) {
                "It is still the newest response for that installation."
            } else {
                "A newer response was issued to that installation since."
            }
        ),
    };
    view! {
        <section class="summary" aria-labelledby="response-heading">
            <h2 id="response-heading">"Response code"</h2>
            <p>{text}</p>
        </section>
    }
}

fn release_found(inspection: &Inspection) -> impl IntoView {
    let key_id = inspection.key_id.clone().unwrap_or_default();
    let text = match &inspection.installation {
        None => "This licence never bound that installation: the release code frees nothing.".to_string(),
        Some(i) => match (&i.released_at, &i.released_by) {
            (Some(at), by) => format!("Released on {} by {}.", local(at), by.as_deref().unwrap_or("staff")),
            (None, _) => "Still bound: submitting the release code on the customer's page frees its place (within the licence's transfer limit); an admin can release it here without limit.".to_string(),
        },
    };
    view! {
        <section class="summary" aria-labelledby="release-heading">
            <h2 id="release-heading">{format!("Release code from installation {key_id}")}</h2>
            <p>{text}</p>
        </section>
    }
}

#[component]
fn ContactFound(licenses: Vec<LicenseSummary>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let rows = licenses
        .into_iter()
        .map(|l| {
            let serial = l.serial.clone();
            view! {
                <li>
                    <button type="button" class="link" on:click=move |_| desk.open.run(serial.clone())>{l.serial.clone()}</button>
                    {format!(" {}: {} of {} installations, update {}", l.product.name, l.bound_installations, l.max_installations, l.latest_counter)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="summary" aria-labelledby="contact-heading">
            <h2 id="contact-heading">"Licences of this contact"</h2>
            <ul class="licences">{rows}</ul>
        </section>
    }
}
