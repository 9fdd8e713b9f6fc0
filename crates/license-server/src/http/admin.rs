//! The admin and support API under `/api/v1/admin/`. Every call needs a
//! bearer token; changes need the admin role, reading a licence either role.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use license_codes::{Product, SerialNumber};
use serde_json::{json, Value};

use super::extract::ApiJson;
use super::AppState;
use crate::catalog::{self, NewLicense};
use crate::tokens::{self, Caller, Role};
use crate::ApiError;

pub async fn add_product(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(product): ApiJson<Product>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    caller.require_admin()?;
    catalog::add_product(&state.db, &product, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(json!(product))))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateLicense {
    product: String,
    contact_email: String,
    #[serde(default = "one")]
    max_installations: i64,
    #[serde(default)]
    entitlements: BTreeMap<String, Value>,
    serial: Option<String>,
}

fn one() -> i64 {
    1
}

pub async fn create_license(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateLicense>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    caller.require_admin()?;
    let serial = body
        .serial
        .map(|s| SerialNumber::parse(&s).map_err(|e| ApiError::InvalidInput(format!("serial: {e}"))))
        .transpose()?;
    let new = NewLicense {
        product: body.product,
        contact_email: body.contact_email,
        max_installations: body.max_installations,
        assignments: catalog::assignments(&body.entitlements)?,
        serial,
    };
    Ok((StatusCode::CREATED, Json(catalog::create_license(&state.db, new, &caller.actor()).await?)))
}

pub async fn show_license(
    State(state): State<AppState>,
    _caller: Caller,
    Path(serial): Path<String>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(catalog::show_license(&state.db, &serial).await?))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueUpgrade {
    set: BTreeMap<String, Value>,
    #[serde(default)]
    note: String,
}

pub async fn queue_upgrade(
    State(state): State<AppState>,
    caller: Caller,
    Path(serial): Path<String>,
    ApiJson(body): ApiJson<QueueUpgrade>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    caller.require_admin()?;
    let assignments = catalog::assignments(&body.set)?;
    let view = catalog::queue_upgrade(&state.db, &serial, &assignments, &body.note, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

pub async fn release_installation(
    State(state): State<AppState>,
    caller: Caller,
    Path((serial, key_id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    caller.require_admin()?;
    Ok(Json(catalog::release_installation(&state.db, &serial, &key_id, &caller.actor()).await?))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateToken {
    name: String,
    role: Role,
}

pub async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateToken>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    caller.require_admin()?;
    let token = tokens::create(&state.db, &body.name, body.role, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(json!({"token": token, "name": body.name, "role": body.role}))))
}
