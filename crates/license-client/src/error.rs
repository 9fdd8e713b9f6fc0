//! Everything that can go wrong for the program, each with a message, a next
//! step and its own exit code for the `license` command.

use std::path::PathBuf;

use license_codes::{CodeError, Kind};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("{0}")]
    Code(CodeError),
    #[error("this response code is for product {found}, but this licence is for product {expected}")]
    AnotherProduct { expected: String, found: String },
    #[error("KEYID_NOT_FOUND: this response code was made for another installation (key id starting {found:04X}), not this one ({expected})")]
    AnotherInstallation { expected: String, found: u16 },
    #[error("TOO_OLD: this response code has already been applied (update {to_counter}); the licence is at update {counter}")]
    AlreadyApplied { counter: u16, to_counter: u16 },
    #[error("TOO_OLD: a newer update is already installed (this code brings update {to_counter}; the licence is at update {counter})")]
    Superseded { counter: u16, to_counter: u16 },
    #[error("TOO_NEW: this response code continues from update {from_counter}, but the licence is at update {counter}: an earlier update is missing")]
    EarlierUpdateMissing { counter: u16, from_counter: u16 },
    #[error("no licence file at {0}")]
    NoLicense(PathBuf),
    #[error("a licence file already exists at {0}")]
    LicenseExists(PathBuf),
    #[error("the licence file {path} cannot be read: {reason}")]
    CorruptLicense { path: PathBuf, reason: String },
    #[error("the licence file {0} was made on another machine")]
    CopiedLicense(PathBuf),
    #[error("the licence file {path} does not match the signed response it holds: {reason}")]
    TamperedLicense { path: PathBuf, reason: String },
    #[error("no trusted vendor keys: {0}")]
    NoTrust(String),
    #[error("unknown product '{0}'")]
    UnknownProduct(String),
    #[error("the licence server refused the request: {detail}")]
    ServerRefused { status: u16, code: String, detail: String, next_step: String },
    #[error("the licence server at {url} could not be reached: {reason}")]
    ServerUnreachable { url: String, reason: String },
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
}

impl From<CodeError> for ClientError {
    fn from(e: CodeError) -> Self {
        ClientError::Code(e)
    }
}

impl ClientError {
    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> ClientError {
        let context = context.into();
        move |source| ClientError::Io { context, source }
    }

    /// The exit code of the `license` command (documented in the README).
    pub fn exit_code(&self) -> u8 {
        match self {
            ClientError::Io { .. } => 1,
            ClientError::Code(CodeError::WrongKind { .. }) => 4,
            ClientError::Code(CodeError::UnknownVersion { .. }) => 11,
            ClientError::Code(CodeError::BadSignature) => 9,
            ClientError::Code(CodeError::UnknownSigningKey { .. }) => 10,
            ClientError::Code(_) => 3,
            ClientError::AnotherProduct { .. } => 5,
            ClientError::AnotherInstallation { .. } => 6,
            ClientError::AlreadyApplied { .. } | ClientError::Superseded { .. } => 7,
            ClientError::EarlierUpdateMissing { .. } => 8,
            ClientError::NoLicense(_) | ClientError::CorruptLicense { .. } | ClientError::LicenseExists(_) => 12,
            ClientError::CopiedLicense(_) => 13,
            ClientError::TamperedLicense { .. } => 14,
            ClientError::NoTrust(_) | ClientError::UnknownProduct(_) => 15,
            ClientError::ServerRefused { .. } => 16,
            ClientError::ServerUnreachable { .. } => 17,
        }
    }

    /// A stable name, as in `--json` output and the documentation.
    pub fn code(&self) -> &'static str {
        match self {
            ClientError::Code(e) => e.code(),
            ClientError::AnotherProduct { .. } => "another_product",
            ClientError::AnotherInstallation { .. } => "keyid_not_found",
            ClientError::AlreadyApplied { .. } | ClientError::Superseded { .. } => "too_old",
            ClientError::EarlierUpdateMissing { .. } => "too_new",
            ClientError::NoLicense(_) => "no_license",
            ClientError::LicenseExists(_) => "license_exists",
            ClientError::CorruptLicense { .. } => "corrupt_license",
            ClientError::CopiedLicense(_) => "copied_license",
            ClientError::TamperedLicense { .. } => "tampered_license",
            ClientError::NoTrust(_) => "no_trust",
            ClientError::UnknownProduct(_) => "unknown_product",
            ClientError::ServerRefused { .. } => "server_refused",
            ClientError::ServerUnreachable { .. } => "server_unreachable",
            ClientError::Io { .. } => "io",
        }
    }

    pub fn next_step(&self) -> String {
        match self {
            ClientError::Code(CodeError::BadSignature) => "Check that this response code answers this installation's latest request code (license create-code) and copy it again; if it still fails, send the request code to support.".into(),
            ClientError::Code(CodeError::WrongKind { found: Kind::Request, expected: Kind::Response }) => {
                "This is the code this program made. Submit it on the vendor's licence portal; enter the response code the portal gives you.".into()
            }
            ClientError::Code(e) => e.next_step(),
            ClientError::AnotherProduct { .. } => "Enter this code in the program it was made for, or ask for a response code for this product's request code.".into(),
            ClientError::AnotherInstallation { .. } => "Enter it on the computer whose request code it answers, or make a request code here (license create-code) and submit that.".into(),
            ClientError::AlreadyApplied { .. } => "Nothing to do: the update is installed. Check `license status`.".into(),
            ClientError::Superseded { .. } => "Nothing to do: a newer update is installed. If something is missing, make a new request code (license create-code) and submit it.".into(),
            ClientError::EarlierUpdateMissing { .. } => "Enter the earlier response codes first, in order; or make a new request code (license create-code) and submit it for one response that brings every update.".into(),
            ClientError::NoLicense(_) => "Run `license init --serial SERIAL --product PRODUCT` first, or point --license-file (LICENSE_FILE) at the licence file.".into(),
            ClientError::LicenseExists(_) => "Use the existing licence (license status), or choose another --license-file.".into(),
            ClientError::CorruptLicense { .. } => "Restore the licence file from a backup, or contact support with your serial number.".into(),
            ClientError::CopiedLicense(_) => "A licence is bound to the computer it was installed on. Install with your serial number on this computer (license init) and activate it there.".into(),
            ClientError::TamperedLicense { .. } => "Restore the licence file from a backup, or make a request code on a fresh installation and contact support.".into(),
            ClientError::NoTrust(_) => "Pass --trust KEYFILE or set LICENSE_TRUST to the vendor's trust file (its public keys and products).".into(),
            ClientError::UnknownProduct(_) => "Give the product's number, or a name listed in the trust file.".into(),
            ClientError::ServerRefused { next_step, .. } => next_step.clone(),
            ClientError::ServerUnreachable { .. } => "Check the internet connection and the server address; or use `license create-code` and submit the code on the licence portal from any device.".into(),
            ClientError::Io { .. } => "Check that the path exists and is writable, then try again.".into(),
        }
    }
}
