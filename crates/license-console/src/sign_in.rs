//! Signing in, and setting a password from a one-time link.

use leptos::prelude::*;
use license_api::SessionView;

use crate::api;
use license_web::api::ApiError;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::i18n::{msg, tr, LanguageSwitch};
use license_web::messages;

#[component]
pub fn SignInForm(on_signed_in: Callback<SessionView>) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let attempt: Fetched<Result<SessionView, ApiError>> = Fetched::new();
    let busy = attempt.pending();
    Effect::new(move |_| {
        if let Some(Ok(me)) = attempt.get() {
            on_signed_in.run(me);
        }
    });
    let failure = move || match attempt.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    view! {
        <main class="console sign-in">
            <h1>{tr(msg!("console-title"))}</h1>
            <p class="lead">{tr(msg!("console-sign-in-lead"))}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                attempt.start(api::sign_in(email.get_untracked(), password.get_untracked()));
            }>
                <label for="email" class="field-label">{tr(msg!("console-email"))}</label>
                <input id="email" type="email" autocomplete="username" required
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="password" class="field-label">{tr(msg!("console-password"))}</label>
                <input id="password" type="password" autocomplete="current-password" required
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || tr(if busy.get() { msg!("console-signing-in") } else { msg!("console-sign-in") })()}
                </button>
            </form>
            <div aria-live="polite">{failure}</div>
            <footer><LanguageSwitch/></footer>
        </main>
    }
}

#[component]
pub fn SetPasswordForm(token: String) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let attempt: Fetched<Result<(), ApiError>> = Fetched::new();
    let busy = attempt.pending();
    let mismatch = move || !again.get().is_empty() && password.get() != again.get();
    let outcome = move || match attempt.get() {
        Some(Ok(())) => Some(
            view! {
                <p class="status ok" role="status">
                    {tr(msg!("console-password-set"))}" " <a href="/console/">{tr(msg!("console-sign-in"))}</a>
                </p>
            }
            .into_any(),
        ),
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }.into_any()),
        None => None,
    };
    view! {
        <main class="console sign-in">
            <h1>{tr(msg!("console-set-password-heading"))}</h1>
            <p class="lead">{tr(msg!("console-set-password-lead"))}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                if !mismatch() {
                    attempt.start(api::set_password(token.clone(), password.get_untracked()));
                }
            }>
                <label for="new-password" class="field-label">{tr(msg!("console-new-password"))}</label>
                <input id="new-password" type="password" autocomplete="new-password" minlength="10" required
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <label for="new-password-again" class="field-label">{tr(msg!("console-password-again"))}</label>
                <input id="new-password-again" type="password" autocomplete="new-password" minlength="10" required
                    aria-describedby="password-match"
                    prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
                <p id="password-match" class="status error" role="status">
                    {move || mismatch().then(tr(msg!("console-passwords-differ")))}
                </p>
                <button type="submit" class="primary" disabled=move || busy.get() || mismatch()>{tr(msg!("console-set-password"))}</button>
            </form>
            <div aria-live="polite">{outcome}</div>
            <footer><LanguageSwitch/></footer>
        </main>
    }
}
