//! Typed settings: what the application is built from. `main.rs` fills them
//! from flags and environment variables; tests fill them directly.

use std::path::PathBuf;
use std::time::Duration;

use crate::mail::MailSettings;
use crate::signing::{ExternalKey, TokenSettings};

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The SQLite database and the signing keys live here.
    pub data_dir: PathBuf,
    /// PostgreSQL instead of SQLite (`postgres://…`), or an explicit `sqlite://…`.
    pub database_url: Option<String>,
    /// A signing key given from outside, used as the active key.
    pub signing_key: Option<ExternalKey>,
    /// Signing keys on a PKCS#11 token; its active key signs.
    pub signing_token: Option<TokenSettings>,
    pub http: HttpSettings,
    /// Mail to licences' technical contacts; `None`: mail is off.
    pub mail: Option<MailSettings>,
    /// How long requests in flight may take to finish after a shutdown signal.
    pub shutdown_timeout: Duration,
    /// Days after which an upgrade no installation has fetched gets one
    /// reminder to the contact (`serve --remind-after`); 0: none.
    pub remind_after_days: u32,
    /// Webhook URLs may point to loopback, private and link-local addresses
    /// (`serve --webhook-allow-private`: a receiver on the same host or network).
    pub webhook_allow_private: bool,
}

/// How the HTTP layer is set up.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    /// The built portal (Trunk's `dist/`); `None` or missing serves a notice.
    pub static_dir: Option<PathBuf>,
    /// Origins allowed to call the public API from a browser (CORS).
    pub allow_origins: Vec<String>,
    /// Requests per minute per client IP on the activation API (0: no limit).
    pub rate_limit_ip: u32,
    /// Requests per minute per serial number (0: no limit).
    pub rate_limit_serial: u32,
    /// Take the client IP from X-Forwarded-For (behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Where staff and customers reach this server (`https://licensing.example.com`):
    /// the console's origin, the links in one-time set-password links, and,
    /// when https, `Secure` `__Host-` session cookies. `None`: the request's own host.
    pub public_url: Option<String>,
    /// A console session ends after this long without a request...
    pub session_idle: Duration,
    /// ...and after this long in all.
    pub session_max: Duration,
    /// Releases a customer may make with release codes per licence in 365
    /// days, unless the licence sets its own limit. Staff are not limited.
    pub transfer_limit: u16,
}

impl Default for HttpSettings {
    /// No portal, no CORS, no rate limits on activations; sessions of 30
    /// minutes idle and 12 hours at most.
    fn default() -> Self {
        HttpSettings {
            static_dir: None,
            allow_origins: Vec::new(),
            rate_limit_ip: 0,
            rate_limit_serial: 0,
            trust_forwarded_for: false,
            public_url: None,
            session_idle: Duration::from_secs(30 * 60),
            session_max: Duration::from_secs(12 * 3600),
            transfer_limit: 3,
        }
    }
}

impl HttpSettings {
    /// The session cookie's name: with the `__Host-` prefix when served over https.
    pub fn cookie_name(&self) -> &'static str {
        if self.is_https() {
            "__Host-license_session"
        } else {
            "license_session"
        }
    }

    pub fn is_https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

impl Settings {
    /// Defaults for a data directory: SQLite there, its own keys, no limits.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Settings {
            data_dir: data_dir.into(),
            database_url: None,
            signing_key: None,
            signing_token: None,
            http: HttpSettings::default(),
            mail: None,
            shutdown_timeout: Duration::from_secs(10),
            remind_after_days: 14,
            webhook_allow_private: false,
        }
    }
}
