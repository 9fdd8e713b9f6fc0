//! Registration codes: a licence's secret, which only its technical contact
//! receives (the purchase confirmation), and which binding a *new*
//! installation requires. The program proves it knows the code without
//! putting it in the request code: a request at update 0 (a new
//! installation, which holds no entitlements) carries, in its entitlement
//! digest field, the [registration tag](RegistrationCode::tag), a keyed
//! hash of the request's own fields. A request code mailed around therefore
//! gives the code away to nobody, and one made up for a known serial binds
//! nothing (docs/codes.md §3).

use hmac::{KeyInit, Mac};

use crate::text::{symbol_value, ALPHABET};
use crate::RequestCode;

/// Symbols in a registration code (100 bits).
pub const SYMBOLS: usize = 20;

/// A licence's registration code: 20 Crockford base32 symbols, written
/// `XXXXX-XXXXX-XXXXX-XXXXX`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RegistrationCode([u8; SYMBOLS]);

/// Why text is not a registration code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationCodeError {
    #[error("'{character}' (character {position}) is not in a registration code: it has digits and letters other than I, L, O and U")]
    InvalidCharacter { character: char, position: usize },
    #[error("a registration code has 20 letters and digits (four groups of five); this has {found}")]
    WrongLength { found: usize },
}

impl std::fmt::Debug for RegistrationCode {
    /// Never prints the code: it is a secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RegistrationCode(..)")
    }
}

impl RegistrationCode {
    /// A code from 13 random bytes (their first 100 bits).
    pub fn from_random_bytes(bytes: [u8; 13]) -> RegistrationCode {
        let mut symbols = [0u8; SYMBOLS];
        for (i, symbol) in symbols.iter_mut().enumerate() {
            let bit = i * 5;
            let pair = u16::from(bytes[bit / 8]) << 8 | u16::from(*bytes.get(bit / 8 + 1).unwrap_or(&0));
            *symbol = ALPHABET[usize::from((pair >> (11 - bit % 8)) & 31)];
        }
        RegistrationCode(symbols)
    }

    /// Reads a code as people type it: any case, dashes and spaces anywhere,
    /// `I` and `L` as `1`, `O` as `0`.
    pub fn parse(text: &str) -> Result<RegistrationCode, RegistrationCodeError> {
        let mut symbols = Vec::with_capacity(SYMBOLS);
        for c in text.chars().filter(|c| !(c.is_whitespace() || *c == '-')) {
            let value = symbol_value(c)
                .ok_or(RegistrationCodeError::InvalidCharacter { character: c, position: symbols.len() + 1 })?;
            symbols.push(ALPHABET[usize::from(value)]);
        }
        let found = symbols.len();
        symbols.try_into().map(RegistrationCode).map_err(|_| RegistrationCodeError::WrongLength { found })
    }

    /// As printed: four groups of five, upper case.
    pub fn to_code(&self) -> String {
        self.0.chunks(5).map(|group| String::from_utf8_lossy(group).into_owned()).collect::<Vec<_>>().join("-")
    }

    /// The registration tag of request `r`: the first 4 bytes, big-endian,
    /// of HMAC-SHA256 keyed with the code's 20 symbols (ASCII, upper case,
    /// no dashes) over `"license-codes v1 registration"` ‖ 0x00 ‖ product
    /// (2 bytes) ‖ serial (5) ‖ key id (8) ‖ created day (2), all big-endian.
    pub fn tag(&self, r: &RequestCode) -> u32 {
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(crate::DOMAIN.as_bytes());
        mac.update(b"registration\0");
        mac.update(&r.product.to_be_bytes());
        mac.update(&r.serial.value().to_be_bytes()[3..]);
        mac.update(&r.key_id.0.to_be_bytes());
        mac.update(&r.created.0.to_be_bytes());
        u32::from_be_bytes(mac.finalize().into_bytes()[..4].try_into().expect("4 bytes"))
    }

    /// Whether request `r` (at update 0) carries this code's tag.
    pub fn is_proven_by(&self, r: &RequestCode) -> bool {
        r.counter == 0 && self.tag(r) == r.entitlement_digest
    }
}

impl std::fmt::Display for RegistrationCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Day, KeyId, SerialNumber};

    #[test]
    fn reads_what_people_type() {
        let code = RegistrationCode::from_random_bytes([0xA5; 13]);
        let text = code.to_code();
        assert_eq!(text.len(), 23);
        assert_eq!(RegistrationCode::parse(&text.to_lowercase().replace('-', " ")).unwrap(), code);
        assert_eq!(
            RegistrationCode::parse("1111100000ABCDEFGHJK").unwrap(),
            RegistrationCode::parse("ilil1-OoOo0-abcde-fghjk").unwrap()
        );
        assert_eq!(
            RegistrationCode::parse("ABCDE-ABCDE-ABCDE-ABCD"),
            Err(RegistrationCodeError::WrongLength { found: 19 })
        );
        assert!(matches!(
            RegistrationCode::parse("ABCDU-ABCDE-ABCDE-ABCDE"),
            Err(RegistrationCodeError::InvalidCharacter { character: 'U', position: 5 })
        ));
        assert!(!format!("{code:?}").contains(&text[..5]));
    }

    #[test]
    fn the_tag_binds_every_field_but_the_digest() {
        let code = RegistrationCode::parse("7K2M9-QX4TD-B8RZP-1NWCE").unwrap();
        let mut r = RequestCode {
            product: 7,
            serial: SerialNumber::new(0x12_3456_789A).unwrap(),
            key_id: KeyId(0x0123_4567_89AB_CDEF),
            counter: 0,
            entitlement_digest: 0,
            created: Day(2530),
        };
        r.entitlement_digest = code.tag(&r);
        assert!(code.is_proven_by(&r));
        let other = RegistrationCode::parse("7K2M9-QX4TD-B8RZP-1NWCF").unwrap();
        assert!(!other.is_proven_by(&r));
        for changed in [
            RequestCode { key_id: KeyId(r.key_id.0 ^ 1), ..r },
            RequestCode { serial: SerialNumber::new(0x12_3456_789B).unwrap(), ..r },
            RequestCode { product: 8, ..r },
            RequestCode { created: Day(2531), ..r },
            RequestCode { counter: 1, ..r },
        ] {
            assert!(!code.is_proven_by(&changed), "{changed:?}");
        }
    }
}
