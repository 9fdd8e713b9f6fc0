//! The one error type of the API, answered as RFC 9457 problem+json with a
//! stable machine-readable `code`, a human `detail` and a `next_step`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use license_codes::CodeError;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    Code(CodeError),
    #[error("no licence has serial number {serial}")]
    UnknownSerial { serial: String },
    #[error(
        "serial number {serial} is a licence for product {licensed}, but the request code is from product {requested}"
    )]
    WrongProduct { serial: String, licensed: u16, requested: u16 },
    #[error("KEYID_NOT_FOUND: installation {key_id} is not bound to licence {serial}{}", if *.released { " (it was released)" } else { "" })]
    KeyIdNotFound { serial: String, key_id: String, released: bool },
    #[error("licence {serial} is already installed on {max} computer(s), its limit")]
    InstallationLimit { serial: String, max: i64 },
    #[error("this installation is up to date: it holds update {counter}, the latest for licence {serial}")]
    UpToDate { serial: String, counter: u16 },
    #[error(
        "the request code says update {counter}, which was never issued to this installation (the latest is {latest})"
    )]
    CounterNotIssued { counter: u16, latest: i64 },
    #[error("the request code's entitlements do not match what was issued at update {counter}: the licence was changed or has diverged")]
    EntitlementMismatch { counter: u16 },
    #[error("too many requests; try again in {retry_after} seconds")]
    RateLimited { retry_after: u64 },
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("the request body must be JSON (Content-Type: application/json)")]
    UnsupportedMediaType,
    #[error("the request body is not valid: {0}")]
    InvalidBody(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("missing or invalid bearer token")]
    Unauthorized,
    #[error("this token's role ({role}) may not do this; it needs the admin role")]
    Forbidden { role: String },
    #[error("{0} was not found")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("the database is unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal(String),
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => ApiError::Unavailable,
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<CodeError> for ApiError {
    fn from(e: CodeError) -> Self {
        ApiError::Code(e)
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Code(CodeError::WrongKind { .. }) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Code(_) | ApiError::InvalidBody(_) | ApiError::InvalidInput(_) => StatusCode::BAD_REQUEST,
            ApiError::UnknownSerial { .. } | ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::WrongProduct { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::KeyIdNotFound { .. }
            | ApiError::InstallationLimit { .. }
            | ApiError::UpToDate { .. }
            | ApiError::CounterNotIssued { .. }
            | ApiError::EntitlementMismatch { .. }
            | ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine-readable name (README lists them all).
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Code(CodeError::WrongKind { .. }) => "wrong_kind",
            ApiError::Code(CodeError::UnknownVersion { .. }) => "unknown_version",
            ApiError::Code(_) => "malformed_code",
            ApiError::UnknownSerial { .. } => "unknown_serial",
            ApiError::WrongProduct { .. } => "wrong_product",
            ApiError::KeyIdNotFound { .. } => "keyid_not_found",
            ApiError::InstallationLimit { .. } => "installation_limit",
            ApiError::UpToDate { .. } => "up_to_date",
            ApiError::CounterNotIssued { .. } => "counter_not_issued",
            ApiError::EntitlementMismatch { .. } => "entitlement_mismatch",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::InvalidBody(_) => "invalid_body",
            ApiError::InvalidInput(_) => "invalid_input",
            ApiError::Unauthorized => "unauthorized",
            ApiError::Forbidden { .. } => "forbidden",
            ApiError::NotFound(_) => "not_found",
            ApiError::Conflict(_) => "conflict",
            ApiError::Unavailable => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::Code(CodeError::WrongKind { .. }) => "Not a request code",
            ApiError::Code(CodeError::UnknownVersion { .. }) => "Unknown code format",
            ApiError::Code(_) => "The request code has a typo",
            ApiError::UnknownSerial { .. } => "Unknown serial number",
            ApiError::WrongProduct { .. } => "Serial number of another product",
            ApiError::KeyIdNotFound { .. } => "Another installation",
            ApiError::InstallationLimit { .. } => "Installation limit reached",
            ApiError::UpToDate { .. } => "Nothing waiting",
            ApiError::CounterNotIssued { .. } => "Update never issued",
            ApiError::EntitlementMismatch { .. } => "Licence does not match its history",
            ApiError::RateLimited { .. } => "Too many requests",
            ApiError::PayloadTooLarge { .. } => "Request too large",
            ApiError::UnsupportedMediaType => "Unsupported media type",
            ApiError::InvalidBody(_) => "Invalid request body",
            ApiError::InvalidInput(_) => "Invalid input",
            ApiError::Unauthorized => "Unauthorized",
            ApiError::Forbidden { .. } => "Forbidden",
            ApiError::NotFound(_) => "Not found",
            ApiError::Conflict(_) => "Conflict",
            ApiError::Unavailable => "Service unavailable",
            ApiError::Internal(_) => "Internal error",
        }
    }

    pub fn next_step(&self) -> String {
        match self {
            ApiError::Code(e) => e.next_step(),
            ApiError::UnknownSerial { .. } => "Check the serial number in your purchase confirmation email; if it is right, contact support with your purchase details.".into(),
            ApiError::WrongProduct { .. } => "Create the code in the program this serial number was bought for, or contact support.".into(),
            ApiError::KeyIdNotFound { .. } => "Create the code on the computer the licence is installed on. If you moved the licence to a new computer, ask support to release the old installation.".into(),
            ApiError::InstallationLimit { .. } => "Buy another installation, or ask support to release a computer you no longer use.".into(),
            ApiError::UpToDate { .. } => "Nothing to do: the program already has every update. If you expected one, wait for the email saying your purchase is ready, then create a new code.".into(),
            ApiError::CounterNotIssued { .. } => "Create a new code in the program and submit it; if this persists, send the code to support.".into(),
            ApiError::EntitlementMismatch { .. } => "Contact support and send them this request code: the licence on that computer differs from the vendor's records.".into(),
            ApiError::RateLimited { .. } => "Wait a moment, then submit again.".into(),
            ApiError::PayloadTooLarge { .. } => "Send only the request code.".into(),
            ApiError::UnsupportedMediaType => "Send a JSON body with Content-Type: application/json.".into(),
            ApiError::InvalidBody(_) => "Send {\"request_code\": \"...\"} and nothing else.".into(),
            ApiError::InvalidInput(_) => "Correct the input and try again.".into(),
            ApiError::Unauthorized => "Send Authorization: Bearer <token>; create one with `license-server token create`.".into(),
            ApiError::Forbidden { .. } => "Use a token with the admin role.".into(),
            ApiError::NotFound(_) => "Check the identifier.".into(),
            ApiError::Conflict(_) => "Use another identifier, or change the existing one.".into(),
            ApiError::Unavailable | ApiError::Internal(_) => "Try again in a minute; if it persists, contact the vendor.".into(),
        }
    }

    /// The problem document. Extension members carry the details a client
    /// needs to explain the error (the group with the typo, the counter…).
    pub fn problem(&self) -> Value {
        let detail = match self {
            ApiError::Internal(_) => "The server failed; the error was logged.".to_string(),
            other => other.to_string(),
        };
        let mut doc = json!({
            "type": format!("urn:license-server:problem:{}", self.code()),
            "title": self.title(),
            "status": self.status().as_u16(),
            "detail": detail,
            "code": self.code(),
            "next_step": self.next_step(),
        });
        let extra: Map<String, Value> = match self {
            ApiError::Code(e) => {
                let mut m = Map::new();
                m.insert("code_error".into(), e.code().into());
                if let Some(g) = e.group() {
                    m.insert("group".into(), g.into());
                }
                if let CodeError::WrongKind { found, .. } = e {
                    m.insert("found_kind".into(), json!(found));
                }
                m
            }
            ApiError::UpToDate { counter, .. } | ApiError::EntitlementMismatch { counter } => {
                [("counter".to_string(), json!(counter))].into_iter().collect()
            }
            ApiError::CounterNotIssued { counter, latest } => {
                [("counter".to_string(), json!(counter)), ("latest".to_string(), json!(latest))].into_iter().collect()
            }
            ApiError::InstallationLimit { max, .. } => {
                [("max_installations".to_string(), json!(max))].into_iter().collect()
            }
            ApiError::RateLimited { retry_after } => {
                [("retry_after".to_string(), json!(retry_after))].into_iter().collect()
            }
            _ => Map::new(),
        };
        if let Value::Object(map) = &mut doc {
            map.extend(extra);
        }
        doc
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(message) = &self {
            tracing::error!(error = %message, "internal error");
        }
        let mut response = (self.status(), axum::Json(self.problem())).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if let ApiError::RateLimited { retry_after } = self {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        }
        // Metrics count errors by code; the middleware reads this marker.
        response.extensions_mut().insert(ErrorCode(self.code()));
        response
    }
}

/// Marks a response with the problem code it carries, for metrics.
#[derive(Debug, Clone, Copy)]
pub struct ErrorCode(pub &'static str);
