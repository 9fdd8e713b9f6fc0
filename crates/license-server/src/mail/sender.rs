//! The sender task: claims due messages from the outbox, builds them and
//! hands them to the SMTP server. A temporary refusal or an unreachable
//! server is retried with backoff (5 s, doubling, at most an hour apart)
//! for three days; a permanent refusal (5xx) or a message that cannot be
//! built is given up at once, the reason kept for `license-server mail status`.

use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use prometheus_client::metrics::counter::Counter;

use super::compose::{response_message, text_message, ResponseMail};
use super::outbox::{self, Claimed, Reason};
use super::{MailSettings, Mailer};
use crate::db::Db;
use crate::retry::{backoff, GIVE_UP_AFTER};
use crate::staff::unix_now;
use crate::ApiError;

/// How many messages one round claims.
const BATCH: i64 = 10;
/// How often the outbox is looked at without being woken (messages another
/// server queued, or retries coming due).
const POLL: Duration = Duration::from_secs(5);
/// How long one SMTP exchange may take: well inside the claim's lease.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Sent, retrying and failed, for `/metrics`.
#[derive(Clone, Debug, Default)]
pub struct MailCounters {
    pub sent: Counter,
    pub retrying: Counter,
    pub failed: Counter,
}

/// The SMTP transport lettre builds from the settings' URL.
pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

impl MailSettings {
    /// The transport for `smtp_url` (checked at start, so a typo stops the
    /// server with a message rather than failing every send).
    pub fn transport(&self) -> Result<Transport, String> {
        let mut builder = Transport::from_url(&self.smtp_url)
            .map_err(|e| {
                format!("--smtp-url {:?} is not usable: {e}", self.smtp_url.split('@').next_back().unwrap_or(""))
            })?
            .timeout(Some(SMTP_TIMEOUT));
        if let Some((user, password)) = &self.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(builder.build())
    }
}

/// Runs until the runtime stops: a round, then a wait for the bell or [`POLL`].
pub async fn run(db: Db, mailer: Mailer, transport: Transport, counters: MailCounters) {
    loop {
        match deliver_due(&db, &mailer, &transport, &counters, None).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "mail: the outbox could not be read; trying again"),
        }
        mailer.wait(POLL).await;
    }
}

/// One round: claims what is due (only the messages `only` names, when
/// given) and tries each once. Returns how many it claimed.
pub async fn deliver_due(
    db: &Db,
    mailer: &Mailer,
    transport: &Transport,
    counters: &MailCounters,
    only: Option<&[i64]>,
) -> Result<usize, ApiError> {
    let claimed = outbox::claim(db, BATCH, only).await?;
    for message in &claimed {
        deliver(db, &mailer.settings, transport, counters, message).await?;
    }
    Ok(claimed.len())
}

/// How one attempt ended.
enum Attempt {
    Sent,
    /// Worth trying again: the server was unreachable or answered 4xx.
    Transient(String),
    /// Not worth trying again: 5xx, or a message that cannot be built.
    Permanent(String),
}

async fn deliver(
    db: &Db,
    settings: &MailSettings,
    transport: &Transport,
    counters: &MailCounters,
    message: &Claimed,
) -> Result<(), ApiError> {
    let attempt = attempt(db, settings, transport, message).await?;
    let id = message.id;
    match attempt {
        Attempt::Sent => {
            tracing::info!(id, message_id = %message.message_id, to = %message.to_address, "mail sent");
            counters.sent.inc();
            outbox::mark_sent(db, id).await
        }
        Attempt::Permanent(error) => {
            tracing::error!(id, to = %message.to_address, %error, "mail refused for good");
            counters.failed.inc();
            outbox::mark_failed(db, id, &error).await
        }
        Attempt::Transient(error) if unix_now() - message.created_unix >= GIVE_UP_AFTER => {
            tracing::error!(id, to = %message.to_address, %error, "mail given up after three days");
            counters.failed.inc();
            outbox::mark_failed(db, id, &format!("given up after three days; last: {error}")).await
        }
        Attempt::Transient(error) => {
            let wait = backoff(message.attempts);
            tracing::warn!(id, to = %message.to_address, %error, retry_in_s = wait, "mail not sent; will retry");
            counters.retrying.inc();
            outbox::retry_later(db, id, &error, unix_now() + wait).await
        }
    }
}

async fn attempt(
    db: &Db,
    settings: &MailSettings,
    transport: &Transport,
    message: &Claimed,
) -> Result<Attempt, ApiError> {
    let built = match (message.issuance_id, &message.subject, &message.body) {
        (Some(issuance), _, _) => {
            let mail = ResponseMail::load(db, issuance).await?;
            let reason = Reason::parse(&message.reason).unwrap_or(Reason::Issued);
            response_message(settings, &message.message_id, &message.to_address, reason, &mail)
        }
        (None, Some(subject), Some(body)) => {
            text_message(settings, &message.message_id, &message.to_address, subject, body)
        }
        _ => return Ok(Attempt::Permanent("neither an issuance nor a notice".into())),
    };
    let built = match built {
        Ok(built) => built,
        Err(e) => return Ok(Attempt::Permanent(e.to_string())),
    };
    Ok(match transport.send(built).await {
        Ok(_) => Attempt::Sent,
        Err(e) if e.is_permanent() => Attempt::Permanent(e.to_string()),
        Err(e) => Attempt::Transient(e.to_string()),
    })
}
