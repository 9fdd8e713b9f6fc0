//! Webhooks (admin): the endpoints the vendor's systems receive events at,
//! adding one (its secret shown once), a new secret, removing one, and each
//! endpoint's deliveries (state, attempts, the last answer) with Send again.

use leptos::prelude::*;
use license_api::webhooks::EVENT_TYPES;
use license_api::{NewWebhook, WebhookDelivery, WebhookSecret, WebhookView};

use super::license::admins_only;
use crate::{api, Desk};
use license_codes::messages::domain::Console;
use license_web::api::ApiError;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::i18n::{date_time, lang, msg, text, tr, MsgId};
use license_web::messages;

/// What the last action on the endpoints did.
#[derive(Clone, PartialEq)]
enum Done {
    /// A new endpoint, its secret shown once.
    Added(WebhookSecret),
    /// A new secret for an endpoint, shown once.
    Rotated(WebhookSecret),
    Removed(String),
}

#[component]
pub fn WebhooksPanel() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let admin = desk.is_admin;
    let list: Fetched<Result<Vec<WebhookView>, ApiError>> = Fetched::new();
    if admin {
        list.start(api::webhooks());
    }
    let url = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let done: Fetched<Result<Done, ApiError>> = Fetched::new();
    let open = RwSignal::new(None::<(String, String)>);
    Effect::new(move |_| {
        if matches!(done.get(), Some(Ok(_))) {
            list.start(api::webhooks());
        }
    });
    let rows = move || {
        lang();
        let endpoints = list.get().and_then(Result::ok).unwrap_or_default();
        if endpoints.is_empty() {
            return view! { <li class="none">{tr(msg!("console-webhook-none"))}</li> }.into_any();
        }
        endpoints
            .into_iter()
            .map(|w| {
                let (id, target) = (w.id.clone(), w.url.clone());
                let (rotate_id, remove_id, remove_url) = (id.clone(), id.clone(), target.clone());
                let counts = text(msg!("console-webhook-counts"), &[("waiting", w.waiting.into()), ("failed", w.failed.into())]);
                view! {
                    <li class="card" data-webhook=w.id.clone()>
                        <p class="mono small link-text">{w.url.clone()}</p>
                        {(!w.description.is_empty()).then(|| view! { <p class="small">{w.description.clone()}</p> })}
                        <p class="small">{w.events.join(", ")}</p>
                        <p class="small">{counts}</p>
                        <div class="card-actions">
                            <button type="button" class="secondary small" on:click=move |_| open.set(Some((id.clone(), target.clone())))>
                                {tr(msg!("console-webhook-deliveries"))}</button>
                            <button type="button" class="secondary small" on:click=move |_| {
                                let id = rotate_id.clone();
                                done.start(async move { api::rotate_webhook_secret(id).await.map(Done::Rotated) });
                            }>{tr(msg!("console-webhook-rotate"))}</button>
                            <button type="button" class="secondary small" on:click=move |_| {
                                let question = text(msg!("console-webhook-remove-confirm"), &[("url", remove_url.as_str().into())]);
                                if window().confirm_with_message(&question).unwrap_or(false) {
                                    let id = remove_id.clone();
                                    done.start(async move { api::remove_webhook(id.clone()).await.map(|()| Done::Removed(id)) });
                                }
                            }>{tr(msg!("console-webhook-remove"))}</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let outcome = move || {
        match done.get()? {
        Ok(Done::Added(s)) => Some(secret_shown(msg!("console-webhook-added"), s)),
        Ok(Done::Rotated(s)) => Some(secret_shown(msg!("console-webhook-rotated"), s)),
        Ok(Done::Removed(id)) => Some(view! {
            <p class="status ok" role="status">{text(msg!("console-webhook-removed"), &[("id", id.as_str().into())])}</p>
        }.into_any()),
        Err(e) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }.into_any()),
    }
    };
    let boxes = EVENT_TYPES
        .iter()
        .map(|&event| {
            view! {
                <label class="check">
                    <input type="checkbox" name="webhook-event" value=event disabled=!admin
                        prop:checked=move || chosen.with(|c| c.iter().any(|e| e == event))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|e| e != event);
                                if on { c.push(event.to_string()) }
                            });
                        }/>
                    " "<span class="mono small">{event}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <details class="form-panel" id="webhooks">
            <summary>{tr(msg!("console-webhooks"))}</summary>
            <p class="note">{tr(msg!("console-webhooks-lead"))}</p>
            {admins_only(&desk, "webhooks-note", "webhooks")}
            {admin.then(|| view! {
                <ul class="cards" aria-label=tr(msg!("console-webhooks"))>{rows}</ul>
            })}
            <div aria-live="polite">{outcome}</div>
            {move || open.get().map(|(id, url)| view! { <Deliveries id url/> })}
            <form on:submit=move |ev| {
                ev.prevent_default();
                let new = NewWebhook { url: url.get_untracked(), events: chosen.get_untracked(), description: description.get_untracked() };
                done.start(async move { api::add_webhook(new).await.map(Done::Added) });
            }>
                <label for="webhook-url" class="field-label small">{tr(msg!("console-webhook-url"))}</label>
                <input id="webhook-url" type="url" required disabled=!admin placeholder="https://crm.example.com/hooks"
                    prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                <fieldset class="events">
                    <legend class="field-label small">{tr(msg!("console-webhook-events"))}</legend>
                    {boxes}
                </fieldset>
                <label for="webhook-description" class="field-label small">{tr(msg!("console-webhook-description"))}</label>
                <input id="webhook-description" type="text" maxlength="200" disabled=!admin
                    prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))/>
                <button type="submit" class="primary" disabled=!admin>{tr(msg!("console-webhook-add"))}</button>
            </form>
        </details>
    }
}

/// A secret, shown this once, with what it is for.
fn secret_shown(words: MsgId<Console>, secret: WebhookSecret) -> AnyView {
    view! {
        <div class="status ok" role="status">
            <p>{text(words, &[("id", secret.id.as_str().into())])}</p>
            <p id="webhook-secret" class="mono small link-text">{secret.secret}</p>
        </div>
    }
    .into_any()
}

/// One endpoint's last deliveries, newest first, each with Send again.
#[component]
fn Deliveries(id: String, url: String) -> impl IntoView {
    let list: Fetched<Result<Vec<WebhookDelivery>, ApiError>> = Fetched::new();
    let again: Fetched<Result<WebhookDelivery, ApiError>> = Fetched::new();
    let endpoint = StoredValue::new(id);
    list.start(api::webhook_deliveries(endpoint.get_value()));
    Effect::new(move |_| {
        if matches!(again.get(), Some(Ok(_))) {
            list.start(api::webhook_deliveries(endpoint.get_value()));
        }
    });
    let rows = move || {
        lang();
        let deliveries = list.get().and_then(Result::ok).unwrap_or_default();
        if deliveries.is_empty() {
            return view! { <li class="none">{tr(msg!("console-nothing-yet"))}</li> }.into_any();
        }
        deliveries
            .into_iter()
            .map(|d| {
                let answer = match (d.last_status, &d.last_error) {
                    (_, Some(error)) => error.clone(),
                    (Some(status), None) => format!("HTTP {status}"),
                    (None, None) => String::new(),
                };
                let when = d.delivered_at.clone().or(d.last_attempt_at.clone()).unwrap_or(d.created_at.clone());
                let delivery = d.id;
                view! {
                    <li class="card" data-delivery=d.id data-state=d.state.clone()>
                        <p><span class="mono small">{d.event_type.clone()}</span>" · "
                            {text(msg!("console-webhook-state"), &[("state", d.state.as_str().into())])}" · "
                            {tr(msg!("console-mail-attempts"))}": "{d.attempts}</p>
                        <p class="small link-text">{date_time(&when)}" "{answer}</p>
                        <div class="card-actions">
                            <button type="button" class="secondary small"
                                on:click=move |_| again.start(api::send_webhook_again(endpoint.get_value(), delivery))>
                                {tr(msg!("console-webhook-send-again"))}</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let outcome = move || {
        match again.get() {
        Some(Ok(d)) => Some(view! {
            <p class="status ok" role="status">{text(msg!("console-webhook-sent-again"), &[("id", d.id.into())])}</p>
        }.into_any()),
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }.into_any()),
        None => None,
    }
    };
    let heading = move || text(msg!("console-webhook-deliveries-of"), &[("url", url.as_str().into())]);
    view! {
        <h3 class="small-heading">{heading}</h3>
        <ul class="cards deliveries" aria-label=tr(msg!("console-webhook-deliveries"))>{rows}</ul>
        <div aria-live="polite">{outcome}</div>
    }
}
