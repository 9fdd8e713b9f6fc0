//! Licence codes: what a licensed program and its vendor say to each other
//! through a person who types, pastes or scans.
//!
//! Four kinds of code share one typable text form ([`text`], [`check`]):
//!
//! * [`SerialNumber`]: given to the customer at purchase.
//! * [`RequestCode`]: made by the program ("Create Code"); says which
//!   installation asks and what it holds.
//! * [`ResponseCode`]: made by the vendor; carries the new entitlements,
//!   signed with ed25519 and bound to the installation and the update counter
//!   it starts from.
//! * [`ReleaseCode`]: made by the program when it gives up its installation,
//!   with a proof that only the holder of its licence can compute.
//!
//! `docs/codes.md` at the repository root specifies the formats byte for byte.

mod bits;
pub mod check;
mod day;
mod entitlements;
mod error;
mod keys;
mod product;
mod registration;
mod release;
mod request;
mod response;
pub mod scan;
mod serial;
pub mod text;
mod vendor;

pub use day::Day;
pub use entitlements::{Change, Entitlements, MAX_ENTITLEMENT_SLOTS};
pub use error::{CodeError, Detail, DetailValue, Malformed};
pub use keys::{KeyError, PublicKeyEntry, TrustFile, TrustedKeys};
pub use license_messages as messages;
pub use product::{EntitlementDef, EntitlementKind, Product, ProductError};
pub use registration::{RegistrationCode, RegistrationCodeError};
pub use release::ReleaseCode;
pub use request::{KeyId, RequestCode};
pub use response::{Installation, ResponseCode, MAX_ENTITLEMENT_BITS};
pub use serial::SerialNumber;
pub use vendor::{sign_response, signing_key_from_hex, Grant, GrantError};

/// Re-exported so callers name the same key types this crate signs with.
pub use ed25519_dalek::{Signature, SignatureError, Signer, SigningKey, VerifyingKey};

/// The kinds of code. Each has its own first symbol, its own lengths and its
/// own check constants, so one is never read as another.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Serial,
    Request,
    Response,
    Release,
}

impl Kind {
    /// The number used in the first symbol and in the check constants.
    /// The first symbol holds it in two bits, so these four are all there
    /// will be.
    pub const fn number(self) -> u8 {
        match self {
            Kind::Release => 0,
            Kind::Serial => 1,
            Kind::Request => 2,
            Kind::Response => 3,
        }
    }

    pub const fn from_number(number: u8) -> Option<Kind> {
        match number {
            0 => Some(Kind::Release),
            1 => Some(Kind::Serial),
            2 => Some(Kind::Request),
            3 => Some(Kind::Response),
            _ => None,
        }
    }

    /// Every kind.
    pub const ALL: [Kind; 4] = [Kind::Serial, Kind::Request, Kind::Response, Kind::Release];

    /// Fewest and most groups a code of this kind has in format `version`.
    pub const fn group_range(self, _version: u8) -> (usize, usize) {
        match self {
            Kind::Serial => (serial::GROUPS, serial::GROUPS),
            Kind::Request => (request::GROUPS, request::GROUPS),
            Kind::Response => (response::MIN_GROUPS, response::MAX_GROUPS),
            Kind::Release => (release::GROUPS, release::GROUPS),
        }
    }

    /// The kind whose version-1 codes have exactly this many groups.
    pub fn from_group_count(groups: usize) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| {
            let (min, max) = k.group_range(1);
            (min..=max).contains(&groups)
        })
    }

    /// The kind's name in hashes, JSON and the catalogue's arguments.
    pub const fn code_name(self) -> &'static str {
        match self {
            Kind::Serial => "serial",
            Kind::Request => "request",
            Kind::Response => "response",
            Kind::Release => "release",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code_name())
    }
}

/// Any code, read without knowing its kind in advance (support tools).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyCode {
    Serial(SerialNumber),
    Request(RequestCode),
    Response(ResponseCode),
    Release(ReleaseCode),
}

impl AnyCode {
    pub fn kind(&self) -> Kind {
        match self {
            AnyCode::Serial(_) => Kind::Serial,
            AnyCode::Request(_) => Kind::Request,
            AnyCode::Response(_) => Kind::Response,
            AnyCode::Release(_) => Kind::Release,
        }
    }
}

/// Reads a code of any kind. Never panics, whatever the input.
pub fn decode(input: &str) -> Result<AnyCode, CodeError> {
    let groups = text::decode_groups(input, None)?;
    match groups.kind {
        Kind::Serial => SerialNumber::from_groups(&groups).map(AnyCode::Serial),
        Kind::Request => RequestCode::from_groups(&groups).map(AnyCode::Request),
        Kind::Response => ResponseCode::from_groups(&groups).map(AnyCode::Response),
        Kind::Release => ReleaseCode::from_groups(&groups).map(AnyCode::Release),
    }
}

/// Domain-separation prefix of every hash and signature in format version 1.
pub(crate) const DOMAIN: &str = "license-codes v1 ";
