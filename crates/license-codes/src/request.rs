//! Request codes ("Create Code", the client-to-vendor message).
//!
//! Layout (200 bits, 8 groups, 48 symbols): kind symbol (5) | product (16) |
//! serial (40) | key id (64) | update counter (16) | entitlement digest (32) |
//! created day (16) | code check (11).

use sha2::{Digest, Sha256};

use crate::bits::{symbols_to_bytes, BitReader, BitWriter};
use crate::text::{decode_groups, encode_groups, kind_symbol, Groups};
use crate::{CodeError, Day, Kind, SerialNumber};

pub(crate) const GROUPS: usize = 8;
const CHECKED_BITS: usize = 189;
const CHECK_BITS: u32 = 11;

/// The identity of one installation: 64 bits, shown as 16 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyId(pub u64);

impl KeyId {
    /// The first 16 bits, which a response code carries to say whom it is for.
    pub fn tag(self) -> u16 {
        (self.0 >> 48) as u16
    }

    pub fn parse_hex(text: &str) -> Option<KeyId> {
        (text.len() == 16).then(|| u64::from_str_radix(text, 16).ok().map(KeyId)).flatten()
    }
}

impl std::fmt::Display for KeyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016X}", self.0)
    }
}

impl serde::Serialize for KeyId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for KeyId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        KeyId::parse_hex(&text).ok_or_else(|| serde::de::Error::custom("a key id is 16 hex digits"))
    }
}

/// What an installation says when it asks for an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RequestCode {
    pub product: u16,
    pub serial: SerialNumber,
    pub key_id: KeyId,
    /// The update counter the installation holds (0 before any update).
    pub counter: u16,
    /// [`crate::Entitlements::digest`] of what the installation holds.
    pub entitlement_digest: u32,
    pub created: Day,
}

/// The top `bits` bits of SHA-256("license-codes v1 <kind> check\0" || bytes).
pub(crate) fn code_check(kind: Kind, bytes: &[u8], bits: u32) -> u64 {
    let mut hasher = Sha256::new();
    hasher.update(crate::DOMAIN.as_bytes());
    hasher.update(kind.code_name().as_bytes());
    hasher.update(b" check\0");
    hasher.update(bytes);
    let hash = hasher.finalize();
    u64::from_be_bytes(hash[..8].try_into().expect("8 bytes")) >> (64 - bits)
}

impl RequestCode {
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        Self::from_groups(&decode_groups(input, Some(Kind::Request))?)
    }

    pub(crate) fn from_groups(groups: &Groups) -> Result<Self, CodeError> {
        let bytes = symbols_to_bytes(&groups.data);
        let mut r = BitReader::new(&bytes, groups.data.len() * 5);
        let mut field = |width| r.read(width).unwrap_or(0);
        field(5);
        let product = field(16) as u16;
        let serial = SerialNumber::new(field(40)).expect("40 bits");
        let key_id = KeyId(field(64));
        let counter = field(16) as u16;
        let entitlement_digest = field(32) as u32;
        let created = Day(field(16) as u16);
        let check = r.read(CHECK_BITS).unwrap_or(0);
        if check != code_check(Kind::Request, &r.prefix_bytes(CHECKED_BITS), CHECK_BITS) {
            return Err(CodeError::CodeCheckFailed);
        }
        Ok(Self { product, serial, key_id, counter, entitlement_digest, created })
    }

    pub fn to_code(&self) -> String {
        let mut w = BitWriter::new();
        w.push(u64::from(kind_symbol(Kind::Request, 1)), 5);
        w.push(u64::from(self.product), 16);
        w.push(self.serial.value(), 40);
        w.push(self.key_id.0, 64);
        w.push(u64::from(self.counter), 16);
        w.push(u64::from(self.entitlement_digest), 32);
        w.push(u64::from(self.created.0), 16);
        debug_assert_eq!(w.len(), CHECKED_BITS);
        let check = code_check(Kind::Request, w.bytes(), CHECK_BITS);
        w.push(check, CHECK_BITS);
        encode_groups(Kind::Request, &w.to_group_symbols())
    }
}

impl std::fmt::Display for RequestCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_code())
    }
}
