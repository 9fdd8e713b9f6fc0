//! Mail: a licence's response codes sent to its technical contact, and
//! request codes that arrive by mail (`license-server mail-in`).
//!
//! Nothing is sent from a request handler. What must be mailed is written to
//! the outbox ([`outbox`]) in the same transaction as what it is about, and
//! the sender task ([`sender`]) delivers it through SMTP (lettre), retrying
//! with backoff, so a crash or an SMTP outage loses nothing and several
//! servers sharing PostgreSQL never send one message twice.

pub mod compose;
pub mod incoming;
pub mod lost_serials;
pub mod outbox;
pub mod reminders;
pub mod sender;

use std::sync::Arc;

use lettre::message::Mailbox;
use tokio::sync::Notify;

/// How mail is sent. Mail is on when the server has one.
#[derive(Clone)]
pub struct MailSettings {
    /// lettre's URL forms: `smtp://host:port` (plain: a relay on the same
    /// host or network), `smtp://host:port?tls=required` (STARTTLS),
    /// `smtps://host:port` (implicit TLS); user and password may be in it.
    pub smtp_url: String,
    /// The sender, e.g. `Licensing <licensing@vendor.example>`.
    pub from: Mailbox,
    /// User and password when not in the URL.
    pub credentials: Option<(String, String)>,
}

/// Who tells a licence's contact of the licence and of its upgrades (the
/// purchase confirmation, "your upgrade is ready"): the mail settings, and
/// the portal's address the mails point to (`--public-url`). `None` where
/// mail is off: nothing is queued.
#[derive(Clone, Copy)]
pub struct Announce<'a> {
    pub mail: &'a MailSettings,
    pub public_url: Option<&'a str>,
}

impl std::fmt::Debug for MailSettings {
    /// Never prints a password (in the URL or given apart).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let url = match self.smtp_url.split_once('@') {
            Some((scheme_and_user, host)) => {
                let scheme = scheme_and_user.split("://").next().unwrap_or_default();
                format!("{scheme}://…@{host}")
            }
            None => self.smtp_url.clone(),
        };
        f.debug_struct("MailSettings")
            .field("smtp_url", &url)
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl MailSettings {
    /// A new Message-ID in the sender's domain, kept for every attempt.
    pub fn new_message_id(&self) -> String {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).expect("random bytes");
        format!("<{}@{}>", hex::encode(bytes), self.from.email.domain())
    }
}

/// Mail, when the server has it: the settings, and the bell the sender
/// task waits on between its rounds (rung after a commit that queued mail).
#[derive(Clone, Debug)]
pub struct Mailer {
    pub settings: Arc<MailSettings>,
    wake: Arc<Notify>,
}

impl Mailer {
    pub fn new(settings: MailSettings) -> Self {
        Mailer { settings: Arc::new(settings), wake: Arc::new(Notify::new()) }
    }

    /// Tells the sender task that mail was queued (after the commit).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Waits for [`Self::wake`] or `timeout`, whichever comes first.
    pub async fn wait(&self, timeout: std::time::Duration) {
        let _ = tokio::time::timeout(timeout, self.wake.notified()).await;
    }
}

/// Queues issuance `id`'s response for its licence's contact again (the
/// console's Send to contact), with an audit entry, and wakes the sender.
/// Returns the address.
pub async fn send_to_contact(
    db: &crate::db::Db,
    mailer: &Mailer,
    id: i64,
    actor: &str,
) -> Result<String, crate::ApiError> {
    let mut tx = db.begin().await?;
    let found: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT i.license_id, l.reseller FROM issuances i JOIN licenses l ON l.id = i.license_id WHERE i.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    // Another reseller's issuance is one that does not exist.
    let found = found.filter(|(_, owner)| !crate::resellers::hidden(owner.as_deref()));
    let (license_id, _) = found.ok_or_else(|| crate::ApiError::NotFound(format!("issuance {id}")))?;
    let to = outbox::enqueue_issuance(&mut tx, &mailer.settings, id, outbox::Reason::Resend).await?;
    let detail = serde_json::json!({ "issuance": id, "to": to });
    crate::audit::record(&mut tx, actor, "mail.resend", Some(license_id), detail).await?;
    tx.commit().await?;
    mailer.wake();
    Ok(to)
}

/// An address as the customer's page shows it: `t***@example.com`.
pub fn mask(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn masks_all_but_the_first_letter_and_the_domain() {
        assert_eq!(super::mask("technical.contact@example.com"), "t***@example.com");
        assert_eq!(super::mask("a@b.example"), "a***@b.example");
    }

    #[test]
    fn debug_hides_the_password() {
        let settings = super::MailSettings {
            smtp_url: "smtps://user:s3cret@mail.example.com:465".into(),
            from: "Licensing <licensing@vendor.example>".parse().unwrap(),
            credentials: Some(("user".into(), "s3cret2".into())),
        };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("mail.example.com"), "{shown}");
    }
}
