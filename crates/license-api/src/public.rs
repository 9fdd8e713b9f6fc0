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

/// `POST /api/v1/serials/lookup`: "Lost your serial number?"
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SerialLookup {
    /// The address the licences were bought with (the technical contact's).
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254, pattern = "^[^\\s@]+@[^\\s@]+$", example = "it@customer.example"))]
    pub email: String,
}

/// The answer to a lookup, the same whether or not the address is on file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LookupAccepted {
    /// Always the same sentence: "If this address is the technical contact …".
    pub detail: String,
}
