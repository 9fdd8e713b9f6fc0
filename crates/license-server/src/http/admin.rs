//! The admin and support API under `/api/v1/admin/`. Every call needs a
//! bearer token or a session; changes need the admin role, reading a
//! licence any; a reseller creates, reads and changes its own licences
//! (the handlers that serve it take `Scoped`; see `crate::resellers`).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use license_api::{
    paths, LicenseChange, LicenseCreated, LicenseView, MailQueued, NewLicense, NewToken, OutboxStatus, Product,
    QueueUpgrade, Released, TokenCreated, UpgradeQueued,
};

use super::extract::{ApiJson, ApiPath, IdempotencyKey, InstallationPath, Scoped, SerialPath};
use super::idempotency;
use super::openapi::{
    AdminOnly, BadInstallation, BadSerial, BodyRefused, Conflict, InvalidBody, InvalidInput, KeyReused, MailOff,
    NotFound, StaffOnly, Unavailable,
};
use super::AppState;
use crate::catalog::{self, installations, LicenseOrder};
use crate::tokens::{self, Caller};
use crate::{resellers, ApiError};

/// Add a product (admin).
#[utoipa::path(post, path = paths::ADMIN_PRODUCTS, tag = "admin", request_body = Product, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 201, description = "Added", body = Product),
        InvalidInput,
        AdminOnly,
        Conflict,
        BodyRefused,
        Unavailable,
    ))]
pub async fn add_product(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(product): ApiJson<Product>,
) -> Result<(StatusCode, Json<Product>), ApiError> {
    caller.require_admin()?;
    catalog::add_product(&state.db, &product, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(product)))
}

/// Create a licence (admin); answers with its serial number. With an
/// `Idempotency-Key`, sending it again (the same body, within 24 hours)
/// answers the first answer again and creates nothing.
#[utoipa::path(post, path = paths::ADMIN_LICENSES, tag = "admin", request_body = NewLicense, security(("bearer" = []), ("session" = [])),
    params(IdempotencyKey),
    responses(
        (status = 201, description = "Created (or, for a key sent again, the first answer)", body = LicenseCreated),
        InvalidInput,
        AdminOnly,
        NotFound,
        Conflict,
        KeyReused,
        BodyRefused,
        Unavailable,
    ))]
pub async fn create_license(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewLicense>,
) -> Result<Response, ApiError> {
    caller.require_admin_or_reseller()?;
    let key = idempotency::key(&headers)?;
    let fingerprint = idempotency::fingerprint(paths::ADMIN_LICENSES, &body);
    let actor = caller.actor();
    let work = idempotency::once(&state.db, key, &actor, &fingerprint, || async {
        let order = LicenseOrder::try_from(body)?;
        let created = catalog::create_license(&state.db, order, &caller.actor(), state.announce()).await?;
        Ok((StatusCode::CREATED, serde_json::to_string(&created).expect("serialisable")))
    });
    resellers::within(&caller, work).await
}

/// A licence's state and history (support or admin).
#[utoipa::path(get, path = paths::ADMIN_LICENSE, tag = "admin", security(("bearer" = []), ("session" = [])),
    params(SerialPath),
    responses(
        (status = 200, description = "State, states, installations, issuances, audit", body = LicenseView),
        BadSerial,
        StaffOnly,
        NotFound,
        Unavailable,
    ))]
pub async fn show_license(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    ApiPath(SerialPath { serial }): ApiPath<SerialPath>,
) -> Result<Json<LicenseView>, ApiError> {
    Ok(Json(resellers::within(&caller, catalog::show_license(&state.db, &serial)).await?))
}

/// Change a licence (admin): its technical contact's address (audited with the old and new address), the language of the contact's mail.
#[utoipa::path(patch, path = paths::ADMIN_LICENSE, tag = "admin", request_body = LicenseChange, security(("bearer" = []), ("session" = [])),
    params(SerialPath),
    responses(
        (status = 200, description = "The licence as changed", body = LicenseView),
        InvalidInput,
        AdminOnly,
        NotFound,
        BodyRefused,
        Unavailable,
    ))]
pub async fn change_license(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(SerialPath { serial }): ApiPath<SerialPath>,
    ApiJson(body): ApiJson<LicenseChange>,
) -> Result<Json<LicenseView>, ApiError> {
    caller.require_admin()?;
    catalog::change_license(&state.db, &serial, &body, &caller.actor()).await?;
    Ok(Json(catalog::show_license(&state.db, &serial).await?))
}

/// Queue an upgrade (admin): the next state, which installations get with their next request.
#[utoipa::path(post, path = paths::ADMIN_UPGRADES, tag = "admin", request_body = QueueUpgrade, security(("bearer" = []), ("session" = [])),
    params(SerialPath, IdempotencyKey),
    responses(
        (status = 201, description = "Queued (or, for a key sent again, the first answer)", body = UpgradeQueued),
        KeyReused,
        InvalidInput,
        AdminOnly,
        NotFound,
        Conflict,
        BodyRefused,
        Unavailable,
    ))]
pub async fn queue_upgrade(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    ApiPath(SerialPath { serial }): ApiPath<SerialPath>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<QueueUpgrade>,
) -> Result<Response, ApiError> {
    caller.require_admin_or_reseller()?;
    let key = idempotency::key(&headers)?;
    // The serial as the path gave it is part of what makes two requests the same.
    let fingerprint = idempotency::fingerprint(&format!("{} {serial}", paths::ADMIN_UPGRADES), &body);
    let actor = caller.actor();
    let work = idempotency::once(&state.db, key, &actor, &fingerprint, || async {
        let assignments = body.set.assignments();
        let view =
            catalog::queue_upgrade(&state.db, &serial, &assignments, &body.note, &caller.actor(), state.announce())
                .await?;
        Ok((StatusCode::CREATED, serde_json::to_string(&view).expect("serialisable")))
    });
    resellers::within(&caller, work).await
}

/// Remind the contact now (admin) of the licence's upgrade that no
/// installation has fetched: what changes and the two ways to get it.
#[utoipa::path(post, path = paths::ADMIN_REMIND, tag = "admin", security(("bearer" = []), ("session" = [])),
    params(SerialPath),
    responses(
        (status = 202, description = "The reminder is queued to the contact", body = MailQueued),
        BadSerial,
        AdminOnly,
        NotFound,
        Conflict,
        MailOff,
        Unavailable,
    ))]
pub async fn remind_now(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    ApiPath(SerialPath { serial }): ApiPath<SerialPath>,
) -> Result<(StatusCode, Json<MailQueued>), ApiError> {
    caller.require_admin_or_reseller()?;
    let announce = state.announce().ok_or(ApiError::MailOff)?;
    let actor = caller.actor();
    let remind = crate::mail::reminders::remind_now(&state, announce, &serial, &actor);
    let to = resellers::within(&caller, remind).await?;
    Ok((StatusCode::ACCEPTED, Json(MailQueued { to })))
}

/// The mail outbox (support or admin): how many were sent, what waits and
/// what failed (with why), and what `mail-in` dropped in the last 7 days
/// (with why), as `license-server mail status --json` prints it.
#[utoipa::path(get, path = paths::ADMIN_MAIL, tag = "admin", security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, description = "Sent, waiting, failed, dropped", body = OutboxStatus),
        StaffOnly,
        Unavailable,
    ))]
pub async fn mail_status(State(state): State<AppState>, _caller: Caller) -> Result<Json<OutboxStatus>, ApiError> {
    Ok(Json(crate::mail::outbox::status(&state.db).await?))
}

/// Release an installation (admin), freeing its place.
#[utoipa::path(delete, path = paths::ADMIN_INSTALLATION, tag = "admin", security(("bearer" = []), ("session" = [])),
    params(InstallationPath),
    responses(
        (status = 200, description = "Released", body = Released),
        BadInstallation,
        AdminOnly,
        NotFound,
        Unavailable,
    ))]
pub async fn release_installation(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    ApiPath(InstallationPath { serial, key_id }): ApiPath<InstallationPath>,
) -> Result<Json<Released>, ApiError> {
    caller.require_admin_or_reseller()?;
    let actor = caller.actor();
    let release = installations::release_installation(&state.db, &serial, &key_id, &actor);
    Ok(Json(resellers::within(&caller, release).await?))
}

/// Create an API token (admin); it is shown once.
#[utoipa::path(post, path = paths::ADMIN_TOKENS, tag = "admin", request_body = NewToken, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 201, description = "The token, shown once", body = TokenCreated),
        InvalidBody,
        AdminOnly,
        BodyRefused,
        Unavailable,
    ))]
pub async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewToken>,
) -> Result<(StatusCode, Json<TokenCreated>), ApiError> {
    caller.require_admin()?;
    let token = tokens::create(&state.db, &body.name, body.role, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(TokenCreated { token, name: body.name, role: body.role })))
}
