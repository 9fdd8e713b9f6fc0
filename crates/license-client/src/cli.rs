//! The `license` command's arguments (clap): one variant per command,
//! each run by its function in `commands.rs`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use license_codes::RegistrationCode;

#[derive(Parser)]
#[command(
    name = "license",
    version,
    about = "Stands in for a licensed program: create a request code, enter a response code"
)]
pub struct Cli {
    /// The licence file.
    #[arg(long, env = "LICENSE_FILE", default_value = "license.json", global = true)]
    pub license_file: PathBuf,
    /// The vendor's trust file: public keys and product names (JSON).
    #[arg(long, env = "LICENSE_TRUST", global = true)]
    pub trust: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Starts a new installation at update 0, bound to this machine.
    Init {
        /// The serial number from the purchase email.
        #[arg(long)]
        serial: String,
        /// The product: its number, or its name in the trust file.
        #[arg(long)]
        product: String,
        /// The registration code from the purchase email (XXXXX-XXXXX-XXXXX-XXXXX), asked for once:
        /// registering a new computer needs it.
        #[arg(long, value_parser = registration_code)]
        registration_code: Option<RegistrationCode>,
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
        /// Print what happened as JSON (as `license_get_it_now` gives it): the changes, or
        /// `"nothing_waiting": true`.
        #[arg(long)]
        json: bool,
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
    /// The seats of a count entitlement (clients: 25) that this program, the primary server,
    /// gives its own clients, offline.
    Seats {
        #[command(subcommand)]
        command: SeatsCommand,
    },
}

#[derive(Subcommand)]
pub enum SeatsCommand {
    /// Gives HOLDER a seat of the count ENTITLEMENT; the same holder claiming again keeps its
    /// one seat. Refused with exit code 21 (no_seat_left) when every seat is held.
    Claim {
        /// The count entitlement, as the trust file names it (e.g. clients).
        #[arg(long)]
        entitlement: String,
        /// The client's name, the same every time it claims (1 to 200 characters).
        #[arg(long)]
        holder: String,
        /// The claim lapses this many minutes after it was last made, so a client that
        /// vanished frees its seat; without it, held until released.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=5_256_000))]
        lease_minutes: Option<u32>,
        /// Print the claim as JSON: entitlement, holder, count, used, already_held, expires_at.
        #[arg(long)]
        json: bool,
    },
    /// Gives HOLDER's seat back.
    Release {
        #[arg(long)]
        entitlement: String,
        #[arg(long)]
        holder: String,
        /// Print the outcome as JSON: entitlement, holder, released.
        #[arg(long)]
        json: bool,
    },
    /// Every count entitlement: its count, the seats held and by whom, the seats free.
    List {
        #[arg(long)]
        json: bool,
    },
}

impl Command {
    /// Whether the command was asked for JSON: then an error is printed as
    /// JSON on stdout too.
    pub fn prints_json(&self) -> bool {
        matches!(
            self,
            Command::Status { json: true }
                | Command::Decode { json: true, .. }
                | Command::GetItNow { json: true, .. }
                | Command::Seats {
                    command: SeatsCommand::List { json: true }
                        | SeatsCommand::Claim { json: true, .. }
                        | SeatsCommand::Release { json: true, .. }
                }
        )
    }
}

/// `--registration-code`, read as people type it (any case, dashes or spaces).
fn registration_code(text: &str) -> Result<RegistrationCode, String> {
    RegistrationCode::parse(text).map_err(|e| e.to_string())
}
