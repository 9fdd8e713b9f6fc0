//! Staff accounts (admin): who may sign in, adding one (with a one-time
//! link to set the password), and disabling one.

use leptos::prelude::*;
use license_api::{NewStaff, Role, StaffAdded, StaffList, StaffView};

use super::license::admins_only;
use super::time::local;
use super::{api, Desk};
use crate::api::ApiError;
use crate::components::problem_view::ProblemView;
use crate::fetched::Fetched;
use crate::messages;

#[component]
pub fn StaffPanel() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let list: Fetched<Result<StaffList, ApiError>> = Fetched::new();
    if desk.is_admin {
        list.start(api::staff());
    }
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Support);
    let added: Fetched<Result<StaffAdded, ApiError>> = Fetched::new();
    let disabled: Fetched<Result<StaffView, ApiError>> = Fetched::new();
    Effect::new(move |_| {
        if matches!(added.get(), Some(Ok(_))) || matches!(disabled.get(), Some(Ok(_))) {
            list.start(api::staff());
        }
    });
    let rows = move || {
        list.get().and_then(Result::ok).map(|l| {
            l.staff
                .into_iter()
                .map(|s| {
                    let who = s.email.clone();
                    let state = match (&s.disabled_at, s.password_set) {
                        (Some(at), _) => format!("disabled {}", local(at)),
                        (None, false) => "link sent, no password yet".to_string(),
                        (None, true) => "active".to_string(),
                    };
                    let disable = s.disabled_at.is_none().then(|| {
                        let label = format!("Disable {who}");
                        view! {
                            <button type="button" class="secondary small" aria-label=label on:click=move |_| {
                                let question = format!("Disable {who}? Their sessions end at once and they can no longer sign in.");
                                if window().confirm_with_message(&question).unwrap_or(false) {
                                    disabled.start(api::disable_staff(who.clone()));
                                }
                            }>"Disable"</button>
                        }
                    });
                    view! {
                        <tr>
                            <td>{s.email.clone()}</td>
                            <td>{s.role.as_str()}</td>
                            <td>{state}</td>
                            <td>{disable}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let outcome = move || {
        match (added.get(), disabled.get()) {
        (Some(Ok(a)), _) => Some(view! {
            <div class="status ok" role="status">
                <p>{format!("Added {}. Send them this link: it sets their password, once, within 72 hours.", a.email)}</p>
                <p class="mono small link-text">{a.setup_link}</p>
            </div>
        }.into_any()),
        (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ProblemView explanation=messages::api_error(&e)/> }.into_any()),
        _ => None,
    }
    };
    let admin = desk.is_admin;
    view! {
        <details class="form-panel">
            <summary>"Staff"</summary>
            {admins_only(&desk, "staff-note", "add or disable staff")}
            {admin.then(|| view! {
                <div class="scroll" tabindex="0" role="region" aria-label="Staff members">
                    <table class="data">
                        <thead><tr><th scope="col">"Email"</th><th scope="col">"Role"</th><th scope="col">"State"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })}
            <form on:submit=move |ev| {
                ev.prevent_default();
                added.start(api::add_staff(NewStaff { email: email.get_untracked(), role: role.get_untracked() }));
            }>
                <label for="staff-email" class="field-label small">"Email"</label>
                <input id="staff-email" type="email" required disabled=!admin prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="staff-role" class="field-label small">"Role"</label>
                <select id="staff-role" disabled=!admin on:change=move |ev| role.set(if event_target_value(&ev) == "admin" { Role::Admin } else { Role::Support })>
                    <option value="support">"support: finds codes and answers them"</option>
                    <option value="admin">"admin: also creates licences, queues upgrades, releases, manages staff"</option>
                </select>
                <button type="submit" class="primary" disabled=!admin>"Add staff member"</button>
            </form>
            <div aria-live="polite">{outcome}</div>
        </details>
    }
}
