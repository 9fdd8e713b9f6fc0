//! `POST /api/v1/releases`: a release code in; the installation's place freed.

use crate::ProductRef;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReleaseRequest {
    /// The release code as the customer typed or pasted it.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 1000,
            pattern = "^[0-9A-TV-Za-tv-z\\s>\\[\\]\\-\\u2010-\\u2014\\u2212]+$",
            example = "1003RV-…"
        )
    )]
    pub release_code: String,
}

/// The licence after the release.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReleaseAnswer {
    pub product: ProductRef,
    pub serial: String,
    /// The installation released (16 hex digits).
    pub key_id: String,
    pub installations_used: i64,
    pub installations_allowed: i64,
    /// RFC 3339, UTC: when it was released (the first time).
    pub released_at: String,
    /// It was released before: this is that release, with its original date.
    pub already_released: bool,
}
