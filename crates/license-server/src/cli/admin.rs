//! The vendor's commands: products, licences, upgrades, tokens, staff, the
//! trust file, the database check, signing keys and the mail outbox. Each
//! does what the admin API does, as `cli:$USER`, and prints JSON or a line.

use license_codes::{EntitlementDef, Product, SerialNumber, TrustFile};

use super::{
    mail_settings, Cli, CliError, Command, LicenseCommand, MailCommand, ProductCommand, StaffCommand, TokenCommand,
    UpgradeCommand, WebhookCommand,
};
use crate::catalog::{self, installations, LicenseOrder};
use crate::db::Db;
use crate::mail::{self, Announce, MailSettings};
use crate::signing::SigningKeys;
use crate::webhooks::{self, WebhookKey};
use crate::{staff, tokens};

/// `keygen`: a new signing key in the data directory, or on a token.
pub fn keygen(cli: &Cli, pkcs11: Option<&str>) -> Result<(), CliError> {
    let data = &cli.data;
    let Some(uri) = pkcs11 else {
        let id = SigningKeys::generate(data)?;
        println!(
            "Created signing key {id} in {}; it signs new responses from the next start.",
            data.join("keys").display()
        );
        return Ok(());
    };
    let (id, label, public_key) = SigningKeys::generate_on_token(data, &super::token_at(cli, uri.to_string()))?;
    println!(
        "Created signing key {id} on the token ({label:?}, CKA_ID {id:02x}); its private half cannot leave it.\n\
         Public key: {public_key}\n\
         It signs new responses from the next start with --signing-key-pkcs11 naming this token; the keys \
         published before stay published, so responses they signed keep verifying."
    );
    Ok(())
}

/// Every command but `serve`, `keygen` and `mail-in`.
pub async fn run(cli: &Cli, keys: SigningKeys, db: Db) -> Result<(), CliError> {
    let actor = actor(cli);
    match &cli.command {
        Command::Product(ProductCommand::Add { id, name, entitlements }) => {
            let entitlements = entitlements
                .iter()
                .map(|e| {
                    let (name, kind) = e.split_once(':').unwrap_or((e, "count"));
                    Ok(EntitlementDef { name: name.into(), kind: kind.parse().map_err(CliError::Invalid)? })
                })
                .collect::<Result<Vec<_>, CliError>>()?;
            let product = Product { id: *id, name: name.clone(), entitlements };
            catalog::add_product(&db, &product, &actor).await?;
            print_json(&product);
        }
        Command::Product(ProductCommand::List) => print_json(&catalog::products(&db).await?),
        Command::License(LicenseCommand::Create {
            product,
            email,
            max_installations,
            serial,
            transfer_limit,
            language,
            no_notify,
            no_registration_code,
            entitlements,
            reseller,
        }) => {
            let serial = serial
                .as_deref()
                .map(|s| SerialNumber::parse(s).map_err(|e| CliError::Invalid(format!("serial: {e}"))))
                .transpose()?;
            let order = LicenseOrder {
                product: product.clone(),
                contact_email: email.clone(),
                max_installations: *max_installations,
                assignments: entitlements.clone(),
                serial,
                transfer_limit: *transfer_limit,
                language: Some(language.tag().to_string()),
                notify: !no_notify,
                registration: !no_registration_code,
                reseller: reseller.clone(),
            };
            let mail = mail_settings(cli)?;
            print_json(&catalog::create_license(&db, order, &actor, announce(cli, mail.as_ref())).await?);
        }
        Command::License(LicenseCommand::Update { serial, email, language, new_registration_code, reseller }) => {
            let change = license_api::LicenseChange {
                contact_email: email.clone(),
                language: language.map(|l| l.tag().to_string()),
                new_registration_code: new_registration_code.then_some(true),
                reseller: reseller.clone(),
            };
            catalog::change_license(&db, serial, &change, &actor).await?;
            print_json(&catalog::show_license(&db, serial).await?)
        }
        Command::License(LicenseCommand::Show { serial }) => print_json(&catalog::show_license(&db, serial).await?),
        Command::License(LicenseCommand::Release { serial, key_id }) => {
            print_json(&installations::release_installation(&db, serial, key_id, &actor).await?)
        }
        Command::Upgrade(UpgradeCommand::Queue { serial, note, changes }) => {
            let mail = mail_settings(cli)?;
            print_json(&catalog::queue_upgrade(&db, serial, changes, note, &actor, announce(cli, mail.as_ref())).await?)
        }
        Command::Token(TokenCommand::Create { role, name }) => {
            let token = tokens::create(&db, name, *role, &actor).await?;
            println!("{token}");
            eprintln!("Keep this {} token safe: it is shown only now.", role.as_str());
        }
        Command::Staff(StaffCommand::Add { email, role, products, password_stdin }) => {
            let password = if *password_stdin { Some(read_password()?) } else { None };
            match staff::add(&db, email, *role, products, password.as_deref(), &actor).await? {
                Some(token) => print_setup_link(cli, email, &token),
                None => println!("Added {email} ({}).", role.as_str()),
            }
        }
        Command::Staff(StaffCommand::List) => print_json(&staff::list(&db).await?),
        Command::Staff(StaffCommand::Disable { email }) => print_json(&staff::disable(&db, email, &actor).await?),
        Command::Staff(StaffCommand::Link { email }) => {
            let (view, token) = staff::new_link(&db, email, false, &actor).await?;
            print_setup_link(cli, &view.email, &token);
        }
        Command::Staff(StaffCommand::Enable { email }) => {
            let (view, token) = staff::new_link(&db, email, true, &actor).await?;
            print_setup_link(cli, &view.email, &token);
        }
        Command::TrustFile => {
            print_json(&TrustFile { keys: keys.public_entries(), products: catalog::products(&db).await? })
        }
        Command::Check => {
            let problems = db.integrity_check().await.map_err(CliError::Database)?;
            if !problems.is_empty() {
                return Err(CliError::Inconsistent(problems));
            }
            println!("ok");
        }
        Command::Mail(MailCommand::Status { json }) => {
            let status = mail::outbox::status(&db).await?;
            if *json {
                print_json(&status);
            } else {
                print_outbox(&status, mail_settings(cli)?.is_some());
            }
        }
        Command::Mail(MailCommand::Retry { id }) => {
            let n = mail::outbox::retry_failed(&db, *id).await?;
            println!("{n} failed message(s) queued again; a running server sends them within seconds.");
        }
        Command::Webhook(WebhookCommand::Add { url, events, description, allow_private }) => {
            let key = WebhookKey::load(&cli.data).map_err(|e| CliError::Invalid(format!("the webhook key: {e}")))?;
            let new =
                license_api::NewWebhook { url: url.clone(), events: events.clone(), description: description.clone() };
            let created = webhooks::endpoints::add(&db, &key, &new, *allow_private, &actor).await?;
            println!("{}\n{}", created.id, created.secret);
            eprintln!(
                "Webhook {} added. Give its secret to the receiver to verify signatures; it is shown only now \
                 (license-server serve signs with it; rotate it with POST /api/v1/admin/webhooks/{}/secret).",
                created.id, created.id
            );
        }
        Command::Webhook(WebhookCommand::List { json }) => {
            let list = webhooks::endpoints::list(&db).await?;
            if *json {
                print_json(&list);
            } else if list.is_empty() {
                println!("No webhook endpoints.");
            } else {
                for w in &list {
                    println!(
                        "{} {} [{}] {} waiting, {} failed{}",
                        w.id,
                        w.url,
                        w.events.join(", "),
                        w.waiting,
                        w.failed,
                        if w.description.is_empty() { String::new() } else { format!(" — {}", w.description) }
                    );
                }
            }
        }
        Command::Webhook(WebhookCommand::Remove { id }) => {
            webhooks::endpoints::remove(&db, id, &actor).await?;
            println!("Removed webhook {id}.");
        }
        Command::Serve(_)
        | Command::Keygen { .. }
        | Command::MailIn
        | Command::Backup { .. }
        | Command::Restore { .. }
        | Command::Healthcheck(_) => {
            unreachable!("run by cli::run")
        }
    }
    Ok(())
}

/// Mail on (`--smtp-url`, `--mail-from`): the contact is told, by the
/// running server's sender, which sends what this command queued.
fn announce<'a>(cli: &'a Cli, mail: Option<&'a MailSettings>) -> Option<Announce<'a>> {
    mail.map(|mail| Announce { mail, public_url: cli.public_url.as_deref() })
}

/// A one-time set-password link, from `--public-url` only (never guessed).
fn print_setup_link(cli: &Cli, email: &str, token: &str) {
    println!("{}", staff::setup_link(cli.public_url.as_deref(), token));
    eprintln!("Send this link to {email}: it sets the password, once, within 72 hours.");
    if cli.public_url.is_none() {
        eprintln!(
            "It is the path only: put the server's address in front (https://licensing.vendor.example/console/#setup=…), \
             or give --public-url (LICENSE_SERVER_PUBLIC_URL) to have the whole link printed."
        );
    }
}

/// Who the audit log names for a command: `--actor`, else the user running it.
fn actor(cli: &Cli) -> String {
    if let Some(actor) = cli.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        return actor.chars().filter(|c| !c.is_control()).take(100).collect();
    }
    let user = ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()));
    format!("cli:{}", user.unwrap_or_else(|| "unknown (give --actor)".into()))
}

fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(value).expect("serialisable"));
}

/// `--password-stdin`: one line.
fn read_password() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| CliError::Invalid(format!("cannot read the password from standard input: {e}")))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn print_outbox(status: &license_api::OutboxStatus, mail_on: bool) {
    let when = |unix: i64| {
        time::OffsetDateTime::from_unix_timestamp(unix)
            .ok()
            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
            .unwrap_or_default()
    };
    println!("Sent: {}", status.sent);
    println!("Waiting: {}", status.waiting.len());
    for e in &status.waiting {
        let error = e.last_error.as_deref().map(|r| format!("; last attempt: {r}")).unwrap_or_default();
        println!(
            "  #{} {} to {} (queued {}), {} attempt(s), next at {}{error}",
            e.id,
            e.reason,
            e.to,
            when(e.created_unix),
            e.attempts,
            when(e.next_attempt_unix)
        );
    }
    println!("Failed: {}", status.failed.len());
    for e in &status.failed {
        println!(
            "  #{} {} to {} (queued {}), {} attempt(s): {}",
            e.id,
            e.reason,
            e.to,
            when(e.created_unix),
            e.attempts,
            e.last_error.as_deref().unwrap_or("unknown")
        );
    }
    println!("Dropped by mail-in (last 7 days): {}", status.dropped.len());
    for d in &status.dropped {
        println!("  {} from {}: {}", when(d.at_unix), d.sender, d.reason);
    }
    if !status.failed.is_empty() {
        println!("Fix the cause (a contact's address: license-server license show), then: license-server mail retry [--id N]");
    }
    if !mail_on && !status.waiting.is_empty() {
        println!("Mail is off here (no --smtp-url): a server started with --smtp-url sends what waits.");
    }
}
