//! The delivery task: claims due deliveries with a lease (on PostgreSQL
//! `FOR UPDATE SKIP LOCKED`, so several servers never take the same one),
//! POSTs each event signed with its endpoint's current secret, and records
//! the outcome. A 2xx answer within 10 s delivers; anything else (another
//! status, a timeout, a refused connection, a redirect) is retried after 5 s,
//! doubling, at most an hour apart, for three days, then given up and kept
//! as failed. Every attempt of an event carries the same `webhook-id`, so a
//! receiver can drop the copy a crash between its answer and our record
//! may cause.

use std::time::Duration;

use reqwest::header::CONTENT_TYPE;
use tokio::task::JoinSet;

use super::address::{self, PublicOnly};
use super::WebhookKey;
use crate::db::{Db, Dialect};
use crate::retry::{backoff, GIVE_UP_AFTER};
use crate::staff::unix_now;
use crate::ApiError;

/// How many deliveries one round claims (sent at once).
const BATCH: i64 = 16;
/// How long an attempt may take: a 2xx within this delivers.
const TIMEOUT: Duration = Duration::from_secs(10);
/// A claimed delivery is the claimer's this long: well over [`TIMEOUT`].
const LEASE_SECONDS: i64 = 30;
/// How often the table is looked at when there was nothing to do.
const POLL: Duration = Duration::from_secs(1);
/// How much of a refusing answer's body is kept ("last answer").
const ANSWER_KEPT: usize = 300;

/// What the task needs.
#[derive(Clone)]
pub struct Sender {
    pub db: Db,
    pub key: WebhookKey,
    pub allow_private: bool,
    client: reqwest::Client,
}

impl Sender {
    pub fn new(db: Db, key: WebhookKey, allow_private: bool) -> Sender {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(std::sync::Arc::new(PublicOnly { allow_private }))
            .user_agent(concat!("license-server/", env!("CARGO_PKG_VERSION"), " (webhooks)"))
            .build()
            .expect("an HTTP client with rustls");
        Sender { db, key, allow_private, client }
    }

    /// Runs until the runtime stops.
    pub async fn run(self) {
        loop {
            match self.deliver_due().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "webhooks: the deliveries could not be read; trying again"),
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// One round: claims what is due and tries each once, at the same time.
    /// Returns how many it claimed.
    pub async fn deliver_due(&self) -> Result<usize, ApiError> {
        let claimed = claim(&self.db).await?;
        let n = claimed.len();
        let mut attempts = JoinSet::new();
        for delivery in claimed {
            let sender = self.clone();
            attempts.spawn(async move { sender.deliver(delivery).await });
        }
        while let Some(done) = attempts.join_next().await {
            match done {
                Ok(Err(e)) => tracing::warn!(error = %e, "webhooks: an outcome could not be recorded"),
                Err(e) => tracing::error!(error = %e, "webhooks: a delivery task failed"),
                Ok(Ok(())) => {}
            }
        }
        Ok(n)
    }

    async fn deliver(&self, d: Claimed) -> Result<(), ApiError> {
        let outcome = self.attempt(&d).await;
        let now = unix_now();
        let (state, next, status, error) = match outcome {
            Ok(status) => ("delivered", now, Some(status), None),
            Err((status, error)) if now - d.since_unix >= GIVE_UP_AFTER => {
                tracing::error!(delivery = d.id, url = %d.url, %error, "webhook given up after three days");
                ("failed", now, status, Some(format!("given up after three days; last: {error}")))
            }
            Err((status, error)) => {
                let wait = backoff(d.attempts);
                tracing::warn!(delivery = d.id, url = %d.url, %error, retry_in_s = wait, "webhook not delivered; will retry");
                ("waiting", now + wait, status, Some(error))
            }
        };
        if state == "delivered" {
            tracing::info!(delivery = d.id, event = %d.event_id, url = %d.url, "webhook delivered");
        }
        let mut tx = self.db.begin().await?;
        sqlx::query(
            "UPDATE webhook_deliveries SET state = $1, next_attempt_unix = $2, last_status = $3, last_error = $4, \
             last_attempt_unix = $5, delivered_unix = CASE WHEN $1 = 'delivered' THEN $5 ELSE delivered_unix END, \
             claimed_until_unix = 0 WHERE id = $6",
        )
        .bind(state)
        .bind(next)
        .bind(status)
        .bind(error)
        .bind(now)
        .bind(d.id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// One POST: the status when it delivered, else the status (if any) and why not.
    async fn attempt(&self, d: &Claimed) -> Result<i64, (Option<i64>, String)> {
        let url = address::check_url(&d.url, self.allow_private).map_err(|e| (None, e))?;
        let timestamp = unix_now();
        let signature = self.key.secret(&d.salt).sign(&d.event_id, timestamp, &d.body);
        let answer = self
            .client
            .post(url)
            .header(CONTENT_TYPE, "application/json")
            .header("webhook-id", &d.event_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(d.body.clone())
            .send()
            .await
            .map_err(|e| (None, describe(&e)))?;
        let status = i64::from(answer.status().as_u16());
        if answer.status().is_success() {
            return Ok(status);
        }
        let text = answer.text().await.unwrap_or_default();
        let start: String = text.chars().filter(|c| !c.is_control()).take(ANSWER_KEPT).collect();
        Err((Some(status), format!("HTTP {status}{}{start}", if start.is_empty() { "" } else { ": " })))
    }
}

/// The error and its causes in one line ("error sending request: … connection refused").
fn describe(error: &reqwest::Error) -> String {
    let mut text = if error.is_timeout() { "no answer within 10 s".to_string() } else { error.to_string() };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A delivery claimed for an attempt, with what it takes to make it.
#[derive(sqlx::FromRow)]
struct Claimed {
    id: i64,
    attempts: i64,
    since_unix: i64,
    url: String,
    salt: String,
    event_id: String,
    body: String,
}

async fn claim(db: &Db) -> Result<Vec<Claimed>, ApiError> {
    let now = unix_now();
    let lock = if db.dialect == Dialect::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
    let mut tx = db.begin().await?;
    let ids: Vec<(i64,)> = sqlx::query_as(&format!(
        "UPDATE webhook_deliveries SET claimed_until_unix = $1, attempts = attempts + 1 WHERE id IN \
         (SELECT id FROM webhook_deliveries WHERE state = 'waiting' AND next_attempt_unix <= $2 AND claimed_until_unix <= $2 \
          ORDER BY id LIMIT $3{lock}) RETURNING id"
    ))
    .bind(now + LEASE_SECONDS)
    .bind(now)
    .bind(BATCH)
    .fetch_all(&mut *tx)
    .await?;
    let mut claimed = Vec::with_capacity(ids.len());
    for (id,) in ids {
        let row: Claimed = sqlx::query_as(
            "SELECT d.id, d.attempts, d.since_unix, p.url, p.secret_salt AS salt, e.event_id, e.body \
             FROM webhook_deliveries d JOIN webhook_endpoints p ON p.id = d.endpoint_id \
             JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        claimed.push(row);
    }
    tx.commit().await?;
    Ok(claimed)
}
