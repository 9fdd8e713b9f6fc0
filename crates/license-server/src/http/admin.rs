//! The admin and support API under `/api/v1/admin/`. Every call needs a
//! bearer token; changes need the admin role, reading a licence either role.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use license_api::{
    paths, LicenseChange, LicenseCreated, LicenseView, NewLicense, NewToken, Problem, Product, QueueUpgrade, Released,
    TokenCreated, UpgradeQueued,
};

use super::extract::ApiJson;
use super::openapi::{AdminOnly, BodyRefused, StaffOnly, Unavailable};
use super::AppState;
use crate::catalog::{self, installations, LicenseOrder};
use crate::tokens::{self, Caller};
use crate::ApiError;

/// Add a product (admin).
#[utoipa::path(post, path = paths::ADMIN_PRODUCTS, tag = "admin", request_body = Product, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 201, description = "Added", body = Product),
        (status = 400, description = "`invalid_body`, `invalid_input` (duplicate or bad entitlement names)", body = Problem, content_type = "application/problem+json"),
        AdminOnly,
        (status = 409, description = "`conflict`: the number or name exists", body = Problem, content_type = "application/problem+json"),
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

/// Create a licence (admin); answers with its serial number.
#[utoipa::path(post, path = paths::ADMIN_LICENSES, tag = "admin", request_body = NewLicense, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 201, description = "Created", body = LicenseCreated),
        (status = 400, description = "`invalid_body`, `invalid_input` (an entitlement the product lacks, a bad value, a bad serial)", body = Problem, content_type = "application/problem+json"),
        AdminOnly,
        (status = 404, description = "`not_found`: no such product", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`conflict`: the serial is used", body = Problem, content_type = "application/problem+json"),
        BodyRefused,
        Unavailable,
    ))]
pub async fn create_license(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewLicense>,
) -> Result<(StatusCode, Json<LicenseCreated>), ApiError> {
    caller.require_admin()?;
    let order = LicenseOrder::try_from(body)?;
    Ok((StatusCode::CREATED, Json(catalog::create_license(&state.db, order, &caller.actor()).await?)))
}

/// A licence's state and history (support or admin).
#[utoipa::path(get, path = paths::ADMIN_LICENSE, tag = "admin", security(("bearer" = []), ("session" = [])),
    params(("serial" = String, Path, description = "The serial number", example = "928T5F-CY4TCH", pattern = "^[0-9A-Za-z]{6}-?[0-9A-Za-z]{6}$")),
    responses(
        (status = 200, description = "State, states, installations, issuances, audit", body = LicenseView),
        (status = 400, description = "`invalid_input`: not a serial number", body = Problem, content_type = "application/problem+json"),
        StaffOnly,
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
        Unavailable,
    ))]
pub async fn show_license(
    State(state): State<AppState>,
    _caller: Caller,
    Path(serial): Path<String>,
) -> Result<Json<LicenseView>, ApiError> {
    Ok(Json(catalog::show_license(&state.db, &serial).await?))
}

/// Change a licence (admin): the language of its contact's mail.
#[utoipa::path(patch, path = paths::ADMIN_LICENSE, tag = "admin", request_body = LicenseChange, security(("bearer" = []), ("session" = [])),
    params(("serial" = String, Path, description = "The serial number", example = "928T5F-CY4TCH", pattern = "^[0-9A-Za-z]{6}-?[0-9A-Za-z]{6}$")),
    responses(
        (status = 200, description = "The licence as changed", body = LicenseView),
        (status = 400, description = "`invalid_body`, `invalid_input` (not a serial, not a language the catalogue has)", body = Problem, content_type = "application/problem+json"),
        AdminOnly,
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
        BodyRefused,
        Unavailable,
    ))]
pub async fn change_license(
    State(state): State<AppState>,
    caller: Caller,
    Path(serial): Path<String>,
    ApiJson(body): ApiJson<LicenseChange>,
) -> Result<Json<LicenseView>, ApiError> {
    caller.require_admin()?;
    catalog::set_language(&state.db, &serial, &body.language, &caller.actor()).await?;
    Ok(Json(catalog::show_license(&state.db, &serial).await?))
}

/// Queue an upgrade (admin): the next state, which installations get with their next request.
#[utoipa::path(post, path = paths::ADMIN_UPGRADES, tag = "admin", request_body = QueueUpgrade, security(("bearer" = []), ("session" = [])),
    params(("serial" = String, Path, description = "The serial number", example = "928T5F-CY4TCH", pattern = "^[0-9A-Za-z]{6}-?[0-9A-Za-z]{6}$")),
    responses(
        (status = 201, description = "Queued", body = UpgradeQueued),
        (status = 400, description = "`invalid_body`, `invalid_input` (not a serial, an unknown entitlement, a bad value, nothing changes)", body = Problem, content_type = "application/problem+json"),
        AdminOnly,
        (status = 404, description = "`not_found`", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`conflict`: every update counter is used", body = Problem, content_type = "application/problem+json"),
        BodyRefused,
        Unavailable,
    ))]
pub async fn queue_upgrade(
    State(state): State<AppState>,
    caller: Caller,
    Path(serial): Path<String>,
    ApiJson(body): ApiJson<QueueUpgrade>,
) -> Result<(StatusCode, Json<UpgradeQueued>), ApiError> {
    caller.require_admin()?;
    let view = catalog::queue_upgrade(&state.db, &serial, &body.set.assignments(), &body.note, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Release an installation (admin), freeing its place.
#[utoipa::path(delete, path = paths::ADMIN_INSTALLATION, tag = "admin", security(("bearer" = []), ("session" = [])),
    params(("serial" = String, Path, description = "The serial number", example = "928T5F-CY4TCH", pattern = "^[0-9A-Za-z]{6}-?[0-9A-Za-z]{6}$"),
        ("key_id" = String, Path, description = "The installation's key id, 16 hex digits", example = "0123456789ABCDEF", pattern = "^[0-9A-Fa-f]{16}$")),
    responses(
        (status = 200, description = "Released", body = Released),
        (status = 400, description = "`invalid_input`: not a serial number or key id", body = Problem, content_type = "application/problem+json"),
        AdminOnly,
        (status = 404, description = "`not_found`: no such licence or bound installation", body = Problem, content_type = "application/problem+json"),
        Unavailable,
    ))]
pub async fn release_installation(
    State(state): State<AppState>,
    caller: Caller,
    Path((serial, key_id)): Path<(String, String)>,
) -> Result<Json<Released>, ApiError> {
    caller.require_admin()?;
    Ok(Json(installations::release_installation(&state.db, &serial, &key_id, &caller.actor()).await?))
}

/// Create an API token (admin); it is shown once.
#[utoipa::path(post, path = paths::ADMIN_TOKENS, tag = "admin", request_body = NewToken, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 201, description = "The token, shown once", body = TokenCreated),
        (status = 400, description = "`invalid_body`", body = Problem, content_type = "application/problem+json"),
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
