//! "Lost your serial number?" (`POST /api/v1/serials/lookup`): the serial
//! numbers an address is the technical contact for, mailed to that address
//! and only to it. The caller learns nothing: the answer is the same, and
//! as quick, whether or not the address is on file (the lookup runs after
//! the answer). Limits: per client IP and per address in each process
//! (`RateLimits::check_lookup`), and, in the database so across servers, at
//! most one such mail to an address in 10 minutes.

use license_codes::messages::Lang;

use super::compose;
use super::outbox::{self, Reason};
use super::{Announce, Mailer};
use crate::db::Db;
use crate::staff::unix_now;
use crate::ApiError;

/// A second lookup for one address within this many seconds mails nothing.
const QUIET_SECONDS: i64 = 600;

#[derive(sqlx::FromRow)]
struct Found {
    id: i64,
    serial: i64,
    product: String,
    language: String,
    registration_code: Option<String>,
}

/// Mails `email` its licences' serial numbers, if it is a contact on file.
/// Returns whether a mail was queued (for logs and tests, never the caller).
pub async fn mail_serials(db: &Db, mailer: &Mailer, public_url: Option<&str>, email: &str) -> Result<bool, ApiError> {
    let found: Vec<Found> = sqlx::query_as(
        "SELECT l.id, l.serial, p.name AS product, l.language, l.registration_code FROM licenses l JOIN products p ON p.id = l.product_id \
         WHERE lower(l.contact_email) = $1 ORDER BY l.id LIMIT 100",
    )
    .bind(email.trim().to_lowercase())
    .fetch_all(db.read())
    .await?;
    let Some(first) = found.first() else { return Ok(false) };
    let mut tx = db.begin().await?;
    let recent: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM mail_outbox WHERE reason = $1 AND lower(to_address) = $2 AND created_unix > $3 LIMIT 1",
    )
    .bind(Reason::LostSerial.as_str())
    .bind(email.trim().to_lowercase())
    .bind(unix_now() - QUIET_SECONDS)
    .fetch_optional(&mut *tx)
    .await?;
    if recent.is_some() {
        return Ok(false);
    }
    let licenses: Vec<compose::LostLicense> = found
        .iter()
        .filter_map(|f| {
            license_codes::SerialNumber::new(f.serial as u64).map(|s| compose::LostLicense {
                product: f.product.clone(),
                serial: s.to_code(),
                registration_code: f.registration_code.clone(),
            })
        })
        .collect();
    let lang = Lang::from_tag(&first.language).unwrap_or_default();
    let (subject, body) = compose::lost_serials(lang, &licenses, public_url);
    let announce = Announce { mail: &mailer.settings, public_url };
    outbox::enqueue_text(&mut tx, announce.mail, first.id, Reason::LostSerial, &subject, &body).await?;
    tx.commit().await?;
    mailer.wake();
    Ok(true)
}
