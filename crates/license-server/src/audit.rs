//! The audit log: every admin action and every issuance, with who did it.
//! Issuances are logged by a database trigger (the `issuances` row carries
//! its channel and actor), so none can be missed.

use license_api::AuditEntry;
use serde_json::Value;

use crate::catalog::now;
use crate::db::{Db, Tx};
use crate::ApiError;

/// Appends to the audit log inside the caller's transaction.
pub async fn record(
    tx: &mut Tx,
    actor: &str,
    action: &str,
    license_id: Option<i64>,
    detail: Value,
) -> Result<(), ApiError> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, license_id, detail) VALUES ($1, $2, $3, $4, $5)")
        .bind(now())
        .bind(actor)
        .bind(action)
        .bind(license_id)
        .bind(detail.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A licence's audit log, oldest first.
pub async fn of_license(db: &Db, license_id: i64) -> Result<Vec<AuditEntry>, ApiError> {
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT at, actor, action, detail FROM audit_log WHERE license_id = $1 ORDER BY id")
            .bind(license_id)
            .fetch_all(db.read())
            .await?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, action, detail)| AuditEntry {
            at,
            actor,
            action,
            detail: serde_json::from_str(&detail).unwrap_or(Value::Null),
        })
        .collect())
}
