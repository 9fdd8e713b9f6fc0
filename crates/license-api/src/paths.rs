//! Every path of the API, spelt once. Templates name their parameters in
//! braces (`{serial}`), as OpenAPI and the server's router write them;
//! [`fill`] puts values in.

pub const ACTIVATIONS: &str = "/api/v1/activations";
pub const RELEASES: &str = "/api/v1/releases";
pub const KEYS: &str = "/api/v1/keys";
pub const PRODUCTS: &str = "/api/v1/products";
pub const TRUST: &str = "/api/v1/trust";
pub const ADMIN_PRODUCTS: &str = "/api/v1/admin/products";
pub const ADMIN_LICENSES: &str = "/api/v1/admin/licenses";
pub const ADMIN_LICENSE: &str = "/api/v1/admin/licenses/{serial}";
pub const ADMIN_UPGRADES: &str = "/api/v1/admin/licenses/{serial}/upgrades";
/// Remind the contact of the licence's waiting upgrade now.
pub const ADMIN_REMIND: &str = "/api/v1/admin/licenses/{serial}/remind";
pub const ADMIN_INSTALLATION: &str = "/api/v1/admin/licenses/{serial}/installations/{key_id}";
pub const ADMIN_TOKENS: &str = "/api/v1/admin/tokens";
pub const ADMIN_ACTIVATIONS: &str = "/api/v1/admin/activations";
pub const ADMIN_INSPECT: &str = "/api/v1/admin/inspect";
pub const ADMIN_STAFF: &str = "/api/v1/admin/staff";
pub const ADMIN_STAFF_DISABLE: &str = "/api/v1/admin/staff/{email}/disable";
pub const ADMIN_STAFF_LINK: &str = "/api/v1/admin/staff/{email}/link";
pub const ADMIN_STAFF_ENABLE: &str = "/api/v1/admin/staff/{email}/enable";
pub const ADMIN_ISSUANCE_SEND: &str = "/api/v1/admin/issuances/{id}/send";
/// The cookie (no secret, readable by script) set beside the session's on
/// sign-in: the console asks who is signed in only when it is there.
pub const SIGNED_IN_COOKIE: &str = "license_console_signed_in";
pub const ADMIN_REPORT_ISSUANCES: &str = "/api/v1/admin/reports/issuances";
pub const ADMIN_REPORT_WAITING: &str = "/api/v1/admin/reports/waiting-upgrades";
pub const ADMIN_REPORT_INSTALLATIONS: &str = "/api/v1/admin/reports/installations";
pub const ADMIN_REPORT_NEAR_LIMIT: &str = "/api/v1/admin/reports/near-limit";
pub const ADMIN_MAIL: &str = "/api/v1/admin/mail";
pub const ADMIN_WEBHOOKS: &str = "/api/v1/admin/webhooks";
pub const ADMIN_WEBHOOK: &str = "/api/v1/admin/webhooks/{id}";
pub const ADMIN_WEBHOOK_SECRET: &str = "/api/v1/admin/webhooks/{id}/secret";
pub const ADMIN_WEBHOOK_DELIVERIES: &str = "/api/v1/admin/webhooks/{id}/deliveries";
pub const ADMIN_WEBHOOK_RETRY: &str = "/api/v1/admin/webhooks/{id}/deliveries/{delivery}/retry";
pub const SERIALS_LOOKUP: &str = "/api/v1/serials/lookup";
pub const SESSION: &str = "/api/v1/session";
pub const SESSION_PASSWORD: &str = "/api/v1/session/password";
pub const OPENAPI: &str = "/api/openapi.json";
pub const HEALTHZ: &str = "/healthz";
pub const READYZ: &str = "/readyz";
pub const METRICS: &str = "/metrics";

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |path, (name, value)| path.replace(&format!("{{{name}}}"), value))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fills_parameters() {
        assert_eq!(
            super::fill(super::ADMIN_INSTALLATION, &[("serial", "928T5F-CY4TCH"), ("key_id", "0123456789ABCDEF")]),
            "/api/v1/admin/licenses/928T5F-CY4TCH/installations/0123456789ABCDEF"
        );
    }
}
