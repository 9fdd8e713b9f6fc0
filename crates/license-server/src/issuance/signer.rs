//! Signing a response for a request, outside any transaction: signing runs
//! on every core while the writer only records.

use std::sync::Arc;

use license_api::EntitlementChange;
use license_codes::{sign_response, Day, Entitlements, Grant, Product, RequestCode};

use crate::signing::SigningKeys;
use crate::ApiError;

/// A response signed for the state at counter `latest`.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub latest: i64,
    pub response_code: String,
    pub changes: Vec<EntitlementChange>,
    pub signing_key_id: u8,
}

/// Signs responses for one product with the active vendor key. The writer
/// holds one to sign again when an upgrade was queued meanwhile.
#[derive(Clone)]
pub struct Signer {
    keys: Arc<SigningKeys>,
    pub product: Product,
}

impl Signer {
    pub fn new(keys: Arc<SigningKeys>, product: Product) -> Self {
        Signer { keys, product }
    }

    /// The response that brings the installation from `from` (the state at
    /// its counter) to `to`, the state at counter `latest`.
    pub fn sign(
        &self,
        r: &RequestCode,
        latest: i64,
        from: &Entitlements,
        to: Entitlements,
    ) -> Result<Prepared, ApiError> {
        let changes = to.changes_from(from, Some(&self.product)).iter().map(EntitlementChange::from).collect();
        let (signing_key_id, key) = self.keys.active();
        let grant = Grant {
            product: r.product,
            serial: r.serial,
            key_id: r.key_id,
            from_counter: r.counter,
            to_counter: latest as u16,
            issued: Day::from_unix_seconds(time::OffsetDateTime::now_utc().unix_timestamp()),
            entitlements: to,
        };
        let response = sign_response(key, signing_key_id, &grant).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(Prepared { latest, response_code: response.to_code(), changes, signing_key_id })
    }
}
