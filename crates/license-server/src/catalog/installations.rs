//! Installations: the key ids bound to a licence, each taking one of its
//! places until released.

use license_api::{InstallationView, Released};
use license_codes::KeyId;

use super::licenses::{license_by_text, LicenseRow};
use super::now;
use crate::db::Db;
use crate::{audit, ApiError};

/// A licence's installations, with the update each last received.
pub async fn of_license(db: &Db, license: &LicenseRow) -> Result<Vec<InstallationView>, ApiError> {
    let rows: Vec<(i64, String, Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT n.key_id, n.bound_at, n.released_at, \
         (SELECT MAX(i.to_counter) FROM issuances i WHERE i.license_id = n.license_id AND i.key_id = n.key_id) \
         FROM installations n WHERE n.license_id = $1 ORDER BY n.bound_at",
    )
    .bind(license.id)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(k, bound_at, released_at, last)| InstallationView {
            key_id: KeyId(k as u64).to_string(),
            bound_at,
            waiting: released_at.is_none() && last.unwrap_or(0) < license.latest_counter,
            released_at,
            last_issued_counter: last,
        })
        .collect())
}

/// Releases an installation's binding, freeing its place on the licence.
pub async fn release_installation(db: &Db, serial: &str, key_id: &str, actor: &str) -> Result<Released, ApiError> {
    let license = license_by_text(db, serial).await?;
    let key = KeyId::parse_hex(&key_id.to_uppercase())
        .ok_or_else(|| ApiError::InvalidInput("a key id is 16 hex digits".into()))?;
    let mut tx = db.begin().await?;
    db.lock_license(&mut tx, license.id).await?;
    let released = sqlx::query(
        "UPDATE installations SET released_at = $1 WHERE license_id = $2 AND key_id = $3 AND released_at IS NULL",
    )
    .bind(now())
    .bind(license.id)
    .bind(key.0 as i64)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if released == 0 {
        return Err(ApiError::NotFound(format!("a bound installation {key} on licence {}", license.serial())));
    }
    let view = Released { serial: license.serial().to_code(), key_id: key.to_string(), released: true };
    audit::record(&mut tx, actor, "installation.release", Some(license.id), serde_json::json!(view)).await?;
    tx.commit().await?;
    Ok(view)
}
