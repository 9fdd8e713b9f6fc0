//! Find: one field for whatever a customer sent, and what the server knows.

use leptos::prelude::*;
use license_api::{InspectedKind, Inspection, LicenseSummary};
use license_codes::messages::Audience;
use license_codes::RequestCode;

use super::license::LicensePanel;
use crate::{api, assigned, Desk};
use license_api::humanize;
use license_web::api::ApiError;
use license_web::check::{check_any, FindChecked, FindVerdict};
use license_web::components::answer_view::answer_view;
use license_web::components::code_field::{CodeField, FieldCheck, FieldIds};
use license_web::components::decode_table::DecodeTable;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::i18n::{date_time, lang, msg, text, tr};
use license_web::messages;

/// Find's check as its code field shows it, in the console's words.
#[derive(Clone, PartialEq)]
struct FindField(FindChecked);

impl FieldCheck for FindField {
    fn groups(&self) -> &[license_codes::text::GroupView] {
        &self.0.groups
    }
    fn status(&self) -> (&'static str, String) {
        find_status(&self.0.verdict)
    }
    fn invalid(&self) -> bool {
        matches!(self.0.verdict, FindVerdict::Problem { .. })
    }
}

fn find_status(verdict: &FindVerdict) -> (&'static str, String) {
    match verdict {
        FindVerdict::Empty => ("info", text(msg!("console-find-empty"), &[])),
        FindVerdict::Incomplete { complete } => {
            ("info", text(msg!("console-find-incomplete"), &[("complete", (*complete).into())]))
        }
        FindVerdict::Code(kind) => ("ok", text(msg!("console-find-whole"), &[("kind", kind.code_name().into())])),
        FindVerdict::InText { kind, code } => (
            "ok",
            text(msg!("console-find-in-text"), &[("kind", kind.code_name().into()), ("code", code.as_str().into())]),
        ),
        FindVerdict::Email(_) => ("ok", text(msg!("console-find-email"), &[])),
        FindVerdict::Problem { message, next_step } => ("error", format!("{message} {next_step}")),
    }
}

#[component]
pub fn FindDesk(query: RwSignal<String>, last_query: RwSignal<String>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let checked = Memo::new(move |_| FindField(check_any(&query.get(), lang())));
    let findable = move || checked.with(|c| c.0.findable());
    let found: Fetched<(String, Result<Inspection, ApiError>)> = Fetched::new();
    // Every change of the query to find (a submit, a link, a refresh) finds
    // it; what another query found goes at once (a refresh keeps it shown).
    Effect::new(move |_| {
        let text = last_query.get();
        if found.get_untracked().is_some_and(|(shown, _)| shown != text) {
            found.clear();
        }
        if !text.trim().is_empty() {
            found.start(async move { (text.clone(), api::inspect(text).await) });
        }
    });
    let busy = found.pending();
    let decoded = move || match checked.get().0.verdict {
        FindVerdict::Code(_) | FindVerdict::InText { .. } => {
            let code = license_codes::decode(&checked.with(|c| c.0.lookup(&query.get()))).ok()?;
            let products = desk.products.get().and_then(Result::ok).unwrap_or_default();
            let keys = desk.keys.get().and_then(Result::ok);
            Some(view! {
                <details class="decoded">
                    <summary>{tr(msg!("console-every-field"))}</summary>
                    <DecodeTable code products keys answers=None/>
                </details>
            })
        }
        _ => None,
    };
    // Built again in a newly chosen language, from what was found.
    let result = move || {
        lang();
        found.get().map(|(query, result)| match result {
            Ok(inspection) => view! { <Found inspection query/> }.into_any(),
            Err(e) => view! { <ProblemView explanation=messages::staff_api_error(&e)/> }.into_any(),
        })
    };
    view! {
        <section class="find" aria-labelledby="find-heading">
            <h2 id="find-heading" class="visually-hidden">{tr(msg!("console-find"))}</h2>
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                if checked.with_untracked(|c| c.0.findable()) {
                    desk.notice.set(None);
                    last_query.set(checked.with_untracked(|c| c.0.lookup(&query.get_untracked())));
                    last_query.update(|_| {});
                }
            }>
                <CodeField
                    ids=FieldIds { field: "find", help: "find-help", status: "find-status", described_by: "find-help find-status" }
                    label=msg!("support-find-label")
                    help=msg!("support-find-help")
                    file_label=msg!("support-find-file")
                    code=query
                    checked
                />
                <button type="submit" class="primary submit" disabled=move || !findable() || busy.get()>
                    {move || tr(if busy.get() { msg!("console-finding") } else { msg!("console-find") })()}
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
        InspectedKind::Contact => {
            view! { <ContactFound licenses=inspection.licenses.clone() email=query.clone()/> }.into_any()
        }
        InspectedKind::Serial => ().into_any(),
    };
    let license = inspection.license.clone().map(|license| view! { <LicensePanel license/> });
    view! { {summary} {license} }
}

fn changes_text(changes: &[license_api::EntitlementChange]) -> String {
    if changes.is_empty() {
        return text(msg!("console-nothing-changes"), &[]);
    }
    changes.iter().map(|c| c.in_words()).collect::<Vec<_>>().join(", ")
}

#[component]
fn RequestFound(inspection: Inspection, request: Option<RequestCode>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let key_id = inspection.key_id.clone().unwrap_or_default();
    let counter = inspection.counter.unwrap_or(0);
    let binding = match &inspection.installation {
        None => text(msg!("console-not-bound"), &[]),
        Some(i) => match &i.released_at {
            Some(at) => text(msg!("console-released-on"), &[("date", date_time(at).into())]),
            None => text(msg!("console-bound-since"), &[("date", date_time(&i.bound_at).into())]),
        },
    };
    // What the installation was sent since the code was made (after an answer: what it gives).
    let sent_since =
        inspection.installation.as_ref().and_then(|i| i.last_issued_counter).filter(|&c| c > i64::from(counter));
    let holds = match (&inspection.holds, counter) {
        _ if sent_since.is_some() => text(
            msg!("console-holds-since"),
            &[("counter", counter.into()), ("sent", sent_since.unwrap_or_default().into())],
        ),
        (_, 0) => text(msg!("console-holds-nothing"), &[]),
        (Some(state), _) => {
            let entitlements = state
                .entitlements
                .0
                .iter()
                .map(|(n, v)| format!("{} {}", humanize(n), assigned(v)))
                .collect::<Vec<_>>();
            text(
                msg!("console-holds"),
                &[("counter", counter.into()), ("entitlements", entitlements.join(", ").into())],
            )
        }
        (None, _) => text(msg!("console-claims"), &[("counter", counter.into())]),
    };
    let diverged = (inspection.digest_matches == Some(false))
        .then(|| view! { <p class="status error">{text(msg!("console-diverged"), &[])}</p> });
    let latest = inspection.license.as_ref().map_or(0, |l| l.latest_counter);
    let waiting = (i64::from(counter) < latest).then(|| text(msg!("console-waiting"), &[("counter", latest.into())]));
    let answered_here = move || desk.answer.get().is_some_and(|(r, result)| Some(r) == request && result.is_ok());
    let already_issued =
        inspection.outcome.as_ref().and_then(|o| o.would_issue.as_ref()).is_some_and(|w| w.already_issued);
    let outcome = inspection.outcome.clone().map(|o| match (o.would_issue, o.refused) {
        // Answered here: the response is below, the history has it.
        (Some(w), _) if w.already_issued && answered_here() => view! {
            <p class="outcome">{text(msg!("console-answered-now"), &[("from", w.from_counter.into()), ("to", w.to_counter.into()), ("changes", changes_text(&w.changes).into())])}</p>
        }.into_any(),
        (Some(w), _) if w.already_issued => view! {
            <p class="outcome">{text(msg!("console-answered-before"), &[("from", w.from_counter.into()), ("to", w.to_counter.into()), ("changes", changes_text(&w.changes).into())])}</p>
        }.into_any(),
        (Some(w), _) => view! {
            <p class="outcome">{text(msg!("console-would-give"), &[("to", w.to_counter.into()), ("changes", changes_text(&w.changes).into())])}</p>
        }.into_any(),
        (None, Some(problem)) => {
            let words = problem.explain(lang(), Audience::Customer);
            let title =text(msg!("console-page-would-say"), &[("title", words.title.into())]);
            let explanation = messages::Explanation { title, meaning: license_codes::messages::sentence(&words.meaning), next_step: words.next_step, retry: false };
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
            answer_view(answered, result, desk.keys, resend, Some(text(msg!("console-response-for-customer"), &[])))
        })
    };
    view! {
        <section class="summary" aria-labelledby="request-heading">
            <h2 id="request-heading">{text(msg!("console-request-heading"), &[("key_id", key_id.into())])}</h2>
            <p>{binding}</p>
            <p>{holds}</p>
            {diverged}
            {waiting.map(|w| view! { <p>{w}</p> })}
            {outcome}
            {request.map(|request| view! {
                <Show when=move || !answered_here()>
                    <button type="button" class="primary" disabled=move || busy.get() on:click=move |_| send(request)>
                        {move || tr(if busy.get() {
                            msg!("console-answering")
                        } else if already_issued {
                            msg!("console-answer-again")
                        } else {
                            msg!("console-answer")
                        })()}
                    </button>
                </Show>
            })}
            <div class="answer">{answered}</div>
        </section>
    }
}

fn response_found(inspection: &Inspection) -> impl IntoView {
    let said = match &inspection.issuance {
        None => text(msg!("console-response-unknown"), &[]),
        Some(i) => text(
            msg!("console-response-issued"),
            &[
                ("date", date_time(&i.issued_at).into()),
                ("channel", i.channel.as_str().into()),
                ("actor", i.actor.as_str().into()),
                ("key_id", i.key_id.as_str().into()),
                ("from", i.from_counter.into()),
                ("to", i.to_counter.into()),
                ("latest", if inspection.latest_for_installation == Some(true) { "yes" } else { "no" }.into()),
            ],
        ),
    };
    view! {
        <section class="summary" aria-labelledby="response-heading">
            <h2 id="response-heading">{text(msg!("console-response-heading"), &[])}</h2>
            <p>{said}</p>
        </section>
    }
}

fn release_found(inspection: &Inspection) -> impl IntoView {
    let key_id = inspection.key_id.clone().unwrap_or_default();
    let said = match &inspection.installation {
        None => text(msg!("console-release-never"), &[]),
        Some(i) => match (&i.released_at, &i.released_by) {
            (Some(at), Some(by)) => {
                text(msg!("console-released-by"), &[("date", date_time(at).into()), ("actor", by.as_str().into())])
            }
            (Some(at), None) => text(msg!("console-released-by-staff"), &[("date", date_time(at).into())]),
            (None, _) => text(msg!("console-still-bound"), &[]),
        },
    };
    view! {
        <section class="summary" aria-labelledby="release-heading">
            <h2 id="release-heading">{text(msg!("console-release-heading"), &[("key_id", key_id.into())])}</h2>
            <p>{said}</p>
        </section>
    }
}

#[component]
fn ContactFound(licenses: Vec<LicenseSummary>, email: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    if licenses.is_empty() {
        return view! {
            <section class="summary" aria-labelledby="contact-heading">
                <h2 id="contact-heading">{text(msg!("console-contact-heading"), &[])}</h2>
                <p id="no-licences">{text(msg!("console-contact-none"), &[("email", email.into())])}</p>
            </section>
        }
        .into_any();
    }
    let rows = licenses
        .into_iter()
        .map(|l| {
            let serial = l.serial.clone();
            view! {
                <li>
                    <button type="button" class="link" on:click=move |_| desk.open.run(serial.clone())>{l.serial.clone()}</button>
                    " "{text(msg!("console-contact-licence"), &[("product", l.product.name.as_str().into()), ("bound", l.bound_installations.into()), ("max", l.max_installations.into()), ("counter", l.latest_counter.into())])}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="summary" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{text(msg!("console-contact-heading"), &[])}</h2>
            <ul class="licences">{rows}</ul>
        </section>
    }
    .into_any()
}
