//! Staff accounts and their sessions: who signs in to the support console.

use crate::Role;

/// `POST /api/v1/session`
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 256))]
    pub password: String,
}

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionView {
    pub email: String,
    pub role: Role,
    /// Whether this server sends mail (Send to contact works).
    #[serde(default)]
    pub mail: bool,
    /// A reseller's products (the licences it may create).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<String>,
}

/// `POST /api/v1/session/password`: a new staff member sets a password with
/// the one-time token of their link.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub token: String,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: String,
}

/// `POST /api/v1/admin/staff`
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewStaff {
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: String,
    pub role: Role,
    /// For a reseller: the products (names) it sells; it creates licences of
    /// these only. Required for `reseller`, refused for the other roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<String>,
}

/// A staff member just added, with the one-time link that sets their password.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAdded {
    pub email: String,
    pub role: Role,
    /// Valid for 72 hours, once. A full URL when the server has
    /// `--public-url`; else the path (`/console/#setup=…`) to put after the
    /// server's address (links are never built from a request's `Host`).
    pub setup_link: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffView {
    pub email: String,
    pub role: Role,
    pub created_at: String,
    /// Whether the password was set (the one-time link used).
    pub password_set: bool,
    pub disabled_at: Option<String>,
    /// A reseller's products.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<String>,
}

/// `GET /api/v1/admin/staff`
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffList {
    pub staff: Vec<StaffView>,
}
