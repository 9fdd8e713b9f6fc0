//! Request codes that arrive by mail (`license-server mail-in`, fed one
//! RFC 5322 message on standard input by the mail server's pipe delivery).
//!
//! The message is read with a MIME parser (mail-parser): every text part,
//! HTML made text, text attachments (`Step_1_Code.TXT`), forwarded
//! messages, and the subject are scanned for codes ([`license_codes::scan`]).
//! Each request code is answered as the portal would answer it, and the
//! answer goes to the technical contact on file for its serial, never to the
//! sender: a stranger who knows a serial, or even a request code, learns
//! nothing by mailing it. What cannot be answered gets a notice to the
//! contact when the serial is known, and is otherwise logged and dropped.
//! Automatic messages (out-of-office, bounces, lists) and replies to our own
//! messages are ignored. Answers and notices have budgets of their own per
//! licence and day ([`ANSWERS_PER_DAY`], [`NOTICES_PER_DAY`]): notices that
//! strangers cause cannot spend the answers' budget, so they cannot silence
//! the contact's own request codes. What is dropped is recorded, with why
//! (`mail status`).

use license_api::Channel;
use license_codes::messages::domain::Mail;
use license_codes::messages::{msg, Arg, Audience, Lang, MsgId};
use license_codes::scan::{scan, Scan};
use license_codes::{RequestCode, SerialNumber};
use mail_parser::{MessageParser, MimeHeaders};

use super::outbox::{self, Reason};
use super::Mailer;
use crate::issuance::Origin;
use crate::staff::unix_now;
use crate::{ApiError, AppState};

/// Responses mailed to one licence's contact for request codes that came by
/// mail, in 24 hours.
pub const ANSWERS_PER_DAY: i64 = 10;
/// Notices (a request by mail that could not be answered) to one licence's
/// contact in 24 hours: anyone who knows a serial can cause them, so they
/// have a small budget of their own.
pub const NOTICES_PER_DAY: i64 = 3;
/// A stored response asked for again by mail is not mailed again within
/// this many seconds of the last time (a stranger repeating a code cannot
/// flood the contact with the same mail).
const SAME_RESPONSE_AGAIN_AFTER: i64 = 10 * 60;
/// Request codes answered from one message.
const MAX_REQUESTS: usize = 5;
/// Text attachments larger than this are not scanned (a code file is 55 bytes).
const MAX_ATTACHMENT: usize = 64 * 1024;

/// What became of one request code or of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A response is on its way to the contact.
    Answered { license_id: i64, serial: String, to: String },
    /// The contact was told why nothing could be answered.
    Notified { license_id: i64, serial: String, to: String, reason: String },
    /// Nothing was sent: why (logged).
    Dropped(String),
}

/// Why a message was not handled; the mail server should keep it.
#[derive(Debug, thiserror::Error)]
pub enum MailInError {
    /// Not a message at all (empty): it cannot be read, now or later.
    #[error("the message could not be read: {0}")]
    Unreadable(String),
    /// The database is unavailable: worth delivering again later.
    #[error("{0}")]
    Temporary(ApiError),
}

impl From<ApiError> for MailInError {
    fn from(e: ApiError) -> Self {
        MailInError::Temporary(e)
    }
}

impl From<sqlx::Error> for MailInError {
    fn from(e: sqlx::Error) -> Self {
        MailInError::Temporary(e.into())
    }
}

/// The parts of a message that matter here.
struct Incoming {
    sender: String,
    /// Why the message was sent by a program, not a person (nothing answers it).
    automatic: Option<&'static str>,
    /// The Message-IDs it replies to (`In-Reply-To`, `References`).
    replies_to: Vec<String>,
    /// Subject, text parts and text attachments, nested messages included.
    texts: Vec<String>,
}

fn read(raw: &[u8]) -> Result<Incoming, MailInError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailInError::Unreadable("it is empty".into()));
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| MailInError::Unreadable("it is not a mail message".into()))?;
    let sender = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_string)
        .unwrap_or_else(|| "an unknown sender".into());
    let automatic = automatic(&message, &sender);
    let replies_to = ["In-Reply-To", "References"]
        .into_iter()
        .filter_map(|name| message.header_raw(name))
        .flat_map(message_ids)
        .collect();
    let mut texts = Vec::new();
    collect(&message, &mut texts, 0);
    Ok(Incoming { sender, automatic, replies_to, texts })
}

/// Why `message` comes from a program: an out-of-office reply, a bounce, a
/// mailing list or bulk mail (RFC 3834's `Auto-Submitted`, the headers
/// autoresponders and list servers add, a null envelope sender or the
/// mailer daemon). Answering such mail is how two robots write to each
/// other for ever.
fn automatic(message: &mail_parser::Message<'_>, sender: &str) -> Option<&'static str> {
    let header = |name| message.header_raw(name).map(str::trim);
    if header("Auto-Submitted").is_some_and(|v| !v.eq_ignore_ascii_case("no")) {
        return Some("Auto-Submitted");
    }
    if header("Precedence")
        .is_some_and(|v| ["bulk", "junk", "list", "auto_reply"].iter().any(|p| v.eq_ignore_ascii_case(p)))
    {
        return Some("Precedence");
    }
    for name in ["X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe"] {
        if header(name).is_some() {
            return Some(name);
        }
    }
    if header("Return-Path").is_some_and(|v| v == "<>") {
        return Some("a null sender");
    }
    sender.to_ascii_lowercase().starts_with("mailer-daemon@").then_some("MAILER-DAEMON")
}

/// The `<…>` message ids in a header's value.
fn message_ids(value: &str) -> impl Iterator<Item = String> + '_ {
    value.split('<').skip(1).filter_map(|part| part.split_once('>').map(|(id, _)| format!("<{}>", id.trim())))
}

fn collect(message: &mail_parser::Message<'_>, texts: &mut Vec<String>, depth: usize) {
    if let Some(subject) = message.subject() {
        texts.push(subject.to_string());
    }
    for i in 0..message.text_body_count() {
        if let Some(text) = message.body_text(i) {
            texts.push(text.into_owned());
        }
    }
    for attachment in message.attachments() {
        if let Some(nested) = attachment.message() {
            if depth < 3 {
                collect(nested, texts, depth + 1);
            }
            continue;
        }
        let named_txt = attachment.attachment_name().is_some_and(|n| n.to_ascii_lowercase().ends_with(".txt"));
        if (attachment.is_text() || named_txt) && attachment.len() <= MAX_ATTACHMENT {
            if let Some(text) = attachment.text_contents() {
                texts.push(text.to_string());
            }
        }
    }
}

/// Reads the message `raw` and answers it (see the module comment). The
/// answers are queued in the outbox; the caller delivers them. What is
/// dropped is recorded with why, for `mail status`.
pub async fn handle(state: &AppState, mailer: &Mailer, raw: &[u8]) -> Result<Vec<Outcome>, MailInError> {
    let incoming = read(raw)?;
    let outcomes = answer_message(state, mailer, &incoming).await?;
    let dropped: Vec<&String> =
        outcomes.iter().filter_map(|o| if let Outcome::Dropped(why) = o { Some(why) } else { None }).collect();
    if !dropped.is_empty() {
        let mut tx = state.db.begin().await?;
        for why in dropped {
            sqlx::query("INSERT INTO mail_dropped (sender, reason, created_unix) VALUES ($1, $2, $3)")
                .bind(&incoming.sender)
                .bind(why)
                .bind(unix_now())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(outcomes)
}

async fn answer_message(state: &AppState, mailer: &Mailer, incoming: &Incoming) -> Result<Vec<Outcome>, MailInError> {
    if let Some(why) = incoming.automatic {
        return Ok(vec![Outcome::Dropped(format!("an automatic message ({why}) from {}", incoming.sender))]);
    }
    // A reply to one of our own messages (a person's "thanks", or a robot's
    // answer to our answer) is not a new request: answering it could loop.
    for id in &incoming.replies_to {
        let ours: Option<(i64,)> = sqlx::query_as("SELECT id FROM mail_outbox WHERE message_id = $1")
            .bind(id)
            .fetch_optional(state.db.read())
            .await?;
        if ours.is_some() {
            return Ok(vec![Outcome::Dropped(format!("a reply to our message {id} from {}", incoming.sender))]);
        }
    }
    // Each text on its own: a code does not run from one part into the next.
    let mut found = Scan::default();
    for text in &incoming.texts {
        let more = scan(text);
        for request in more.requests {
            if !found.requests.iter().any(|(r, _)| *r == request.0) {
                found.requests.push(request);
            }
        }
        for serial in more.serials {
            if !found.serials.contains(&serial) {
                found.serials.push(serial);
            }
        }
        found.damaged = found.damaged.or(more.damaged);
    }
    let requests = found.requests_to_answer();
    if requests.is_empty() {
        return Ok(vec![unanswerable(state, mailer, incoming, &found).await?]);
    }
    let mut outcomes = Vec::new();
    for request in requests.into_iter().take(MAX_REQUESTS) {
        outcomes.push(answer(state, mailer, incoming, request).await?);
    }
    Ok(outcomes)
}

/// Answers one request code: a response to the contact, or a notice why not.
async fn answer(
    state: &AppState,
    mailer: &Mailer,
    incoming: &Incoming,
    request: RequestCode,
) -> Result<Outcome, MailInError> {
    let serial = request.serial;
    let Some((license_id, contact, language)) = licence(state, serial).await? else {
        return Ok(Outcome::Dropped(format!("request code for unknown serial {}", serial.to_code())));
    };
    if spent(state, license_id, Reason::MailIn, ANSWERS_PER_DAY).await? {
        return Ok(Outcome::Dropped(format!(
            "licence {} had its {ANSWERS_PER_DAY} answers by mail in 24 hours",
            serial.to_code()
        )));
    }
    let origin = Origin { channel: Channel::Mail, actor: incoming.sender.clone() };
    let key_id = request.key_id.0 as i64;
    let counter = i64::from(request.counter);
    match state.issuer().activate(request, origin).await {
        // New: the writer queued its mail in the issuance's transaction.
        Ok(activation) if activation.mailed_to.is_some() => {
            Ok(Outcome::Answered { license_id, serial: serial.to_code(), to: contact })
        }
        // Issued before: the same response, mailed again.
        Ok(activation) => {
            let mut tx = state.db.begin().await?;
            let (issuance_id,): (i64,) = sqlx::query_as(
                "SELECT id FROM issuances WHERE license_id = $1 AND key_id = $2 AND from_counter = $3 AND to_counter = $4",
            )
            .bind(license_id)
            .bind(key_id)
            .bind(counter)
            .bind(i64::from(activation.to_counter))
            .fetch_one(&mut *tx)
            .await?;
            let recent: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM mail_outbox WHERE issuance_id = $1 AND created_unix > $2 LIMIT 1")
                    .bind(issuance_id)
                    .bind(unix_now() - SAME_RESPONSE_AGAIN_AFTER)
                    .fetch_optional(&mut *tx)
                    .await?;
            if recent.is_some() {
                return Ok(Outcome::Dropped(format!(
                    "the response for licence {} was mailed to its contact less than 10 minutes ago",
                    serial.to_code()
                )));
            }
            outbox::enqueue_issuance(&mut tx, &mailer.settings, issuance_id, Reason::MailIn).await?;
            tx.commit().await?;
            Ok(Outcome::Answered { license_id, serial: serial.to_code(), to: contact })
        }
        Err(e @ (ApiError::Unavailable | ApiError::Internal(_))) => Err(MailInError::Temporary(e)),
        Err(e) => {
            // A refusal is a notice, which spends the notices' budget.
            if spent(state, license_id, Reason::Notice, NOTICES_PER_DAY).await? {
                return Ok(notices_spent(serial));
            }
            let lang = Lang::from_tag(&language).unwrap_or_default();
            let words = e.problem(lang).explain(lang, Audience::Customer);
            let notice = Notice { reason: &words.meaning, next: &words.next_step, lang };
            notify(state, mailer, license_id, serial, &contact, notice, &incoming.sender).await
        }
    }
}

/// No request code reads: a notice to the contact of a serial the message
/// names, or nothing.
async fn unanswerable(
    state: &AppState,
    mailer: &Mailer,
    incoming: &Incoming,
    found: &Scan,
) -> Result<Outcome, MailInError> {
    // In the words of the licence's language, once it is known.
    let why = |lang: Lang| match &found.damaged {
        Some(e) => {
            let words = e.explain(lang, Audience::Customer);
            (words.meaning, words.next_step)
        }
        None => (msg!("mail-notice-no-code").text(lang, &[]), msg!("mail-notice-no-code-next").text(lang, &[])),
    };
    for serial in &found.serials {
        if let Some((license_id, contact, language)) = licence(state, *serial).await? {
            if spent(state, license_id, Reason::Notice, NOTICES_PER_DAY).await? {
                return Ok(notices_spent(*serial));
            }
            let lang = Lang::from_tag(&language).unwrap_or_default();
            let (reason, next) = why(lang);
            let notice = Notice { reason: &reason, next: &next, lang };
            return notify(state, mailer, license_id, *serial, &contact, notice, &incoming.sender).await;
        }
    }
    Ok(Outcome::Dropped(format!("from {}: {}, and no known serial number", incoming.sender, why(Lang::En).0)))
}

/// Why a mail could not be answered, in the licence's language.
struct Notice<'a> {
    reason: &'a str,
    next: &'a str,
    lang: Lang,
}

async fn notify(
    state: &AppState,
    mailer: &Mailer,
    license_id: i64,
    serial: SerialNumber,
    contact: &str,
    Notice { reason, next, lang }: Notice<'_>,
    sender: &str,
) -> Result<Outcome, MailInError> {
    let serial_code = serial.to_code();
    let text = |id: MsgId<Mail>, args: &[(&str, Arg<'_>)]| id.text(lang, args);
    let s = ("serial", Arg::from(serial_code.as_str()));
    let subject = text(msg!("mail-notice-subject"), std::slice::from_ref(&s));
    let body = format!(
        "{}\n\n{}\n\n{}\n\n-- \n{}\n",
        text(msg!("mail-notice-intro"), &[s.clone(), ("reason", Arg::from(reason))]),
        text(msg!("mail-notice-next"), &[("next", Arg::from(next))]),
        text(msg!("mail-notice-sender"), &[("sender", Arg::from(sender))]),
        text(msg!("mail-footer"), &[s]),
    );
    let mut tx = state.db.begin().await?;
    outbox::enqueue_text(&mut tx, &mailer.settings, license_id, Reason::Notice, &subject, &body).await?;
    tx.commit().await?;
    Ok(Outcome::Notified { license_id, serial: serial_code, to: contact.to_string(), reason: reason.to_string() })
}

impl Outcome {
    /// The licence mail was queued for.
    pub fn license_id(&self) -> Option<i64> {
        match self {
            Outcome::Answered { license_id, .. } | Outcome::Notified { license_id, .. } => Some(*license_id),
            Outcome::Dropped(_) => None,
        }
    }
}

/// The licence of `serial`: its id, contact and language.
async fn licence(state: &AppState, serial: SerialNumber) -> Result<Option<(i64, String, String)>, ApiError> {
    Ok(sqlx::query_as("SELECT id, contact_email, language FROM licenses WHERE serial = $1")
        .bind(serial.value() as i64)
        .fetch_optional(state.db.read())
        .await?)
}

/// Whether the licence had its day's share of mail-in answers and notices.
/// Whether licence `license_id`'s contact had `budget` mails of `reason` in 24 hours.
async fn spent(state: &AppState, license_id: i64, reason: Reason, budget: i64) -> Result<bool, ApiError> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM mail_outbox WHERE license_id = $1 AND reason = $2 AND created_unix > $3")
            .bind(license_id)
            .bind(reason.as_str())
            .bind(unix_now() - 24 * 3600)
            .fetch_one(state.db.read())
            .await?;
    Ok(count >= budget)
}

fn notices_spent(serial: SerialNumber) -> Outcome {
    Outcome::Dropped(format!("licence {} had its {NOTICES_PER_DAY} notices in 24 hours", serial.to_code()))
}
