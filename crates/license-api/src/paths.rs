//! Every path of the API, spelt once.

pub const ACTIVATIONS: &str = "/api/v1/activations";
pub const KEYS: &str = "/api/v1/keys";
pub const PRODUCTS: &str = "/api/v1/products";
pub const TRUST: &str = "/api/v1/trust";
pub const ADMIN_PRODUCTS: &str = "/api/v1/admin/products";
pub const ADMIN_LICENSES: &str = "/api/v1/admin/licenses";
pub const ADMIN_TOKENS: &str = "/api/v1/admin/tokens";
pub const OPENAPI: &str = "/api/openapi.json";

/// `/api/v1/admin/licenses/{serial}`
pub fn admin_license(serial: &str) -> String {
    format!("{ADMIN_LICENSES}/{serial}")
}

/// `/api/v1/admin/licenses/{serial}/upgrades`
pub fn admin_upgrades(serial: &str) -> String {
    format!("{ADMIN_LICENSES}/{serial}/upgrades")
}

/// `/api/v1/admin/licenses/{serial}/installations/{key_id}`
pub fn admin_installation(serial: &str, key_id: &str) -> String {
    format!("{ADMIN_LICENSES}/{serial}/installations/{key_id}")
}
