//! The public API: activations, vendor keys, products, health.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use license_codes::{RequestCode, TrustFile};
use serde_json::{json, Value};

use super::extract::ApiJson;
use super::AppState;
use crate::activation::{Activation, Issuer};
use crate::{catalog, ApiError};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivationRequest {
    request_code: String,
}

fn client_ip(state: &AppState, headers: &HeaderMap, peer: SocketAddr) -> IpAddr {
    if state.options.trust_forwarded_for {
        let forwarded = headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
        if let Some(ip) = forwarded.and_then(|v| v.split(',').next()).and_then(|v| v.trim().parse().ok()) {
            return ip;
        }
    }
    peer.ip()
}

/// `POST /api/v1/activations`: a request code in, a response code out.
pub async fn activate(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ActivationRequest>,
) -> Result<Json<Activation>, ApiError> {
    state.limits.check_ip(client_ip(&state, &headers, peer))?;
    let request = RequestCode::parse(&body.request_code)?;
    state.limits.check_serial(request.serial.value())?;
    let issuer =
        Issuer { db: &state.db, keys: &state.keys, products: &state.products, batcher: state.batcher.as_ref() };
    let activation = issuer.activate(request).await?;
    if activation.already_issued {
        state.metrics.repeats.inc();
    } else {
        state.metrics.issuances.inc();
    }
    Ok(Json(activation))
}

/// `GET /api/v1/keys`: the vendor public keys by id, and which one signs now.
pub async fn keys(State(state): State<AppState>) -> Json<Value> {
    Json(json!({"keys": state.keys.public_entries(), "active": state.keys.active().0}))
}

/// `GET /api/v1/products`: products and their entitlement names, for display.
pub async fn products(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!({"products": catalog::products(&state.db).await?})))
}

/// `GET /api/v1/trust`: keys and products as a trust file, for building programs.
pub async fn trust(State(state): State<AppState>) -> Result<Json<TrustFile>, ApiError> {
    Ok(Json(TrustFile { keys: state.keys.public_entries(), products: catalog::products(&state.db).await? }))
}

pub async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    if state.db.ping().await {
        (StatusCode::OK, Json(json!({"status": "ready"})))
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, Json(json!({"status": "database unreachable"})))
    }
}

pub async fn api_not_found() -> ApiError {
    ApiError::NotFound("this API path".into())
}
