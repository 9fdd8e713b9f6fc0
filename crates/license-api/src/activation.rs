//! `POST /api/v1/activations`: a request code in, a signed response code out.

/// How a program or page reached the server, as the audit log records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClientChannel {
    /// The customer's page (the default).
    #[default]
    Portal,
    /// The program itself ("Get it now").
    Online,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivationRequest {
    /// The request code as the customer typed or pasted it: case, spaces,
    /// dashes, line breaks and mail quoting are ignored.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 1000,
            pattern = "^[0-9A-TV-Za-tv-z\\s>\\[\\]\\-\\u2010-\\u2014\\u2212]+$",
            example = "H003HY-4D2PFD-2D028M-T5CY4Y-TQKFFA-000QE5-R3GTR8-4XCS3R"
        )
    )]
    pub request_code: String,
    /// Who asks, for the audit log; `portal` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<ClientChannel>,
}

/// One entitlement that changes, as people read it ("remote_users": "1" → "3").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntitlementChange {
    pub name: String,
    pub from: String,
    pub to: String,
}

impl EntitlementChange {
    /// The change as people read it: `Remote users: 1 → 3`.
    pub fn in_words(&self) -> String {
        format!("{}: {} → {}", humanize(&self.name), self.from, self.to)
    }
}

/// An entitlement's name as people read it: `remote_users` → `Remote users`.
pub fn humanize(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    // ASCII: entitlement names are identifiers (no Unicode case tables in the wasm).
    chars.next().map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect()).unwrap_or_default()
}

impl From<&license_codes::Change> for EntitlementChange {
    fn from(c: &license_codes::Change) -> Self {
        EntitlementChange { name: c.name.clone(), from: c.from.clone(), to: c.to.clone() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductRef {
    pub id: u16,
    pub name: String,
}

/// The answer: one cumulative response from the installation's counter to
/// the licence's latest state.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activation {
    pub response_code: String,
    pub changes: Vec<EntitlementChange>,
    /// RFC 3339, UTC: when it was first issued.
    pub issued_at: String,
    /// The same request was answered before: this is that response, byte for byte.
    pub already_issued: bool,
    pub serial: String,
    pub product: ProductRef,
    pub from_counter: u16,
    pub to_counter: u16,
    pub signing_key_id: u8,
    /// A copy was queued by mail to the licence's technical contact: their
    /// address, masked (`t***@example.com`). Absent when mail is off or the
    /// response was issued before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailed_to: Option<String>,
}
