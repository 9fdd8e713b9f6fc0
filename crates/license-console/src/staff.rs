//! Staff accounts (admin): who may sign in, adding one (with a one-time
//! link to set the password), and disabling one.

use leptos::prelude::*;
use license_api::{NewStaff, Role, StaffAdded, StaffList, StaffView};

use super::license::admins_only;
use crate::{api, Desk};
use license_web::api::ApiError;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::i18n::{date_time, lang, msg, text, tr};
use license_web::messages;

#[component]
pub fn StaffPanel() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let list: Fetched<Result<StaffList, ApiError>> = Fetched::new();
    if desk.is_admin {
        list.start(api::staff());
    }
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Support);
    let products = RwSignal::new(String::new());
    let added: Fetched<Result<StaffAdded, ApiError>> = Fetched::new();
    let disabled: Fetched<Result<StaffView, ApiError>> = Fetched::new();
    Effect::new(move |_| {
        if matches!(added.get(), Some(Ok(_))) || matches!(disabled.get(), Some(Ok(_))) {
            list.start(api::staff());
        }
    });
    let rows = move || {
        lang();
        list.get().and_then(Result::ok).map(|l| {
            l.staff
                .into_iter()
                .map(|s| {
                    let who = s.email.clone();
                    let state = match (&s.disabled_at, s.password_set) {
                        (Some(at), _) => text(msg!("console-staff-disabled"), &[("date", date_time(at).into())]),
                        (None, false) => text(msg!("console-staff-link-sent"), &[]),
                        (None, true) => text(msg!("console-staff-active"), &[]),
                    };
                    let (link_for, enable_for) = (who.clone(), who.clone());
                    let link_label = text(msg!("console-new-link-label"), &[("email", who.as_str().into())]);
                    let actions = if s.disabled_at.is_none() {
                        let label = text(msg!("console-disable-label"), &[("email", who.as_str().into())]);
                        view! {
                            <button type="button" class="secondary small" aria-label=link_label
                                on:click=move |_| added.start(api::new_staff_link(link_for.clone()))>{text(msg!("console-new-link"), &[])}</button>
                            <button type="button" class="secondary small" aria-label=label on:click=move |_| {
                                let question =text(msg!("console-disable-confirm"), &[("email", who.as_str().into())]);
                                if window().confirm_with_message(&question).unwrap_or(false) {
                                    disabled.start(api::disable_staff(who.clone()));
                                }
                            }>{text(msg!("console-disable"), &[])}</button>
                        }
                        .into_any()
                    } else {
                        let label = text(msg!("console-enable-label"), &[("email", enable_for.as_str().into())]);
                        view! {
                            <button type="button" class="secondary small" aria-label=label
                                on:click=move |_| added.start(api::enable_staff(enable_for.clone()))>{text(msg!("console-enable"), &[])}</button>
                        }
                        .into_any()
                    };
                    view! {
                        <tr>
                            <td data-label=text(msg!("console-email"), &[])>{s.email.clone()}</td>
                            <td data-label=text(msg!("console-role"), &[])>{s.role.as_str()}{(!s.products.is_empty()).then(|| format!(" ({})", s.products.join(", ")))}</td>
                            <td data-label=text(msg!("console-state"), &[])>{state}</td>
                            <td class="row-actions">{actions}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let outcome = move || {
        match (added.get(), disabled.get()) {
        (Some(Ok(a)), _) => Some(
            view! {
                <div class="status ok" role="status">
                    <p>{text(msg!("console-staff-added"), &[("email", a.email.as_str().into())])}</p>
                    <p class="mono small link-text" id="setup-link">{a.setup_link.clone()}</p>
                    {a.setup_link.starts_with('/').then(|| view! { <p class="note">{text(msg!("console-link-path-only"), &[])}</p> })}
                </div>
            }
            .into_any(),
        ),
        (Some(Err(e)), _) | (_, Some(Err(e))) => {
            Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }.into_any())
        }
        _ => None,
    }
    };
    let admin = desk.is_admin;
    view! {
        <details class="form-panel">
            <summary>{tr(msg!("console-staff"))}</summary>
            {admins_only(&desk, "staff-note", "staff")}
            {admin.then(|| view! {
                <div class="scroll" tabindex="0" role="region" aria-label=tr(msg!("console-staff-members"))>
                    <table class="data stack">
                        <thead><tr><th scope="col">{tr(msg!("console-email"))}</th><th scope="col">{tr(msg!("console-role"))}</th><th scope="col">{tr(msg!("console-state"))}</th><th scope="col"><span class="visually-hidden">{tr(msg!("console-actions"))}</span></th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })}
            <form on:submit=move |ev| {
                ev.prevent_default();
                let products = if role.get_untracked() == Role::Reseller {
                    products.get_untracked().split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
                } else {
                    Vec::new()
                };
                added.start(api::add_staff(NewStaff { email: email.get_untracked(), role: role.get_untracked(), products }));
            }>
                <label for="staff-email" class="field-label small">{tr(msg!("console-email"))}</label>
                <input id="staff-email" type="email" required disabled=!admin prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="staff-role" class="field-label small">{tr(msg!("console-role"))}</label>
                <select id="staff-role" disabled=!admin on:change=move |ev| role.set(Role::parse(&event_target_value(&ev)).unwrap_or(Role::Support))>
                    <option value="support">{tr(msg!("console-role-support"))}</option>
                    <option value="admin">{tr(msg!("console-role-admin"))}</option>
                    <option value="reseller">{tr(msg!("console-role-reseller"))}</option>
                </select>
                <Show when=move || role.get() == Role::Reseller>
                    <label for="staff-products" class="field-label small">{tr(msg!("console-reseller-products"))}</label>
                    <input id="staff-products" type="text" required prop:value=move || products.get()
                        on:input=move |ev| products.set(event_target_value(&ev))/>
                </Show>
                <button type="submit" class="primary" disabled=!admin>{tr(msg!("console-add-staff"))}</button>
            </form>
            <div aria-live="polite">{outcome}</div>
        </details>
    }
}
