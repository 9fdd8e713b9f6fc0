//! The admin and support API (`/api/v1/admin/…`): what the vendor sends to
//! manage licences, and the views of a licence its staff read.

use serde_json::Value;

use crate::{EntitlementChange, EntitlementValues, ProductRef};

/// A staff role. Admins change things; support reads and answers codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Support,
    /// Sells some products: creates licences of them, and sees and acts on
    /// its own licences only (another's are answered as if they did not exist).
    Reseller,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Support => "support",
            Role::Reseller => "reseller",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "admin" => Some(Role::Admin),
            "support" => Some(Role::Support),
            "reseller" => Some(Role::Reseller),
            _ => None,
        }
    }
}

/// Where an issuance came from, as its history and the audit log say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The customer's page.
    Portal,
    /// The program's "Get it now".
    Online,
    /// A staff member in the console, for a customer.
    Console,
    /// A request code that came by mail (`license-server mail-in`).
    Mail,
}

impl Channel {
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Online => "online",
            Channel::Console => "console",
            Channel::Mail => "mail",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        [Channel::Portal, Channel::Online, Channel::Console, Channel::Mail].into_iter().find(|c| c.as_str() == text)
    }
}

impl From<crate::ClientChannel> for Channel {
    fn from(c: crate::ClientChannel) -> Self {
        match c {
            crate::ClientChannel::Portal => Channel::Portal,
            crate::ClientChannel::Online => Channel::Online,
        }
    }
}

/// `POST /api/v1/admin/licenses`
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewLicense {
    /// The product's number or name.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub product: String,
    /// The technical contact: where codes and notices go.
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub contact_email: String,
    #[serde(default = "one")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000, default = 1))]
    pub max_installations: i64,
    /// The purchased entitlements.
    #[serde(default)]
    pub entitlements: EntitlementValues,
    /// A serial number to use instead of a random one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(example = "928T5F-CY4TCH", pattern = "^[0-9A-TV-Za-tv-z]{6}-?[0-9A-TV-Za-tv-z]{6}$")
    )]
    pub serial: Option<String>,
    /// How many times in 365 days the customer may release an installation
    /// themselves (with a release code); the server's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(maximum = 1000))]
    pub transfer_limit: Option<u16>,
    /// The language of the mail the contact receives: `en` (default), `fr` or `de`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = "^(en|fr|de)$"))]
    pub language: Option<String>,
    /// Whether the contact is mailed the purchase confirmation and "upgrade
    /// ready" (default `true`); `false` for a vendor who mails from its own
    /// systems. Response codes asked for on the page are mailed either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
    /// Whether the licence gets a registration code, which binding a new
    /// installation then requires (default `true`). `false` only for
    /// programs made before registration codes: anyone who knows the serial
    /// can then take its places.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<bool>,
    /// The reseller the licence belongs to (its email; admin). A reseller's
    /// licences are its own without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub reseller: Option<String>,
}

/// `PATCH /api/v1/admin/licenses/{serial}`: what an admin may change on a
/// licence. Each member is optional (absent: unchanged); at least one is given.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LicenseChange {
    /// The language of the mail the contact receives: `en`, `fr` or `de`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = "^(en|fr|de)$"))]
    pub language: Option<String>,
    /// The technical contact's address, corrected: every mail from now on
    /// (and `mail retry`, and "Send to contact") goes there. The audit log
    /// keeps the old and the new address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254, pattern = "^[^\\s@]+@[^\\s@]+$"))]
    pub contact_email: Option<String>,
    /// `true`: a new registration code replaces the licence's (or gives one
    /// to a licence that had none); from then on, binding a new installation
    /// needs the new one. Installations already bound are not affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_registration_code: Option<bool>,
    /// The reseller the licence belongs to (a reseller's email), assigned or
    /// moved; `""`: the vendor's own again (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub reseller: Option<String>,
}

fn one() -> i64 {
    1
}

/// The licence just created.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenseCreated {
    pub serial: String,
    /// The product's name.
    pub product: String,
    pub contact_email: String,
    /// The language of the contact's mail.
    pub language: String,
    pub max_installations: i64,
    pub counter: i64,
    pub entitlements: EntitlementValues,
    /// The registration code (`XXXXX-XXXXX-XXXXX-XXXXX`) the program asks for
    /// once, at first registration; only the contact receives it. `null`
    /// for a licence made with `"registration": false`.
    #[serde(default)]
    pub registration_code: Option<String>,
}

/// `POST /api/v1/admin/licenses/{serial}/upgrades`
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QueueUpgrade {
    /// The entitlements that change.
    pub set: EntitlementValues,
    /// Why, for the history ("PO 4711").
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: String,
}

/// The upgrade just queued: the licence's new latest state.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpgradeQueued {
    pub serial: String,
    pub counter: i64,
    pub note: String,
    pub changes: Vec<EntitlementChange>,
    pub entitlements: EntitlementValues,
}

/// An installation released, its place freed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Released {
    pub serial: String,
    pub key_id: String,
    pub released: bool,
}

/// `POST /api/v1/admin/tokens`
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// 1 to 100 characters, not all spaces.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, pattern = "[^\\s\\u0085]"))]
    pub name: String,
    pub role: Role,
}

/// A token, shown once.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenCreated {
    /// `lsk_<id>_<secret>`, sent as `Authorization: Bearer …`.
    pub token: String,
    pub name: String,
    pub role: Role,
}

/// Everything support needs about one licence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenseView {
    pub serial: String,
    pub product: ProductRef,
    pub contact_email: String,
    /// The reseller it belongs to (its email); `null`: the vendor's own.
    #[serde(default)]
    pub reseller: Option<String>,
    /// The registration code binding a new installation needs; `null`: none
    /// (anyone who knows the serial can bind, as before registration codes).
    #[serde(default)]
    pub registration_code: Option<String>,
    /// The language of the contact's mail (`en`, `fr`, `de`).
    pub language: String,
    pub created_at: String,
    pub max_installations: i64,
    pub bound_installations: i64,
    pub latest_counter: i64,
    /// The latest state.
    pub entitlements: EntitlementValues,
    /// Every state in order: counter 1 at purchase, then each upgrade.
    pub states: Vec<StateView>,
    pub installations: Vec<InstallationView>,
    pub issuances: Vec<IssuanceView>,
    pub audit: Vec<AuditEntry>,
}

/// The entitlements at one counter, and what changed to reach them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateView {
    pub counter: i64,
    pub note: String,
    pub created_by: String,
    pub created_at: String,
    pub changes: Vec<EntitlementChange>,
    pub entitlements: EntitlementValues,
    /// The entitlement digest a request code at this counter carries (8 hex digits).
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstallationView {
    /// 16 hex digits.
    pub key_id: String,
    pub bound_at: String,
    pub released_at: Option<String>,
    /// The counter of the newest response issued to it.
    pub last_issued_counter: Option<i64>,
    /// Whether an upgrade is waiting for it.
    pub waiting: bool,
    /// Who released it: `customer` (with a release code) or the staff member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released_by: Option<String>,
    /// The release code it was released with, by the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuanceView {
    /// Its number, to refer to it (the console's Send to contact).
    pub id: i64,
    pub key_id: String,
    pub from_counter: i64,
    pub to_counter: i64,
    pub issued_at: String,
    pub signing_key_id: i64,
    pub request_code: String,
    pub response_code: String,
    pub channel: Channel,
    /// Who: the client's address for the portal and the program, the staff member for the console.
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    /// What the action changed (a JSON object).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub detail: Value,
}

/// `POST /api/v1/admin/issuances/{id}/send`: the response is queued for the
/// licence's technical contact.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailQueued {
    /// The contact's address it goes to.
    pub to: String,
}

/// The mail outbox: how many were sent, what waits (for its next attempt),
/// and what failed (`license-server mail status`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxStatus {
    pub sent: i64,
    pub waiting: Vec<OutboxEntry>,
    pub failed: Vec<OutboxEntry>,
    /// Mail that came in (`mail-in`) in the last 7 days and was answered by
    /// nothing, newest first (at most 100), with why.
    #[serde(default)]
    pub dropped: Vec<DroppedMail>,
}

/// A message that came in and was answered by nothing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DroppedMail {
    pub sender: String,
    /// Why: an automatic message (and which header said so), a reply to
    /// our own, a budget spent, an unknown serial, no code…
    pub reason: String,
    pub at_unix: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxEntry {
    pub id: i64,
    pub message_id: String,
    pub to: String,
    /// issued, resend, mail_in or notice.
    pub reason: String,
    pub attempts: i64,
    pub next_attempt_unix: i64,
    pub created_unix: i64,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}
