//! The mail outbox as `license-server mail status` shows it: how many were
//! sent, what waits and what failed (with why), and what `mail-in` dropped
//! in the last 7 days (with why), so support can tell a customer why a code
//! they mailed got no answer.

use leptos::prelude::*;
use license_api::{OutboxEntry, OutboxStatus};

use crate::api;
use license_web::api::ApiError;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::i18n::{date_time, lang, msg, text, tr};
use license_web::messages;

fn when(unix: i64) -> String {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0));
    date_time(&String::from(at.to_iso_string()))
}

fn entries(list: Vec<OutboxEntry>) -> AnyView {
    if list.is_empty() {
        return view! { <tr><td colspan="4" class="none">{tr(msg!("console-nothing-yet"))}</td></tr> }.into_any();
    }
    list.into_iter()
        .map(|e| {
            view! {
                <tr>
                    <td class="wrap">{e.to}</td>
                    <td class="mono small">{e.reason}</td>
                    <td>{when(e.created_unix)}" ("{e.attempts}")"</td>
                    <td class="wrap small">{e.last_error.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn MailPanel() -> impl IntoView {
    let status: Fetched<Result<OutboxStatus, ApiError>> = Fetched::new();
    status.start(api::mail_status());
    let head = move || {
        view! {
            <thead><tr><th scope="col">{tr(msg!("console-mail-to"))}</th><th scope="col">{tr(msg!("console-mail-reason"))}</th><th scope="col">{tr(msg!("console-when"))}</th><th scope="col">{tr(msg!("console-detail"))}</th></tr></thead>
        }
    };
    let body = move || {
        lang();
        match status.get() {
            None => None,
            Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }.into_any()),
            Some(Ok(s)) => {
                let dropped = if s.dropped.is_empty() {
                    view! { <tr><td colspan="3" class="none">{tr(msg!("console-nothing-yet"))}</td></tr> }.into_any()
                } else {
                    s.dropped
                        .into_iter()
                        .map(|d| view! {
                            <tr><td class="wrap">{d.sender}</td><td class="wrap small">{d.reason}</td><td>{when(d.at_unix)}</td></tr>
                        })
                        .collect_view()
                        .into_any()
                };
                Some(view! {
                    <p>{text(msg!("console-mail-sent"), &[("sent", s.sent.into())])}</p>
                    <h3 class="small-heading">{tr(msg!("console-mail-waiting"))}</h3>
                    <div class="scroll" tabindex="0" role="region" aria-label=tr(msg!("console-mail-waiting"))>
                        <table class="data">{head}<tbody>{entries(s.waiting)}</tbody></table>
                    </div>
                    <h3 class="small-heading">{tr(msg!("console-mail-failed"))}</h3>
                    <div class="scroll" tabindex="0" role="region" aria-label=tr(msg!("console-mail-failed"))>
                        <table class="data">{head}<tbody>{entries(s.failed)}</tbody></table>
                    </div>
                    <h3 class="small-heading">{tr(msg!("console-mail-dropped"))}</h3>
                    <div class="scroll" tabindex="0" role="region" aria-label=tr(msg!("console-mail-dropped"))>
                        <table class="data" id="mail-dropped">
                            <thead><tr><th scope="col">{tr(msg!("console-mail-from"))}</th><th scope="col">{tr(msg!("console-mail-reason"))}</th><th scope="col">{tr(msg!("console-when"))}</th></tr></thead>
                            <tbody>{dropped}</tbody>
                        </table>
                    </div>
                }.into_any())
            }
        }
    };
    view! {
        <details class="form-panel" id="mail">
            <summary>{tr(msg!("console-mail"))}</summary>
            <button type="button" class="secondary small" on:click=move |_| status.start(api::mail_status())>{tr(msg!("console-mail-refresh"))}</button>
            {body}
        </details>
    }
}
