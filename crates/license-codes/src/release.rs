//! Release codes: what the program makes when it gives up its installation,
//! so the licence's place can move to another computer.
//!
//! Layout (225 bits, 9 groups, 54 symbols): kind symbol (5) | product (16) |
//! serial (40) | key id (64) | update counter held (16) | day made (16) |
//! proof (56) | code check (12).
//!
//! The proof ties the code to the installation's own licence: the first 56
//! bits of SHA-256("license-codes v1 release proof\0" || the ed25519
//! signature of the response the installation holds || the first 157 bits
//! as bytes). Only a holder of that response can compute it, and the server,
//! which stored every response it issued, can check it. Someone who knows a
//! serial number, or a request code, cannot release anybody's installation.

use sha2::{Digest, Sha256};

use crate::bits::{symbols_to_bytes, BitReader, BitWriter};
use crate::request::code_check;
use crate::text::{decode_groups, encode_groups, kind_symbol, Groups};
use crate::{CodeError, Day, KeyId, Kind, ResponseCode, SerialNumber};

pub(crate) const GROUPS: usize = 9;
/// Bits before the proof.
const FIELDS_BITS: usize = 157;
const PROOF_BITS: u32 = 56;
const CHECKED_BITS: usize = FIELDS_BITS + PROOF_BITS as usize;
const CHECK_BITS: u32 = 12;

/// An installation giving back its place on a licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReleaseCode {
    pub product: u16,
    pub serial: SerialNumber,
    pub key_id: KeyId,
    /// The update counter the installation held (at least 1).
    pub counter: u16,
    pub created: Day,
    /// 56 bits: see the module comment.
    pub proof: u64,
}

impl ReleaseCode {
    /// The release of the installation (`serial`, `key_id`) holding `held`,
    /// the response it last applied, made on `created`. An installation
    /// that never received a response has nothing to release.
    pub fn new(serial: SerialNumber, key_id: KeyId, held: &ResponseCode, created: Day) -> ReleaseCode {
        let mut code =
            ReleaseCode { product: held.product, serial, key_id, counter: held.to_counter, created, proof: 0 };
        code.proof = code.expected_proof(held);
        code
    }

    fn fields(&self) -> BitWriter {
        let mut w = BitWriter::new();
        w.push(u64::from(kind_symbol(Kind::Release, 1)), 5);
        w.push(u64::from(self.product), 16);
        w.push(self.serial.value(), 40);
        w.push(self.key_id.0, 64);
        w.push(u64::from(self.counter), 16);
        w.push(u64::from(self.created.0), 16);
        debug_assert_eq!(w.len(), FIELDS_BITS);
        w
    }

    /// The proof a holder of `held` computes for these fields.
    pub fn expected_proof(&self, held: &ResponseCode) -> u64 {
        let mut hasher = Sha256::new();
        hasher.update(crate::DOMAIN.as_bytes());
        hasher.update(b"release proof\0");
        hasher.update(held.signature);
        hasher.update(self.fields().bytes());
        let hash = hasher.finalize();
        u64::from_be_bytes(hash[..8].try_into().expect("8 bytes")) >> (64 - PROOF_BITS)
    }

    /// Whether this code was made by the holder of `held`: the response the
    /// installation received, for its key id, at the counter the code names.
    pub fn proves(&self, held: &ResponseCode) -> bool {
        held.product == self.product
            && held.key_id_tag == self.key_id.tag()
            && held.to_counter == self.counter
            && self.expected_proof(held) == self.proof
    }

    pub fn parse(input: &str) -> Result<Self, CodeError> {
        Self::from_groups(&decode_groups(input, Some(Kind::Release))?)
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
        let created = Day(field(16) as u16);
        let proof = field(PROOF_BITS);
        let check = r.read(CHECK_BITS).unwrap_or(0);
        if check != code_check(Kind::Release, &r.prefix_bytes(CHECKED_BITS), CHECK_BITS) {
            return Err(CodeError::CodeCheckFailed);
        }
        if counter == 0 {
            return Err(CodeError::Malformed { kind: Kind::Release, reason: crate::Malformed::NothingHeld });
        }
        Ok(Self { product, serial, key_id, counter, created, proof })
    }

    pub fn to_code(&self) -> String {
        let mut w = self.fields();
        w.push(self.proof, PROOF_BITS);
        let check = code_check(Kind::Release, w.bytes(), CHECK_BITS);
        w.push(check, CHECK_BITS);
        encode_groups(Kind::Release, &w.to_group_symbols())
    }
}

impl std::fmt::Display for ReleaseCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_code())
    }
}
