//! A stand-in for the vendor until the licence server exists, and for
//! tests: make a vendor key and trust file, serial numbers, and responses.
//!
//! ```text
//! cargo run -p license-codes --example vendor -- keygen --dir demo
//! cargo run -p license-codes --example vendor -- serial
//! cargo run -p license-codes --example vendor -- respond --dir demo --request CODE remote_users=3
//! ```

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use license_codes::*;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes DIR/vendor.key (secret, mode 0600) and DIR/trust.json (public key and the demo product).
    Keygen {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long, default_value_t = 1)]
        key_id: u8,
    },
    /// Prints a new random serial number.
    Serial,
    /// Prints a response code for a request: the full new state, one update on.
    Respond {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long, default_value_t = 1)]
        key_id: u8,
        #[arg(long)]
        request: String,
        /// The counter after the update (default: the request's counter + 1).
        #[arg(long)]
        to_counter: Option<u16>,
        /// The complete new state as NAME=VALUE (unnamed entitlements are 0).
        assignments: Vec<String>,
    },
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Cli::parse().command {
        Command::Keygen { dir, key_id } => {
            std::fs::create_dir_all(&dir)?;
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).map_err(|e| e.to_string())?;
            let key = SigningKey::from_bytes(&seed);
            let secret = dir.join("vendor.key");
            std::fs::write(&secret, hex::encode(seed) + "\n")?;
            #[cfg(unix)]
            std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
            let trust = TrustFile {
                keys: vec![PublicKeyEntry::new(key_id, &key.verifying_key())],
                products: vec![demo_product()],
            };
            std::fs::write(dir.join("trust.json"), serde_json::to_string_pretty(&trust)? + "\n")?;
            println!("wrote {} and {}", secret.display(), dir.join("trust.json").display());
        }
        Command::Serial => {
            let mut bytes = [0u8; 5];
            getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
            println!("{}", SerialNumber::from_random_bytes(bytes));
        }
        Command::Respond { dir, key_id, request, to_counter, assignments } => {
            let key = signing_key_from_hex(&std::fs::read_to_string(dir.join("vendor.key"))?)?;
            let trust: TrustFile = serde_json::from_str(&std::fs::read_to_string(dir.join("trust.json"))?)?;
            let request = RequestCode::parse(&request).map_err(|e| format!("{e}. {}", e.next_step()))?;
            let product = trust.product(request.product).ok_or("the request is for a product the trust file lacks")?;
            let mut entitlements = Entitlements::new();
            product.assign(&mut entitlements, &assignments)?;
            let grant = Grant {
                product: request.product,
                serial: request.serial,
                key_id: request.key_id,
                from_counter: request.counter,
                to_counter: to_counter.unwrap_or(request.counter + 1),
                issued: request.created,
                entitlements,
            };
            println!("{}", sign_response(&key, key_id, &grant)?);
        }
    }
    Ok(())
}

/// SpecView, the product of the seed documents.
fn demo_product() -> Product {
    let def = |name: &str, kind| EntitlementDef { name: name.into(), kind };
    Product {
        id: 7,
        name: "SpecView".into(),
        entitlements: vec![
            def("remote_users", EntitlementKind::Count),
            def("clients", EntitlementKind::Count),
            def("historian", EntitlementKind::Flag),
            def("web_server", EntitlementKind::Flag),
            def("subscription_end", EntitlementKind::Date),
        ],
    }
}
