//! The outbox: mail waiting to be sent, written in the same transaction as
//! what it is about, claimed by a sender with a lease.

use license_api::{DroppedMail, OutboxEntry, OutboxStatus};

use super::MailSettings;
use crate::catalog::now;
use crate::db::{Db, Dialect, Tx};
use crate::staff::unix_now;
use crate::webhooks::{self, Event};
use crate::ApiError;

/// How long a claimed message is the claimer's: longer than an SMTP
/// exchange may take (lettre's timeout is 60 s), so it is never sent twice
/// while in flight, short enough to be retried soon after a crash.
pub const LEASE_SECONDS: i64 = 120;

/// Why a message is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A new issuance, to the licence's technical contact.
    Issued,
    /// Staff sent an issuance to the contact again (the console).
    Resend,
    /// The answer to a request code that came by mail.
    MailIn,
    /// A notice (a request code that could not be answered).
    Notice,
    /// The purchase confirmation: a new licence's serial number and how to register.
    LicenseCreated,
    /// An upgrade was queued: what changes and the two ways to get it.
    UpgradeReady,
    /// An upgrade no installation has fetched after `--remind-after` days, or Remind now.
    Reminder,
    /// "Lost your serial number?": the serial numbers an address is the contact for.
    LostSerial,
}

impl Reason {
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::Issued => "issued",
            Reason::Resend => "resend",
            Reason::MailIn => "mail_in",
            Reason::Notice => "notice",
            Reason::LicenseCreated => "license_created",
            Reason::UpgradeReady => "upgrade_ready",
            Reason::Reminder => "reminder",
            Reason::LostSerial => "lost_serial",
        }
    }

    pub fn parse(text: &str) -> Option<Reason> {
        [
            Reason::Issued,
            Reason::Resend,
            Reason::MailIn,
            Reason::Notice,
            Reason::LicenseCreated,
            Reason::UpgradeReady,
            Reason::Reminder,
            Reason::LostSerial,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// Queues issuance `issuance_id`'s response to its licence's contact,
/// inside the caller's transaction. Returns the address.
pub async fn enqueue_issuance(
    tx: &mut Tx,
    mail: &MailSettings,
    issuance_id: i64,
    reason: Reason,
) -> Result<String, ApiError> {
    let (to,): (String,) = sqlx::query_as(
        "INSERT INTO mail_outbox (message_id, to_address, license_id, issuance_id, reason, next_attempt_unix, created_unix) \
         SELECT $1, l.contact_email, l.id, i.id, $2, $3, $3 FROM issuances i JOIN licenses l ON l.id = i.license_id \
         WHERE i.id = $4 RETURNING to_address",
    )
    .bind(mail.new_message_id())
    .bind(reason.as_str())
    .bind(unix_now())
    .bind(issuance_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(to)
}

/// Queues a written message (a notice, a purchase confirmation, an upgrade
/// ready) to licence `license_id`'s contact, subject and text as given,
/// inside the caller's transaction. Returns the address.
pub async fn enqueue_text(
    tx: &mut Tx,
    mail: &MailSettings,
    license_id: i64,
    reason: Reason,
    subject: &str,
    body: &str,
) -> Result<String, ApiError> {
    let (to,): (String,) = sqlx::query_as(
        "INSERT INTO mail_outbox (message_id, to_address, license_id, subject, body, reason, next_attempt_unix, created_unix) \
         SELECT $1, contact_email, id, $2, $3, $4, $5, $5 FROM licenses WHERE id = $6 RETURNING to_address",
    )
    .bind(mail.new_message_id())
    .bind(subject)
    .bind(body)
    .bind(reason.as_str())
    .bind(unix_now())
    .bind(license_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(to)
}

/// A message claimed for sending.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Claimed {
    pub id: i64,
    pub message_id: String,
    pub to_address: String,
    pub issuance_id: Option<i64>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub reason: String,
    pub attempts: i64,
    pub created_unix: i64,
}

/// Claims up to `limit` messages that are due (of those `only` names, when
/// given): each becomes this sender's for [`LEASE_SECONDS`], and counts an
/// attempt. On PostgreSQL, rows another server is claiming at the same
/// moment are skipped (`FOR UPDATE SKIP LOCKED`); on SQLite the one writer
/// serialises claims.
pub async fn claim(db: &Db, limit: i64, only: Option<&[i64]>) -> Result<Vec<Claimed>, ApiError> {
    let now = unix_now();
    let lock = if db.dialect == Dialect::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
    // Numbers only, so they can be written into the statement.
    let only = match only {
        Some([]) => return Ok(Vec::new()),
        Some(ids) => format!(" AND id IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")),
        None => String::new(),
    };
    let mut tx = db.begin().await?;
    let claimed: Vec<Claimed> = sqlx::query_as(&format!(
        "UPDATE mail_outbox SET claimed_until_unix = $1, attempts = attempts + 1 WHERE id IN \
         (SELECT id FROM mail_outbox WHERE state = 'pending' AND next_attempt_unix <= $2 AND claimed_until_unix <= $2{only} \
          ORDER BY id LIMIT $3{lock}) \
         RETURNING id, message_id, to_address, issuance_id, subject, body, reason, attempts, created_unix"
    ))
    .bind(now + LEASE_SECONDS)
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(claimed)
}

async fn update(db: &Db, sql: &str, id: i64, a: Option<String>, b: i64) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    sqlx::query(sql).bind(a).bind(b).bind(id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn mark_sent(db: &Db, id: i64) -> Result<(), ApiError> {
    update(
        db,
        "UPDATE mail_outbox SET state = 'sent', sent_at = $1, last_error = NULL, claimed_until_unix = $2 WHERE id = $3",
        id,
        Some(now()),
        0,
    )
    .await
}

/// Tries again at `next_attempt_unix`.
pub async fn retry_later(db: &Db, id: i64, error: &str, next_attempt_unix: i64) -> Result<(), ApiError> {
    update(
        db,
        "UPDATE mail_outbox SET last_error = $1, next_attempt_unix = $2, claimed_until_unix = 0 WHERE id = $3",
        id,
        Some(error.to_string()),
        next_attempt_unix,
    )
    .await
}

/// Gives up: a permanent refusal, or too long retried. Tells the webhooks
/// (`mail.failed`) in the same transaction.
pub async fn mark_failed(db: &Db, id: i64, error: &str) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    let failed: Option<(String, String, String, Option<i64>)> = sqlx::query_as(
        "UPDATE mail_outbox SET state = 'failed', last_error = $1, claimed_until_unix = 0 WHERE id = $2 \
         RETURNING message_id, to_address, reason, license_id",
    )
    .bind(error)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((message_id, to, reason, license_id)) = failed {
        let serial = match license_id {
            Some(license) => Some(crate::catalog::licenses::license_in_tx(&mut tx, license).await?.serial().to_code()),
            None => None,
        };
        let data =
            serde_json::json!({"message_id": message_id, "to": to, "reason": reason, "serial": serial, "error": error});
        webhooks::record(&mut tx, Event::MailFailed, data).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The mail-in answers and notices waiting for `licenses`.
pub async fn pending_mail_in(db: &Db, licenses: &[i64]) -> Result<Vec<i64>, ApiError> {
    if licenses.is_empty() {
        return Ok(Vec::new());
    }
    let list = licenses.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let rows: Vec<(i64,)> = sqlx::query_as(&format!(
        "SELECT id FROM mail_outbox WHERE state = 'pending' AND reason IN ('mail_in', 'notice') AND license_id IN ({list})"
    ))
    .fetch_all(db.read())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Makes failed messages (all, or `id` alone) wait for a new attempt now,
/// after the cause was fixed (a contact's address corrected, say). Returns
/// how many.
pub async fn retry_failed(db: &Db, id: Option<i64>) -> Result<u64, ApiError> {
    let which = if id.is_some() { " AND id = $2" } else { "" };
    let mut tx = db.begin().await?;
    let sql = format!(
        "UPDATE mail_outbox SET state = 'pending', next_attempt_unix = $1, created_unix = $1, attempts = 0, \
         to_address = COALESCE((SELECT contact_email FROM licenses WHERE licenses.id = mail_outbox.license_id), to_address) \
         WHERE state = 'failed'{which}"
    );
    let mut update = sqlx::query(&sql).bind(unix_now());
    if let Some(id) = id {
        update = update.bind(id);
    }
    let done = update.execute(&mut *tx).await?.rows_affected();
    tx.commit().await?;
    Ok(done)
}

/// A message of the outbox as `mail status` lists it.
#[derive(sqlx::FromRow)]
struct StatusRow {
    id: i64,
    message_id: String,
    to_address: String,
    reason: String,
    state: String,
    attempts: i64,
    next_attempt_unix: i64,
    last_error: Option<String>,
    created_unix: i64,
}

/// What waits or failed (`license-server mail status`).
pub async fn status(db: &Db) -> Result<OutboxStatus, ApiError> {
    let rows: Vec<StatusRow> = sqlx::query_as(
        "SELECT id, message_id, to_address, reason, state, attempts, next_attempt_unix, last_error, created_unix \
         FROM mail_outbox WHERE state <> 'sent' ORDER BY id",
    )
    .fetch_all(db.read())
    .await?;
    let (sent,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM mail_outbox WHERE state = 'sent'").fetch_one(db.read()).await?;
    let dropped: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT sender, reason, created_unix FROM mail_dropped WHERE created_unix > $1 ORDER BY id DESC LIMIT 100",
    )
    .bind(unix_now() - 7 * 24 * 3600)
    .fetch_all(db.read())
    .await?;
    let dropped =
        dropped.into_iter().map(|(sender, reason, at_unix)| DroppedMail { sender, reason, at_unix }).collect();
    let mut status = OutboxStatus { sent, waiting: Vec::new(), failed: Vec::new(), dropped };
    for row in rows {
        let entry = OutboxEntry {
            id: row.id,
            message_id: row.message_id,
            to: row.to_address,
            reason: row.reason,
            attempts: row.attempts,
            next_attempt_unix: row.next_attempt_unix,
            created_unix: row.created_unix,
            last_error: row.last_error,
        };
        if row.state == "failed" {
            status.failed.push(entry);
        } else {
            status.waiting.push(entry);
        }
    }
    Ok(status)
}
