//! One function per `license` command (`cli.rs` names them): each does its
//! work through the library and prints what the person reads; errors go
//! back to `main`, which explains them.

use std::path::{Path, PathBuf};

use license_api::{EntitlementValue, EntitlementValues};
use license_client::clock::Now;
use license_client::report::{
    self, AppliedReport, DecodeReport, ProductRef, SeatsReport, SignatureCheck, StatusReport,
};
use license_client::{Applied, ClientError, Fetched, License, Licensing, MachineIdentity};
use license_codes::{CodeError, KeyId, RegistrationCode, SerialNumber, TrustFile};

use crate::cli::{Cli, Command, SeatsCommand};

/// What every command works with: the licence file, the trust file (if
/// given), and one reading of the clock.
struct Context {
    licensing: Licensing,
    trust: Option<TrustFile>,
    now: Now,
}

pub fn run(cli: Cli) -> Result<(), ClientError> {
    let trust = load_trust(cli.trust.as_deref())?;
    let licensing = Licensing::new(&cli.license_file, trust.clone().unwrap_or_default(), MachineIdentity::from_os())?;
    let cx = Context { licensing, trust, now: Now::read() };
    match cli.command {
        Command::Init { serial, product, registration_code } => {
            init(&cx, &serial, &product, registration_code.as_ref())
        }
        Command::Status { json } => status(&cx, json),
        Command::CreateCode { save, portal } => create_code(&cx, save.as_deref(), portal.as_deref()),
        Command::EnterCode { code, file, image } => enter_code(&cx, code, file, image.as_deref()),
        Command::GetItNow { server, json } => get_it_now(&cx, &server, json),
        Command::Release { save, server } => release(&cx, save.as_deref(), server.as_deref()),
        Command::Decode { code, file, serial, key_id, json } => decode(&cx, code, file, serial, key_id, json),
        Command::Seats { command } => seats(&cx, command),
    }
}

fn init(cx: &Context, serial: &str, product: &str, registration: Option<&RegistrationCode>) -> Result<(), ClientError> {
    let serial = SerialNumber::parse(serial)?;
    let license = cx.licensing.init(serial, cx.licensing.product_id(product)?, registration, &cx.now)?;
    println!("Installed {} with serial {} at update 0.", product_name(&cx.licensing, license.product), license.serial);
    let unbound =
        if license.machine_bound { "" } else { " (no machine identity could be read: not bound to this machine)" };
    println!("Key id: {}{unbound}", license.key_id);
    println!("Next: `license create-code` and submit the code on the licence portal.");
    Ok(())
}

fn status(cx: &Context, json: bool) -> Result<(), ClientError> {
    let license = load(cx)?;
    if json {
        println!("{}", report::to_json(&StatusReport::of(&cx.licensing, &license)));
    } else {
        print_status(&cx.licensing, &license);
    }
    Ok(())
}

fn create_code(cx: &Context, save: Option<&Path>, portal: Option<&str>) -> Result<(), ClientError> {
    if cx.trust.is_none() {
        load(cx)?;
    }
    let code = cx.licensing.create_code(&cx.now)?.to_code();
    save_code(save, &code)?;
    println!("{code}");
    eprintln!("Also recorded in {}.", cx.licensing.codes_sent_log().display());
    if let Some(portal) = portal {
        let link = license_client::portal_link(portal, &code);
        eprintln!("Open this link, or scan the QR code with a phone, to submit the code:\n{link}");
        if let Some(qr) = license_client::terminal_qr(&link) {
            eprintln!("{qr}");
        }
    }
    Ok(())
}

fn enter_code(
    cx: &Context,
    code: Option<String>,
    file: Option<PathBuf>,
    image: Option<&Path>,
) -> Result<(), ClientError> {
    require_trust(cx)?;
    let text = match image {
        Some(path) => license_client::read_qr_file(path)?,
        None => code_text(code, file)?,
    };
    let applied = cx.licensing.enter_code(&text, &cx.now)?;
    print_applied(&cx.licensing, &applied);
    Ok(())
}

fn get_it_now(cx: &Context, server: &str, json: bool) -> Result<(), ClientError> {
    require_trust(cx)?;
    let fetched = license_client::get_it_now(&cx.licensing, server, &cx.now)?;
    if json {
        println!("{}", report::to_json(&AppliedReport::fetched(&cx.licensing, &fetched)));
        return Ok(());
    }
    match fetched {
        Fetched::Applied(applied) => print_applied(&cx.licensing, &applied),
        Fetched::NothingWaiting { detail, .. } => {
            println!("Nothing is waiting: {detail}.\nThe licence is unchanged; `license status` shows it.")
        }
    }
    Ok(())
}

/// `license seats claim|release|list`: the seat ledger of a primary server.
fn seats(cx: &Context, command: SeatsCommand) -> Result<(), ClientError> {
    require_trust(cx)?;
    match command {
        SeatsCommand::Claim { entitlement, holder, lease_minutes, json } => {
            let claimed = cx.licensing.claim_seat(&entitlement, &holder, lease_minutes, &cx.now)?;
            if json {
                println!("{}", report::to_json(&claimed));
                return Ok(());
            }
            let again = if claimed.already_held { " (already held: the same seat)" } else { "" };
            let lease = claimed.expires_at.map(|at| format!(", until {at} unless claimed again")).unwrap_or_default();
            println!(
                "{} holds a seat of {}{again}{lease}: {} of {} in use.",
                claimed.holder, claimed.entitlement, claimed.used, claimed.count
            );
        }
        SeatsCommand::Release { entitlement, holder, json } => {
            let released = cx.licensing.release_seat(&entitlement, &holder, &cx.now)?;
            if json {
                let outcome =
                    serde_json::json!({"entitlement": entitlement, "holder": holder.trim(), "released": released});
                println!("{}", report::to_json(&outcome));
            } else if released {
                println!("{} no longer holds a seat of {entitlement}.", holder.trim());
            } else {
                println!("{} held no seat of {entitlement}: nothing to release.", holder.trim());
            }
        }
        SeatsCommand::List { json } => {
            let seats = cx.licensing.seats(&cx.now)?;
            if json {
                println!("{}", report::to_json(&SeatsReport { seats }));
                return Ok(());
            }
            if seats.is_empty() {
                println!("The licence's product has no count entitlements: there are no seats.");
            }
            for count in seats {
                println!("{}: {} of {} in use, {} free", count.entitlement, count.used, count.count, count.free);
                for claim in count.holders {
                    let until = claim.expires_at.map(|at| format!(", until {at}")).unwrap_or_default();
                    println!("  {} (since {}{until})", claim.holder, claim.claimed_at);
                }
            }
        }
    }
    Ok(())
}

fn release(cx: &Context, save: Option<&Path>, server: Option<&str>) -> Result<(), ClientError> {
    require_trust(cx)?;
    let (code, submitted) = match server {
        Some(server) => {
            let (code, answer) = license_client::release_online(&cx.licensing, server, &cx.now)?;
            (code, Some(answer))
        }
        None => (cx.licensing.release(&cx.now)?.0, None),
    };
    let code = code.to_code();
    save_code(save, &code)?;
    println!("{code}");
    eprintln!(
        "This computer no longer holds the licence. The release code is also recorded in {}.",
        cx.licensing.codes_sent_log().display()
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
        // The licence moved as often as customers may move it themselves:
        // the portal would refuse the code too, and "the old computer" the
        // server speaks of is this one. One next step: support.
        Some(Err(ClientError::ServerRefused { status, code: refused, detail, .. })) if refused == "transfer_limit" => {
            return Err(ClientError::ServerRefused {
                status,
                code: refused,
                detail,
                next_step: "This computer is released. Send the release code above to support: they can free this \
                            computer's place on the licence server, then install on the new computer."
                    .into(),
            });
        }
        Some(Err(e)) => {
            eprintln!("The release code stays valid: submit it on the licence portal, or send it to support.");
            return Err(e);
        }
    }
    Ok(())
}

fn decode(
    cx: &Context,
    code: Option<String>,
    file: Option<PathBuf>,
    serial: Option<String>,
    key_id: Option<String>,
    json: bool,
) -> Result<(), ClientError> {
    let decoded = license_codes::decode(&code_text(code, file)?)?;
    let binding = match (serial, key_id) {
        (Some(s), Some(k)) => Some((
            SerialNumber::parse(&s)?,
            KeyId::parse_hex(&k.to_uppercase())
                .ok_or_else(|| ClientError::NoTrust("--key-id is 16 hex digits".into()))?,
            "the given serial and key id".to_string(),
        )),
        _ => cx.licensing.load().ok().map(|l| (l.serial, l.key_id, cx.licensing.path().display().to_string())),
    };
    let view = DecodeReport::of(&cx.licensing, cx.trust.is_some(), &decoded, binding);
    if json {
        println!("{}", report::to_json(&view));
    } else {
        print_decoded(&view);
    }
    Ok(())
}

/// `--save PATH`: the code on one line, as programs read it back.
fn save_code(path: Option<&Path>, code: &str) -> Result<(), ClientError> {
    let Some(path) = path else { return Ok(()) };
    license_client::store::write_atomically(path, format!("{code}\r\n").as_bytes())
        .map_err(ClientError::io(format!("cannot write {}", path.display())))?;
    eprintln!("Saved to {}.", path.display());
    Ok(())
}

fn require_trust(cx: &Context) -> Result<(), ClientError> {
    match &cx.trust {
        Some(t) if !t.keys.is_empty() => Ok(()),
        _ => Err(ClientError::NoTrust("no trust file given (--trust KEYFILE or LICENSE_TRUST)".into())),
    }
}

fn load_trust(path: Option<&Path>) -> Result<Option<TrustFile>, ClientError> {
    let Some(path) = path else { return Ok(None) };
    let text = std::fs::read_to_string(path)
        .map_err(|e| ClientError::NoTrust(format!("cannot read trust file {}: {e}", path.display())))?;
    license_client::parse_trust(&text, &format!("trust file {}", path.display())).map(Some)
}

/// The licence now (the clock checked); a licence holding a response needs
/// the trusted keys to check it.
fn load(cx: &Context) -> Result<License, ClientError> {
    match cx.licensing.status(&cx.now) {
        Err(ClientError::Code(CodeError::UnknownSigningKey { .. })) if cx.trust.is_none() => {
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
        (None, None) => Err(ClientError::Code(CodeError::Empty)),
    }
}

fn product_name(licensing: &Licensing, id: u16) -> String {
    licensing.product(id).map_or_else(|| format!("product {id}"), |p| format!("{} ({id})", p.name))
}

fn print_applied(licensing: &Licensing, applied: &Applied) {
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

fn print_status(licensing: &Licensing, license: &License) {
    let product = licensing.product(license.product);
    println!("Product:      {}", product_name(licensing, license.product));
    println!("Serial:       {}", license.serial);
    let unbound = if license.machine_bound { "" } else { " (not bound to a machine identity)" };
    println!("Key id:       {}{unbound}", license.key_id);
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

/// `license decode` for people: every field of the report, one a line.
fn print_decoded(view: &DecodeReport) {
    let field = |name: &str, value: &dyn std::fmt::Display| println!("  {name}: {value}");
    let product = |p: &ProductRef| match &p.name {
        Some(name) => println!("  product: {} ({name})", p.id),
        None => println!("  product: {}", p.id),
    };
    match view {
        DecodeReport::Serial { serial, serial_number } => {
            println!("Serial number: code (format 1)");
            field("serial", serial);
            field("serial_number", serial_number);
        }
        DecodeReport::Request { product: p, serial, key_id, counter, entitlement_digest, created } => {
            println!("Request code (format 1)");
            product(p);
            field("serial", serial);
            field("key_id", key_id);
            field("counter", counter);
            field("entitlement_digest", entitlement_digest);
            field("created", created);
        }
        DecodeReport::Release { product: p, serial, key_id, counter, created, proof } => {
            println!("Release code (format 1)");
            product(p);
            field("serial", serial);
            field("key_id", key_id);
            field("counter", counter);
            field("created", created);
            field("proof", proof);
        }
        DecodeReport::Response {
            product: p,
            key_id_tag,
            from_counter,
            to_counter,
            issued,
            signing_key_id,
            signing_key_trusted,
            signature,
            entitlements,
        } => {
            println!("Response code (format 1)");
            product(p);
            field("key_id_tag", key_id_tag);
            field("from_counter", from_counter);
            field("to_counter", to_counter);
            field("issued", issued);
            field("signing_key_id", signing_key_id);
            field("signing_key_trusted", &yes_no(*signing_key_trusted));
            print_signature(signature);
            print_entitlements(entitlements);
        }
    }
}

fn print_signature(check: &SignatureCheck) {
    let verdict = match check.verified {
        Some(true) => "verifies",
        Some(false) => "DOES NOT VERIFY",
        None => "not checked",
    };
    let error = check.error.map(str::to_string);
    let detail: Vec<String> =
        [("checked_against", &check.checked_against), ("error", &error), ("reason", &check.reason)]
            .into_iter()
            .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name}: {v}")))
            .collect();
    println!("  signature: {verdict} ({})", detail.join("; "));
}

fn print_entitlements(entitlements: &EntitlementValues) {
    println!("  entitlements:");
    for (name, value) in &entitlements.0 {
        let value = match value {
            EntitlementValue::Flag(on) => yes_no(*on).to_string(),
            EntitlementValue::Count(n) => n.to_string(),
            EntitlementValue::Date(d) => d.clone(),
            EntitlementValue::None => "none".to_string(),
        };
        println!("    {name} = {value}");
    }
}

fn yes_no(on: bool) -> &'static str {
    if on {
        "yes"
    } else {
        "no"
    }
}
