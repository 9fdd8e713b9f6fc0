//! Webhook endpoints and their deliveries: what the admin API, the console
//! and `license-server webhook …` manage. Every change is audited.

use license_api::{NewWebhook, WebhookDelivery, WebhookSecret, WebhookView};

use super::{address, random_hex, WebhookKey, EVENT_TYPES};
use crate::audit;
use crate::catalog::now;
use crate::db::Db;
use crate::staff::unix_now;
use crate::ApiError;

/// Deliveries listed per endpoint, newest first.
const DELIVERIES_LISTED: i64 = 100;

/// Adds an endpoint; answers with its id and secret (shown this once).
pub async fn add(
    db: &Db,
    key: &WebhookKey,
    new: &NewWebhook,
    allow_private: bool,
    actor: &str,
) -> Result<WebhookSecret, ApiError> {
    let url = address::check_url(&new.url, allow_private).map_err(ApiError::InvalidInput)?;
    address::check_resolved(&url, allow_private).await.map_err(ApiError::InvalidInput)?;
    if new.events.is_empty() {
        return Err(ApiError::InvalidInput(format!("events: name at least one of {}", EVENT_TYPES.join(", "))));
    }
    if let Some(unknown) = new.events.iter().find(|e| !EVENT_TYPES.contains(&e.as_str())) {
        return Err(ApiError::InvalidInput(format!(
            "events: '{}' is not an event; they are {}",
            unknown.chars().take(40).collect::<String>(),
            EVENT_TYPES.join(", ")
        )));
    }
    let description = new.description.trim();
    if description.chars().count() > 200 || description.chars().any(char::is_control) {
        return Err(ApiError::InvalidInput("description: one line of at most 200 characters".into()));
    }
    // In the catalogue's order, each once.
    let events: Vec<&str> = EVENT_TYPES.iter().copied().filter(|e| new.events.iter().any(|n| n == e)).collect();
    let id = format!("wh_{}", random_hex(8));
    let salt = random_hex(16);
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO webhook_endpoints (id, url, events, description, secret_salt, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(url.as_str())
    .bind(format!(",{},", events.join(",")))
    .bind(description)
    .bind(&salt)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({"id": id, "url": url.as_str(), "events": events});
    audit::record(&mut tx, actor, "webhook.add", None, detail).await?;
    tx.commit().await?;
    Ok(WebhookSecret { secret: key.secret(&salt).to_text(), id })
}

#[derive(sqlx::FromRow)]
struct EndpointRow {
    id: String,
    url: String,
    events: String,
    description: String,
    created_at: String,
    waiting: i64,
    failed: i64,
}

/// Every endpoint, oldest first, with how many deliveries wait and failed.
pub async fn list(db: &Db) -> Result<Vec<WebhookView>, ApiError> {
    let rows: Vec<EndpointRow> = sqlx::query_as(
        "SELECT e.id, e.url, e.events, e.description, e.created_at, \
         (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'waiting') AS waiting, \
         (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'failed') AS failed \
         FROM webhook_endpoints e ORDER BY e.created_at, e.id",
    )
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| WebhookView {
            events: r.events.split(',').filter(|e| !e.is_empty()).map(String::from).collect(),
            id: r.id,
            url: r.url,
            description: r.description,
            created_at: r.created_at,
            waiting: r.waiting,
            failed: r.failed,
        })
        .collect())
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("webhook endpoint {}", id.chars().take(40).collect::<String>()))
}

/// Removes an endpoint and its deliveries (what waits is not sent).
pub async fn remove(db: &Db, id: &str, actor: &str) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM webhook_deliveries WHERE endpoint_id = $1").bind(id).execute(&mut *tx).await?;
    let gone = sqlx::query("DELETE FROM webhook_endpoints WHERE id = $1").bind(id).execute(&mut *tx).await?;
    if gone.rows_affected() == 0 {
        return Err(not_found(id));
    }
    audit::record(&mut tx, actor, "webhook.remove", None, serde_json::json!({"id": id})).await?;
    tx.commit().await?;
    Ok(())
}

/// A new secret for an endpoint: it signs every attempt from now on,
/// retries of earlier events included. Shown this once.
pub async fn rotate(db: &Db, key: &WebhookKey, id: &str, actor: &str) -> Result<WebhookSecret, ApiError> {
    let salt = random_hex(16);
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE webhook_endpoints SET secret_salt = $1 WHERE id = $2")
        .bind(&salt)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(not_found(id));
    }
    audit::record(&mut tx, actor, "webhook.rotate", None, serde_json::json!({"id": id})).await?;
    tx.commit().await?;
    Ok(WebhookSecret { id: id.to_string(), secret: key.secret(&salt).to_text() })
}

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: i64,
    event_id: String,
    event_type: String,
    state: String,
    attempts: i64,
    last_status: Option<i64>,
    last_error: Option<String>,
    last_attempt_unix: Option<i64>,
    next_attempt_unix: i64,
    delivered_unix: Option<i64>,
    created_unix: i64,
}

fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// An endpoint's last deliveries, newest first.
pub async fn deliveries(db: &Db, id: &str) -> Result<Vec<WebhookDelivery>, ApiError> {
    let found: Option<(String,)> =
        sqlx::query_as("SELECT id FROM webhook_endpoints WHERE id = $1").bind(id).fetch_optional(db.read()).await?;
    found.ok_or_else(|| not_found(id))?;
    let rows: Vec<DeliveryRow> = sqlx::query_as(
        "SELECT d.id, e.event_id, e.type AS event_type, d.state, d.attempts, d.last_status, d.last_error, \
         d.last_attempt_unix, d.next_attempt_unix, d.delivered_unix, d.created_unix \
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id \
         WHERE d.endpoint_id = $1 ORDER BY d.id DESC LIMIT $2",
    )
    .bind(id)
    .bind(DELIVERIES_LISTED)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| WebhookDelivery {
            next_attempt_at: (r.state == "waiting").then(|| rfc3339(r.next_attempt_unix)),
            id: r.id,
            event_id: r.event_id,
            event_type: r.event_type,
            state: r.state,
            attempts: r.attempts,
            last_status: r.last_status,
            last_error: r.last_error,
            last_attempt_at: r.last_attempt_unix.map(rfc3339),
            delivered_at: r.delivered_unix.map(rfc3339),
            created_at: rfc3339(r.created_unix),
        })
        .collect())
}

/// Sends a delivery again now ("send again"): a failed one, or a delivered
/// one the receiver lost. The event and its `webhook-id` are the same.
pub async fn send_again(db: &Db, id: &str, delivery: i64, actor: &str) -> Result<WebhookDelivery, ApiError> {
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET state = 'waiting', next_attempt_unix = $1, claimed_until_unix = 0, since_unix = $1 \
         WHERE id = $2 AND endpoint_id = $3",
    )
    .bind(unix_now())
    .bind(delivery)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(ApiError::NotFound(format!(
            "delivery {delivery} of webhook endpoint {}",
            id.chars().take(40).collect::<String>()
        )));
    }
    audit::record(&mut tx, actor, "webhook.send_again", None, serde_json::json!({"id": id, "delivery": delivery}))
        .await?;
    tx.commit().await?;
    deliveries(db, id).await?.into_iter().find(|d| d.id == delivery).ok_or_else(|| not_found(id))
}
