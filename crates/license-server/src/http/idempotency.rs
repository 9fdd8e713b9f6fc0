//! `Idempotency-Key` on the admin API's orders (`POST /api/v1/admin/licenses`,
//! `POST /api/v1/admin/licenses/{serial}/upgrades`), after the IETF httpapi
//! draft: a shop or CRM that sends an order again with the same key, within
//! 24 hours, gets the first answer again (status and body) and nothing is
//! done twice, also when both arrive at once on two servers; the same key
//! with another body is `idempotency_key_reused` (422).
//!
//! A key is claimed in its own short transaction before the order runs (the
//! primary key makes one claimant win, on SQLite and across servers on
//! PostgreSQL), and filled with the answer when it succeeds. A failed order
//! frees its key, so the client may correct it and send it again. A claim
//! left by a server that died mid-order is taken over after a minute.

use std::future::Future;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::staff::unix_now;
use crate::ApiError;

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// How long a key answers with its first answer.
const WINDOW_SECONDS: i64 = 24 * 3600;
/// How long an unfinished claim is waited for before it is taken over.
const ABANDONED_SECONDS: i64 = 60;
/// How long a concurrent request with the same key waits for the first.
const WAIT_SECONDS: u64 = 15;

/// The request's key, if it has one: 1 to 255 visible ASCII characters.
pub fn key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(HEADER) else { return Ok(None) };
    let text = value.to_str().ok().map(|t| t.trim().trim_matches('"')).unwrap_or_default();
    if text.is_empty() || text.len() > 255 || !text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Err(ApiError::InvalidInput(
            "the Idempotency-Key header is 1 to 255 visible ASCII characters (a UUID, say)".into(),
        ));
    }
    Ok(Some(text.to_string()))
}

/// What makes two requests the same: the operation and the body as read.
pub fn fingerprint(operation: &str, body: &impl serde::Serialize) -> String {
    let body = serde_json::to_string(body).unwrap_or_default();
    hex::encode(Sha256::new().chain_update(operation).chain_update([0]).chain_update(body).finalize())
}

/// Runs `order` once for (`scope`, `key`) in 24 hours and answers with its
/// answer; without a key, simply runs it. `scope` keeps callers' keys apart.
pub async fn once<F, Fut>(
    db: &Db,
    key: Option<String>,
    scope: &str,
    fingerprint: &str,
    order: F,
) -> Result<Response, ApiError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<(StatusCode, String), ApiError>>,
{
    let Some(key) = key else { return order().await.map(|(status, body)| json(status, body)) };
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(WAIT_SECONDS);
    loop {
        if claim(db, scope, &key, fingerprint).await? {
            return match order().await {
                Ok((status, body)) => {
                    let mut tx = db.begin().await?;
                    sqlx::query("UPDATE idempotency_keys SET status = $1, body = $2 WHERE scope = $3 AND key = $4")
                        .bind(i64::from(status.as_u16()))
                        .bind(&body)
                        .bind(scope)
                        .bind(&key)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Ok(json(status, body))
                }
                Err(e) => {
                    release(db, scope, &key).await?;
                    Err(e)
                }
            };
        }
        let row: Option<(String, Option<i64>, Option<String>, i64)> = sqlx::query_as(
            "SELECT fingerprint, status, body, created_unix FROM idempotency_keys WHERE scope = $1 AND key = $2",
        )
        .bind(scope)
        .bind(&key)
        .fetch_optional(db.read())
        .await?;
        match row {
            // Freed or expired meanwhile: claim it again.
            None => continue,
            Some((theirs, _, _, _)) if theirs != fingerprint => return Err(ApiError::IdempotencyKeyReused),
            Some((_, Some(status), Some(body), _)) => {
                let status = StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK);
                return Ok(json(status, body));
            }
            Some((_, _, _, created)) if unix_now() - created > ABANDONED_SECONDS => {
                // The server that claimed it died mid-order: take it over.
                let mut tx = db.begin().await?;
                sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_unix = $3")
                    .bind(scope)
                    .bind(&key)
                    .bind(created)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            Some(_) if tokio::time::Instant::now() >= deadline => {
                return Err(ApiError::Conflict(
                    "a request with this Idempotency-Key is still being processed; send it again in a moment".into(),
                ))
            }
            Some(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
}

/// Claims the key; false when another request holds it. Expired keys are
/// forgotten first.
async fn claim(db: &Db, scope: &str, key: &str, fingerprint: &str) -> Result<bool, ApiError> {
    let now = unix_now();
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM idempotency_keys WHERE created_unix < $1")
        .bind(now - WINDOW_SECONDS)
        .execute(&mut *tx)
        .await?;
    let claimed: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO idempotency_keys (scope, key, fingerprint, created_unix) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING RETURNING created_unix",
    )
    .bind(scope)
    .bind(key)
    .bind(fingerprint)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(claimed.is_some())
}

async fn release(db: &Db, scope: &str, key: &str) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2")
        .bind(scope)
        .bind(key)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
}
