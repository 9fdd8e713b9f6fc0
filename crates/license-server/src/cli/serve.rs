//! `license-server serve`: builds the application from typed settings
//! (`Application::build`, as the tests do) and serves it until SIGTERM or Ctrl-C.

use std::time::Duration;

use super::{external_key, mail_settings, token_settings, Cli, CliError, Serve};
use crate::db::Dialect;
use crate::tls::TlsFiles;
use crate::{demo, Application, HttpSettings, Settings};

/// The settings `serve`'s flags and variables give.
pub fn settings(cli: &Cli, args: &Serve) -> Result<Settings, CliError> {
    Ok(Settings {
        data_dir: cli.data.clone(),
        database_url: cli.database_url.clone(),
        signing_key: external_key(cli)?,
        signing_token: token_settings(cli),
        http: HttpSettings {
            static_dir: Some(args.static_dir.clone()),
            allow_origins: args.allow_origin.clone(),
            rate_limit_ip: args.rate_limit_ip,
            rate_limit_serial: args.rate_limit_serial,
            trust_forwarded_for: args.trust_forwarded_for,
            public_url: cli.public_url.clone(),
            transfer_limit: args.transfer_limit,
            ..HttpSettings::default()
        },
        mail: mail_settings(cli)?,
        shutdown_timeout: Duration::from_secs(args.shutdown_timeout),
        remind_after_days: args.remind_after,
        webhook_allow_private: args.webhook_allow_private,
    })
}

pub async fn run(cli: &Cli, args: &Serve) -> Result<(), CliError> {
    let settings = settings(cli, args)?;
    let app = Application::build(&settings).await?;
    let state = &app.state;
    let demo_trust = if args.demo { Some(demo::seed(&state.db, &state.keys, &settings.data_dir).await?) } else { None };
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => {
            let files = TlsFiles { cert: cert.clone(), key: key.clone() };
            Some(files.serve_config().map_err(|e| CliError::Invalid(format!("--tls-cert/--tls-key: {e}")))?)
        }
        _ => {
            reload_nothing_on_sighup();
            None
        }
    };
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|source| CliError::Listen { addr: args.addr, source })?;
    let addr = listener.local_addr().map_err(CliError::Serve)?;
    let database = match state.db.dialect {
        Dialect::Sqlite => format!("SQLite in {}", settings.data_dir.display()),
        Dialect::Postgres => "PostgreSQL".to_string(),
    };
    let scheme = if tls.is_some() { "https (HTTP/2, HTTP/1.1)" } else { "http" };
    tracing::info!(%addr, %scheme, %database, signing_key = state.keys.active().0, "license-server listening");
    match &settings.mail {
        Some(mail) => tracing::info!(from = %mail.from, "mail on: new responses go to licences' contacts"),
        None => tracing::info!("mail off (no --smtp-url)"),
    }
    if state.portal.dir().is_none() {
        tracing::warn!(dir = %args.static_dir.display(), "no built portal there (index.html missing): / shows a notice");
    }
    if let Some(demo::Demo { trust, registration_code }) = demo_trust {
        let serial = demo::demo_serial();
        println!(
            "\nDemo ready: SpecView licence {serial}, bought with 1 remote user and 25 clients, then upgraded to 3 remote users (update 2).\n\
             A new installation gets the latest at once: remote users 0 -> 3, clients 0 -> 25.\n\
             Try it as the customer:\n\
             \x20 export LICENSE_TRUST={trust} LICENSE_FILE=/tmp/demo-license.json\n\
             \x20 license init --serial {serial} --product SpecView --registration-code {registration_code}\n\
             \x20 license create-code        # submit the code at http://{addr}/code.html\n\
             \x20 license enter-code CODE    # or: license get-it-now --server http://{addr}\n"
        );
    }
    app.serve(listener, tls, shutdown_signal(), settings.shutdown_timeout).await.map_err(CliError::Serve)?;
    tracing::info!("license-server stopped");
    Ok(())
}

/// SIGHUP, which a supervisor sends to reload (systemd's ExecReload), only
/// reloads the certificate: without TLS it must not end the server.
fn reload_nothing_on_sighup() {
    #[cfg(unix)]
    if let Ok(mut hangups) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
        tokio::spawn(async move {
            while hangups.recv().await.is_some() {
                tracing::info!("SIGHUP: nothing to reload (no --tls-cert)");
            }
        });
    }
}

/// Resolves on SIGTERM or Ctrl-C. The handlers are installed when this is
/// called, not when the future is first polled: a signal that arrives as
/// soon as the server answers (a supervisor, a test) must not find the
/// default action, which kills the process without finishing requests.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{signal, SignalKind};
        (signal(SignalKind::terminate()).ok(), signal(SignalKind::interrupt()).ok())
    };
    async move {
        #[cfg(unix)]
        {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let (terminate, interrupt) = signals;
            tokio::select! {
                () = wait(terminate) => {},
                () = wait(interrupt) => {},
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing requests in flight");
    }
}
