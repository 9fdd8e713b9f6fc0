//! The public reference data: vendor keys and products.

use license_codes::{Product, PublicKeyEntry, TrustFile, TrustedKeys};

/// `GET /api/v1/keys`: every vendor public key, and which one signs now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Keys {
    pub keys: Vec<PublicKeyEntry>,
    pub active: u8,
}

impl Keys {
    /// The keys as a verifier holds them (each checked to be a valid key).
    pub fn trusted(&self) -> Result<TrustedKeys, license_codes::KeyError> {
        TrustFile { keys: self.keys.clone(), products: Vec::new() }.trusted_keys()
    }
}

/// `GET /api/v1/products`: products and their entitlement names and kinds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Products {
    pub products: Vec<Product>,
}
