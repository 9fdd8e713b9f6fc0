//! Response codes (the unlock code, the vendor-to-client message).
//!
//! Layout: kind symbol (5) | signing key id (8) | product (16) | key id tag
//! (16) | from counter (16) | to counter (16) | issued day (16) |
//! entitlements (4 + 6..38 per entry) | ed25519 signature (512) | zero bits
//! to the end of the last group. 25 to 28 groups.

use ed25519_dalek::Signature;

use crate::bits::{symbols_to_bytes, BitReader, BitWriter};
use crate::check::DATA_SYMBOLS;
use crate::text::{decode_groups, encode_groups, kind_symbol, Groups};
use crate::{CodeError, Day, Entitlements, KeyId, Kind, Malformed, RequestCode, SerialNumber, TrustedKeys};

/// An installation as a response must name it: the product it runs, its
/// serial and key id, and the update counter it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Installation {
    pub product: u16,
    pub serial: SerialNumber,
    pub key_id: KeyId,
    pub counter: u16,
}

impl From<&RequestCode> for Installation {
    /// The installation that made the request code, as it was then.
    fn from(r: &RequestCode) -> Self {
        Installation { product: r.product, serial: r.serial, key_id: r.key_id, counter: r.counter }
    }
}

/// Bits before the entitlements.
pub(crate) const HEADER_BITS: usize = 5 + 8 + 16 + 16 + 16 + 16 + 16;
pub(crate) const SIGNATURE_BITS: usize = 512;
pub(crate) const GROUP_BITS: usize = DATA_SYMBOLS * 5;
pub(crate) const MAX_GROUPS: usize = 28;
/// An empty entitlement set is 4 bits: 93 + 4 + 512 = 609 bits, 25 groups.
pub(crate) const MIN_GROUPS: usize = (HEADER_BITS + 4 + SIGNATURE_BITS).div_ceil(GROUP_BITS);
/// The most entitlement bits (count included) that fit in 28 groups: 95.
pub const MAX_ENTITLEMENT_BITS: usize = MAX_GROUPS * GROUP_BITS - HEADER_BITS - SIGNATURE_BITS;

/// The number of groups a response needs, from the data symbols of its first
/// groups, once they reach past the entitlements.
pub(crate) fn groups_needed(data: &[u8]) -> Option<usize> {
    let bytes = symbols_to_bytes(data);
    let mut r = BitReader::new(&bytes, data.len() * 5);
    r.read(HEADER_BITS as u32)?;
    Entitlements::read(&mut r).ok()?;
    Some((r.position() + SIGNATURE_BITS).div_ceil(GROUP_BITS))
}

/// A vendor's answer: the full entitlement state at `to_counter`, for the
/// installation that holds `from_counter`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseCode {
    /// Which vendor key signed it (see [`TrustedKeys`]).
    pub signing_key_id: u8,
    pub product: u16,
    /// The first 16 bits of the installation's key id.
    pub key_id_tag: u16,
    /// The counter the installation must hold (or have passed) to apply it.
    pub from_counter: u16,
    /// The counter the installation holds after applying it.
    pub to_counter: u16,
    pub issued: Day,
    pub entitlements: Entitlements,
    pub signature: [u8; 64],
}

impl ResponseCode {
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        Self::from_groups(&decode_groups(input, Some(Kind::Response))?)
    }

    pub(crate) fn from_groups(groups: &Groups) -> Result<Self, CodeError> {
        let malformed = |reason| CodeError::Malformed { kind: Kind::Response, reason };
        let bytes = symbols_to_bytes(&groups.data);
        let mut r = BitReader::new(&bytes, groups.data.len() * 5);
        let field = |r: &mut BitReader<'_>, width| r.read(width).unwrap_or(0);
        field(&mut r, 5);
        let signing_key_id = field(&mut r, 8) as u8;
        let product = field(&mut r, 16) as u16;
        let key_id_tag = field(&mut r, 16) as u16;
        let from_counter = field(&mut r, 16) as u16;
        let to_counter = field(&mut r, 16) as u16;
        let issued = Day(field(&mut r, 16) as u16);
        let entitlements = Entitlements::read(&mut r).map_err(malformed)?;
        let truncated = CodeError::Truncated {
            kind: Some(Kind::Response),
            expected_groups: (r.position() + SIGNATURE_BITS).div_ceil(GROUP_BITS),
            found_groups: groups.data.len() / DATA_SYMBOLS,
        };
        let mut signature = [0u8; 64];
        for byte in signature.iter_mut() {
            *byte = r.read(8).ok_or_else(|| truncated.clone())? as u8;
        }
        if r.remaining() >= GROUP_BITS {
            return Err(CodeError::TooLong {
                kind: Some(Kind::Response),
                max_groups: groups.data.len() / DATA_SYMBOLS - r.remaining() / GROUP_BITS,
                found_groups: groups.data.len() / DATA_SYMBOLS,
            });
        }
        if r.read(r.remaining() as u32) != Some(0) {
            return Err(malformed(Malformed::Padding));
        }
        if to_counter <= from_counter {
            return Err(malformed(Malformed::CounterNotAdvancing));
        }
        Ok(Self { signing_key_id, product, key_id_tag, from_counter, to_counter, issued, entitlements, signature })
    }

    /// The bits before the signature, as bytes (the last one zero-padded).
    pub fn signed_body(&self) -> Vec<u8> {
        self.body_writer().bytes().to_vec()
    }

    fn body_writer(&self) -> BitWriter {
        let mut w = BitWriter::new();
        w.push(u64::from(kind_symbol(Kind::Response, 1)), 5);
        w.push(u64::from(self.signing_key_id), 8);
        w.push(u64::from(self.product), 16);
        w.push(u64::from(self.key_id_tag), 16);
        w.push(u64::from(self.from_counter), 16);
        w.push(u64::from(self.to_counter), 16);
        w.push(u64::from(self.issued.0), 16);
        self.entitlements.write(&mut w);
        w
    }

    /// The exact bytes the signature covers: the domain string, then the
    /// binding the code does not carry in full (serial, key id), then the body.
    pub fn signed_message(serial: SerialNumber, key_id: KeyId, body: &[u8]) -> Vec<u8> {
        let mut message = Vec::with_capacity(64 + body.len());
        message.extend_from_slice(crate::DOMAIN.as_bytes());
        message.extend_from_slice(b"response\0");
        message.extend_from_slice(&serial.be_bytes());
        message.extend_from_slice(&key_id.0.to_be_bytes());
        message.extend_from_slice(body);
        message
    }

    /// Whether this response is genuine and made for `installation`: its
    /// product, its key id, then the vendor's signature over its serial and
    /// key id. The installation's counter plays no part (see [`Self::applies_to`]).
    pub fn verify_for(&self, installation: &Installation, keys: &TrustedKeys) -> Result<(), CodeError> {
        self.check_names(installation)?;
        self.verify(installation.serial, installation.key_id, keys)
    }

    /// Whether `installation` can apply this response now, in Sentinel's
    /// order of checks: the right product and installation, the right place
    /// in the sequence of updates (`from <= held < to`: a response carries
    /// the full state, so one from any earlier counter brings it up to date),
    /// then the signature.
    pub fn applies_to(&self, installation: &Installation, keys: &TrustedKeys) -> Result<(), CodeError> {
        self.check_names(installation)?;
        let counter = installation.counter;
        if self.to_counter <= counter {
            return Err(CodeError::TooOld { counter, to_counter: self.to_counter });
        }
        if self.from_counter > counter {
            return Err(CodeError::TooNew { counter, from_counter: self.from_counter });
        }
        self.verify(installation.serial, installation.key_id, keys)
    }

    fn check_names(&self, installation: &Installation) -> Result<(), CodeError> {
        if self.product != installation.product {
            return Err(CodeError::AnotherProduct { expected: installation.product, found: self.product });
        }
        if self.key_id_tag != installation.key_id.tag() {
            return Err(CodeError::AnotherInstallation { expected: installation.key_id, found_tag: self.key_id_tag });
        }
        Ok(())
    }

    /// Checks the signature for the installation (`serial`, `key_id`) with
    /// the keys the program trusts.
    pub fn verify(&self, serial: SerialNumber, key_id: KeyId, keys: &TrustedKeys) -> Result<(), CodeError> {
        let key = keys.get(self.signing_key_id).ok_or(CodeError::UnknownSigningKey { key_id: self.signing_key_id })?;
        let message = Self::signed_message(serial, key_id, &self.signed_body());
        key.verify_strict(&message, &Signature::from_bytes(&self.signature)).map_err(|_| CodeError::BadSignature)
    }

    pub fn to_code(&self) -> String {
        let mut w = self.body_writer();
        w.push_bytes(&self.signature);
        encode_groups(Kind::Response, &w.to_group_symbols())
    }
}

impl std::fmt::Display for ResponseCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_code())
    }
}
