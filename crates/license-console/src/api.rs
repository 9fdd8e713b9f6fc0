//! What the console asks the licence server, in the wire format of
//! `license-api`. The session cookie goes with every request (same origin).

use gloo_net::http::{Request, RequestBuilder};
use license_api::{
    paths, Activation, ActivationRequest, InspectQuery, Inspection, InstallationReport, IssuanceReport, LicenseChange,
    LicenseCreated, LicenseView, MailQueued, NearLimit, NewLicense, NewStaff, NewWebhook, OutboxStatus, QueueUpgrade,
    Released, SessionView, SetPassword, SignIn, StaffAdded, StaffList, StaffView, UpgradeQueued, WaitingUpgrades,
    WebhookDelivery, WebhookSecret, WebhookView,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

use license_web::api::{self, api_url, ApiError};

async fn send<T: DeserializeOwned>(request: RequestBuilder, body: Option<String>) -> Result<T, ApiError> {
    let response = match body {
        Some(body) => request.header("content-type", "application/json").body(body),
        None => request.build(),
    }
    .map_err(|e| ApiError::BadAnswer(api::reason(&e)))?
    .send()
    .await
    .map_err(license_web::api::unreachable)?;
    api::read(response).await
}

/// A request whose success has no body (204).
async fn send_empty(request: RequestBuilder, body: Option<String>) -> Result<(), ApiError> {
    let response = match body {
        Some(body) => request.header("content-type", "application/json").body(body),
        None => request.build(),
    }
    .map_err(|e| ApiError::BadAnswer(api::reason(&e)))?
    .send()
    .await
    .map_err(license_web::api::unreachable)?;
    api::answer(response).await.map(|_| ())
}

fn json(body: &impl Serialize) -> Option<String> {
    Some(serde_json::to_string(body).expect("serialisable"))
}

/// Whether the sign-in hint cookie is there (`paths::SIGNED_IN_COOKIE`).
pub fn may_be_signed_in() -> bool {
    let document = leptos::prelude::document();
    let cookies =
        js_sys::Reflect::get(&document, &"cookie".into()).ok().and_then(|c| c.as_string()).unwrap_or_default();
    cookies.split(';').any(|c| c.trim() == format!("{}=1", paths::SIGNED_IN_COOKIE))
}

/// Drops the sign-in hint (its session has ended).
pub fn forget_sign_in() {
    let document = leptos::prelude::document();
    let expired = format!("{}=; Max-Age=0; Path=/; SameSite=Strict", paths::SIGNED_IN_COOKIE);
    let _ = js_sys::Reflect::set(&document, &"cookie".into(), &expired.into());
}

pub async fn whoami() -> Result<SessionView, ApiError> {
    send(Request::get(&api_url(paths::SESSION)), None).await
}

pub async fn sign_in(email: String, password: String) -> Result<SessionView, ApiError> {
    send(Request::post(&api_url(paths::SESSION)), json(&SignIn { email, password })).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    send_empty(Request::delete(&api_url(paths::SESSION)), None).await
}

pub async fn set_password(token: String, password: String) -> Result<(), ApiError> {
    send_empty(Request::post(&api_url(paths::SESSION_PASSWORD)), json(&SetPassword { token, password })).await
}

pub async fn inspect(query: String) -> Result<Inspection, ApiError> {
    send(Request::post(&api_url(paths::ADMIN_INSPECT)), json(&InspectQuery { query })).await
}

pub async fn answer(request_code: String) -> Result<Activation, ApiError> {
    send(Request::post(&api_url(paths::ADMIN_ACTIVATIONS)), json(&ActivationRequest { request_code, channel: None }))
        .await
}

pub async fn create_license(new: NewLicense) -> Result<LicenseCreated, ApiError> {
    send(Request::post(&api_url(paths::ADMIN_LICENSES)), json(&new)).await
}

pub async fn change_license(serial: String, change: LicenseChange) -> Result<LicenseView, ApiError> {
    let path = paths::fill(paths::ADMIN_LICENSE, &[("serial", &serial)]);
    send(Request::patch(&api_url(&path)), json(&change)).await
}

pub async fn queue_upgrade(serial: String, upgrade: QueueUpgrade) -> Result<UpgradeQueued, ApiError> {
    let path = paths::fill(paths::ADMIN_UPGRADES, &[("serial", &serial)]);
    send(Request::post(&api_url(&path)), json(&upgrade)).await
}

pub async fn release(serial: String, key_id: String) -> Result<Released, ApiError> {
    let path = paths::fill(paths::ADMIN_INSTALLATION, &[("serial", &serial), ("key_id", &key_id)]);
    send(Request::delete(&api_url(&path)), None).await
}

pub async fn send_to_contact(issuance: i64) -> Result<MailQueued, ApiError> {
    let path = paths::fill(paths::ADMIN_ISSUANCE_SEND, &[("id", &issuance.to_string())]);
    send(Request::post(&api_url(&path)), None).await
}

pub async fn staff() -> Result<StaffList, ApiError> {
    send(Request::get(&api_url(paths::ADMIN_STAFF)), None).await
}

pub async fn add_staff(new: NewStaff) -> Result<StaffAdded, ApiError> {
    send(Request::post(&api_url(paths::ADMIN_STAFF)), json(&new)).await
}

pub async fn new_staff_link(email: String) -> Result<StaffAdded, ApiError> {
    send(Request::post(&api_url(&paths::fill(paths::ADMIN_STAFF_LINK, &[("email", &email)]))), None).await
}

pub async fn enable_staff(email: String) -> Result<StaffAdded, ApiError> {
    send(Request::post(&api_url(&paths::fill(paths::ADMIN_STAFF_ENABLE, &[("email", &email)]))), None).await
}

pub async fn disable_staff(email: String) -> Result<StaffView, ApiError> {
    let path = paths::fill(paths::ADMIN_STAFF_DISABLE, &[("email", &email)]);
    send(Request::post(&api_url(&path)), None).await
}

pub async fn remind(serial: String) -> Result<MailQueued, ApiError> {
    let path = paths::fill(paths::ADMIN_REMIND, &[("serial", &serial)]);
    send(Request::post(&api_url(&path)), None).await
}

pub async fn mail_status() -> Result<OutboxStatus, ApiError> {
    send(Request::get(&api_url(paths::ADMIN_MAIL)), None).await
}

pub async fn webhooks() -> Result<Vec<WebhookView>, ApiError> {
    send(Request::get(&api_url(paths::ADMIN_WEBHOOKS)), None).await
}

pub async fn add_webhook(new: NewWebhook) -> Result<WebhookSecret, ApiError> {
    send(Request::post(&api_url(paths::ADMIN_WEBHOOKS)), json(&new)).await
}

pub async fn remove_webhook(id: String) -> Result<(), ApiError> {
    send_empty(Request::delete(&api_url(&paths::fill(paths::ADMIN_WEBHOOK, &[("id", &id)]))), None).await
}

pub async fn rotate_webhook_secret(id: String) -> Result<WebhookSecret, ApiError> {
    send(Request::post(&api_url(&paths::fill(paths::ADMIN_WEBHOOK_SECRET, &[("id", &id)]))), None).await
}

pub async fn webhook_deliveries(id: String) -> Result<Vec<WebhookDelivery>, ApiError> {
    send(Request::get(&api_url(&paths::fill(paths::ADMIN_WEBHOOK_DELIVERIES, &[("id", &id)]))), None).await
}

pub async fn send_webhook_again(id: String, delivery: i64) -> Result<WebhookDelivery, ApiError> {
    let path = paths::fill(paths::ADMIN_WEBHOOK_RETRY, &[("id", &id), ("delivery", &delivery.to_string())]);
    send(Request::post(&api_url(&path)), None).await
}

pub async fn report_issuances(from: String, bucket: &'static str) -> Result<IssuanceReport, ApiError> {
    send(Request::get(&api_url(&format!("{}?from={from}&bucket={bucket}", paths::ADMIN_REPORT_ISSUANCES))), None).await
}

pub async fn report_installations(from: String, bucket: &'static str) -> Result<InstallationReport, ApiError> {
    send(Request::get(&api_url(&format!("{}?from={from}&bucket={bucket}", paths::ADMIN_REPORT_INSTALLATIONS))), None)
        .await
}

pub async fn report_waiting() -> Result<WaitingUpgrades, ApiError> {
    send(Request::get(&api_url(paths::ADMIN_REPORT_WAITING)), None).await
}

pub async fn report_near_limit() -> Result<NearLimit, ApiError> {
    send(Request::get(&api_url(paths::ADMIN_REPORT_NEAR_LIMIT)), None).await
}
