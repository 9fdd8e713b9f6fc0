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
//! let applied = licensing.enter_code("S0400R-...").unwrap();
//! for change in applied.changes {
//!     println!("{change}");
//! }
//! ```

pub mod clock;
mod error;
pub mod language;
mod license;
mod machine;
mod online;
mod portal_link;
mod qr_image;
pub mod report;
pub mod store;

pub use error::ClientError;
pub use license::{derive_key_id, Applied, License, LicenseFile, Licensing, ReleasedFile, ReleasedMarker};
pub use machine::MachineIdentity;
pub use online::{get_it_now, release_online};
pub use portal_link::{portal_link, terminal_qr};
pub use qr_image::{read_qr_file, read_qr_rgba};

/// The vendor's trust file from its JSON text; `source` names it in the error.
pub fn parse_trust(text: &str, source: &str) -> Result<license_codes::TrustFile, ClientError> {
    serde_json::from_str(text).map_err(|e| ClientError::NoTrust(format!("{source} is not valid: {e}")))
}
