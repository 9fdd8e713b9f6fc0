//! The `license-server` command line: its arguments (clap types, here),
//! and one function per command: `serve` ([`serve`]), the vendor's admin
//! commands ([`admin`]), and `mail-in` ([`mail_in`]). Every failure is a
//! [`CliError`], which carries its exit status.

mod admin;
mod backup;
mod error;
mod healthcheck;
mod mail_in;
mod serve;

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use license_codes::messages::Lang;

pub use error::CliError;

use crate::db::Db;
use crate::mail::MailSettings;
use crate::signing::{ExternalKey, SigningKeys, TokenSettings};
use crate::tokens::Role;

#[derive(Parser)]
#[command(name = "license-server", version, about = "The vendor's licence server")]
pub struct Cli {
    /// Data directory: the SQLite database and the signing keys.
    #[arg(long, env = "LICENSE_SERVER_DATA", default_value = "data", global = true)]
    pub data: PathBuf,
    /// PostgreSQL (postgres://user@host/db) instead of the embedded SQLite.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// A signing key (64 hex digits) to use as the active key, instead of the data directory's.
    #[arg(
        long,
        env = "LICENSE_SERVER_SIGNING_KEY",
        global = true,
        hide_env_values = true,
        conflicts_with = "signing_key_file"
    )]
    pub signing_key: Option<String>,
    /// A file holding the signing key (64 hex digits).
    #[arg(long, env = "LICENSE_SERVER_SIGNING_KEY_FILE", global = true)]
    pub signing_key_file: Option<PathBuf>,
    /// Sign with keys held by a PKCS#11 token (an HSM), named by a PKCS#11 URI (RFC 7512), e.g.
    /// "pkcs11:token=licensing?pin-source=/etc/license-server/pin": the private key never leaves it.
    #[arg(
        long,
        env = "LICENSE_SERVER_SIGNING_KEY_PKCS11",
        global = true,
        hide_env_values = true,
        conflicts_with_all = ["signing_key", "signing_key_file"]
    )]
    pub signing_key_pkcs11: Option<String>,
    /// The token vendor's PKCS#11 library (e.g. /usr/lib/softhsm/libsofthsm2.so), unless the URI
    /// has module-path.
    #[arg(long, env = "LICENSE_SERVER_PKCS11_MODULE", global = true)]
    pub pkcs11_module: Option<PathBuf>,
    /// The token's user PIN, when the URI has neither pin-value nor pin-source (prefer the variable).
    #[arg(long, env = "LICENSE_SERVER_PKCS11_PIN", global = true, hide_env_values = true, hide = true)]
    pub pkcs11_pin: Option<String>,
    /// The id published for --signing-key / --signing-key-file.
    #[arg(long, env = "LICENSE_SERVER_SIGNING_KEY_ID", default_value_t = 1, global = true)]
    pub signing_key_id: u8,
    #[arg(long, env = "LICENSE_SERVER_LOG_FORMAT", value_enum, default_value = "text", global = true)]
    pub log_format: LogFormat,
    /// Where staff and customers reach this server, e.g. https://licensing.example.com: the
    /// console's origin, set-password links, and (https) Secure __Host- session cookies.
    #[arg(long, env = "LICENSE_SERVER_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Mail to licences' technical contacts: smtp://host:port (plain), smtp://host:port?tls=required
    /// (STARTTLS) or smtps://host:port (TLS), user and password in it or in their own variables.
    #[arg(long, env = "LICENSE_SERVER_SMTP_URL", global = true, hide_env_values = true, requires = "mail_from")]
    pub smtp_url: Option<String>,
    /// The sender of that mail, e.g. "Licensing <licensing@vendor.example>".
    #[arg(long, env = "LICENSE_SERVER_MAIL_FROM", global = true)]
    pub mail_from: Option<String>,
    /// The SMTP user, when not in --smtp-url.
    #[arg(long, env = "LICENSE_SERVER_SMTP_USER", global = true, requires = "smtp_password")]
    pub smtp_user: Option<String>,
    /// The SMTP password, when not in --smtp-url (prefer the variable: flags show in `ps`).
    #[arg(long, env = "LICENSE_SERVER_SMTP_PASSWORD", global = true, hide_env_values = true, requires = "smtp_user")]
    pub smtp_password: Option<String>,
    /// Who the audit log names for what this command does (default: cli: and the user running it,
    /// from USER or LOGNAME).
    #[arg(long, env = "LICENSE_SERVER_ACTOR", global = true)]
    pub actor: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serves the API and the portal.
    Serve(Serve),
    /// Creates a new signing key; it signs new responses from the next start.
    Keygen {
        /// Make it on this PKCS#11 token (a URI, RFC 7512) instead of the data directory: it is
        /// made there and never leaves it. Needs --pkcs11-module unless the URI has module-path.
        #[arg(long, value_name = "URI")]
        pkcs11: Option<String>,
    },
    /// Products.
    #[command(subcommand)]
    Product(ProductCommand),
    /// Licences.
    #[command(subcommand)]
    License(LicenseCommand),
    /// Upgrades.
    #[command(subcommand)]
    Upgrade(UpgradeCommand),
    /// Admin and support API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Staff accounts for the support console.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Prints the trust file (public keys and products) a program is built with.
    TrustFile,
    /// Checks the database's integrity.
    Check,
    /// Writes a consistent copy of the SQLite database to FILE while the server runs (mode 0600).
    Backup {
        /// The backup file; it appears under this name only when complete.
        #[arg(long)]
        to: PathBuf,
        /// Put the data directory's keys (signing keys, webhook key) in the backup too.
        #[arg(long)]
        include_keys: bool,
    },
    /// Asks a running server whether it is ready (GET /readyz: it answers and so does its
    /// database): exit status 0 if so, 1 if not. For a container's HEALTHCHECK or a monitor.
    Healthcheck(Healthcheck),
    /// Restores a backup into an empty data directory (--data), then checks it.
    Restore {
        /// A file written by `license-server backup`.
        #[arg(long)]
        from: PathBuf,
    },
    /// The mail outbox.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Webhook endpoints: the vendor's systems told what happened (Standard Webhooks).
    #[command(subcommand)]
    Webhook(WebhookCommand),
    /// Reads one mail message on standard input (a mail server's pipe delivery) and answers
    /// the request codes in it, mailing the responses to each licence's technical contact.
    /// Exit status 0 unless the message cannot be read (65) or the server cannot answer now (75).
    MailIn,
}

#[derive(Subcommand)]
pub enum MailCommand {
    /// Lists what waits to be sent and what failed.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Sends failed messages again (all, or --id), to the licence's current contact.
    Retry {
        #[arg(long)]
        id: Option<i64>,
    },
}

#[derive(Subcommand)]
pub enum WebhookCommand {
    /// Adds an endpoint and prints its id and its secret (shown once): --url URL --event license.created …
    Add {
        /// Where events are POSTed (http or https).
        #[arg(long)]
        url: String,
        /// An event type it receives (repeat, or several after one --event).
        #[arg(long = "event", required = true, num_args = 1.., value_parser = PossibleValuesParser::new(license_api::webhooks::EVENT_TYPES))]
        events: Vec<String>,
        #[arg(long, default_value = "")]
        description: String,
        /// Accept a URL on this machine or a private network (the server needs
        /// --webhook-allow-private to deliver there).
        #[arg(long)]
        allow_private: bool,
    },
    /// Lists endpoints with how many deliveries wait and failed.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Removes an endpoint; what waits for it is not sent.
    Remove {
        #[arg(long)]
        id: String,
    },
}

#[derive(clap::Args)]
pub struct Healthcheck {
    /// The readiness URL (default: from the server's own LICENSE_SERVER_ADDR and
    /// LICENSE_SERVER_TLS_CERT, on this machine).
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long, env = "LICENSE_SERVER_ADDR", default_value = "127.0.0.1:8080", hide = true)]
    pub addr: SocketAddr,
    #[arg(long, env = "LICENSE_SERVER_TLS_CERT", hide = true)]
    pub tls_cert: Option<PathBuf>,
    /// Seconds to wait for the answer.
    #[arg(long, default_value_t = 5)]
    pub timeout: u64,
}

#[derive(clap::Args)]
pub struct Serve {
    #[arg(long, env = "LICENSE_SERVER_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The built portal (Trunk's dist/).
    #[arg(long = "static", env = "LICENSE_SERVER_STATIC", default_value = "dist")]
    pub static_dir: PathBuf,
    /// Seeds SpecView's example (a licence with a waiting upgrade) and prints how to try it.
    #[arg(long)]
    pub demo: bool,
    /// Lets a portal on this origin call the public API (repeat, or separate with commas).
    #[arg(long, env = "LICENSE_SERVER_ALLOW_ORIGIN", value_delimiter = ',')]
    pub allow_origin: Vec<String>,
    /// Activation requests per minute per client IP (0: no limit).
    #[arg(long, env = "LICENSE_SERVER_RATE_LIMIT_IP", default_value_t = 120)]
    pub rate_limit_ip: u32,
    /// Activation requests per minute per serial number (0: no limit).
    #[arg(long, env = "LICENSE_SERVER_RATE_LIMIT_SERIAL", default_value_t = 20)]
    pub rate_limit_serial: u32,
    /// Take the client IP from X-Forwarded-For (only behind a proxy you trust).
    #[arg(long, env = "LICENSE_SERVER_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Releases a customer may make per licence with release codes in 365 days (licences may set their own).
    #[arg(long, env = "LICENSE_SERVER_TRANSFER_LIMIT", default_value_t = 3)]
    pub transfer_limit: u16,
    /// Days after which an upgrade no installation has fetched gets one reminder mail to the
    /// licence's contact (with mail on; 0: no reminders).
    #[arg(long, env = "LICENSE_SERVER_REMIND_AFTER", default_value_t = 14)]
    pub remind_after: u32,
    /// Lets webhook URLs point to this machine and private networks (loopback, 10/8, 192.168/16,
    /// link-local…): only for a receiver you run on the same host or network.
    #[arg(long, env = "LICENSE_SERVER_WEBHOOK_ALLOW_PRIVATE")]
    pub webhook_allow_private: bool,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1) with this certificate chain (PEM, the server's first);
    /// read again on SIGHUP. Answers carry Strict-Transport-Security.
    #[arg(long, env = "LICENSE_SERVER_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM), read again on SIGHUP.
    #[arg(long, env = "LICENSE_SERVER_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Seconds requests in flight may take to finish after SIGTERM or Ctrl-C.
    #[arg(long, env = "LICENSE_SERVER_SHUTDOWN_TIMEOUT", default_value_t = 10)]
    pub shutdown_timeout: u64,
}

#[derive(Subcommand)]
pub enum ProductCommand {
    /// Adds a product: --id 7 --name SpecView --entitlement remote_users:count --entitlement historian:flag
    Add {
        #[arg(long)]
        id: u16,
        #[arg(long)]
        name: String,
        /// NAME:KIND with KIND count, flag or date; slots in the order given.
        #[arg(long = "entitlement")]
        entitlements: Vec<String>,
    },
    /// Lists products.
    List,
}

#[derive(Subcommand)]
pub enum LicenseCommand {
    /// Creates a licence and prints its serial number: --product SpecView --email … remote_users=1 clients=25
    Create {
        #[arg(long)]
        product: String,
        #[arg(long)]
        email: String,
        #[arg(long, default_value_t = 1)]
        max_installations: i64,
        /// Use this serial number instead of a random one.
        #[arg(long)]
        serial: Option<String>,
        /// Releases the customer may make with release codes in 365 days (default: the server's --transfer-limit).
        #[arg(long)]
        transfer_limit: Option<u16>,
        /// The language of the mail the contact receives: en, fr or de.
        #[arg(long, default_value = "en", value_parser = language_parser())]
        language: Lang,
        /// Do not mail the contact the purchase confirmation and "upgrade ready" (a vendor who
        /// mails from its own systems); response codes asked for on the page are mailed either way.
        #[arg(long)]
        no_notify: bool,
        /// Make the licence without a registration code: anyone who knows its serial can then bind
        /// installations. Only for programs made before registration codes.
        #[arg(long)]
        no_registration_code: bool,
        /// The reseller the licence belongs to (a staff member with the role reseller, by email).
        #[arg(long)]
        reseller: Option<String>,
        /// The purchased entitlements, NAME=VALUE.
        entitlements: Vec<String>,
    },
    /// Corrects a licence's technical contact (the audit log keeps the old and the new address) and/or
    /// the language of the contact's mail; every mail from now on, and `mail retry`, goes to the new address.
    Update {
        #[arg(long)]
        serial: String,
        /// The contact's corrected address.
        #[arg(long, required_unless_present_any = ["language", "new_registration_code", "reseller"])]
        email: Option<String>,
        /// The language of the contact's mail: en, fr or de.
        #[arg(long, value_parser = language_parser())]
        language: Option<Lang>,
        /// A new registration code (printed in the licence shown): binding a new installation needs
        /// it from now on; installations already bound are not affected.
        #[arg(long)]
        new_registration_code: bool,
        /// Assigns or moves the licence to this reseller (its email); "" makes it the vendor's own.
        #[arg(long)]
        reseller: Option<String>,
    },
    /// Shows a licence's state and history (JSON).
    Show {
        #[arg(long)]
        serial: String,
    },
    /// Releases an installation, freeing its place.
    Release {
        #[arg(long)]
        serial: String,
        #[arg(long)]
        key_id: String,
    },
}

#[derive(Subcommand)]
pub enum UpgradeCommand {
    /// Queues an upgrade: --serial … remote_users=3
    Queue {
        #[arg(long)]
        serial: String,
        #[arg(long, default_value = "")]
        note: String,
        /// The entitlements that change, NAME=VALUE.
        changes: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum StaffCommand {
    /// Adds a staff member; prints a one-time link to set the password, unless --password-stdin.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = role_parser())]
        role: Role,
        /// A reseller's products (names, comma-separated): it creates licences of these, and sees
        /// only its own licences.
        #[arg(long, value_delimiter = ',', required_if_eq("role", "reseller"))]
        products: Vec<String>,
        /// Read the password from standard input instead (one line).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Lists staff members.
    List,
    /// Disables a staff member and ends their sessions.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Prints a new one-time link that sets the password (the old link stops working): for a link
    /// that was used or expired.
    Link {
        #[arg(long)]
        email: String,
    },
    /// Enables a disabled staff member again: the password is cleared, and a new one-time link to
    /// set one is printed.
    Enable {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Creates a token and prints it (once).
    Create {
        #[arg(long, value_parser = token_role_parser())]
        role: Role,
        #[arg(long)]
        name: String,
    },
}

/// `--role admin|support|reseller`, listed in `--help`.
fn role_parser() -> impl TypedValueParser<Value = Role> {
    PossibleValuesParser::new(["admin", "support", "reseller"])
        .map(|s| Role::parse(&s).expect("one of the possible values"))
}

/// A token's `--role admin|support` (a reseller signs in to the console).
fn token_role_parser() -> impl TypedValueParser<Value = Role> {
    PossibleValuesParser::new(["admin", "support"]).map(|s| Role::parse(&s).expect("one of the possible values"))
}

/// `--language en|fr|de`, listed in `--help`.
fn language_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(Lang::ALL.iter().map(|l| l.tag()))
        .map(|s| Lang::from_tag(&s).expect("one of the possible values"))
}

/// Runs the command `cli` names.
pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        // Mail-in must never bounce a customer's message for a passing
        // fault: anything short of an unreadable message asks the mail
        // server to try again.
        Command::MailIn => mail_in::run(&cli).await.map_err(CliError::for_mail_server),
        Command::Keygen { ref pkcs11 } => admin::keygen(&cli, pkcs11.as_deref()),
        Command::Serve(ref args) => serve::run(&cli, args).await,
        Command::Backup { ref to, include_keys } => backup::backup(&cli, to, include_keys).await,
        Command::Restore { ref from } => backup::restore(&cli, from).await,
        Command::Healthcheck(ref args) => healthcheck::run(args).await,
        _ => {
            let keys = SigningKeys::load(&cli.data, external_key(&cli)?, token_settings(&cli).as_ref())?;
            admin::run(&cli, keys, open_db(&cli).await?).await
        }
    }
}

async fn open_db(cli: &Cli) -> Result<Db, CliError> {
    Db::open(&cli.data, cli.database_url.as_deref()).await.map_err(CliError::Database)
}

/// The signing key given by flag or variable, if any.
fn external_key(cli: &Cli) -> Result<Option<ExternalKey>, CliError> {
    Ok(match (&cli.signing_key, &cli.signing_key_file) {
        (Some(hex), _) => Some(ExternalKey { id: cli.signing_key_id, hex: hex.clone() }),
        (None, Some(path)) => Some(ExternalKey {
            id: cli.signing_key_id,
            hex: std::fs::read_to_string(path).map_err(CliError::read(path))?,
        }),
        _ => None,
    })
}

/// The token named by --signing-key-pkcs11, if any.
fn token_settings(cli: &Cli) -> Option<TokenSettings> {
    cli.signing_key_pkcs11.clone().map(|uri| token_at(cli, uri))
}

/// The token `uri` names, with the module and PIN the flags give.
fn token_at(cli: &Cli, uri: String) -> TokenSettings {
    TokenSettings { uri, module: cli.pkcs11_module.clone(), pin: cli.pkcs11_pin.clone() }
}

/// The mail settings from the flags, when --smtp-url is given.
fn mail_settings(cli: &Cli) -> Result<Option<MailSettings>, CliError> {
    let Some(smtp_url) = cli.smtp_url.clone() else { return Ok(None) };
    let from = cli.mail_from.as_deref().unwrap_or_default();
    let from =
        from.parse().map_err(|e| CliError::Invalid(format!("--mail-from {from:?} is not a mail address: {e}")))?;
    let credentials = cli.smtp_user.clone().zip(cli.smtp_password.clone());
    Ok(Some(MailSettings { smtp_url, from, credentials }))
}
