//! The support console (`/console/`), the portal's second app: staff sign
//! in, paste whatever a customer sent (a serial number, a request or
//! response code, an email address), see what the server knows about it,
//! and act on it. It shares the customer page's code field, group check,
//! decode table and answer view through `license_web`.
//!
//! A newcomer's map: this file is the app (sign-in, then the desk: Find, the
//! dashboard, the admin's tools); `dashboard` the pipeline seen (charts,
//! upgrades waiting, outboxes, licences near their limit); `find`
//! is Find (whatever a customer sent) and what it shows; `license` the
//! licence view and its actions; `forms` the forms that change things
//! (answer a code, create a licence, queue an upgrade, the mail language);
//! `staff` the staff list; `webhooks` the webhook endpoints and their
//! deliveries; `mail` the outbox and what mail-in dropped; `sign_in` signing in and setting a password;
//! `api` the admin API's calls; [`start`] the browser start-up
//! (`src/main.rs` calls it).

// The console's views are deeply nested types; building them natively (the
// tests) needs the deeper limit.
#![recursion_limit = "256"]

mod api;
mod dashboard;
mod find;
mod forms;
mod license;
mod mail;
mod sign_in;
mod staff;
pub mod start;
mod webhooks;

use leptos::prelude::*;
use license_api::{Activation, EntitlementValue, Role, SessionView};
use license_codes::{Product, RequestCode, TrustedKeys};

use dashboard::Dashboard;
use find::FindDesk;
use forms::NewLicenseForm;
use license_web::api::ApiError;
use license_web::fetched::Fetched;
use license_web::i18n::{msg, text, tr, LanguageSwitch};
use mail::MailPanel;
use sign_in::{SetPasswordForm, SignInForm};
use staff::StaffPanel;
use webhooks::WebhooksPanel;

/// An entitlement's value as the console shows it: a flag in the page's
/// language, counts and dates as they are.
fn assigned(value: &EntitlementValue) -> String {
    match value {
        EntitlementValue::Flag(on) => text(msg!("console-flag"), &[("on", if *on { "yes" } else { "no" }.into())]),
        EntitlementValue::None => text(msg!("console-no-value"), &[]),
        other => other.as_assigned(),
    }
}

/// What every part of the signed-in console shares.
#[derive(Clone, Copy)]
pub struct Desk {
    pub me: StoredValue<SessionView>,
    /// Support agents see admin actions disabled, with the reason.
    pub is_admin: bool,
    /// Creates licences and changes them (queue, release, remind): admins,
    /// and resellers on their own licences.
    pub may_change: bool,
    /// A reseller: the vendor's tools (staff, webhooks, mail) are not its.
    pub is_reseller: bool,
    pub products: Fetched<Result<Vec<Product>, ApiError>>,
    pub keys: Fetched<Result<TrustedKeys, ApiError>>,
    /// Finds a serial number, code or email (as if typed into Find).
    pub open: Callback<String>,
    /// Finds the last query again, after an action changed what it shows.
    pub refresh: Callback<()>,
    /// The last request code answered for a customer, and the server's
    /// answer: kept here so the licence below can refresh without losing it.
    pub answer: Fetched<(RequestCode, Result<Activation, ApiError>)>,
    /// What the last admin action did ("Update 3 is queued…"), shown above
    /// the findings, where a refresh of the licence does not drop it.
    pub notice: RwSignal<Option<String>>,
}

impl Desk {
    pub fn product(&self, id: u16) -> Option<Product> {
        self.products.get().and_then(Result::ok).and_then(|all| all.into_iter().find(|p| p.id == id))
    }
}

/// The set-password token in the link `…/console/#setup=<token>`.
fn setup_token() -> Option<String> {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix("#setup=").filter(|t| !t.is_empty()).map(str::to_string)
}

#[component]
pub fn ConsoleApp() -> impl IntoView {
    if let Some(token) = setup_token() {
        return view! { <SetPasswordForm token/> }.into_any();
    }
    // Without the sign-in hint no session is open: the form, without a 401.
    let me: Fetched<Result<SessionView, ApiError>> = Fetched::start_with(async {
        if !api::may_be_signed_in() {
            return Err(ApiError::BadAnswer("not signed in".into()));
        }
        let me = api::whoami().await;
        if me.is_err() {
            api::forget_sign_in(); // the session ended: no 401 on the next load
        }
        me
    });
    let signed_in = Callback::new(move |view: SessionView| me.start(async move { Ok(view) }));
    let signed_out = Callback::new(move |()| {
        me.start(async move {
            let _ = api::sign_out().await;
            Err(ApiError::BadAnswer("signed out".into()))
        })
    });
    (move || match me.get() {
        None => {
            view! { <main class="console"><p class="status info">{tr(msg!("console-loading"))}</p></main> }.into_any()
        }
        Some(Ok(session)) => view! { <Workspace session on_sign_out=signed_out/> }.into_any(),
        Some(Err(_)) => view! { <SignInForm on_signed_in=signed_in/> }.into_any(),
    })
    .into_any()
}

#[component]
fn Workspace(session: SessionView, on_sign_out: Callback<()>) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let last_query = RwSignal::new(String::new());
    let desk = Desk {
        is_admin: session.role == Role::Admin,
        may_change: matches!(session.role, Role::Admin | Role::Reseller),
        is_reseller: session.role == Role::Reseller,
        me: StoredValue::new(session.clone()),
        products: Fetched::start_with(license_web::api::products()),
        keys: Fetched::start_with(license_web::api::keys()),
        open: Callback::new(move |text: String| {
            query.set(text.clone());
            last_query.set(text);
        }),
        refresh: Callback::new(move |()| last_query.update(|_| {})),
        answer: Fetched::new(),
        notice: RwSignal::new(None),
    };
    // A new answer changes the licence's history: show it.
    Effect::new(move |_| {
        if let Some((_, Ok(_))) = desk.answer.get() {
            desk.refresh.run(());
        }
    });
    provide_context(desk);
    let who = move || {
        let role = session.role.as_str();
        text(msg!("console-who"), &[("email", session.email.as_str().into()), ("role", role.into())])
    };
    view! {
        <header class="console-bar">
            <span class="brand">{tr(msg!("console-title"))}</span>
            <span class="who">{who}</span>
            <LanguageSwitch/>
            <button type="button" class="secondary" on:click=move |_| on_sign_out.run(())>{tr(msg!("console-sign-out"))}</button>
        </header>
        <main class="console workspace">
            <FindDesk query last_query/>
            <Dashboard/>
            <section class="tools" aria-labelledby="tools-heading">
                <h2 id="tools-heading">{tr(msg!("console-admin-tools"))}</h2>
                <NewLicenseForm/>
                {(!desk.is_reseller).then(|| view! { <StaffPanel/> <WebhooksPanel/> <MailPanel/> })}
            </section>
        </main>
    }
}
