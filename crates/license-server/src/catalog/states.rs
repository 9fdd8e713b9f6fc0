//! A licence's states: the full entitlements at each counter. Counter 1 is
//! the purchase; each queued upgrade adds the next.

use license_api::{EntitlementChange, EntitlementValues, UpgradeQueued};
use license_codes::messages::Lang;
use license_codes::{Entitlements, Product};

use super::licenses::{license_by_text, license_in_tx};
use super::now;
use crate::db::{Db, Tx};
use crate::mail::outbox::{self, Reason};
use crate::mail::{compose, Announce};
use crate::webhooks::{self, Event};
use crate::{audit, ApiError};

/// `base` with `assignments` (`NAME=VALUE`) applied, checked to fit a response code.
pub(crate) fn assign(product: &Product, base: &Entitlements, assignments: &[String]) -> Result<Entitlements, ApiError> {
    let mut e = base.clone();
    product.assign(&mut e, assignments).map_err(|e| ApiError::InvalidInput(e.to_string()))?;
    if e.encoded_bits() > license_codes::MAX_ENTITLEMENT_BITS {
        return Err(ApiError::InvalidInput(
            "these entitlements do not fit in a response code (at most 95 bits: use fewer or smaller values)".into(),
        ));
    }
    Ok(e)
}

pub(crate) async fn insert_state(
    tx: &mut Tx,
    license_id: i64,
    counter: i64,
    e: &Entitlements,
    note: &str,
    actor: &str,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO license_states (license_id, counter, entitlements, digest, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(license_id)
    .bind(counter)
    .bind(serde_json::to_string(e).expect("serialisable"))
    .bind(i64::from(e.digest()))
    .bind(note)
    .bind(actor)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn parse(e: &str) -> Result<Entitlements, ApiError> {
    serde_json::from_str(e).map_err(|e| ApiError::Internal(e.to_string()))
}

/// The entitlements of a licence at `counter` and their digest, from the read pool.
pub async fn state_at(db: &Db, license_id: i64, counter: i64) -> Result<Option<(Entitlements, i64)>, ApiError> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT entitlements, digest FROM license_states WHERE license_id = $1 AND counter = $2")
            .bind(license_id)
            .bind(counter)
            .fetch_optional(db.read())
            .await?;
    row.map(|(e, d)| Ok((parse(&e)?, d))).transpose()
}

/// The entitlements at `counter`, read inside `tx`.
pub async fn state_in_tx(tx: &mut Tx, license_id: i64, counter: i64) -> Result<Entitlements, ApiError> {
    let (e,): (String,) =
        sqlx::query_as("SELECT entitlements FROM license_states WHERE license_id = $1 AND counter = $2")
            .bind(license_id)
            .bind(counter)
            .fetch_one(&mut **tx)
            .await?;
    parse(&e)
}

/// One state of a licence, as its history lists it.
#[derive(sqlx::FromRow)]
pub struct StateRow {
    pub counter: i64,
    /// The entitlements as stored (JSON); [`all`] reads them.
    entitlements: String,
    pub note: String,
    pub created_by: String,
    pub created_at: String,
}

/// Every state of a licence in order, with its entitlements read.
pub async fn all(db: &Db, license_id: i64) -> Result<Vec<(StateRow, Entitlements)>, ApiError> {
    let rows: Vec<StateRow> = sqlx::query_as(
        "SELECT counter, entitlements, note, created_by, created_at FROM license_states WHERE license_id = $1 ORDER BY counter",
    )
    .bind(license_id)
    .fetch_all(db.read())
    .await?;
    rows.into_iter()
        .map(|row| {
            let entitlements = parse(&row.entitlements)?;
            Ok((row, entitlements))
        })
        .collect()
}

/// Queues an upgrade: the latest state with `assignments` applied becomes
/// the next counter. Installations get it with their next request.
pub async fn queue_upgrade(
    db: &Db,
    serial: &str,
    assignments: &[String],
    note: &str,
    actor: &str,
    announce: Option<Announce<'_>>,
) -> Result<UpgradeQueued, ApiError> {
    if note.chars().count() > 500 {
        return Err(ApiError::InvalidInput("a note is at most 500 characters".into()));
    }
    let license = license_by_text(db, serial).await?;
    let product = super::product(db, license.product_id as u16)
        .await?
        .ok_or_else(|| ApiError::Internal("licence without product".into()))?;
    let mut tx = db.begin().await?;
    db.lock_license(&mut tx, license.id).await?;
    let license = license_in_tx(&mut tx, license.id).await?;
    if license.latest_counter >= i64::from(u16::MAX) {
        return Err(ApiError::Conflict("this licence has used all 65535 update counters".into()));
    }
    let current = state_in_tx(&mut tx, license.id, license.latest_counter).await?;
    let next = assign(&product, &current, assignments)?;
    if next == current {
        return Err(ApiError::InvalidInput("this upgrade changes nothing".into()));
    }
    let counter = license.latest_counter + 1;
    insert_state(&mut tx, license.id, counter, &next, note, actor).await?;
    sqlx::query("UPDATE licenses SET latest_counter = $1 WHERE id = $2")
        .bind(counter)
        .bind(license.id)
        .execute(&mut *tx)
        .await?;
    let view = UpgradeQueued {
        serial: license.serial().to_code(),
        counter,
        note: note.to_string(),
        changes: next.changes_from(&current, Some(&product)).iter().map(EntitlementChange::from).collect(),
        entitlements: EntitlementValues::of(Some(&product), &next),
    };
    audit::record(&mut tx, actor, "upgrade.queue", Some(license.id), serde_json::json!(view)).await?;
    webhooks::record(&mut tx, Event::UpgradeQueued, serde_json::json!(view)).await?;
    if let Some(announce) = announce.filter(|_| license.notify != 0) {
        let (subject, body) = compose::upgrade_ready(&compose::UpgradeMail {
            lang: Lang::from_tag(&license.language).unwrap_or_default(),
            reminder_since: None,
            serial: &view.serial,
            product: &product.name,
            changes: view.changes.iter().map(EntitlementChange::in_words).collect(),
            public_url: announce.public_url,
        });
        outbox::enqueue_text(&mut tx, announce.mail, license.id, Reason::UpgradeReady, &subject, &body).await?;
    }
    tx.commit().await?;
    Ok(view)
}
