//! Typed settings: what the application is built from. `main.rs` fills them
//! from flags and environment variables; tests fill them directly.

use std::path::PathBuf;
use std::time::Duration;

use crate::signing::ExternalKey;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The SQLite database and the signing keys live here.
    pub data_dir: PathBuf,
    /// PostgreSQL instead of SQLite (`postgres://…`), or an explicit `sqlite://…`.
    pub database_url: Option<String>,
    /// A signing key given from outside, used as the active key.
    pub signing_key: Option<ExternalKey>,
    pub http: HttpSettings,
    /// How long requests in flight may take to finish after a shutdown signal.
    pub shutdown_timeout: Duration,
}

/// How the HTTP layer is set up.
#[derive(Debug, Clone, Default)]
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
}

impl Settings {
    /// Defaults for a data directory: SQLite there, its own keys, no limits.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Settings {
            data_dir: data_dir.into(),
            database_url: None,
            signing_key: None,
            http: HttpSettings::default(),
            shutdown_timeout: Duration::from_secs(10),
        }
    }
}
