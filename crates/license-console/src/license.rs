//! One licence as support reads it: what it is, its states as a timeline,
//! its installations, every response issued, and the audit log; with the
//! admin's actions on it.

use leptos::prelude::*;
use license_api::{LicenseView, MailQueued, Released};

use super::forms::{ContactForm, MailLanguageForm, NewRegistrationCode, QueueUpgradeForm, ResellerForm};
use crate::{api, assigned, Desk};
use license_api::humanize;
use license_codes::messages::domain::Console;
use license_codes::messages::Arg;
use license_web::api::ApiError;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::i18n::{date_time, msg, text, tr, MsgId};
use license_web::messages;

/// An audit entry's detail in words (`Update 1 → 2 for installation …`);
/// an action this console does not know shows its fields as `name: value`.
fn audit_words(action: &str, detail: &serde_json::Value) -> String {
    let field = |name: &str| match detail.get(name) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let changes = || {
        serde_json::from_value::<Vec<license_api::EntitlementChange>>(
            detail.get("changes").cloned().unwrap_or_default(),
        )
        .map(|c| c.iter().map(|c| c.in_words()).collect::<Vec<_>>().join(", "))
        .unwrap_or_default()
    };
    let entitlements = || {
        serde_json::from_value::<license_api::EntitlementValues>(
            detail.get("entitlements").cloned().unwrap_or_default(),
        )
        .map(|e| {
            e.0.iter()
                .map(|(n, v)| format!("{} {}", license_api::humanize(n), assigned(v)))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
    };
    let args: Vec<(&str, Arg)> = match action {
        "response.issue" => vec![
            ("from", field("from_counter").into()),
            ("to", field("to_counter").into()),
            ("key_id", field("key_id").into()),
            ("channel", field("channel").into()),
            ("signing_key", field("signing_key_id").into()),
        ],
        "license.create" => vec![
            ("product", field("product").into()),
            ("email", field("contact_email").into()),
            ("max", field("max_installations").into()),
            ("entitlements", entitlements().into()),
            ("registration", field("registration_code").into()),
        ],
        "upgrade.queue" => {
            vec![("counter", field("counter").into()), ("changes", changes().into()), ("note", field("note").into())]
        }
        "installation.release" => vec![("key_id", field("key_id").into()), ("channel", field("channel").into())],
        "mail.remind" => vec![("counter", field("counter").into())],
        "mail.resend" => vec![("to", field("to").into())],
        "license.contact_email" => vec![("old", field("old").into()), ("new", field("new").into())],
        "license.language" => vec![("language", field("language").into())],
        "license.registration_code" => vec![],
        _ => return fields_text(detail),
    };
    // Fluent's variant keys have no dots: `response.issue` is `response-issue`.
    let mut args = args;
    args.push(("action", action.replace(['.', '_'], "-").into()));
    text(msg!("console-audit-detail"), &args)
}

/// An audit detail's fields as `name: value` pairs.
fn fields_text(detail: &serde_json::Value) -> String {
    match detail {
        serde_json::Value::Object(fields) => fields
            .iter()
            .map(|(name, value)| match value {
                serde_json::Value::String(s) => format!("{}: {s}", license_api::humanize(name)),
                other => format!("{}: {other}", license_api::humanize(name)),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// A table body's rows, or one row saying there are none.
fn rows_or_none(rows: Vec<AnyView>, columns: usize, none: MsgId<Console>) -> AnyView {
    if rows.is_empty() {
        view! { <tr><td colspan=columns class="none">{text(none, &[])}</td></tr> }.into_any()
    } else {
        rows.into_iter().collect_view().into_any()
    }
}

/// The note that tells a support agent why an admin action is disabled
/// (`action`: `create`, `queue`, `release` or `staff`; `console-admins-only`).
pub fn admins_only(desk: &Desk, id: &'static str, action: &'static str) -> Option<impl IntoView> {
    let note = move || text(msg!("console-admins-only"), &[("action", action.into())]);
    // Resellers do these on their own licences too.
    let allowed =
        if matches!(action, "create" | "queue" | "release" | "remind") { desk.may_change } else { desk.is_admin };
    (!allowed).then(|| view! { <p id=id class="note">{note}</p> })
}

#[component]
pub fn LicensePanel(license: LicenseView) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let serial = license.serial.clone();
    let entitlements = license
        .entitlements
        .0
        .iter()
        .map(|(name, value)| view! { <li>{format!("{}: {}", humanize(name), assigned(value))}</li> })
        .collect_view();
    let states = license
        .states
        .iter()
        .map(|s| {
            let note = if s.note.is_empty() { String::new() } else { format!(" ({})", s.note) };
            let changes = s.changes.iter().map(|c| c.in_words()).collect::<Vec<_>>().join(", ");
            let by = [
                ("date", date_time(&s.created_at).into()),
                ("actor", s.created_by.as_str().into()),
                ("changes", changes.into()),
            ];
            view! {
                <li data-counter=s.counter>
                    <strong>{text(msg!("console-update"), &[("counter", s.counter.into())])}{note}</strong>
                    " "{text(msg!("console-update-by"), &by)}
                </li>
            }
        })
        .collect_view();
    let installations = license
        .installations
        .iter()
        .map(|i| {
            let status = match (&i.released_at, i.waiting) {
                (Some(at), _) =>text(msg!("console-installation-released"), &[("date", date_time(at).into())]),
                (None, true) =>text(msg!("console-installation-waiting"), &[]),
                (None, false) =>text(msg!("console-installation-up-to-date"), &[]),
            };
            let release = i.released_at.is_none().then(|| {
                view! { <ReleaseButton serial=serial.clone() key_id=i.key_id.clone()/> }
            });
            view! {
                <tr>
                    <td class="mono" data-label=text(msg!("console-key-id"), &[])>{i.key_id.clone()}</td>
                    <td data-label=text(msg!("console-bound"), &[])>{date_time(&i.bound_at)}</td>
                    <td data-label=text(msg!("console-last-sent"), &[])>{i.last_issued_counter.map_or_else(||text(msg!("console-no-value"), &[]), |c| c.to_string())}</td>
                    <td data-label=text(msg!("console-status"), &[])>{status}</td>
                    <td class="row-actions">{release}</td>
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
                    <td data-label=text(msg!("console-when"), &[])>{date_time(&i.issued_at)}</td>
                    <td data-label=text(msg!("console-channel"), &[])>{text(msg!("console-channel-name"), &[("channel", i.channel.as_str().into())])}</td>
                    <td data-label=text(msg!("console-by"), &[])>{i.actor.clone()}</td>
                    <td data-label=text(msg!("console-update-column"), &[])>{format!("{} → {}", i.from_counter, i.to_counter)}</td>
                    <td data-label=text(msg!("console-codes-column"), &[])>
                        <details>
                            <summary>{text(msg!("console-codes"), &[])}</summary>
                            <p class="small">{text(msg!("console-request-code"), &[])}</p>
                            <p class="mono small">{i.request_code.clone()}</p>
                            <p class="small">{text(msg!("console-response-code"), &[])}</p>
                            <p class="mono small">{i.response_code.clone()}</p>
                        </details>
                    </td>
                    <td class="row-actions"><SendButton issuance=i.id to_counter=i.to_counter/></td>
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
                    <td>{date_time(&a.at)}</td>
                    <td>{a.actor.clone()}</td>
                    <td>{a.action.clone()}</td>
                    <td class="small">{audit_words(&a.action, &a.detail)}</td>
                </tr>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    view! {
        <section class="license" aria-labelledby="license-heading">
            <h2 id="license-heading">{text(msg!("console-licence-heading"), &[("product", license.product.name.as_str().into()), ("serial", license.serial.as_str().into())])}</h2>
            <dl class="facts">
                <dt>{text(msg!("console-contact"), &[])}</dt><dd>{license.contact_email.clone()}</dd>
                <dt>{text(msg!("console-reseller"), &[])}</dt>
                <dd id="licence-reseller">{license.reseller.clone().unwrap_or_else(|| text(msg!("console-reseller-none"), &[]))}</dd>
                <dt>{text(msg!("console-registration-code"), &[])}</dt>
                <dd><span class="mono" id="registration-code">{license.registration_code.clone().unwrap_or_else(|| text(msg!("console-registration-none"), &[]))}</span>
                    " "<NewRegistrationCode license=license.clone()/></dd>
                <dt>{text(msg!("console-installations"), &[])}</dt><dd>{text(msg!("console-installations-used"), &[("bound", license.bound_installations.into()), ("max", license.max_installations.into())])}</dd>
                <dt>{text(msg!("console-latest-update"), &[])}</dt><dd>{license.latest_counter}</dd>
                <dt>{text(msg!("console-created"), &[])}</dt><dd>{date_time(&license.created_at)}</dd>
            </dl>
            <ContactForm license=license.clone()/>
            {(!desk.is_reseller).then(|| view! { <ResellerForm license=license.clone()/> })}
            <MailLanguageForm license=license.clone()/>
            <h3>{text(msg!("console-entitlements-now"), &[])}</h3>
            <ul class="entitlements">{entitlements}</ul>
            <h3>{text(msg!("console-updates"), &[])}</h3>
            <ol class="timeline">{states}</ol>
            <QueueUpgradeForm license=license.clone()/>
            {waiting_upgrade(&license).map(|counter| view! { <RemindButton serial=serial.clone() counter/> })}
            <h3>{text(msg!("console-installations"), &[])}</h3>
            {admins_only(&desk, "release-note", "release")}
            <div class="scroll" tabindex="0" role="region" aria-label=text(msg!("console-installations"), &[])>
                <table class="data stack">
                    <thead><tr><th scope="col">{text(msg!("console-key-id"), &[])}</th><th scope="col">{text(msg!("console-bound"), &[])}</th><th scope="col">{text(msg!("console-last-sent"), &[])}</th><th scope="col">{text(msg!("console-status"), &[])}</th><th scope="col"><span class="visually-hidden">{text(msg!("console-actions"), &[])}</span></th></tr></thead>
                    <tbody>{rows_or_none(installations, 5, msg!("console-no-installations"))}</tbody>
                </table>
            </div>
            <h3>{text(msg!("console-responses-issued"), &[])}</h3>
            {(!desk.me.get_value().mail).then(|| view! {
                <p id="mail-off-note" class="note">{text(msg!("console-mail-off"), &[])}</p>
            })}
            <div class="scroll" tabindex="0" role="region" aria-label=text(msg!("console-responses-issued"), &[])>
                <table class="data stack">
                    <thead><tr><th scope="col">{text(msg!("console-when"), &[])}</th><th scope="col">{text(msg!("console-channel"), &[])}</th><th scope="col">{text(msg!("console-by"), &[])}</th><th scope="col">{text(msg!("console-update-column"), &[])}</th><th scope="col">{text(msg!("console-codes-column"), &[])}</th><th scope="col"><span class="visually-hidden">{text(msg!("console-actions"), &[])}</span></th></tr></thead>
                    <tbody>{rows_or_none(issuances, 6, msg!("console-none-yet"))}</tbody>
                </table>
            </div>
            <h3>{text(msg!("console-audit-log"), &[])}</h3>
            <div class="scroll" tabindex="0" role="region" aria-label=text(msg!("console-audit-log"), &[])>
                <table class="data audit">
                    <thead><tr><th scope="col">{text(msg!("console-when"), &[])}</th><th scope="col">{text(msg!("console-who-column"), &[])}</th><th scope="col">{text(msg!("console-what"), &[])}</th><th scope="col">{text(msg!("console-detail"), &[])}</th></tr></thead>
                    <tbody>{rows_or_none(audit, 4, msg!("console-nothing-yet"))}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The licence's latest update, when it is an upgrade no installation has
/// fetched yet (what a reminder is about).
fn waiting_upgrade(license: &LicenseView) -> Option<i64> {
    let latest = license.latest_counter;
    let fetched = license.installations.iter().any(|i| i.last_issued_counter.is_some_and(|c| c >= latest));
    (latest > 1 && !fetched).then_some(latest)
}

/// Mails the contact a reminder of the waiting upgrade now (admin, mail on).
#[component]
fn RemindButton(serial: String, counter: i64) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let mail = desk.me.get_value().mail;
    let done: Fetched<Result<MailQueued, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(queued)) = done.get() {
            desk.notice.set(Some(text(msg!("console-reminded"), &[("to", queued.to.as_str().into())])));
            desk.refresh.run(());
        }
    });
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    let serial = StoredValue::new(serial);
    view! {
        <div class="remind">
            <p id="remind-help" class="note">{move || text(msg!("console-remind-help"), &[("counter", counter.into())])}</p>
            {admins_only(&desk, "remind-note", "remind")}
            {(!mail).then(|| view! { <p class="note">{text(msg!("console-mail-off"), &[])}</p> })}
            <button type="button" class="secondary" id="remind-now" aria-describedby="remind-help"
                disabled=move || !desk.may_change || !mail || busy.get()
                on:click=move |_| done.start(api::remind(serial.get_value()))>{tr(msg!("console-remind"))}</button>
            {failure}
        </div>
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
            desk.notice.set(Some(text(msg!("console-released"), &[("key_id", released.key_id.as_str().into())])));
            desk.refresh.run(());
        }
    });
    let label = text(msg!("console-release-label"), &[("key_id", key_id.as_str().into())]);
    let release = move |_| {
        let question = text(
            msg!("console-release-confirm"),
            &[("key_id", key_id.as_str().into()), ("serial", serial.as_str().into())],
        );
        if window().confirm_with_message(&question).unwrap_or(false) {
            done.start(api::release(serial.clone(), key_id.clone()));
        }
    };
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    view! {
        <button type="button" class="secondary small" aria-label=label disabled=move || !desk.may_change || busy.get()
            aria-describedby=(!desk.may_change).then_some("release-note") on:click=release>{tr(msg!("console-release"))}</button>
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
            let args = [("counter", to_counter.into()), ("to", queued.to.as_str().into())];
            desk.notice.set(Some(text(msg!("console-sent"), &args)));
            desk.refresh.run(());
        }
    });
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    view! {
        <button type="button" class="secondary small" data-issuance=issuance
            aria-label=text(msg!("console-send-label"), &[("counter", to_counter.into())])
            disabled=move || !mail || busy.get() aria-describedby=(!mail).then_some("mail-off-note")
            on:click=move |_| done.start(api::send_to_contact(issuance))>{tr(msg!("console-send"))}</button>
        {failure}
    }
}
