//! The admin's forms: a new licence, and an upgrade queued on a licence,
//! each built from the product's entitlement kinds (counts, flags, dates).

use leptos::prelude::*;
use license_api::{
    EntitlementValue, EntitlementValues, LicenseChange, LicenseCreated, LicenseView, NewLicense, QueueUpgrade,
    UpgradeQueued,
};
use license_codes::messages::domain::Console;
use license_codes::{EntitlementKind, Product};
use license_web::i18n::{msg, text, tr, MsgId};

use super::license::admins_only;
use crate::{api, Desk};
use license_api::humanize;
use license_web::api::ApiError;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::messages;

/// One input per entitlement of `product`, starting from `current`.
fn inputs(product: &Product, current: Option<&EntitlementValues>) -> Vec<(String, EntitlementKind, RwSignal<String>)> {
    product
        .entitlements
        .iter()
        .map(|def| {
            let start = match current.and_then(|c| c.get(&def.name)) {
                Some(EntitlementValue::Count(n)) => n.to_string(),
                Some(EntitlementValue::Flag(on)) => if *on { "yes" } else { "no" }.to_string(),
                Some(EntitlementValue::Date(d)) => d.clone(),
                Some(EntitlementValue::None) | None if def.kind == EntitlementKind::Flag => "no".to_string(),
                Some(EntitlementValue::None) | None if def.kind == EntitlementKind::Count => "0".to_string(),
                _ => String::new(),
            };
            (def.name.clone(), def.kind, RwSignal::new(start))
        })
        .collect()
}

/// The inputs' values, typed by kind (an empty date is no date).
fn values(fields: &[(String, EntitlementKind, RwSignal<String>)]) -> EntitlementValues {
    EntitlementValues(
        fields
            .iter()
            .map(|(name, kind, value)| {
                let text = value.get_untracked();
                let value = match kind {
                    EntitlementKind::Count => EntitlementValue::Count(text.trim().parse().unwrap_or(0)),
                    EntitlementKind::Flag => EntitlementValue::Flag(text == "yes"),
                    EntitlementKind::Date if text.trim().is_empty() => EntitlementValue::None,
                    EntitlementKind::Date => EntitlementValue::Date(text.trim().to_string()),
                };
                (name.clone(), value)
            })
            .collect(),
    )
}

fn entitlement_inputs(
    prefix: &'static str,
    fields: &[(String, EntitlementKind, RwSignal<String>)],
    enabled: bool,
) -> impl IntoView {
    fields
        .iter()
        .map(|(name, kind, value)| {
            let id = format!("{prefix}-{name}");
            let value = *value;
            let label = humanize(name);
            match kind {
                EntitlementKind::Flag => view! {
                    <label class="check"><input id=id type="checkbox" disabled=!enabled
                        prop:checked=move || value.get() == "yes"
                        on:change=move |ev| value.set(if event_target_checked(&ev) { "yes" } else { "no" }.to_string())/>
                        {label}</label>
                }
                .into_any(),
                EntitlementKind::Count | EntitlementKind::Date => {
                    let kind = if *kind == EntitlementKind::Count { "number" } else { "date" };
                    view! {
                        <label for=id.clone() class="field-label small">{label}</label>
                        <input id=id type=kind min="0" disabled=!enabled prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev))/>
                    }
                    .into_any()
                }
            }
        })
        .collect_view()
}

#[component]
pub fn QueueUpgradeForm(license: LicenseView) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let product = desk.product(license.product.id);
    let Some(product) = product else { return ().into_any() };
    let fields = inputs(&product, Some(&license.entitlements));
    let note = RwSignal::new(String::new());
    let done: Fetched<Result<UpgradeQueued, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(q)) = done.get() {
            desk.notice.set(Some(text(msg!("console-queued"), &[("counter", q.counter.into())])));
            desk.refresh.run(());
        }
    });
    let serial = license.serial.clone();
    let submit_fields = fields.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let upgrade = QueueUpgrade { set: values(&submit_fields), note: note.get_untracked() };
        done.start(api::queue_upgrade(serial.clone(), upgrade));
    };
    let outcome = move || {
        match done.get() {
        Some(Ok(q)) => Some(view! { <p class="status ok" role="status">{text(msg!("console-queued"), &[("counter", q.counter.into())])}</p> }.into_any()),
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }.into_any()),
        None => None,
    }
    };
    view! {
        <details class="form-panel">
            <summary>{tr(msg!("console-queue-heading"))}</summary>
            {admins_only(&desk, "queue-note", "queue")}
            <form on:submit=submit aria-describedby=(!desk.may_change).then_some("queue-note")>
                {entitlement_inputs("upgrade", &fields, desk.may_change)}
                <label for="upgrade-note" class="field-label small">{tr(msg!("console-upgrade-note"))}</label>
                <input id="upgrade-note" type="text" maxlength="500" disabled=!desk.may_change
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                <button type="submit" class="primary" disabled=move || !desk.may_change || busy.get()>{tr(msg!("console-queue"))}</button>
            </form>
            <div aria-live="polite">{outcome}</div>
        </details>
    }
    .into_any()
}

/// The languages of the contact's mail, as `<option>`s with `chosen` selected.
fn language_options(chosen: &str) -> impl IntoView {
    license_codes::messages::Lang::ALL
        .iter()
        .map(|l| view! { <option value=l.tag() selected=l.tag() == chosen>{l.name()}</option> })
        .collect_view()
}

/// The language of the mail the licence's contact receives (admins change it).
#[component]
pub fn MailLanguageForm(license: LicenseView) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let language = RwSignal::new(license.language.clone());
    let done: Fetched<Result<LicenseView, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(changed)) = done.get() {
            let args =
                [("email", changed.contact_email.as_str().into()), ("language", changed.language.as_str().into())];
            desk.notice.set(Some(text(msg!("console-mail-language-changed"), &args)));
            desk.refresh.run(());
        }
    });
    let serial = license.serial.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = LicenseChange { language: Some(language.get_untracked()), ..LicenseChange::default() };
        done.start(api::change_license(serial.clone(), change));
    };
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    let admin = desk.is_admin;
    view! {
        <form class="inline-form" on:submit=submit>
            <label for="mail-language" class="field-label small">{tr(msg!("console-mail-language"))}</label>
            <select id="mail-language" disabled=!admin on:change=move |ev| language.set(event_target_value(&ev))>
                {language_options(&license.language)}
            </select>
            <button type="submit" class="secondary" disabled=move || !admin || busy.get()>{tr(msg!("console-save-language"))}</button>
        </form>
        <div aria-live="polite">{failure}</div>
    }
}

/// The licence's technical contact, corrected by an admin (a mistyped
/// address, a new person): every mail from now on goes to the new address.
#[component]
pub fn ContactForm(license: LicenseView) -> impl IntoView {
    let field = LicenseField {
        id: "contact-email",
        label: msg!("console-contact-email"),
        save: msg!("console-save-contact"),
        required: true,
        change: |email| LicenseChange { contact_email: Some(email), ..LicenseChange::default() },
        changed: |l| text(msg!("console-contact-changed"), &[("email", l.contact_email.as_str().into())]),
    };
    view! { <LicenseFieldForm value=license.contact_email.clone() serial=license.serial field/> }
}

/// The reseller a licence belongs to, assigned or moved by an admin (empty:
/// the vendor's own).
#[component]
pub fn ResellerForm(license: LicenseView) -> impl IntoView {
    let field = LicenseField {
        id: "reseller",
        label: msg!("console-reseller-field"),
        save: msg!("console-save-reseller"),
        required: false,
        change: |email| LicenseChange { reseller: Some(email), ..LicenseChange::default() },
        changed: |l| match &l.reseller {
            Some(r) => text(msg!("console-reseller-changed"), &[("reseller", r.as_str().into())]),
            None => text(msg!("console-reseller-none-now"), &[]),
        },
    };
    view! { <LicenseFieldForm value=license.reseller.clone().unwrap_or_default() serial=license.serial field/> }
}

/// One address of a licence an admin changes: its input, the change it
/// makes, and what the notice says after.
#[derive(Clone, Copy)]
pub struct LicenseField {
    id: &'static str,
    label: MsgId<Console>,
    save: MsgId<Console>,
    required: bool,
    change: fn(String) -> LicenseChange,
    changed: fn(&LicenseView) -> String,
}

#[component]
fn LicenseFieldForm(value: String, serial: String, field: LicenseField) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let email = RwSignal::new(value);
    let done: Fetched<Result<LicenseView, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(changed)) = done.get() {
            desk.notice.set(Some((field.changed)(&changed)));
            desk.refresh.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.start(api::change_license(serial.clone(), (field.change)(email.get_untracked())));
    };
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    let admin = desk.is_admin;
    view! {
        <form class="inline-form" on:submit=submit>
            <label for=field.id class="field-label small">{tr(field.label)}</label>
            <input id=field.id type="email" autocomplete="off" maxlength="254" required=field.required disabled=!admin
                prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
            <button type="submit" class="secondary" disabled=move || !admin || busy.get()>{tr(field.save)}</button>
        </form>
        <div aria-live="polite">{failure}</div>
    }
}

/// Gives the licence a new registration code (admin, after a confirmation):
/// for a code that leaked, or a licence made before registration codes.
#[component]
pub fn NewRegistrationCode(license: LicenseView) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let done: Fetched<Result<LicenseView, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(changed)) = done.get() {
            let code = changed.registration_code.unwrap_or_default();
            desk.notice.set(Some(text(msg!("console-registration-changed"), &[("code", code.as_str().into())])));
            desk.refresh.run(());
        }
    });
    let serial = StoredValue::new(license.serial.clone());
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    view! {
        <button type="button" class="secondary small" id="new-registration-code" disabled=move || !desk.is_admin || busy.get()
            on:click=move |_| {
                if window().confirm_with_message(&text(msg!("console-registration-confirm"), &[])).unwrap_or(false) {
                    let change = LicenseChange { new_registration_code: Some(true), ..LicenseChange::default() };
                    done.start(api::change_license(serial.get_value(), change));
                }
            }>{tr(msg!("console-registration-new"))}</button>
        <div aria-live="polite">{failure}</div>
    }
}

#[component]
pub fn NewLicenseForm() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let product_id = RwSignal::new(None::<u16>);
    let email = RwSignal::new(String::new());
    let places = RwSignal::new("1".to_string());
    let language = RwSignal::new("en".to_string());
    let done: Fetched<Result<LicenseCreated, ApiError>> = Fetched::new();
    let busy = done.pending();
    Effect::new(move |_| {
        if let Some(Ok(created)) = done.get() {
            let created_words = match &created.registration_code {
                Some(code) => text(
                    msg!("console-licence-created-code"),
                    &[("serial", created.serial.as_str().into()), ("code", code.as_str().into())],
                ),
                None => text(msg!("console-licence-created"), &[("serial", created.serial.as_str().into())]),
            };
            desk.notice.set(Some(created_words));
            desk.open.run(created.serial);
        }
    });
    // A reseller creates licences of the products it sells.
    let sells = StoredValue::new(desk.me.get_value().products);
    let products = move || {
        let all = desk.products.get().and_then(Result::ok).unwrap_or_default();
        let sells = sells.get_value();
        all.into_iter()
            .filter(|p| sells.is_empty() || sells.iter().any(|s| s.eq_ignore_ascii_case(&p.name)))
            .collect::<Vec<_>>()
    };
    let chosen = Memo::new(move |_| {
        let all = products();
        product_id.get().and_then(|id| all.iter().find(|p| p.id == id).cloned()).or_else(|| all.first().cloned())
    });
    let fields = Memo::new(move |_| chosen.get().map(|p| inputs(&p, None)).unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(product) = chosen.get_untracked() else { return };
        let new = NewLicense {
            product: product.id.to_string(),
            contact_email: email.get_untracked(),
            max_installations: places.get_untracked().trim().parse().unwrap_or(1),
            entitlements: values(&fields.get_untracked()),
            serial: None,
            transfer_limit: None,
            language: Some(language.get_untracked()),
            notify: None,
            registration: None,
            reseller: None,
        };
        done.start(api::create_license(new));
    };
    let failure = move || match done.get() {
        Some(Err(e)) => Some(view! { <ProblemView explanation=messages::staff_api_error(&e)/> }),
        _ => None,
    };
    let admin = desk.may_change;
    view! {
        <details class="form-panel">
            <summary>{tr(msg!("console-create-heading"))}</summary>
            {admins_only(&desk, "create-note", "create")}
            <form on:submit=submit>
                <label for="new-product" class="field-label small">{tr(msg!("console-product"))}</label>
                <select id="new-product" disabled=!admin on:change=move |ev| product_id.set(event_target_value(&ev).parse().ok())>
                    {move || products().into_iter().map(|p| view! { <option value=p.id.to_string()>{format!("{} ({})", p.name, p.id)}</option> }).collect_view()}
                </select>
                <label for="new-email" class="field-label small">{tr(msg!("console-contact-email"))}</label>
                <input id="new-email" type="email" required disabled=!admin prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="new-language" class="field-label small">{tr(msg!("console-mail-language"))}</label>
                <select id="new-language" disabled=!admin on:change=move |ev| language.set(event_target_value(&ev))>
                    {language_options("en")}
                </select>
                <label for="new-places" class="field-label small">{tr(msg!("console-installations-allowed"))}</label>
                <input id="new-places" type="number" min="1" disabled=!admin prop:value=move || places.get()
                    on:input=move |ev| places.set(event_target_value(&ev))/>
                {move || entitlement_inputs("new", &fields.get(), admin)}
                <button type="submit" class="primary" disabled=move || !admin || busy.get()>{tr(msg!("console-create"))}</button>
            </form>
            <div aria-live="polite">{failure}</div>
        </details>
    }
}
