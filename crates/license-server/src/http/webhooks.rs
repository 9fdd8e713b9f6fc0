//! `/api/v1/admin/webhooks`: endpoints the vendor's systems receive events
//! at, their secrets and their deliveries. Admins only: a webhook is a URL
//! this server will call, with data about every licence.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use license_api::{paths, NewWebhook, WebhookDelivery, WebhookSecret, WebhookView};

use super::extract::{ApiJson, ApiPath};
use super::openapi::{AdminOnly, BodyRefused, InvalidInput, NotFound, Unavailable};
use super::AppState;
use crate::tokens::Caller;
use crate::webhooks::{endpoints, WebhookSettings};
use crate::ApiError;

fn settings(state: &AppState) -> Result<&WebhookSettings, ApiError> {
    state.webhooks.as_ref().ok_or(ApiError::Unavailable)
}

/// Add a webhook endpoint (admin): answers with its id and its secret, shown this once.
#[utoipa::path(post, path = paths::ADMIN_WEBHOOKS, tag = "webhooks", request_body = NewWebhook, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 201, description = "Added; the secret (`whsec_…`) is shown only now", body = WebhookSecret),
        InvalidInput,
        AdminOnly,
        BodyRefused,
        Unavailable,
    ))]
pub async fn add_webhook(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewWebhook>,
) -> Result<(StatusCode, Json<WebhookSecret>), ApiError> {
    caller.require_admin()?;
    let webhooks = settings(&state)?;
    let created = endpoints::add(&state.db, &webhooks.key, &body, webhooks.allow_private, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The webhook endpoints (admin), with how many deliveries wait and failed.
#[utoipa::path(get, path = paths::ADMIN_WEBHOOKS, tag = "webhooks", security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, description = "Every endpoint, oldest first", body = [WebhookView]),
        AdminOnly,
        Unavailable,
    ))]
pub async fn list_webhooks(State(state): State<AppState>, caller: Caller) -> Result<Json<Vec<WebhookView>>, ApiError> {
    caller.require_admin()?;
    Ok(Json(endpoints::list(&state.db).await?))
}

/// Remove a webhook endpoint (admin); what waits for it is not sent.
#[utoipa::path(delete, path = paths::ADMIN_WEBHOOK, tag = "webhooks", security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "The endpoint's id", example = "wh_0123456789abcdef")),
    responses(
        (status = 204, description = "Removed"),
        AdminOnly,
        NotFound,
        Unavailable,
    ))]
pub async fn remove_webhook(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    caller.require_admin()?;
    endpoints::remove(&state.db, &id, &caller.actor()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Rotate a webhook endpoint's secret (admin): the new one, shown this once,
/// signs every attempt from now on, retries of earlier events included.
#[utoipa::path(post, path = paths::ADMIN_WEBHOOK_SECRET, tag = "webhooks", security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "The endpoint's id", example = "wh_0123456789abcdef")),
    responses(
        (status = 200, description = "The new secret, shown only now", body = WebhookSecret),
        AdminOnly,
        NotFound,
        Unavailable,
    ))]
pub async fn rotate_secret(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<WebhookSecret>, ApiError> {
    caller.require_admin()?;
    Ok(Json(endpoints::rotate(&state.db, &settings(&state)?.key, &id, &caller.actor()).await?))
}

/// A webhook endpoint's last 100 deliveries (admin), newest first: state, attempts, the last answer.
#[utoipa::path(get, path = paths::ADMIN_WEBHOOK_DELIVERIES, tag = "webhooks", security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "The endpoint's id", example = "wh_0123456789abcdef")),
    responses(
        (status = 200, description = "Its deliveries, newest first", body = [WebhookDelivery]),
        AdminOnly,
        NotFound,
        Unavailable,
    ))]
pub async fn list_deliveries(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Vec<WebhookDelivery>>, ApiError> {
    caller.require_admin()?;
    Ok(Json(endpoints::deliveries(&state.db, &id).await?))
}

/// Send a delivery again now (admin): the same event and `webhook-id`, signed with the current secret.
#[utoipa::path(post, path = paths::ADMIN_WEBHOOK_RETRY, tag = "webhooks", security(("bearer" = []), ("session" = [])),
    params(
        ("id" = String, Path, description = "The endpoint's id", example = "wh_0123456789abcdef"),
        ("delivery" = i64, Path, description = "The delivery's id", example = 1),
    ),
    responses(
        (status = 202, description = "Waiting to be sent, at once", body = WebhookDelivery),
        AdminOnly,
        NotFound,
        Unavailable,
    ))]
pub async fn send_again(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, delivery)): ApiPath<(String, String)>,
) -> Result<(StatusCode, Json<WebhookDelivery>), ApiError> {
    caller.require_admin()?;
    let delivery = delivery.parse::<i64>().map_err(|_| {
        ApiError::NotFound(format!(
            "delivery {} of webhook endpoint {id}",
            delivery.chars().take(20).collect::<String>()
        ))
    })?;
    Ok((StatusCode::ACCEPTED, Json(endpoints::send_again(&state.db, &id, delivery, &caller.actor()).await?)))
}
