//! The public API: activations, vendor keys, products, health.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use license_api::{
    paths, Activation, ActivationRequest, Keys, LookupAccepted, Problem, Products, ReleaseAnswer, ReleaseRequest,
    SerialLookup, TrustFile,
};
use license_codes::{ReleaseCode, RequestCode};

use super::extract::{ApiJson, ClientIp};
use super::openapi::{
    BodyRefused, CodeRefused, InvalidInput, IssuanceRefused, MailOff, ReleaseRefused, Unavailable, UnknownSerial,
    WrongCode,
};
use super::AppState;
use crate::issuance::Origin;
use crate::{catalog, ApiError};

/// Answer a request code with a response code.
///
/// One cumulative response brings the installation from its counter to the
/// licence's latest state. The same installation at the same counter gets
/// the stored response back (`already_issued`), byte for byte.
#[utoipa::path(post, path = paths::ACTIVATIONS, tag = "public", request_body = ActivationRequest,
    responses(
        (status = 200, description = "The signed response code", body = Activation),
        CodeRefused,
        UnknownSerial,
        IssuanceRefused,
        BodyRefused,
        WrongCode,
        (status = 429, description = "`rate_limited`; `Retry-After` says when to try again", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        Unavailable,
    ))]
pub async fn activate(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<ActivationRequest>,
) -> Result<Json<Activation>, ApiError> {
    state.limits.check_ip(ip)?;
    let request = RequestCode::parse(&body.request_code)?;
    state.limits.check_serial(request.serial.value())?;
    let origin = Origin { channel: body.channel.unwrap_or_default().into(), actor: ip.to_string() };
    let activation = state.issuer().activate(request, origin).await?;
    if activation.already_issued {
        state.metrics.repeats.inc();
    } else {
        state.metrics.issuances.inc();
    }
    Ok(Json(activation))
}

/// Give an installation's place back with a release code (moving the licence to another computer).
///
/// The release code's proof must come from the response that installation
/// holds. The same code again answers the same release (`already_released`).
#[utoipa::path(post, path = paths::RELEASES, tag = "public", request_body = ReleaseRequest,
    responses(
        (status = 200, description = "Released: the licence's installations now", body = ReleaseAnswer),
        CodeRefused,
        UnknownSerial,
        ReleaseRefused,
        WrongCode,
        (status = 429, description = "`rate_limited`", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        BodyRefused,
        Unavailable,
    ))]
pub async fn release(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<ReleaseRequest>,
) -> Result<Json<ReleaseAnswer>, ApiError> {
    state.limits.check_ip(ip)?;
    let code = ReleaseCode::parse(&body.release_code)?;
    state.limits.check_serial(code.serial.value())?;
    let answer =
        crate::releases::release(&state.db, &state.products, &code, state.settings.transfer_limit, &ip.to_string())
            .await?;
    Ok(Json(answer))
}

/// The vendor public keys by id, and which one signs now.
#[utoipa::path(get, path = paths::KEYS, tag = "public", responses((status = 200, description = "Every vendor public key", body = Keys)))]
pub async fn keys(State(state): State<AppState>) -> Json<Keys> {
    Json(Keys { keys: state.keys.public_entries(), active: state.keys.active().0 })
}

/// Products and their entitlement names and kinds, for showing codes.
#[utoipa::path(get, path = paths::PRODUCTS, tag = "public", responses(
    (status = 200, description = "Every product", body = Products),
    Unavailable))]
pub async fn products(State(state): State<AppState>) -> Result<Json<Products>, ApiError> {
    Ok(Json(Products { products: catalog::products(&state.db).await? }))
}

/// Keys and products as a trust file, the one a program is built with.
#[utoipa::path(get, path = paths::TRUST, tag = "public", responses(
    (status = 200, description = "The trust file", body = TrustFile),
    Unavailable))]
pub async fn trust(State(state): State<AppState>) -> Result<Json<TrustFile>, ApiError> {
    Ok(Json(TrustFile { keys: state.keys.public_entries(), products: catalog::products(&state.db).await? }))
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`, `ready`, or what is wrong.
    status: &'static str,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = paths::HEALTHZ, tag = "operations", responses((status = 200, description = "Alive", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Readiness: the database answers.
#[utoipa::path(get, path = paths::READYZ, tag = "operations", responses(
    (status = 200, description = "Ready", body = Health),
    (status = 503, description = "The database does not answer", body = Health)))]
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    if state.db.ping().await {
        (StatusCode::OK, Json(Health { status: "ready" }))
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "database unreachable" }))
    }
}

pub async fn api_not_found() -> ApiError {
    ApiError::NotFound("this API path".into())
}

/// A method a path does not take: a problem document, as every error
/// (axum keeps the `Allow` header it computed).
pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    let path: String = uri.path().chars().take(200).collect();
    ApiError::MethodNotAllowed(format!("{method} is not a method of {path}"))
}

/// "Lost your serial number?": mails the serial numbers of the licences
/// `email` is the technical contact for to that address, and only to it.
/// The answer is the same whether or not the address is on file.
#[utoipa::path(post, path = paths::SERIALS_LOOKUP, tag = "public", request_body = SerialLookup,
    responses(
        (status = 202, description = "If the address is a contact on file, its serial numbers are on their way to it", body = LookupAccepted),
        InvalidInput,
        BodyRefused,
        MailOff,
        (status = 429, description = "`rate_limited`: too many lookups from this client or for this address; `Retry-After` says when to try again", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
pub async fn lookup_serials(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<SerialLookup>,
) -> Result<(StatusCode, Json<LookupAccepted>), ApiError> {
    let email = catalog::licenses::contact_email(&body.email)
        .map_err(|_| ApiError::InvalidInput("email must be an email address such as it@customer.example".into()))?;
    state.limits.check_lookup(ip, &email)?;
    let mailer = state.mailer.clone().ok_or(ApiError::MailOff)?;
    // After the answer, so it takes as long whether or not the address is on file.
    let (db, public_url, address) = (state.db.clone(), state.settings.public_url.clone(), email.clone());
    tokio::spawn(async move {
        if let Err(e) = crate::mail::lost_serials::mail_serials(&db, &mailer, public_url.as_deref(), &address).await {
            tracing::warn!(error = %e, "a serial-number lookup could not be answered");
        }
    });
    let detail =
        "If this address is the technical contact of licences on file, their serial numbers are on their way to it.";
    Ok((StatusCode::ACCEPTED, Json(LookupAccepted { detail: detail.into() })))
}
