//! The vendor side: signing response codes.

use ed25519_dalek::{Signature, Signer, SigningKey};

use crate::response::MAX_ENTITLEMENT_BITS;
use crate::{Day, Entitlements, KeyError, KeyId, ResponseCode, SerialNumber};

/// What a response grants, and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub product: u16,
    pub serial: SerialNumber,
    pub key_id: KeyId,
    /// The counter the installation holds now (from its request code).
    pub from_counter: u16,
    /// The counter it will hold: the vendor's latest for this licence.
    pub to_counter: u16,
    pub issued: Day,
    /// The full state at `to_counter`, not a difference.
    pub entitlements: Entitlements,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GrantError {
    #[error("the entitlements take {bits} bits; a response code has room for {max}")]
    TooManyEntitlements { bits: usize, max: usize },
    #[error("the new counter {to} must be above the installation's counter {from}")]
    CounterNotAdvancing { from: u16, to: u16 },
    /// The key could not sign (a hardware token that failed or went away).
    #[error("the signing key could not sign: {0}")]
    Signing(String),
}

/// Signs `grant` with `key`, announced as vendor key `key_id`. The key is
/// anything that makes Ed25519 signatures: a [`SigningKey`] in memory, or
/// one held by a hardware token that signs without ever giving it out.
///
/// Ed25519 signing is deterministic, so the same grant always gives the
/// same response code, byte for byte.
pub fn sign_response<S: Signer<Signature> + ?Sized>(
    key: &S,
    key_id: u8,
    grant: &Grant,
) -> Result<ResponseCode, GrantError> {
    let bits = grant.entitlements.encoded_bits();
    if bits > MAX_ENTITLEMENT_BITS {
        return Err(GrantError::TooManyEntitlements { bits, max: MAX_ENTITLEMENT_BITS });
    }
    if grant.to_counter <= grant.from_counter {
        return Err(GrantError::CounterNotAdvancing { from: grant.from_counter, to: grant.to_counter });
    }
    let mut response = ResponseCode {
        signing_key_id: key_id,
        product: grant.product,
        key_id_tag: grant.key_id.tag(),
        from_counter: grant.from_counter,
        to_counter: grant.to_counter,
        issued: grant.issued,
        entitlements: grant.entitlements.clone(),
        signature: [0; 64],
    };
    let message = ResponseCode::signed_message(grant.serial, grant.key_id, &response.signed_body());
    response.signature = key.try_sign(&message).map_err(|e| GrantError::Signing(e.to_string()))?.to_bytes();
    Ok(response)
}

/// A signing key from its 32-byte seed in hex (64 digits).
pub fn signing_key_from_hex(text: &str) -> Result<SigningKey, KeyError> {
    let bytes = crate::keys::hex_32(text.trim()).ok_or(KeyError::BadSecretKey)?;
    Ok(SigningKey::from_bytes(&bytes))
}
