//! The application builder: settings in, the router and the background
//! tasks out. `main.rs` serves it; the tests build the same thing and either
//! serve it on a port or call its router in process.

use std::future::Future;
use std::time::Duration;

use axum::http::header;
use axum::Router;
use axum_server::tls_rustls::RustlsConfig;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::db::Db;
use crate::http::{self, AppState};
use crate::mail::{self, Mailer};
use crate::settings::Settings;
use crate::signing::SigningKeys;
use crate::webhooks::{self, WebhookKey, WebhookSettings};

/// A built server: its state (database, keys, writer, limits) and router.
pub struct Application {
    pub state: AppState,
    router: Router,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot use the signing keys: {0}")]
    Keys(#[from] crate::signing::KeyError),
    #[error("cannot open the database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Mail(String),
    #[error("cannot use the webhook key: {0}")]
    WebhookKey(std::io::Error),
}

impl Application {
    /// Opens the database (migrating it), loads the signing keys, and starts
    /// the background tasks: on SQLite the group-commit writer and the WAL
    /// checkpointer; everywhere the rate limiter's sweeper, and the mail
    /// sender when mail is configured, and the webhook sender. Needs a tokio runtime.
    pub async fn build(settings: &Settings) -> Result<Application, StartError> {
        let keys =
            SigningKeys::load(&settings.data_dir, settings.signing_key.clone(), settings.signing_token.as_ref())?;
        let db = Db::open(&settings.data_dir, settings.database_url.as_deref()).await?;
        Self::with_parts(db, keys, settings)
    }

    /// The same from a database and keys already open.
    pub fn with_parts(db: Db, keys: SigningKeys, settings: &Settings) -> Result<Application, StartError> {
        db.spawn_checkpointer();
        let mailer = settings.mail.clone().map(Mailer::new);
        // Checked before anything starts: a bad --smtp-url stops the server.
        let transport = mailer.as_ref().map(|m| m.settings.transport()).transpose().map_err(StartError::Mail)?;
        let key = WebhookKey::load(&settings.data_dir).map_err(StartError::WebhookKey)?;
        let webhooks = WebhookSettings { key: key.clone(), allow_private: settings.webhook_allow_private };
        let state = AppState::new(db, keys, settings.http.clone(), mailer.clone(), Some(webhooks));
        tokio::spawn(webhooks::sender::Sender::new(state.db.clone(), key, settings.webhook_allow_private).run());
        if let (Some(mailer), Some(transport)) = (mailer, transport) {
            let counters = state.metrics.mail.clone();
            tokio::spawn(mail::sender::run(state.db.clone(), mailer, transport, counters));
            if settings.remind_after_days > 0 {
                tokio::spawn(mail::reminders::run(state.clone(), settings.remind_after_days));
            }
        }
        let limits = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limits.limits.forget_idle();
            }
        });
        let router = http::router(state.clone());
        Ok(Application { state, router })
    }

    /// The router, for serving or for calling in process.
    pub fn router(&self) -> Router {
        self.router.clone()
    }

    /// Serves on `listener` until `shutdown` resolves, then lets requests in
    /// flight finish for at most `deadline` before returning. With `tls`,
    /// over TLS (HTTP/2 or HTTP/1.1 by ALPN) with HSTS on every answer.
    pub async fn serve(
        self,
        listener: tokio::net::TcpListener,
        tls: Option<RustlsConfig>,
        shutdown: impl Future<Output = ()> + Send + 'static,
        deadline: Duration,
    ) -> std::io::Result<()> {
        if let Some(config) = tls {
            return self.serve_tls(listener, config, shutdown, deadline).await;
        }
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let service = self.router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        let server = axum::serve(listener, service).with_graceful_shutdown(async move {
            let mut stopped = stopped;
            let _ = stopped.wait_for(|s| *s).await;
        });
        let mut server = tokio::spawn(std::future::IntoFuture::into_future(server));
        tokio::select! {
            result = &mut server => return result.map_err(std::io::Error::other)?,
            () = shutdown => {}
        }
        let _ = stop.send(true);
        match tokio::time::timeout(deadline, &mut server).await {
            Ok(result) => result.map_err(std::io::Error::other)?,
            Err(_) => {
                warn_deadline(deadline);
                server.abort();
                Ok(())
            }
        }
    }

    async fn serve_tls(
        self,
        listener: tokio::net::TcpListener,
        config: RustlsConfig,
        shutdown: impl Future<Output = ()> + Send + 'static,
        deadline: Duration,
    ) -> std::io::Result<()> {
        let hsts = SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            header::HeaderValue::from_static(crate::tls::HSTS),
        );
        let service = self.router.layer(hsts).into_make_service_with_connect_info::<std::net::SocketAddr>();
        let handle = axum_server::Handle::new();
        let server = axum_server::tls_rustls::from_tcp_rustls(listener.into_std()?, config)
            .handle(handle.clone())
            .serve(service);
        let mut server = tokio::spawn(server);
        tokio::select! {
            result = &mut server => return result.map_err(std::io::Error::other)?,
            () = shutdown => {}
        }
        // axum-server closes what is still open at the deadline itself.
        handle.graceful_shutdown(Some(deadline));
        if let Ok(result) = tokio::time::timeout(deadline, &mut server).await {
            return result.map_err(std::io::Error::other)?;
        }
        warn_deadline(deadline);
        server.await.map_err(std::io::Error::other)?
    }
}

fn warn_deadline(deadline: Duration) {
    tracing::warn!(seconds = deadline.as_secs(), "requests still in flight after the shutdown deadline: stopping");
}
