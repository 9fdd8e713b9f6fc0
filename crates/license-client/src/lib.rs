//! What a licensed program embeds to hold its licence: a licence file bound
//! to the machine, request codes to ask for updates, and verified response
//! codes that install them at once.
//!
//! ```no_run
//! use license_client::{Licensing, MachineIdentity};
//! use license_codes::TrustFile;
//!
//! // The vendor's public keys and product names are compiled in, never read
//! // from a file the user can write.
//! let trust: TrustFile = serde_json::from_str(include_str!("../../../docs/example-trust.json")).unwrap();
//! let licensing = Licensing::new("license.json", trust, MachineIdentity::from_os()).unwrap();
//! let now = license_client::clock::Now::read();
//! let applied = licensing.enter_code("S0400R-...", &now).unwrap();
//! for change in applied.changes {
//!     println!("{change}");
//! }
//! ```
//!
//! A newcomer's map: [`Licensing`] (`license.rs`) holds the licence file and
//! does what a program does with it (init, create a code, enter a response,
//! release); `store.rs` writes files atomically under a lock; `machine.rs`
//! binds a licence to the machine; `seats.rs` the seat ledger a primary
//! server keeps for its clients; `online.rs` is the online path (Get it
//! now, release with the server); `qr_image.rs` reads a response from a
//! picture; `portal_link.rs` the link and terminal QR to the portal;
//! [`report`] the typed JSON of `status`, `decode`, errors and applied
//! changes (shared with the C library); [`clock`] one reading of the time
//! and the check that it was not turned back;
//! [`language`] the user's language; the error type is [`ClientError`]. The
//! `license` command is `src/main.rs` with `src/cli.rs` (its arguments) and
//! `src/commands.rs` (one function per command).

pub mod clock;
mod error;
pub mod language;
mod license;
mod machine;
mod online;
mod portal_link;
mod qr_image;
pub mod report;
mod seats;
pub mod store;

pub use error::{ClientError, ServerProblem};
pub use license::{
    derive_key_id, seal_of, Applied, License, LicenseFile, Licensing, ReleasedFile, ReleasedMarker, SeatClaim,
};
pub use machine::MachineIdentity;
pub use online::{get_it_now, release_online, Fetched};
pub use portal_link::{portal_link, terminal_qr};
pub use qr_image::{read_qr_file, read_qr_rgba};
pub use seats::{Claimed, SeatCount, MAX_HOLDER_CHARS};

/// The vendor's trust file from its JSON text; `source` names it in the error.
pub fn parse_trust(text: &str, source: &str) -> Result<license_codes::TrustFile, ClientError> {
    serde_json::from_str(text).map_err(|e| ClientError::NoTrust(format!("{source} is not valid: {e}")))
}
