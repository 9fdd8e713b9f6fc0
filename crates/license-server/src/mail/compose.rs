//! The messages: a response code for the licence's technical contact (plain
//! text and HTML alternatives, the QR code as an inline image, the code as
//! `Step_2_Response_Code.TXT`), and notices. Words come from the catalogue's
//! `mail-…` entries; lettre builds the MIME.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use license_api::{Channel, EntitlementChange};
use license_codes::messages::domain::Mail;
use license_codes::messages::{msg, Arg, Lang, MsgId};
use license_codes::SerialNumber;

use super::outbox::Reason;
use super::MailSettings;
use crate::db::Db;
use crate::ApiError;

/// The Content-ID of the QR image in the HTML part.
const QR_CID: &str = "response-qr";
/// The file the program's Enter Code opens (the portal's Save to file names it so too).
pub const RESPONSE_FILE: &str = "Step_2_Response_Code.TXT";

/// What a response mail says: one issuance, as stored.
#[derive(Debug, Clone)]
pub struct ResponseMail {
    pub serial: String,
    pub product: String,
    pub channel: Channel,
    pub changes: Vec<EntitlementChange>,
    pub response_code: String,
    pub request_code: String,
    /// The licence's language, the mail's.
    pub language: Lang,
}

/// An issuance with what its mail says of the licence.
#[derive(sqlx::FromRow)]
struct MailRow {
    serial: i64,
    product: String,
    channel: String,
    changes: String,
    response_code: String,
    request_code: String,
    language: String,
}

impl ResponseMail {
    /// Issuance `id` as stored.
    pub async fn load(db: &Db, id: i64) -> Result<ResponseMail, ApiError> {
        let row: Option<MailRow> = sqlx::query_as(
            "SELECT l.serial, p.name AS product, i.channel, i.changes, i.response_code, i.request_code, l.language \
             FROM issuances i JOIN licenses l ON l.id = i.license_id JOIN products p ON p.id = l.product_id \
             WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(db.read())
        .await?;
        let MailRow { serial, product, channel, changes, response_code, request_code, language } =
            row.ok_or_else(|| ApiError::NotFound(format!("issuance {id}")))?;
        Ok(ResponseMail {
            serial: SerialNumber::new(serial as u64).map(|s| s.to_code()).unwrap_or_default(),
            product,
            channel: Channel::parse(&channel).unwrap_or(Channel::Portal),
            changes: serde_json::from_str(&changes).unwrap_or_default(),
            response_code,
            request_code,
            language: Lang::from_tag(&language).unwrap_or_default(),
        })
    }
}

/// Why a message could not be built: permanent, it will not build next time either.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ComposeError(String);

/// The message carrying `mail`'s response code to `to`.
pub fn response_message(
    settings: &MailSettings,
    message_id: &str,
    to: &str,
    reason: Reason,
    mail: &ResponseMail,
) -> Result<Message, ComposeError> {
    let text = |id: MsgId<Mail>, args: &[(&str, Arg<'_>)]| id.text(mail.language, args);
    let serial = ("serial", Arg::from(mail.serial.as_str()));
    let product = ("product", Arg::from(mail.product.as_str()));
    let why = match reason {
        Reason::Resend => text(msg!("mail-why-resend"), &[]),
        Reason::MailIn => text(msg!("mail-why-mail_in"), &[]),
        Reason::Issued
        | Reason::Notice
        | Reason::LicenseCreated
        | Reason::UpgradeReady
        | Reason::Reminder
        | Reason::LostSerial => text(msg!("mail-why-issued"), &[("channel", Arg::from(mail.channel.as_str()))]),
    };
    let intro = text(msg!("mail-response-intro"), &[serial.clone(), product.clone()]);
    let changes: Vec<String> = if mail.changes.is_empty() {
        vec![text(msg!("mail-no-changes"), &[])]
    } else {
        mail.changes.iter().map(EntitlementChange::in_words).collect()
    };
    let enter = text(msg!("mail-enter"), &[]);
    let footer = text(msg!("mail-footer"), std::slice::from_ref(&serial));

    // The code alone on its line, as `license enter-code` and Enter Code read it.
    let plain = format!(
        "{intro}\n{why}\n\n{}\n{}\n\n{}\n\n{}\n\n{enter}\n\n{}\n{}\n\n-- \n{footer}\n",
        text(msg!("mail-changes"), &[]),
        changes.iter().map(|c| format!("  {c}")).collect::<Vec<_>>().join("\n"),
        text(msg!("mail-code-heading"), &[]),
        mail.response_code,
        text(msg!("mail-request-heading"), &[]),
        mail.request_code,
    );
    let png =
        qr_png(&mail.response_code).ok_or_else(|| ComposeError("the response code does not fit a QR code".into()))?;
    let html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5;color:#111\">\
         <p>{}<br>{}</p><h3>{}</h3><ul>{}</ul><h3>{}</h3>\
         <p style=\"font-family:monospace;font-size:20px;letter-spacing:1px\">{}</p>\
         <p><img src=\"cid:{QR_CID}\" alt=\"{}\" width=\"{}\" height=\"{}\"></p><p>{}</p>\
         <h3>{}</h3><p style=\"font-family:monospace\">{}</p><hr><p style=\"color:#555;font-size:13px\">{}</p>\
         </body></html>",
        escape(&intro),
        escape(&why),
        escape(&text(msg!("mail-changes"), &[])),
        changes.iter().map(|c| format!("<li>{}</li>", escape(c))).collect::<String>(),
        escape(&text(msg!("mail-code-heading"), &[])),
        escape(&mail.response_code),
        escape(&text(msg!("mail-qr-alt"), &[])),
        png.1,
        png.1,
        escape(&enter),
        escape(&text(msg!("mail-request-heading"), &[])),
        escape(&mail.request_code),
        escape(&footer),
    );
    let body = MultiPart::mixed()
        .multipart(
            MultiPart::alternative().singlepart(SinglePart::plain(plain)).multipart(
                MultiPart::related().singlepart(SinglePart::html(html)).singlepart(
                    Attachment::new_inline_with_name(QR_CID.to_string(), "response-code.png".to_string())
                        .body(png.0, ContentType::parse("image/png").expect("a MIME type")),
                ),
            ),
        )
        .singlepart(
            Attachment::new(RESPONSE_FILE.to_string())
                .body(format!("{}\r\n", mail.response_code), ContentType::TEXT_PLAIN),
        );
    let subject = text(msg!("mail-response-subject"), &[serial, product]);
    headers(settings, message_id, to, &subject)?.multipart(body).map_err(|e| ComposeError(e.to_string()))
}

/// A written message (subject and text as queued): the text, and the same
/// as HTML (a paragraph per block of lines, a link where the text names an
/// address of the web), for mail programs that show HTML.
pub fn text_message(
    settings: &MailSettings,
    message_id: &str,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<Message, ComposeError> {
    let paragraphs: Vec<String> = body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(|line| linked(&escape(line))).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5;color:#111\">{}</body></html>",
        paragraphs.concat()
    );
    headers(settings, message_id, to, subject)?
        .multipart(MultiPart::alternative_plain_html(body.to_string(), html))
        .map_err(|e| ComposeError(e.to_string()))
}

/// `https://…` and `http://…` words of an escaped line as links.
fn linked(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            let bare = word.trim_end_matches(['.', ',', ')']);
            if bare.starts_with("https://") || bare.starts_with("http://") {
                format!("<a href=\"{bare}\">{bare}</a>{}", &word[bare.len()..])
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where the customer submits a request code, for the mails that say so:
/// the portal's page from `--public-url`, or words for it without one.
fn portal(lang: Lang, public_url: Option<&str>) -> String {
    match public_url {
        Some(url) => format!("{}/code.html", url.trim_end_matches('/')),
        None => msg!("mail-portal-unknown").text(lang, &[]),
    }
}

/// What a purchase confirmation says of a licence.
pub struct NewLicenseMail<'a> {
    pub lang: Lang,
    pub serial: &'a str,
    pub product: &'a str,
    pub max_installations: i64,
    /// What was bought, a line each ("Remote users: 1").
    pub bought: Vec<String>,
    pub public_url: Option<&'a str>,
    /// The code the program asks for at first registration, if the licence has one.
    pub registration_code: Option<&'a str>,
}

/// The purchase confirmation: subject and text.
pub fn license_created(mail: &NewLicenseMail<'_>) -> (String, String) {
    let text = |id: MsgId<Mail>, args: &[(&str, Arg<'_>)]| id.text(mail.lang, args);
    let serial = ("serial", Arg::from(mail.serial));
    let product = ("product", Arg::from(mail.product));
    let body = format!(
        "{}\n\n{}{}\n{}\n\n{}\n{}\n\n{}\n\n{}\n\n-- \n{}\n",
        text(msg!("mail-license-intro"), std::slice::from_ref(&product)),
        text(msg!("mail-license-serial"), std::slice::from_ref(&serial)),
        mail.registration_code
            .map(|code| format!("\n{}", text(msg!("mail-license-registration-code"), &[("code", Arg::from(code))])))
            .unwrap_or_default(),
        text(msg!("mail-license-installations"), &[("max", Arg::from(mail.max_installations))]),
        text(msg!("mail-license-bought"), &[]),
        mail.bought.iter().map(|line| format!("  {line}")).collect::<Vec<_>>().join("\n"),
        text(msg!("mail-license-keep"), &[]),
        text(msg!("mail-license-register"), &[("portal", Arg::from(portal(mail.lang, mail.public_url)))]),
        text(msg!("mail-contact-footer"), std::slice::from_ref(&serial)),
    );
    (text(msg!("mail-license-subject"), &[serial, product]), body)
}

/// What an "upgrade ready" mail, or its reminder, says.
pub struct UpgradeMail<'a> {
    pub lang: Lang,
    /// For a reminder: the day the upgrade was queued (`2026-11-24`).
    pub reminder_since: Option<&'a str>,
    pub serial: &'a str,
    pub product: &'a str,
    /// What changes, a line each ("Remote users: 1 → 3").
    pub changes: Vec<String>,
    pub public_url: Option<&'a str>,
}

/// "Your upgrade is ready": subject and text, with the two ways to get it
/// as the program's dialog says them.
pub fn upgrade_ready(mail: &UpgradeMail<'_>) -> (String, String) {
    let text = |id: MsgId<Mail>, args: &[(&str, Arg<'_>)]| id.text(mail.lang, args);
    let serial = ("serial", Arg::from(mail.serial));
    let product = ("product", Arg::from(mail.product));
    let intro = match mail.reminder_since {
        Some(since) => {
            text(msg!("mail-reminder-intro"), &[serial.clone(), product.clone(), ("since", Arg::from(since))])
        }
        None => text(msg!("mail-upgrade-intro"), &[serial.clone(), product.clone()]),
    };
    let body = format!(
        "{}\n\n{}\n{}\n\n{}\n\n{}\n\n{}\n\n-- \n{}\n",
        intro,
        text(msg!("mail-changes"), &[]),
        mail.changes.iter().map(|line| format!("  {line}")).collect::<Vec<_>>().join("\n"),
        text(msg!("mail-upgrade-how"), &[]),
        text(msg!("mail-upgrade-online"), &[]),
        text(msg!("mail-upgrade-offline"), &[("portal", Arg::from(portal(mail.lang, mail.public_url)))]),
        text(msg!("mail-contact-footer"), std::slice::from_ref(&serial)),
    );
    let subject = match mail.reminder_since {
        Some(_) => text(msg!("mail-reminder-subject"), &[serial, product]),
        None => text(msg!("mail-upgrade-subject"), &[serial, product]),
    };
    (subject, body)
}

/// A licence as "Lost your serial number?" tells it.
pub struct LostLicense {
    pub product: String,
    pub serial: String,
    pub registration_code: Option<String>,
}

/// The answer to "Lost your serial number?": every licence (product,
/// serial, registration code) this address is the contact for, with the
/// portal's address.
pub fn lost_serials(lang: Lang, licenses: &[LostLicense], public_url: Option<&str>) -> (String, String) {
    let text = |id: MsgId<Mail>, args: &[(&str, Arg<'_>)]| id.text(lang, args);
    let count = ("count", Arg::from(licenses.len() as i64));
    let lines: Vec<String> = licenses
        .iter()
        .map(|l| {
            let (product, serial) =
                (("product", Arg::from(l.product.as_str())), ("serial", Arg::from(l.serial.as_str())));
            let line = match &l.registration_code {
                Some(code) => text(msg!("mail-lost-line-code"), &[product, serial, ("code", Arg::from(code.as_str()))]),
                None => text(msg!("mail-lost-line"), &[product, serial]),
            };
            format!("  {line}")
        })
        .collect();
    let body = format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n-- \n{}\n",
        text(msg!("mail-lost-intro"), std::slice::from_ref(&count)),
        lines.join("\n"),
        text(msg!("mail-license-register"), &[("portal", Arg::from(portal(lang, public_url)))]),
        text(msg!("mail-lost-ignore"), &[]),
        text(msg!("mail-lost-footer"), &[]),
    );
    (text(msg!("mail-lost-subject"), &[count]), body)
}

fn headers(
    settings: &MailSettings,
    message_id: &str,
    to: &str,
    subject: &str,
) -> Result<lettre::message::MessageBuilder, ComposeError> {
    let to: Mailbox = to.parse().map_err(|e| ComposeError(format!("the contact address {to:?} is not valid: {e}")))?;
    Ok(Message::builder()
        .from(settings.from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(message_id.to_string()))
        .date_now()
        // RFC 3834: an out-of-office reply must not answer it, so two
        // robots never write to each other.
        .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("Auto-Submitted"), "auto-generated".into())))
}

/// A PNG of `text`'s QR code (level M, as on the page), 6 pixels a module
/// with the 4-module quiet zone, and its width.
fn qr_png(text: &str) -> Option<(Vec<u8>, usize)> {
    const SCALE: usize = 6;
    const QUIET: usize = 4;
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET) * SCALE;
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (x, y) = ((i % modules + QUIET) * SCALE, (i / modules + QUIET) * SCALE);
            for row in y..y + SCALE {
                pixels[row * side + x..row * side + x + SCALE].fill(0);
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header().ok()?.write_image_data(&pixels).ok()?;
    Some((out, side))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ResponseMail {
        ResponseMail {
            serial: "9ABCDE-FGHJKM".into(),
            product: "SpecView <Pro>".into(),
            channel: Channel::Portal,
            changes: vec![EntitlementChange { name: "remote_users".into(), from: "1".into(), to: "3".into() }],
            response_code: "MAAAAA-BBBBBB-CCCCCC".into(),
            request_code: "H003HY-4D2PFD".into(),
            language: Lang::En,
        }
    }

    fn settings() -> MailSettings {
        MailSettings {
            smtp_url: "smtp://127.0.0.1:2525".into(),
            from: "Licensing <licensing@vendor.example>".parse().unwrap(),
            credentials: None,
        }
    }

    #[test]
    fn a_response_mail_has_both_parts_the_qr_and_the_file() {
        let message =
            response_message(&settings(), "<1@vendor.example>", "contact@example.com", Reason::Issued, &sample())
                .unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        for needed in [
            "multipart/alternative",
            "multipart/related",
            "text/html",
            "image/png",
            "Content-ID: <response-qr>",
            "Step_2_Response_Code.TXT",
            "Message-ID: <1@vendor.example>",
            "Auto-Submitted: auto-generated",
            "SpecView &lt;Pro&gt;",
        ] {
            assert!(raw.contains(needed), "{needed} missing in\n{raw}");
        }
    }

    #[test]
    fn a_bad_contact_address_is_a_permanent_error() {
        let e = response_message(&settings(), "<1@vendor.example>", "not an address", Reason::Issued, &sample());
        assert!(e.unwrap_err().to_string().contains("not valid"));
    }

    #[test]
    fn the_qr_png_reads_back() {
        let (png, side) = qr_png("H003HY-4D2PFD-2D028M-T5CY4Y-TQKFFA-000QE5-R3GTR8-4XCS3R").unwrap();
        let decoder = png::Decoder::new(png.as_slice());
        let mut reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().width as usize, side);
        let mut buffer = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut buffer).unwrap();
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| buffer[y * side + x]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].decode().unwrap().1, "H003HY-4D2PFD-2D028M-T5CY4Y-TQKFFA-000QE5-R3GTR8-4XCS3R");
    }
}
