//! Reminders of upgrades sold but not applied (the seeds' customers are
//! often offline for weeks): an upgrade that no installation of its licence
//! has fetched `--remind-after` days after it was queued gets one reminder
//! to the contact, with what changes and the two ways to get it; staff can
//! send one at once (`POST /api/v1/admin/licenses/{serial}/remind`). One
//! per upgrade: the `reminders` table's primary key, written in the
//! reminder's transaction, keeps it one with several servers.

use std::time::Duration;

use license_api::EntitlementChange;
use license_codes::messages::Lang;

use super::compose::{self, UpgradeMail};
use super::outbox::{self, Reason};
use super::Announce;
use crate::catalog::{self, licenses::license_by_text, states};
use crate::http::AppState;
use crate::reports::Waiting;
use crate::staff::unix_now;
use crate::ApiError;

/// How often the server looks for upgrades to remind of.
const EVERY: Duration = Duration::from_secs(3600);

/// Reminds of due upgrades now, then every hour (a server task, with mail on).
pub async fn run(state: AppState, days: u32) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        let Some(announce) = state.announce() else { return };
        match remind_due(&state, announce, days).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "reminders of waiting upgrades queued"),
            Err(e) => tracing::warn!(error = %e, "reminders: will try again in an hour"),
        }
    }
}

/// Queues a reminder for every upgrade queued more than `days` days ago
/// that no installation has fetched and that had none yet; how many.
pub async fn remind_due(state: &AppState, announce: Announce<'_>, days: u32) -> Result<usize, ApiError> {
    let due_before = time::OffsetDateTime::now_utc() - time::Duration::days(i64::from(days));
    let mut sent = 0;
    for waiting in waiting(state, None).await? {
        let queued = time::OffsetDateTime::parse(&waiting.queued_at, &time::format_description::well_known::Rfc3339);
        if queued.is_ok_and(|at| at <= due_before) && remind(state, announce, &waiting, None).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Remind now (staff): the licence's waiting upgrade, whatever its age.
/// `Conflict` when nothing waits (every upgrade was fetched).
pub async fn remind_now(
    state: &AppState,
    announce: Announce<'_>,
    serial: &str,
    actor: &str,
) -> Result<String, ApiError> {
    let license = license_by_text(&state.db, serial).await?;
    let Some(waiting) = waiting(state, Some(license.id)).await?.into_iter().next() else {
        return Err(ApiError::Conflict(format!("no upgrade of licence {serial} is waiting: every one was fetched")));
    };
    remind(state, announce, &waiting, Some(actor)).await?;
    Ok(license.contact_email)
}

/// The upgrades waiting (of licence `only`) whose contact is told of
/// upgrades (for the schedule; staff asking for licence `only` may remind a
/// licence set not to be mailed: they decided to).
async fn waiting(state: &AppState, only: Option<i64>) -> Result<Vec<Waiting>, ApiError> {
    let all = crate::reports::waiting(&state.db, only).await?;
    Ok(all.into_iter().filter(|w| only.is_some() || w.notify != 0).collect())
}

/// Queues the reminder of `waiting` with its mark, in one transaction;
/// false when a reminder of that upgrade was sent already, unless staff
/// (`by`) send it again now, which the audit log records.
async fn remind(
    state: &AppState,
    announce: Announce<'_>,
    waiting: &Waiting,
    by: Option<&str>,
) -> Result<bool, ApiError> {
    let license = catalog::licenses::license_in_tx(&mut state.db.begin().await?, waiting.license_id).await?;
    let product = catalog::product(&state.db, license.product_id as u16)
        .await?
        .ok_or_else(|| ApiError::Internal("licence without product".into()))?;
    // What changes from what the installations hold (the purchase, if none).
    let from = states::state_at(&state.db, waiting.license_id, waiting.fetched.max(1)).await?.map(|(e, _)| e);
    let to = states::state_at(&state.db, waiting.license_id, waiting.latest_counter).await?.map(|(e, _)| e);
    let (Some(from), Some(to)) = (from, to) else { return Ok(false) };
    let changes = to.changes_from(&from, Some(&product)).iter().map(EntitlementChange::from).collect::<Vec<_>>();
    let serial = license.serial().to_code();
    let since = waiting.queued_at.split('T').next().unwrap_or(&waiting.queued_at);
    let (subject, body) = compose::upgrade_ready(&UpgradeMail {
        lang: Lang::from_tag(&license.language).unwrap_or_default(),
        reminder_since: Some(since),
        serial: &serial,
        product: &product.name,
        changes: changes.iter().map(EntitlementChange::in_words).collect(),
        public_url: announce.public_url,
    });
    let mut tx = state.db.begin().await?;
    let marked: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO reminders (license_id, counter, sent_unix) VALUES ($1, $2, $3) \
         ON CONFLICT (license_id, counter) DO UPDATE SET sent_unix = excluded.sent_unix \
         WHERE $4 = 1 RETURNING counter",
    )
    .bind(waiting.license_id)
    .bind(waiting.latest_counter)
    .bind(unix_now())
    .bind(i64::from(by.is_some()))
    .fetch_optional(&mut *tx)
    .await?;
    if marked.is_none() {
        return Ok(false);
    }
    outbox::enqueue_text(&mut tx, announce.mail, waiting.license_id, Reason::Reminder, &subject, &body).await?;
    if let Some(actor) = by {
        let detail = serde_json::json!({"counter": waiting.latest_counter});
        crate::audit::record(&mut tx, actor, "mail.remind", Some(waiting.license_id), detail).await?;
    }
    tx.commit().await?;
    Ok(true)
}
