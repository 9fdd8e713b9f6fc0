//! The vendor public keys a program trusts, and the trust file that lists
//! them with the products they sign for.

use std::collections::BTreeMap;

use ed25519_dalek::VerifyingKey;

use crate::{Product, MAX_ENTITLEMENT_SLOTS};

/// Public keys by vendor key id. Several may be held while keys rotate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedKeys(BTreeMap<u8, VerifyingKey>);

impl TrustedKeys {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, id: u8, key: VerifyingKey) {
        self.0.insert(id, key);
    }

    pub fn get(&self, id: u8) -> Option<&VerifyingKey> {
        self.0.get(&id)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.keys().copied()
    }
}

/// One public key as published (`GET /api/v1/keys`, trust files).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicKeyEntry {
    pub id: u8,
    /// The 32-byte ed25519 public key in hex.
    pub public_key: String,
}

/// What a program is built with: the keys it trusts and its products'
/// entitlement names. JSON: `{"keys": [{"id": 1, "public_key": "<64 hex>"}],
/// "products": [{"id": 1, "name": "...", "entitlements": [{"name": "...", "kind": "count"}]}]}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustFile {
    pub keys: Vec<PublicKeyEntry>,
    #[serde(default)]
    pub products: Vec<Product>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("vendor key {0} is not a valid ed25519 public key (64 hex digits)")]
    BadPublicKey(u8),
    #[error("vendor key {0} is listed twice")]
    DuplicateKey(u8),
    #[error("the secret key is not 64 hex digits")]
    BadSecretKey,
    #[error("product {0} is invalid: {1}")]
    BadProduct(u16, &'static str),
}

pub(crate) fn hex_32(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl PublicKeyEntry {
    pub fn new(id: u8, key: &VerifyingKey) -> Self {
        let public_key = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
        Self { id, public_key }
    }
}

impl TrustFile {
    /// The keys, each checked to be a valid point, none listed twice.
    pub fn trusted_keys(&self) -> Result<TrustedKeys, KeyError> {
        let mut keys = TrustedKeys::new();
        for entry in &self.keys {
            let bytes = hex_32(&entry.public_key).ok_or(KeyError::BadPublicKey(entry.id))?;
            let key = VerifyingKey::from_bytes(&bytes).map_err(|_| KeyError::BadPublicKey(entry.id))?;
            if keys.get(entry.id).is_some() {
                return Err(KeyError::DuplicateKey(entry.id));
            }
            keys.insert(entry.id, key);
        }
        for product in &self.products {
            product.validate()?;
        }
        Ok(keys)
    }

    pub fn product(&self, id: u16) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    /// A product by id (decimal) or by name.
    pub fn find_product(&self, id_or_name: &str) -> Option<&Product> {
        match id_or_name.parse::<u16>() {
            Ok(id) => self.product(id),
            Err(_) => self.products.iter().find(|p| p.name == id_or_name),
        }
    }
}

impl Product {
    pub fn validate(&self) -> Result<(), KeyError> {
        if self.entitlements.len() > MAX_ENTITLEMENT_SLOTS {
            return Err(KeyError::BadProduct(self.id, "a product has at most 16 entitlements"));
        }
        let mut names: Vec<&str> = self.entitlements.iter().map(|e| e.name.as_str()).collect();
        names.sort_unstable();
        if names.windows(2).any(|w| w[0] == w[1]) {
            return Err(KeyError::BadProduct(self.id, "two entitlements have the same name"));
        }
        if self.entitlements.iter().any(|e| {
            e.name.is_empty()
                || e.name.chars().count() > 64
                || e.name.contains(['=', ' '])
                || e.name.chars().any(char::is_control)
        }) {
            return Err(KeyError::BadProduct(
                self.id,
                "entitlement names are 1 to 64 characters, without spaces, '=' or control characters (line breaks, tabs)",
            ));
        }
        Ok(())
    }
}
