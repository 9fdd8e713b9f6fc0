//! `license-server mail-in`: one message on standard input, as a mail
//! server's pipe delivers it (docs/server.md, Mail).

use std::io::Read;

use super::{external_key, mail_settings, open_db, token_settings, Cli, CliError};
use crate::mail::{self, Mailer};
use crate::signing::SigningKeys;
use crate::HttpSettings;

/// Answers the request codes in the message on standard input; the
/// responses go to each licence's technical contact, never to the sender.
pub async fn run(cli: &Cli) -> Result<(), CliError> {
    let mut raw = Vec::new();
    std::io::stdin()
        .read_to_end(&mut raw)
        .map_err(|e| CliError::Unreadable(format!("cannot read standard input: {e}")))?;
    let settings = mail_settings(cli)?.ok_or_else(|| {
        CliError::Invalid("mail-in answers by mail, and mail is off: give --smtp-url and --mail-from (LICENSE_SERVER_SMTP_URL, LICENSE_SERVER_MAIL_FROM)".to_string())
    })?;
    let keys = SigningKeys::load(&cli.data, external_key(cli)?, token_settings(cli).as_ref())?;
    let db = open_db(cli).await?;
    let mailer = Mailer::new(settings);
    let transport = mailer.settings.transport().map_err(CliError::Invalid)?;
    let state = crate::AppState::new(db.clone(), keys, HttpSettings::default(), Some(mailer.clone()), None);
    let outcomes = match mail::incoming::handle(&state, &mailer, &raw).await {
        Ok(outcomes) => outcomes,
        Err(mail::incoming::MailInError::Unreadable(why)) => return Err(CliError::Unreadable(why.to_string())),
        Err(e) => return Err(CliError::TryAgainLater(e.to_string())),
    };
    for outcome in &outcomes {
        match outcome {
            mail::incoming::Outcome::Answered { serial, to, .. } => {
                tracing::info!(%serial, %to, "mail-in: response queued for the contact")
            }
            mail::incoming::Outcome::Notified { serial, to, reason, .. } => {
                tracing::info!(%serial, %to, %reason, "mail-in: notice queued for the contact")
            }
            mail::incoming::Outcome::Dropped(why) => tracing::info!(%why, "mail-in: nothing sent"),
        }
    }
    // Send what this message queued now; what does not go stays queued for
    // the running server's sender.
    let licenses: Vec<i64> = outcomes.iter().filter_map(|o| o.license_id()).collect();
    let ids = mail::outbox::pending_mail_in(&db, &licenses).await?;
    if let Err(e) = mail::sender::deliver_due(&db, &mailer, &transport, &Default::default(), Some(&ids)).await {
        tracing::warn!(error = %e, "mail-in: the answer stays queued for the server");
    }
    Ok(())
}
