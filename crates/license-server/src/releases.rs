//! A customer gives an installation's place back with a release code, made
//! by the program when it gave up its licence (`license release`).
//!
//! The code's proof must be the one computed from the signature of a
//! response this server issued to that installation at the counter the code
//! names: only the installation (and this server) hold that signature, so
//! knowing a serial number, or even a request code, is not enough. Customer
//! releases per licence are limited (by default 3 in 365 days); staff
//! release without limit (`catalog::installations`).

use license_api::{ProductRef, ReleaseAnswer};
use license_codes::{ReleaseCode, ResponseCode};

use crate::catalog::installations::{mark_released, Releaser};
use crate::catalog::{find_license, now, ProductCache};
use crate::db::Db;
use crate::{audit, ApiError};

/// The window a licence's transfer limit counts releases in.
const TRANSFER_WINDOW_DAYS: i64 = 365;

/// Verifies `code` and releases its installation (see the module comment).
/// The same code again answers the same release, with `already_released`.
pub async fn release(
    db: &Db,
    products: &ProductCache,
    code: &ReleaseCode,
    default_limit: u16,
    actor: &str,
) -> Result<ReleaseAnswer, ApiError> {
    let serial = code.serial.to_code();
    let key_id = code.key_id.to_string();
    let license =
        find_license(db, code.serial).await?.ok_or_else(|| ApiError::UnknownSerial { serial: serial.clone() })?;
    if license.product_id != i64::from(code.product) {
        return Err(ApiError::WrongProduct { serial, licensed: license.product_id as u16, requested: code.product });
    }
    let product = products.get(db, code.product).await?;
    let installation: Option<(Option<String>,)> =
        sqlx::query_as("SELECT released_at FROM installations WHERE license_id = $1 AND key_id = $2")
            .bind(license.id)
            .bind(code.key_id.0 as i64)
            .fetch_optional(db.read())
            .await?;
    let Some((released_at,)) = installation else {
        return Err(ApiError::KeyIdNotFound { serial, key_id, released: false });
    };
    // The responses issued to it up to that counter: it holds one of them.
    let held: Vec<(String,)> =
        sqlx::query_as("SELECT response_code FROM issuances WHERE license_id = $1 AND key_id = $2 AND to_counter = $3")
            .bind(license.id)
            .bind(code.key_id.0 as i64)
            .bind(i64::from(code.counter))
            .fetch_all(db.read())
            .await?;
    let proven = held.iter().filter_map(|(text,)| ResponseCode::parse(text).ok()).any(|r| code.proves(&r));
    if !proven {
        return Err(ApiError::ReleaseProofMismatch { serial, key_id });
    }
    let answer = |released_at: String, already_released: bool, used: i64| ReleaseAnswer {
        product: ProductRef { id: product.id, name: product.name.clone() },
        serial: serial.clone(),
        key_id: key_id.clone(),
        installations_used: used,
        installations_allowed: license.max_installations,
        released_at,
        already_released,
    };
    if let Some(at) = released_at {
        return Ok(answer(at, true, license.bound_installations));
    }
    let mut tx = db.begin().await?;
    db.lock_license(&mut tx, license.id).await?;
    let limit: (Option<i64>,) = sqlx::query_as("SELECT transfer_limit FROM licenses WHERE id = $1")
        .bind(license.id)
        .fetch_one(&mut *tx)
        .await?;
    let limit = limit.0.map_or(default_limit, |l| l.clamp(0, i64::from(u16::MAX)) as u16);
    let since = (time::OffsetDateTime::now_utc() - time::Duration::days(TRANSFER_WINDOW_DAYS))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("formattable");
    let (recent,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM installations WHERE license_id = $1 AND release_channel = 'customer' AND released_at >= $2",
    )
    .bind(license.id)
    .bind(since)
    .fetch_one(&mut *tx)
    .await?;
    if recent >= i64::from(limit) {
        return Err(ApiError::TransferLimit { serial, limit });
    }
    let at = now();
    let text = code.to_code();
    if !mark_released(&mut tx, license.id, code.key_id, Releaser::Customer { code: &text }, &at).await? {
        // Released meanwhile by a concurrent request: answer with that release.
        drop(tx);
        return Box::pin(release(db, products, code, default_limit, actor)).await;
    }
    let (used,): (i64,) = sqlx::query_as("SELECT bound_installations FROM licenses WHERE id = $1")
        .bind(license.id)
        .fetch_one(&mut *tx)
        .await?;
    let detail =
        serde_json::json!({"key_id": key_id, "channel": "customer", "release_code": text, "counter": code.counter});
    audit::record(&mut tx, actor, "installation.release", Some(license.id), detail).await?;
    tx.commit().await?;
    Ok(answer(at, false, used))
}
