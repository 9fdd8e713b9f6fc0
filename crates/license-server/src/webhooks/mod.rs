//! Webhooks: the vendor's other systems (a shop, a CRM) told what happened,
//! as Standard Webhooks (<https://www.standardwebhooks.com>): a POST with
//! `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` and the
//! base64 HMAC-SHA256 over `id.timestamp.body` with the endpoint's `whsec_`
//! secret), body `{"type", "timestamp", "data"}`.
//!
//! An event is written by [`record`] in the same transaction as what it
//! tells, with one delivery per endpoint subscribed to its type (the
//! outbox pattern, as mail); [`sender`] delivers them with a lease and
//! retries. [`endpoints`] manages endpoints and their deliveries, [`address`]
//! keeps deliveries away from the server's own networks, and [`WebhookKey`]
//! derives the secrets, so a reader of the database cannot sign.

pub mod address;
pub mod endpoints;
pub mod sender;

use std::path::{Path, PathBuf};

use base64::Engine;
use hmac::{KeyInit, Mac};
use serde_json::Value;

use crate::db::Tx;
use crate::staff::unix_now;
use crate::ApiError;

pub use license_api::webhooks::EVENT_TYPES;

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// What happened, as the `type` of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    LicenseCreated,
    LicenseUpdated,
    UpgradeQueued,
    ResponseIssued,
    InstallationReleased,
    MailFailed,
}

impl Event {
    pub const fn as_str(self) -> &'static str {
        match self {
            Event::LicenseCreated => "license.created",
            Event::LicenseUpdated => "license.updated",
            Event::UpgradeQueued => "upgrade.queued",
            Event::ResponseIssued => "response.issued",
            Event::InstallationReleased => "installation.released",
            Event::MailFailed => "mail.failed",
        }
    }
}

/// Records event `event` with `data` inside the caller's transaction: one
/// delivery per endpoint subscribed to it. Nothing is written when no
/// endpoint wants it (one read of a small table).
pub async fn record(tx: &mut Tx, event: Event, data: Value) -> Result<(), ApiError> {
    let endpoints = subscribed(tx, event).await?;
    record_for(tx, &endpoints, event, data).await
}

/// The endpoints subscribed to `event`, read inside `tx`: for a writer that
/// records many events of one type in one transaction ([`record_for`]).
pub async fn subscribed(tx: &mut Tx, event: Event) -> Result<Vec<String>, ApiError> {
    let endpoints: Vec<(String,)> = sqlx::query_as(&subscribed_query(event)).fetch_all(&mut **tx).await?;
    Ok(endpoints.into_iter().map(|(id,)| id).collect())
}

/// The statement [`subscribed`] runs (the event's name, one of ours, is
/// written into it), for a writer that sends it with its other reads in one
/// round trip.
pub fn subscribed_query(event: Event) -> String {
    format!("SELECT id FROM webhook_endpoints WHERE events LIKE '%,{},%'", event.as_str())
}

/// [`record`] for `endpoints`, read by [`subscribed`] in the same transaction.
pub async fn record_for(tx: &mut Tx, endpoints: &[String], event: Event, data: Value) -> Result<(), ApiError> {
    if endpoints.is_empty() {
        return Ok(());
    }
    let event_id = format!("msg_{}", random_hex(16));
    let timestamp = crate::catalog::now();
    let body = serde_json::json!({ "type": event.as_str(), "timestamp": timestamp, "data": data }).to_string();
    let now = unix_now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO webhook_events (event_id, type, body, created_unix) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&event_id)
    .bind(event.as_str())
    .bind(&body)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    for endpoint in endpoints {
        sqlx::query(
            "INSERT INTO webhook_deliveries (endpoint_id, event_id, next_attempt_unix, created_unix, since_unix) VALUES ($1, $2, $3, $3, $3)",
        )
        .bind(endpoint)
        .bind(id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// `n` random bytes as hex.
pub(crate) fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).expect("random bytes");
    hex::encode(bytes)
}

/// What the admin API needs of webhooks: the key secrets derive from, and
/// whether URLs may point to private networks (`serve --webhook-allow-private`).
#[derive(Debug, Clone)]
pub struct WebhookSettings {
    pub key: WebhookKey,
    pub allow_private: bool,
}

/// The server's webhook key: every endpoint's secret is derived from it and
/// the endpoint's salt (kept in the database). It lives beside the signing
/// keys (`DATA/keys/webhook-key.hex`, mode 0600, made on first use), so the
/// database alone (a backup, a read-only replica, an SQL injection) cannot
/// sign a delivery. Several servers sharing PostgreSQL need the same file,
/// as they need the same signing keys.
#[derive(Clone)]
pub struct WebhookKey([u8; 32]);

impl std::fmt::Debug for WebhookKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookKey(..)")
    }
}

/// An endpoint's secret: the key that signs its deliveries.
pub struct Secret(Vec<u8>);

impl Secret {
    /// As the receiver configures it: `whsec_` and base64.
    pub fn to_text(&self) -> String {
        format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(&self.0))
    }

    /// The `webhook-signature` header's value for a message.
    pub fn sign(&self, id: &str, timestamp: i64, body: &str) -> String {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(format!("{id}.{timestamp}.").as_bytes());
        mac.update(body.as_bytes());
        format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()))
    }
}

impl WebhookKey {
    fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("keys").join("webhook-key.hex")
    }

    /// The key in `data_dir/keys`, made there if there is none.
    pub fn load(data_dir: &Path) -> std::io::Result<WebhookKey> {
        let path = Self::path(data_dir);
        let bad = |what: &str| std::io::Error::other(format!("{}: {what}", path.display()));
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let bytes = hex::decode(text.trim()).map_err(|_| bad("not hex"))?;
                Ok(WebhookKey(bytes.try_into().map_err(|_| bad("not 64 hex digits"))?))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(path.parent().expect("in keys/"))?;
                let mut key = [0u8; 32];
                getrandom::fill(&mut key).map_err(|e| std::io::Error::other(e.to_string()))?;
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                match options.open(&path) {
                    Ok(mut file) => {
                        std::io::Write::write_all(&mut file, (hex::encode(key) + "\n").as_bytes())?;
                        file.sync_all()?;
                        Ok(WebhookKey(key))
                    }
                    // Made meanwhile by another process: use that one.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Self::load(data_dir),
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// The secret of the endpoint whose salt is `salt`.
    pub fn secret(&self, salt: &str) -> Secret {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"license-server webhook secret\0");
        mac.update(salt.as_bytes());
        Secret(mac.finalize().into_bytes()[..24].to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Standard Webhooks specification's own example.
    #[test]
    fn signs_as_the_specification_says() {
        let secret =
            Secret(base64::engine::general_purpose::STANDARD.decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap());
        assert_eq!(secret.to_text(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn secrets_depend_on_the_key_and_the_salt() {
        let dir = tempfile::tempdir().unwrap();
        let key = WebhookKey::load(dir.path()).unwrap();
        let again = WebhookKey::load(dir.path()).unwrap();
        assert_eq!(key.secret("a").to_text(), again.secret("a").to_text());
        assert_ne!(key.secret("a").to_text(), key.secret("b").to_text());
        let other = WebhookKey::load(tempfile::tempdir().unwrap().path()).unwrap();
        assert_ne!(key.secret("a").to_text(), other.secret("a").to_text());
        assert!(!format!("{key:?}").contains(&hex::encode(key.0)));
    }
}
