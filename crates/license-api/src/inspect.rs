//! `POST /api/v1/admin/inspect`: whatever a customer sent (a serial number,
//! a request code, a response code or an email address), and what the
//! server knows about it.

use crate::{EntitlementChange, InstallationView, IssuanceView, LicenseView, Problem, ProductRef, StateView};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InspectQuery {
    /// A code in any of the forms the portal accepts, or a contact's email address.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub query: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InspectedKind {
    Serial,
    Request,
    Response,
    Release,
    Contact,
}

/// What the server knows. The members present depend on `kind`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inspection {
    pub kind: InspectedKind,
    /// The licence the code names (serial, request and response codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<LicenseView>,
    /// Request and response codes: the installation they name, if it was ever bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installation: Option<InstallationView>,
    /// Request codes: the key id the code carries (16 hex digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// Request codes: the update counter the installation holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<u16>,
    /// Request codes: the state at that counter, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holds: Option<StateView>,
    /// Request codes: whether the entitlements it holds are that state's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_matches: Option<bool>,
    /// Request codes: what submitting it would give, or why it would be refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Response codes: the issuance it is, if this server issued it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuance: Option<IssuanceView>,
    /// Response codes: whether it is still the newest issued to that installation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_for_installation: Option<bool>,
    /// Contact email addresses: the licences on file for it.
    #[serde(default)]
    pub licenses: Vec<LicenseSummary>,
}

/// What submitting a request code would do now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    /// The response it would get (or got before, when `already_issued`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub would_issue: Option<WouldIssue>,
    /// Why it would be refused: the problem the portal would show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WouldIssue {
    pub from_counter: u16,
    pub to_counter: u16,
    pub changes: Vec<EntitlementChange>,
    /// This exact request was answered before; submitting it gets that response again.
    pub already_issued: bool,
}

/// One licence in a list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenseSummary {
    pub serial: String,
    pub product: ProductRef,
    pub contact_email: String,
    pub bound_installations: i64,
    pub max_installations: i64,
    pub latest_counter: i64,
}
