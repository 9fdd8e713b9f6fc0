//! Installations: the key ids bound to a licence, each taking one of its
//! places until released.

use license_api::{InstallationView, Released};
use license_codes::KeyId;

use super::licenses::{license_by_text, LicenseRow};
use super::now;
use crate::db::{Db, Tx};
use crate::webhooks::{self, Event};
use crate::{audit, ApiError};

/// An installation, with the update it last received.
#[derive(sqlx::FromRow)]
struct InstallationRow {
    key_id: i64,
    bound_at: String,
    released_at: Option<String>,
    last_issued_counter: Option<i64>,
    released_by: Option<String>,
    release_code: Option<String>,
}

/// A licence's installations, with the update each last received.
pub async fn of_license(db: &Db, license: &LicenseRow) -> Result<Vec<InstallationView>, ApiError> {
    let rows: Vec<InstallationRow> = sqlx::query_as(
        "SELECT n.key_id, n.bound_at, n.released_at, \
         (SELECT MAX(i.to_counter) FROM issuances i WHERE i.license_id = n.license_id AND i.key_id = n.key_id) \
         AS last_issued_counter, \
         n.released_by, n.release_code \
         FROM installations n WHERE n.license_id = $1 ORDER BY n.bound_at",
    )
    .bind(license.id)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|n| InstallationView {
            key_id: KeyId(n.key_id as u64).to_string(),
            bound_at: n.bound_at,
            waiting: n.released_at.is_none() && n.last_issued_counter.unwrap_or(0) < license.latest_counter,
            released_at: n.released_at,
            last_issued_counter: n.last_issued_counter,
            released_by: n.released_by,
            release_code: n.release_code,
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
    if !mark_released(&mut tx, license.id, key, Releaser::Staff(actor), &now()).await? {
        return Err(ApiError::NotFound(format!("a bound installation {key} on licence {}", license.serial())));
    }
    let view = Released { serial: license.serial().to_code(), key_id: key.to_string(), released: true };
    audit::record(&mut tx, actor, "installation.release", Some(license.id), serde_json::json!(view)).await?;
    tx.commit().await?;
    Ok(view)
}

/// Who releases an installation.
pub enum Releaser<'a> {
    /// Staff (the console, the admin API, the command line): not limited.
    Staff(&'a str),
    /// The customer, with this release code, counted against the licence's limit.
    Customer { code: &'a str },
}

/// Marks installation `key` of a licence released (a trigger frees its
/// place), inside the caller's transaction. False when it is not bound, or
/// already released.
pub async fn mark_released(
    tx: &mut Tx,
    license_id: i64,
    key: KeyId,
    by: Releaser<'_>,
    at: &str,
) -> Result<bool, ApiError> {
    let (released_by, channel, code) = match by {
        Releaser::Staff(actor) => (actor, "staff", None),
        Releaser::Customer { code } => ("customer", "customer", Some(code)),
    };
    let released = sqlx::query(
        "UPDATE installations SET released_at = $1, released_by = $2, release_channel = $3, release_code = $4 \
         WHERE license_id = $5 AND key_id = $6 AND released_at IS NULL",
    )
    .bind(at)
    .bind(released_by)
    .bind(channel)
    .bind(code)
    .bind(license_id)
    .bind(key.0 as i64)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if released == 1 {
        let (serial, used, allowed): (i64, i64, i64) =
            sqlx::query_as("SELECT serial, bound_installations, max_installations FROM licenses WHERE id = $1")
                .bind(license_id)
                .fetch_one(&mut **tx)
                .await?;
        let data = serde_json::json!({
            "serial": license_codes::SerialNumber::new(serial as u64).map(|s| s.to_code()).unwrap_or_default(),
            "key_id": key.to_string(),
            "channel": channel,
            "released_at": at,
            "installations_used": used,
            "installations_allowed": allowed,
        });
        webhooks::record(tx, Event::InstallationReleased, data).await?;
    }
    Ok(released == 1)
}
