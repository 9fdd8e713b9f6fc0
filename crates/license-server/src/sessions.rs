//! Console sessions, kept in the database so several servers share them.
//! The cookie holds a random secret; the database only its SHA-256. A
//! session ends after [`crate::HttpSettings::session_idle`] without use,
//! after [`crate::HttpSettings::session_max`] in all, at sign-out, and at
//! once when its account is disabled.

use std::time::Duration;

use license_api::Role;

use crate::db::Db;
use crate::staff::{sha256_hex, unix_now, Cause, Staff};
use crate::ApiError;

/// A session's use is written back at most every 30 seconds (or half the
/// idle limit, if shorter), so reading pages does not write on every request.
fn touch_every(idle: Duration) -> i64 {
    (idle.as_secs() as i64 / 2).clamp(0, 30)
}

/// Opens a session for `staff`; returns the cookie's secret.
pub async fn open(db: &Db, staff: &Staff) -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(e.to_string()))?;
    let secret = hex::encode(bytes);
    let now = unix_now();
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO sessions (token_hash, staff_id, created_unix, last_seen_unix) VALUES ($1, $2, $3, $4)")
        .bind(sha256_hex(&secret))
        .bind(staff.id)
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(secret)
}

/// A live session and its staff member.
#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    email: String,
    role: String,
    products: String,
    created_unix: i64,
    last_seen_unix: i64,
}

/// The staff member a cookie's secret belongs to, if its session is live.
pub async fn resume(db: &Db, secret: &str, idle: Duration, max: Duration) -> Result<Staff, ApiError> {
    let now = unix_now();
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT s.id, s.email, s.role, s.products, n.created_unix, n.last_seen_unix FROM sessions n \
         JOIN staff s ON s.id = n.staff_id WHERE n.token_hash = $1 AND s.disabled_at IS NULL",
    )
    .bind(sha256_hex(secret))
    .fetch_optional(db.read())
    .await?;
    let SessionRow { id, email, role, products, created_unix, last_seen_unix } =
        row.ok_or(ApiError::Unauthenticated(Cause::Session))?;
    if now - last_seen_unix > idle.as_secs() as i64 || now - created_unix > max.as_secs() as i64 {
        close(db, secret).await?;
        return Err(ApiError::Unauthenticated(Cause::Session));
    }
    if now - last_seen_unix >= touch_every(idle) {
        let mut tx = db.begin().await?;
        sqlx::query("UPDATE sessions SET last_seen_unix = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(sha256_hex(secret))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(Staff {
        id,
        email,
        role: Role::parse(&role).ok_or(ApiError::Unauthenticated(Cause::Session))?,
        products: crate::staff::products_of(&products),
    })
}

/// Ends a session (signing out).
pub async fn close(db: &Db, secret: &str) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(sha256_hex(secret)).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}
