//! `license-server`: serve the API and portal, and manage products,
//! licences, upgrades, tokens and keys from the command line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use std::time::Duration;

use license_codes::{EntitlementDef, Product, SerialNumber, TrustFile};
use license_server::catalog::{self, installations, LicenseOrder};
use license_server::db::Db;
use license_server::mail::{self, MailSettings, Mailer};
use license_server::signing::{ExternalKey, SigningKeys};
use license_server::staff;
use license_server::tokens::{self, Role};
use license_server::{demo, ApiError, Application, HttpSettings, Settings};

// Many small allocations per request (JSON, rows): mimalloc handles them
// with less contention than the system allocator on this workload.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "license-server", version, about = "The vendor's licence server")]
struct Cli {
    /// Data directory: the SQLite database and the signing keys.
    #[arg(long, env = "LICENSE_SERVER_DATA", default_value = "data", global = true)]
    data: PathBuf,
    /// PostgreSQL (postgres://user@host/db) instead of the embedded SQLite.
    #[arg(long, env = "DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// A signing key (64 hex digits) to use as the active key, instead of the data directory's.
    #[arg(
        long,
        env = "LICENSE_SERVER_SIGNING_KEY",
        global = true,
        hide_env_values = true,
        conflicts_with = "signing_key_file"
    )]
    signing_key: Option<String>,
    /// A file holding the signing key (64 hex digits).
    #[arg(long, env = "LICENSE_SERVER_SIGNING_KEY_FILE", global = true)]
    signing_key_file: Option<PathBuf>,
    /// The id published for --signing-key / --signing-key-file.
    #[arg(long, env = "LICENSE_SERVER_SIGNING_KEY_ID", default_value_t = 1, global = true)]
    signing_key_id: u8,
    #[arg(long, env = "LICENSE_SERVER_LOG_FORMAT", value_enum, default_value = "text", global = true)]
    log_format: LogFormat,
    /// Where staff and customers reach this server, e.g. https://licensing.example.com: the
    /// console's origin, set-password links, and (https) Secure __Host- session cookies.
    #[arg(long, env = "LICENSE_SERVER_PUBLIC_URL", global = true)]
    public_url: Option<String>,
    /// Mail to licences' technical contacts: smtp://host:port (plain), smtp://host:port?tls=required
    /// (STARTTLS) or smtps://host:port (TLS), user and password in it or in their own variables.
    #[arg(long, env = "LICENSE_SERVER_SMTP_URL", global = true, hide_env_values = true, requires = "mail_from")]
    smtp_url: Option<String>,
    /// The sender of that mail, e.g. "Licensing <licensing@vendor.example>".
    #[arg(long, env = "LICENSE_SERVER_MAIL_FROM", global = true)]
    mail_from: Option<String>,
    /// The SMTP user, when not in --smtp-url.
    #[arg(long, env = "LICENSE_SERVER_SMTP_USER", global = true, requires = "smtp_password")]
    smtp_user: Option<String>,
    /// The SMTP password, when not in --smtp-url (prefer the variable: flags show in `ps`).
    #[arg(long, env = "LICENSE_SERVER_SMTP_PASSWORD", global = true, hide_env_values = true, requires = "smtp_user")]
    smtp_password: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the API and the portal.
    Serve(Serve),
    /// Creates a new signing key; it signs new responses from the next start.
    Keygen,
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
    /// The mail outbox.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Reads one mail message on standard input (a mail server's pipe delivery) and answers
    /// the request codes in it, mailing the responses to each licence's technical contact.
    /// Exit status 0 unless the message cannot be read (65) or the server cannot answer now (75).
    MailIn,
}

#[derive(Subcommand)]
enum MailCommand {
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

#[derive(clap::Args)]
struct Serve {
    #[arg(long, env = "LICENSE_SERVER_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The built portal (Trunk's dist/).
    #[arg(long = "static", env = "LICENSE_SERVER_STATIC", default_value = "dist")]
    static_dir: PathBuf,
    /// Seeds SpecView's example (a licence with a waiting upgrade) and prints how to try it.
    #[arg(long)]
    demo: bool,
    /// Lets a portal on this origin call the public API (repeat, or separate with commas).
    #[arg(long, env = "LICENSE_SERVER_ALLOW_ORIGIN", value_delimiter = ',')]
    allow_origin: Vec<String>,
    /// Activation requests per minute per client IP (0: no limit).
    #[arg(long, env = "LICENSE_SERVER_RATE_LIMIT_IP", default_value_t = 120)]
    rate_limit_ip: u32,
    /// Activation requests per minute per serial number (0: no limit).
    #[arg(long, env = "LICENSE_SERVER_RATE_LIMIT_SERIAL", default_value_t = 20)]
    rate_limit_serial: u32,
    /// Take the client IP from X-Forwarded-For (only behind a proxy you trust).
    #[arg(long, env = "LICENSE_SERVER_TRUST_FORWARDED_FOR")]
    trust_forwarded_for: bool,
    /// Releases a customer may make per licence with release codes in 365 days (licences may set their own).
    #[arg(long, env = "LICENSE_SERVER_TRANSFER_LIMIT", default_value_t = 3)]
    transfer_limit: u16,
    /// Seconds requests in flight may take to finish after SIGTERM or Ctrl-C.
    #[arg(long, env = "LICENSE_SERVER_SHUTDOWN_TIMEOUT", default_value_t = 10)]
    shutdown_timeout: u64,
}

#[derive(Subcommand)]
enum ProductCommand {
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
enum LicenseCommand {
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
        #[arg(long, default_value = "en", value_parser = ["en", "fr", "de"])]
        language: String,
        /// The purchased entitlements, NAME=VALUE.
        entitlements: Vec<String>,
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
enum UpgradeCommand {
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
enum StaffCommand {
    /// Adds a staff member; prints a one-time link to set the password, unless --password-stdin.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["admin", "support"])]
        role: String,
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
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Creates a token and prints it (once).
    Create {
        #[arg(long, value_parser = ["admin", "support"])]
        role: String,
        #[arg(long)]
        name: String,
    },
}

/// sysexits.h: the message is not a message; try again later (a mail
/// server keeps the message and delivers it again).
const EX_DATAERR: u8 = 65;
const EX_TEMPFAIL: u8 = 75;

/// A failure and the exit status it ends with.
struct Failure(String, u8);

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure(message, 1)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message, status)) => {
            eprintln!("error: {message}");
            ExitCode::from(status)
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("LICENSE_SERVER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

fn actor() -> String {
    format!("cli:{}", std::env::var("USER").unwrap_or_else(|_| "unknown".into()))
}

fn api(e: ApiError) -> String {
    format!("{e}. {}", e.next_step())
}

fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(value).expect("serialisable"));
}

/// The signing key given by flag or variable, if any.
fn external_key(cli: &Cli) -> Result<Option<ExternalKey>, String> {
    Ok(match (&cli.signing_key, &cli.signing_key_file) {
        (Some(hex), _) => Some(ExternalKey { id: cli.signing_key_id, hex: hex.clone() }),
        (None, Some(path)) => Some(ExternalKey {
            id: cli.signing_key_id,
            hex: std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        }),
        _ => None,
    })
}

/// The mail settings from the flags, when --smtp-url is given.
fn mail_settings(cli: &Cli) -> Result<Option<MailSettings>, String> {
    let Some(smtp_url) = cli.smtp_url.clone() else { return Ok(None) };
    let from = cli.mail_from.as_deref().unwrap_or_default();
    let from = from.parse().map_err(|e| format!("--mail-from {from:?} is not a mail address: {e}"))?;
    let credentials = cli.smtp_user.clone().zip(cli.smtp_password.clone());
    Ok(Some(MailSettings { smtp_url, from, credentials }))
}

async fn run(cli: Cli) -> Result<(), Failure> {
    // Mail-in must never bounce a customer's message for a passing fault:
    // anything short of an unreadable message asks the mail server to retry.
    if let Command::MailIn = cli.command {
        return mail_in(&cli)
            .await
            .map_err(|Failure(m, status)| Failure(m, if status == EX_DATAERR { status } else { EX_TEMPFAIL }));
    }
    Ok(run_command(cli).await?)
}

async fn run_command(cli: Cli) -> Result<(), String> {
    if let Command::Keygen = cli.command {
        let id = SigningKeys::generate(&cli.data).map_err(|e| e.to_string())?;
        println!(
            "Created signing key {id} in {}; it signs new responses from the next start.",
            cli.data.join("keys").display()
        );
        return Ok(());
    }
    let keys = SigningKeys::load(&cli.data, external_key(&cli)?).map_err(|e| e.to_string())?;
    let db =
        Db::open(&cli.data, cli.database_url.as_deref()).await.map_err(|e| format!("cannot open the database: {e}"))?;
    let mail = mail_settings(&cli)?;
    match cli.command {
        Command::Serve(args) => serve(db, keys, &cli.data, cli.public_url, mail, args).await,
        Command::MailIn => unreachable!("handled in run"),
        Command::Mail(MailCommand::Status { json }) => {
            let status = mail::outbox::status(&db).await.map_err(api)?;
            if json {
                print_json(&status);
            } else {
                print_outbox(&status, mail.is_some());
            }
            Ok(())
        }
        Command::Mail(MailCommand::Retry { id }) => {
            let n = mail::outbox::retry_failed(&db, id).await.map_err(api)?;
            println!("{n} failed message(s) queued again; a running server sends them within seconds.");
            Ok(())
        }
        Command::Keygen => unreachable!("handled above"),
        Command::Product(ProductCommand::Add { id, name, entitlements }) => {
            let entitlements = entitlements
                .iter()
                .map(|e| {
                    let (name, kind) = e.split_once(':').unwrap_or((e, "count"));
                    Ok::<_, String>(EntitlementDef { name: name.into(), kind: kind.parse()? })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let product = Product { id, name, entitlements };
            catalog::add_product(&db, &product, &actor()).await.map_err(api)?;
            print_json(&product);
            Ok(())
        }
        Command::Product(ProductCommand::List) => {
            print_json(&catalog::products(&db).await.map_err(api)?);
            Ok(())
        }
        Command::License(LicenseCommand::Create {
            product,
            email,
            max_installations,
            serial,
            transfer_limit,
            language,
            entitlements,
        }) => {
            let serial = serial.map(|s| SerialNumber::parse(&s).map_err(|e| format!("serial: {e}"))).transpose()?;
            let order = LicenseOrder {
                product,
                contact_email: email,
                max_installations,
                assignments: entitlements,
                serial,
                transfer_limit,
                language: Some(language),
            };
            let view = catalog::create_license(&db, order, &actor()).await.map_err(api)?;
            print_json(&view);
            Ok(())
        }
        Command::License(LicenseCommand::Show { serial }) => {
            print_json(&catalog::show_license(&db, &serial).await.map_err(api)?);
            Ok(())
        }
        Command::License(LicenseCommand::Release { serial, key_id }) => {
            print_json(&installations::release_installation(&db, &serial, &key_id, &actor()).await.map_err(api)?);
            Ok(())
        }
        Command::Upgrade(UpgradeCommand::Queue { serial, note, changes }) => {
            print_json(&catalog::queue_upgrade(&db, &serial, &changes, &note, &actor()).await.map_err(api)?);
            Ok(())
        }
        Command::Token(TokenCommand::Create { role, name }) => {
            let role = Role::parse(&role).expect("checked by clap");
            let token = tokens::create(&db, &name, role, &actor()).await.map_err(api)?;
            println!("{token}");
            eprintln!("Keep this {} token safe: it is shown only now.", role.as_str());
            Ok(())
        }
        Command::Staff(StaffCommand::Add { email, role, password_stdin }) => {
            let role = Role::parse(&role).expect("checked by clap");
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().read_line(&mut line).map_err(|e| format!("cannot read the password: {e}"))?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let token = staff::add(&db, &email, role, password.as_deref(), &actor()).await.map_err(api)?;
            match token {
                Some(token) => {
                    let base = cli.public_url.as_deref().unwrap_or("http://127.0.0.1:8080");
                    println!("{}", staff::setup_link(base, &token));
                    eprintln!("Send this link to {email}: it sets the password, once, within 72 hours.");
                }
                None => println!("Added {email} ({}).", role.as_str()),
            }
            Ok(())
        }
        Command::Staff(StaffCommand::List) => {
            print_json(&staff::list(&db).await.map_err(api)?);
            Ok(())
        }
        Command::Staff(StaffCommand::Disable { email }) => {
            print_json(&staff::disable(&db, &email, &actor()).await.map_err(api)?);
            Ok(())
        }
        Command::TrustFile => {
            print_json(&TrustFile {
                keys: keys.public_entries(),
                products: catalog::products(&db).await.map_err(api)?,
            });
            Ok(())
        }
        Command::Check => {
            let problems = db.integrity_check().await.map_err(|e| e.to_string())?;
            if problems.is_empty() {
                println!("ok");
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
    }
}

async fn serve(
    db: Db,
    keys: SigningKeys,
    data: &std::path::Path,
    public_url: Option<String>,
    mail: Option<MailSettings>,
    args: Serve,
) -> Result<(), String> {
    let demo_trust = if args.demo { Some(demo::seed(&db, &keys, data).await.map_err(api)?) } else { None };
    let listener =
        tokio::net::TcpListener::bind(args.addr).await.map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let settings = Settings {
        data_dir: data.to_path_buf(),
        database_url: None,
        signing_key: None,
        http: HttpSettings {
            static_dir: Some(args.static_dir.clone()),
            allow_origins: args.allow_origin,
            rate_limit_ip: args.rate_limit_ip,
            rate_limit_serial: args.rate_limit_serial,
            trust_forwarded_for: args.trust_forwarded_for,
            public_url,
            transfer_limit: args.transfer_limit,
            ..HttpSettings::default()
        },
        mail,
        shutdown_timeout: Duration::from_secs(args.shutdown_timeout),
    };
    let database = match db.dialect {
        license_server::db::Dialect::Sqlite => format!("SQLite in {}", data.display()),
        license_server::db::Dialect::Postgres => "PostgreSQL".to_string(),
    };
    let app = Application::with_parts(db, keys, &settings).map_err(|e| e.to_string())?;
    let state = &app.state;
    tracing::info!(%addr, %database, signing_key = state.keys.active().0, "license-server listening");
    match &settings.mail {
        Some(mail) => tracing::info!(from = %mail.from, "mail on: new responses go to licences' contacts"),
        None => tracing::info!("mail off (no --smtp-url)"),
    }
    if state.portal.dir().is_none() {
        tracing::warn!(dir = %args.static_dir.display(), "no built portal there (index.html missing): / shows a notice");
    }
    if let Some(trust) = demo_trust {
        let serial = demo::demo_serial();
        println!(
            "\nDemo ready: SpecView licence {serial} (1 remote user, 25 clients) with an upgrade waiting (3 remote users).\n\
             Try it as the customer:\n\
             \x20 export LICENSE_TRUST={trust} LICENSE_FILE=/tmp/demo-license.json\n\
             \x20 license init --serial {serial} --product SpecView\n\
             \x20 license create-code        # submit the code at http://{addr}/code.html\n\
             \x20 license enter-code CODE    # or: license get-it-now --server http://{addr}\n"
        );
    }
    app.serve(listener, shutdown_signal(), settings.shutdown_timeout).await.map_err(|e| e.to_string())?;
    tracing::info!("license-server stopped");
    Ok(())
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
    if !status.failed.is_empty() {
        println!("Fix the cause (a contact's address: license-server license show), then: license-server mail retry [--id N]");
    }
    if !mail_on && !status.waiting.is_empty() {
        println!("Mail is off here (no --smtp-url): a server started with --smtp-url sends what waits.");
    }
}

/// `license-server mail-in`: one message on standard input.
async fn mail_in(cli: &Cli) -> Result<(), Failure> {
    use std::io::Read;
    let mut raw = Vec::new();
    std::io::stdin()
        .read_to_end(&mut raw)
        .map_err(|e| Failure(format!("cannot read standard input: {e}"), EX_DATAERR))?;
    let settings = mail_settings(cli)?.ok_or_else(|| {
        "mail-in answers by mail, and mail is off: give --smtp-url and --mail-from (LICENSE_SERVER_SMTP_URL, LICENSE_SERVER_MAIL_FROM)".to_string()
    })?;
    let keys = SigningKeys::load(&cli.data, external_key(cli)?).map_err(|e| e.to_string())?;
    let db =
        Db::open(&cli.data, cli.database_url.as_deref()).await.map_err(|e| format!("cannot open the database: {e}"))?;
    let mailer = Mailer::new(settings);
    let transport = mailer.settings.transport()?;
    let state = license_server::AppState::new(db.clone(), keys, HttpSettings::default(), Some(mailer.clone()));
    let outcomes = match mail::incoming::handle(&state, &mailer, &raw).await {
        Ok(outcomes) => outcomes,
        Err(mail::incoming::MailInError::Unreadable(why)) => {
            return Err(Failure(format!("the message could not be read: {why}"), EX_DATAERR))
        }
        Err(e) => return Err(Failure(e.to_string(), EX_TEMPFAIL)),
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
    let ids = mail::outbox::pending_mail_in(&db, &licenses).await.map_err(api)?;
    if let Err(e) = mail::sender::deliver_due(&db, &mailer, &transport, &Default::default(), Some(&ids)).await {
        tracing::warn!(error = %e, "mail-in: the answer stays queued for the server");
    }
    Ok(())
}
