//! `license`: stands in for a licensed program. Creates request codes,
//! enters response codes, shows the licence, and decodes any code.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use license_client::{ClientError, License, Licensing, MachineIdentity};
use license_codes::{KeyId, SerialNumber, TrustFile};
use serde_json::Value;

#[derive(Parser)]
#[command(
    name = "license",
    version,
    about = "Stands in for a licensed program: create a request code, enter a response code"
)]
struct Cli {
    /// The licence file.
    #[arg(long, env = "LICENSE_FILE", default_value = "license.json", global = true)]
    license_file: PathBuf,
    /// The vendor's trust file: public keys and product names (JSON).
    #[arg(long, env = "LICENSE_TRUST", global = true)]
    trust: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Starts a new installation at update 0, bound to this machine.
    Init {
        /// The serial number from the purchase email.
        #[arg(long)]
        serial: String,
        /// The product: its number, or its name in the trust file.
        #[arg(long)]
        product: String,
    },
    /// Shows product, serial, key id, update counter and entitlements.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Prints the request code to submit on the licence portal.
    CreateCode {
        /// Also write the code to this file (e.g. Step_1_Code.TXT).
        #[arg(long)]
        save: Option<PathBuf>,
        /// The vendor's portal (e.g. https://licensing.example.com): also show a
        /// link, and a QR code for a phone's camera, that opens it with the code filled in.
        #[arg(long, env = "LICENSE_PORTAL_URL")]
        portal: Option<String>,
    },
    /// Verifies a response code and installs it.
    EnterCode {
        /// The response code (quote it, or give --file).
        code: Option<String>,
        /// Read the response code from this file (e.g. Step_2_Response_Code.TXT).
        #[arg(long, conflicts_with = "code")]
        file: Option<PathBuf>,
        /// Read the response code from the QR code in this picture (PNG or JPEG),
        /// e.g. a photo or screenshot of the licence portal's answer.
        #[arg(long, conflicts_with_all = ["code", "file"])]
        image: Option<PathBuf>,
    },
    /// Gets the waiting upgrade from the licence server and installs it (needs the internet).
    GetItNow {
        /// The licence server, e.g. https://licensing.example.com
        #[arg(long, env = "LICENSE_SERVER_URL")]
        server: String,
    },
    /// Gives this computer's place on the licence back, to move the licence to another computer.
    Release {
        /// Also write the release code to this file.
        #[arg(long)]
        save: Option<PathBuf>,
        /// Submit the release code to this licence server at once (needs the internet).
        #[arg(long)]
        server: Option<String>,
    },
    /// Decodes any code without applying it (for support).
    Decode {
        code: Option<String>,
        #[arg(long, conflicts_with = "code")]
        file: Option<PathBuf>,
        /// The installation's serial, to check a response's signature.
        #[arg(long, requires = "key_id")]
        serial: Option<String>,
        /// The installation's key id (16 hex digits), to check a response's signature.
        #[arg(long, requires = "serial")]
        key_id: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = matches!(cli.command, Command::Status { json: true } | Command::Decode { json: true, .. });
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = license_client::language::from_environment();
            if json {
                let view = license_client::report::error_json(&e, lang);
                println!("{}", serde_json::to_string_pretty(&view).expect("json"));
            }
            eprintln!("{}", license_client::report::error_text(&e, lang));
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), ClientError> {
    let trust = load_trust(cli.trust.as_deref())?;
    let licensing = Licensing::new(&cli.license_file, trust.clone().unwrap_or_default(), MachineIdentity::from_os())?;
    let require_trust = || {
        trust
            .as_ref()
            .filter(|t| !t.keys.is_empty())
            .map(|_| ())
            .ok_or_else(|| ClientError::NoTrust("no trust file given (--trust KEYFILE or LICENSE_TRUST)".into()))
    };
    match cli.command {
        Command::Init { serial, product } => {
            let serial = SerialNumber::parse(&serial)?;
            let license = licensing.init(serial, licensing.product_id(&product)?)?;
            println!(
                "Installed {} with serial {} at update 0.",
                product_name(&licensing, license.product),
                license.serial
            );
            println!(
                "Key id: {}{}",
                license.key_id,
                if license.machine_bound {
                    ""
                } else {
                    " (no machine identity could be read: not bound to this machine)"
                }
            );
            println!("Next: `license create-code` and submit the code on the licence portal.");
        }
        Command::Status { json } => {
            let license = load(&licensing, &trust)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&license_client::report::status_json(&licensing, &license))
                        .expect("json")
                );
            } else {
                print_status(&licensing, &license);
            }
        }
        Command::CreateCode { save, portal } => {
            if trust.is_none() {
                load(&licensing, &trust)?;
            }
            let request =
                licensing.create_code(license_client::clock::today(), &license_client::clock::now_rfc3339())?;
            let code = request.to_code();
            if let Some(path) = save {
                license_client::store::write_atomically(&path, format!("{code}\r\n").as_bytes())
                    .map_err(ClientError::io(format!("cannot write {}", path.display())))?;
                eprintln!("Saved to {}.", path.display());
            }
            println!("{code}");
            eprintln!("Also recorded in {}.", licensing.codes_sent_log().display());
            if let Some(portal) = portal {
                let link = license_client::portal_link(&portal, &code);
                eprintln!("Open this link, or scan the QR code with a phone, to submit the code:\n{link}");
                if let Some(qr) = license_client::terminal_qr(&link) {
                    eprintln!("{qr}");
                }
            }
        }
        Command::EnterCode { code, file, image } => {
            require_trust()?;
            let text = match image {
                Some(path) => license_client::read_qr_file(&path)?,
                None => code_text(code, file)?,
            };
            let applied = licensing.enter_code(&text)?;
            print_applied(&licensing, &applied);
        }
        Command::GetItNow { server } => {
            require_trust()?;
            match license_client::get_it_now(
                &licensing,
                &server,
                license_client::clock::today(),
                &license_client::clock::now_rfc3339(),
            ) {
                Ok(applied) => print_applied(&licensing, &applied),
                Err(ClientError::ServerRefused { code, detail, next_step, .. }) if code == "up_to_date" => {
                    println!("Nothing is waiting: {detail}.\n{next_step}");
                }
                Err(e) => return Err(e),
            }
        }
        Command::Release { save, server } => {
            require_trust()?;
            let (code, submitted) = match server {
                Some(server) => {
                    let (code, answer) = license_client::release_online(
                        &licensing,
                        &server,
                        license_client::clock::today(),
                        &license_client::clock::now_rfc3339(),
                    )?;
                    (code, Some(answer))
                }
                None => {
                    (licensing.release(license_client::clock::today(), &license_client::clock::now_rfc3339())?.0, None)
                }
            };
            let code = code.to_code();
            if let Some(path) = save {
                license_client::store::write_atomically(&path, format!("{code}\r\n").as_bytes())
                    .map_err(ClientError::io(format!("cannot write {}", path.display())))?;
                eprintln!("Saved to {}.", path.display());
            }
            println!("{code}");
            eprintln!(
                "This computer no longer holds the licence. The release code is also recorded in {}.",
                licensing.codes_sent_log().display()
            );
            match submitted {
                None => eprintln!(
                    "Next: submit the release code on the licence portal (or send it to support), then install on the new computer."
                ),
                Some(Ok(answer)) => println!(
                    "Released{}: licence {} now uses {} of {} installations. Next: install on the new computer with the serial number.",
                    if answer.already_released { " before" } else { "" },
                    answer.serial,
                    answer.installations_used,
                    answer.installations_allowed
                ),
                Some(Err(e)) => {
                    eprintln!("The release code stays valid: submit it on the licence portal, or send it to support.");
                    return Err(e);
                }
            }
        }
        Command::Decode { code, file, serial, key_id, json } => {
            let text = code_text(code, file)?;
            let decoded = license_codes::decode(&text)?;
            let binding = match (serial, key_id) {
                (Some(s), Some(k)) => Some((
                    SerialNumber::parse(&s)?,
                    KeyId::parse_hex(&k.to_uppercase())
                        .ok_or_else(|| ClientError::NoTrust("--key-id is 16 hex digits".into()))?,
                    "the given serial and key id".to_string(),
                )),
                _ => licensing.load().ok().map(|l| (l.serial, l.key_id, licensing.path().display().to_string())),
            };
            let view = license_client::report::decode_json(&licensing, trust.is_some(), &decoded, binding);
            if json {
                println!("{}", serde_json::to_string_pretty(&view).expect("json"));
            } else {
                print_view(&view);
            }
        }
    }
    Ok(())
}

fn print_applied(licensing: &Licensing, applied: &license_client::Applied) {
    println!(
        "Response code accepted: {} is now at update {} (was {}).",
        product_name(licensing, applied.license.product),
        applied.license.counter,
        applied.from_counter
    );
    if applied.changes.is_empty() {
        println!("No entitlement changed.");
    }
    for change in &applied.changes {
        println!("{change}");
    }
}

fn load_trust(path: Option<&Path>) -> Result<Option<TrustFile>, ClientError> {
    let Some(path) = path else { return Ok(None) };
    let text = std::fs::read_to_string(path)
        .map_err(|e| ClientError::NoTrust(format!("cannot read trust file {}: {e}", path.display())))?;
    license_client::parse_trust(&text, &format!("trust file {}", path.display())).map(Some)
}

/// Loads the licence; a licence holding a response needs the trusted keys to check it.
fn load(licensing: &Licensing, trust: &Option<TrustFile>) -> Result<License, ClientError> {
    match licensing.load() {
        Err(ClientError::Code(license_codes::CodeError::UnknownSigningKey { .. })) if trust.is_none() => {
            Err(ClientError::NoTrust("the licence holds a signed update, and checking it needs the vendor keys (--trust KEYFILE or LICENSE_TRUST)".into()))
        }
        other => other,
    }
}

fn code_text(code: Option<String>, file: Option<PathBuf>) -> Result<String, ClientError> {
    match (code, file) {
        (Some(code), _) => Ok(code),
        (None, Some(path)) => {
            std::fs::read_to_string(&path).map_err(ClientError::io(format!("cannot read {}", path.display())))
        }
        (None, None) => Err(ClientError::Code(license_codes::CodeError::Empty)),
    }
}

fn product_name(licensing: &Licensing, id: u16) -> String {
    licensing.product(id).map_or_else(|| format!("product {id}"), |p| format!("{} ({id})", p.name))
}

fn print_status(licensing: &Licensing, license: &License) {
    let product = licensing.product(license.product);
    println!("Product:      {}", product_name(licensing, license.product));
    println!("Serial:       {}", license.serial);
    println!(
        "Key id:       {}{}",
        license.key_id,
        if license.machine_bound { "" } else { " (not bound to a machine identity)" }
    );
    println!("Update:       {}", license.counter);
    println!("Entitlements:");
    let described = license.entitlements.describe(product);
    if described.is_empty() {
        println!("  (none yet: create a code and submit it)");
    }
    for (name, value) in described {
        println!("  {name}: {value}");
    }
}

fn print_view(view: &Value) {
    let kind = view["kind"].as_str().unwrap_or_default();
    println!(
        "{} code (format 1)",
        match kind {
            "serial" => "Serial number:",
            "request" => "Request",
            "release" => "Release",
            _ => "Response",
        }
    );
    let Some(map) = view.as_object() else { return };
    for (key, value) in map.iter().filter(|(k, _)| *k != "kind") {
        match value {
            Value::Object(inner) if key == "entitlements" => {
                println!("  entitlements:");
                for (name, v) in inner {
                    println!("    {name} = {}", plain(v));
                }
            }
            Value::Object(inner) if key == "product" => {
                let name = inner.get("name").and_then(Value::as_str);
                println!("  product: {}{}", inner["id"], name.map(|n| format!(" ({n})")).unwrap_or_default());
            }
            Value::Object(inner) => {
                let verdict = match inner.get("verified") {
                    Some(Value::Bool(true)) => "verifies".to_string(),
                    Some(Value::Bool(false)) => "DOES NOT VERIFY".to_string(),
                    _ => "not checked".to_string(),
                };
                let detail: Vec<String> =
                    inner.iter().filter(|(k, _)| *k != "verified").map(|(k, v)| format!("{k}: {}", plain(v))).collect();
                println!("  {key}: {verdict} ({})", detail.join("; "));
            }
            other => println!("  {key}: {}", plain(other)),
        }
    }
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "none".into(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        other => other.to_string(),
    }
}
