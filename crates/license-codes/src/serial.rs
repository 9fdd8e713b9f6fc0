//! Serial numbers: what the vendor gives a customer at purchase.
//!
//! Layout (50 bits, 2 groups, 12 symbols): kind symbol (5) | serial (40) |
//! code check (5).

use crate::bits::{symbols_to_bytes, BitReader, BitWriter};
use crate::text::{decode_groups, encode_groups, kind_symbol, Groups};
use crate::{CodeError, Kind};

pub(crate) const GROUPS: usize = 2;
pub(crate) const BITS: u32 = 40;

/// A 40-bit serial number, written as two checked groups (`9XXXXX-XXXXXX`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SerialNumber(u64);

impl SerialNumber {
    /// The serial with this number, if it fits in 40 bits.
    pub fn new(value: u64) -> Option<Self> {
        (value >> BITS == 0).then_some(Self(value))
    }

    /// A serial made from 5 random bytes (the vendor supplies the randomness).
    pub fn from_random_bytes(bytes: [u8; 5]) -> Self {
        let mut b = [0u8; 8];
        b[3..].copy_from_slice(&bytes);
        Self(u64::from_be_bytes(b))
    }

    pub fn value(self) -> u64 {
        self.0
    }

    pub(crate) fn be_bytes(self) -> [u8; 5] {
        let b = self.0.to_be_bytes();
        [b[3], b[4], b[5], b[6], b[7]]
    }

    pub fn parse(input: &str) -> Result<Self, CodeError> {
        Self::from_groups(&decode_groups(input, Some(Kind::Serial))?)
    }

    pub(crate) fn from_groups(groups: &Groups) -> Result<Self, CodeError> {
        let bytes = symbols_to_bytes(&groups.data);
        let mut r = BitReader::new(&bytes, groups.data.len() * 5);
        r.read(5);
        let value = r.read(BITS).unwrap_or(0);
        let check = r.read(5).unwrap_or(0);
        if check != crate::request::code_check(Kind::Serial, &r.prefix_bytes(45), 5) {
            return Err(CodeError::CodeCheckFailed);
        }
        Ok(Self(value))
    }

    pub fn to_code(self) -> String {
        let mut w = BitWriter::new();
        w.push(u64::from(kind_symbol(Kind::Serial, 1)), 5);
        w.push(self.0, BITS);
        let check = crate::request::code_check(Kind::Serial, w.bytes(), 5);
        w.push(check, 5);
        encode_groups(Kind::Serial, &w.to_group_symbols())
    }
}

impl std::fmt::Display for SerialNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_code())
    }
}

impl std::str::FromStr for SerialNumber {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl serde::Serialize for SerialNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_code())
    }
}

impl<'de> serde::Deserialize<'de> for SerialNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}
