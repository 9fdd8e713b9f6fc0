//! One licence as support reads it: what it is, its states as a timeline,
//! its installations, every response issued, and the audit log; with the
//! admin's actions on it.

use leptos::prelude::*;
use license_api::{LicenseView, MailQueued, Released};

use super::forms::{MailLanguageForm, QueueUpgradeForm};
use super::time::local;
use super::{api, Desk};
use crate::api::ApiError;
use crate::components::problem_view::ProblemView;
use crate::fetched::Fetched;
use crate::messages;
use license_api::humanize;

/// An audit entry's detail for reading: `name: value` pairs, values that
/// are themselves lists or objects in compact JSON.
fn detail_text(detail: &serde_json::Value) -> String {
    match detail {
        serde_json::Value::Object(fields) => fields
            .iter()
            .map(|(name, value)| match value {
                serde_json::Value::String(s) => format!("{name}: {s}"),
                other => format!("{name}: {other}"),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// A table body's rows, or one row saying there are none.
fn rows_or_none(rows: Vec<AnyView>, columns: usize, none: &'static str) -> AnyView {
    if rows.is_empty() {
        view! { <tr><td colspan=columns class="none">{none}</td></tr> }.into_any()
    } else {
        rows.into_iter().collect_view().into_any()
    }
}

/// The note that tells a support agent why an admin action is disabled.
pub fn admins_only(desk: &Desk, id: &'static str, what: &'static str) -> Option<impl IntoView> {
    (!desk.is_admin).then(|| view! { <p id=id class="note">{format!("Only admins can {what}.")}</p> })
}

#[component]
pub fn LicensePanel(license: LicenseView) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let serial = license.serial.clone();
    let entitlements = license
        .entitlements
        .0
        .iter()
        .map(|(name, value)| view! { <li>{format!("{}: {}", humanize(name), value.as_assigned())}</li> })
        .collect_view();
    let states = license
        .states
        .iter()
        .map(|s| {
            let note = if s.note.is_empty() { String::new() } else { format!(" ({})", s.note) };
            let changes = s.changes.iter().map(|c| c.in_words()).collect::<Vec<_>>().join(", ");
            view! {
                <li data-counter=s.counter>
                    <strong>{format!("Update {}{note}", s.counter)}</strong>
                    {format!(" on {} by {}: {changes}", local(&s.created_at), s.created_by)}
                </li>
            }
        })
        .collect_view();
    let installations = license
        .installations
        .iter()
        .map(|i| {
            let status = match (&i.released_at, i.waiting) {
                (Some(at), _) => format!("released {}", local(at)),
                (None, true) => "an update is waiting".to_string(),
                (None, false) => "up to date".to_string(),
            };
            let release = i.released_at.is_none().then(|| {
                view! { <ReleaseButton serial=serial.clone() key_id=i.key_id.clone()/> }
            });
            view! {
                <tr>
                    <td class="mono">{i.key_id.clone()}</td>
                    <td>{local(&i.bound_at)}</td>
                    <td>{i.last_issued_counter.map_or("none".to_string(), |c| c.to_string())}</td>
                    <td>{status}</td>
                    <td>{release}</td>
                </tr>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    let issuances = license
        .issuances
        .iter()
        .rev()
        .map(|i| {
            view! {
                <tr>
                    <td>{local(&i.issued_at)}</td>
                    <td>{format!("{:?}", i.channel).to_lowercase()}</td>
                    <td>{i.actor.clone()}</td>
                    <td>{format!("{} → {}", i.from_counter, i.to_counter)}</td>
                    <td>
                        <details>
                            <summary>"Codes"</summary>
                            <p class="small">"Request code"</p>
                            <p class="mono small">{i.request_code.clone()}</p>
                            <p class="small">"Response code"</p>
                            <p class="mono small">{i.response_code.clone()}</p>
                        </details>
                    </td>
                    <td><SendButton issuance=i.id to_counter=i.to_counter/></td>
                </tr>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    let audit = license
        .audit
        .iter()
        .rev()
        .map(|a| {
            view! {
                <tr>
                    <td>{local(&a.at)}</td>
                    <td>{a.actor.clone()}</td>
                    <td>{a.action.clone()}</td>
                    <td class="small">{detail_text(&a.detail)}</td>
                </tr>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    view! {
        <section class="license" aria-labelledby="license-heading">
            <h2 id="license-heading">{format!("{} licence {}", license.product.name, license.serial)}</h2>
            <dl class="facts">
                <dt>"Contact"</dt><dd>{license.contact_email.clone()}</dd>
                <dt>"Installations"</dt><dd>{format!("{} of {} used", license.bound_installations, license.max_installations)}</dd>
                <dt>"Latest update"</dt><dd>{license.latest_counter}</dd>
                <dt>"Created"</dt><dd>{local(&license.created_at)}</dd>
            </dl>
            <MailLanguageForm license=license.clone()/>
            <h3>"Entitlements now"</h3>
            <ul class="entitlements">{entitlements}</ul>
            <h3>"Updates"</h3>
            <ol class="timeline">{states}</ol>
            <QueueUpgradeForm license=license.clone()/>
            <h3>"Installations"</h3>
            {admins_only(&desk, "release-note", "release an installation")}
            <div class="scroll" tabindex="0" role="region" aria-label="Installations">
                <table class="data">
                    <thead><tr><th scope="col">"Key id"</th><th scope="col">"Bound"</th><th scope="col">"Last update sent"</th><th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>{rows_or_none(installations, 5, "None yet: no computer has been activated.")}</tbody>
                </table>
            </div>
            <h3>"Responses issued"</h3>
            {(!desk.me.get_value().mail).then(|| view! {
                <p id="mail-off-note" class="note">"This server does not send mail (started without --smtp-url), so responses cannot be sent to the contact from here."</p>
            })}
            <div class="scroll" tabindex="0" role="region" aria-label="Responses issued">
                <table class="data">
                    <thead><tr><th scope="col">"When"</th><th scope="col">"Channel"</th><th scope="col">"By"</th><th scope="col">"Update"</th><th scope="col">"Request and response codes"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>{rows_or_none(issuances, 6, "None yet.")}</tbody>
                </table>
            </div>
            <h3>"Audit log"</h3>
            <div class="scroll" tabindex="0" role="region" aria-label="Audit log">
                <table class="data audit">
                    <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"Detail"</th></tr></thead>
                    <tbody>{rows_or_none(audit, 4, "Nothing yet.")}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Frees an installation's place, after the admin confirms.
#[component]
fn ReleaseButton(serial: String, key_id: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let done: Fetched<Result<Released, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(released)) = done.get() {
            desk.notice.set(Some(format!("Installation {} is released: its place is free.", released.key_id)));
            desk.refresh.run(());
        }
    });
    let label = format!("Release {key_id}");
    let release = move |_| {
        let question = format!("Release installation {key_id} of licence {serial}? It frees a place, and that computer gets no more updates. This cannot be undone.");
        if window().confirm_with_message(&question).unwrap_or(false) {
            done.start(api::release(serial.clone(), key_id.clone()));
        }
    };
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::api_error(&e)/> }),
        _ => None,
    };
    view! {
        <button type="button" class="secondary small" aria-label=label disabled=move || !desk.is_admin || busy.get()
            aria-describedby=(!desk.is_admin).then_some("release-note") on:click=release>"Release"</button>
        {failure}
    }
}

/// Sends an issued response to the licence's contact again (a customer who
/// did not receive it or lost it).
#[component]
fn SendButton(issuance: i64, to_counter: i64) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let mail = desk.me.get_value().mail;
    let done: Fetched<Result<MailQueued, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(queued)) = done.get() {
            desk.notice.set(Some(format!("The response for update {to_counter} is on its way to {}.", queued.to)));
            desk.refresh.run(());
        }
    });
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::api_error(&e)/> }),
        _ => None,
    };
    view! {
        <button type="button" class="secondary small" data-issuance=issuance
            aria-label=format!("Send to contact: the response for update {to_counter}")
            disabled=move || !mail || busy.get() aria-describedby=(!mail).then_some("mail-off-note")
            on:click=move |_| done.start(api::send_to_contact(issuance))>"Send to contact"</button>
        {failure}
    }
}
