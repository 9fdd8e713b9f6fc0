//! The one error type of the API. Each variant becomes a problem document
//! (`license_api::Problem`): its code, the members a client explains it
//! with, and the catalogue's words for it.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use license_api::{Problem, ProblemCode};
use license_codes::messages::{Audience, Lang};
use license_codes::CodeError;

#[derive(Debug, Clone)]
pub enum ApiError {
    /// The request code does not read (or is of another kind or version).
    Code(CodeError),
    UnknownSerial {
        serial: String,
    },
    WrongProduct {
        serial: String,
        licensed: u16,
        requested: u16,
    },
    KeyIdNotFound {
        serial: String,
        key_id: String,
        released: bool,
    },
    InstallationLimit {
        serial: String,
        max: i64,
    },
    /// A new installation of a licence with a registration code, asked for
    /// without its tag (`given`: with a tag that is not this licence's).
    RegistrationRequired {
        serial: String,
        given: bool,
    },
    UpToDate {
        serial: String,
        counter: u16,
    },
    CounterNotIssued {
        counter: u16,
        latest: i64,
    },
    EntitlementMismatch {
        counter: u16,
    },
    /// A release code whose proof is not that of the response its installation holds.
    ReleaseProofMismatch {
        serial: String,
        key_id: String,
    },
    /// The licence's customer releases in 365 days are used up.
    TransferLimit {
        serial: String,
        limit: u16,
    },
    RateLimited {
        retry_after: u64,
    },
    PayloadTooLarge {
        limit: usize,
    },
    UnsupportedMediaType,
    InvalidBody(String),
    InvalidInput(String),
    /// No valid credentials: why, as the problem's `cause`.
    Unauthenticated(crate::staff::Cause),
    Forbidden {
        role: String,
    },
    /// A state-changing request with the console's session from another origin.
    CrossOrigin {
        origin: String,
    },

    NotFound(String),
    Conflict(String),
    /// Mail was asked for and the server has none (no --smtp-url).
    MailOff,
    /// A method the path does not take: which, and the path.
    MethodNotAllowed(String),
    /// An `Idempotency-Key` sent again within 24 hours with another body.
    IdempotencyKeyReused,
    Unavailable,
    /// A bug: the message is logged, never sent.
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
    pub fn code(&self) -> ProblemCode {
        match self {
            ApiError::Code(CodeError::WrongKind { .. }) => ProblemCode::WrongKind,
            ApiError::Code(CodeError::UnknownVersion { .. }) => ProblemCode::UnknownVersion,
            ApiError::Code(_) => ProblemCode::MalformedCode,
            ApiError::UnknownSerial { .. } => ProblemCode::UnknownSerial,
            ApiError::WrongProduct { .. } => ProblemCode::WrongProduct,
            ApiError::KeyIdNotFound { .. } => ProblemCode::KeyidNotFound,
            ApiError::InstallationLimit { .. } => ProblemCode::InstallationLimit,
            ApiError::RegistrationRequired { .. } => ProblemCode::RegistrationRequired,
            ApiError::UpToDate { .. } => ProblemCode::UpToDate,
            ApiError::CounterNotIssued { .. } => ProblemCode::CounterNotIssued,
            ApiError::EntitlementMismatch { .. } => ProblemCode::EntitlementMismatch,
            ApiError::ReleaseProofMismatch { .. } => ProblemCode::ReleaseProofMismatch,
            ApiError::TransferLimit { .. } => ProblemCode::TransferLimit,
            ApiError::RateLimited { .. } => ProblemCode::RateLimited,
            ApiError::PayloadTooLarge { .. } => ProblemCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType => ProblemCode::UnsupportedMediaType,
            ApiError::InvalidBody(_) => ProblemCode::InvalidBody,
            ApiError::InvalidInput(_) => ProblemCode::InvalidInput,
            ApiError::Unauthenticated(_) => ProblemCode::Unauthorized,
            ApiError::Forbidden { .. } | ApiError::CrossOrigin { .. } => ProblemCode::Forbidden,
            ApiError::NotFound(_) => ProblemCode::NotFound,
            ApiError::Conflict(_) => ProblemCode::Conflict,
            ApiError::MailOff => ProblemCode::MailOff,
            ApiError::MethodNotAllowed(_) => ProblemCode::MethodNotAllowed,
            ApiError::IdempotencyKeyReused => ProblemCode::IdempotencyKeyReused,
            ApiError::Unavailable => ProblemCode::Unavailable,
            ApiError::Internal(_) => ProblemCode::Internal,
        }
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The problem document, in `lang`.
    pub fn problem(&self, lang: Lang) -> Problem {
        let mut p = Problem::new(self.code());
        match self {
            ApiError::Code(e) => {
                p.code_error = Some(e.code().to_string());
                p.group = e.group();
                match e {
                    CodeError::WrongKind { expected, found } => {
                        (p.found_kind, p.expected_kind) = (Some(*found), Some(*expected))
                    }
                    CodeError::UnknownVersion { version, .. } => p.version = Some(*version),
                    _ => {
                        let words = e.explain(lang, Audience::Program);
                        p.detail = words.meaning;
                        p.next_step = words.next_step;
                    }
                }
            }
            ApiError::UnknownSerial { serial } => p.serial = Some(serial.clone()),
            ApiError::WrongProduct { serial, licensed, requested } => {
                (p.serial, p.licensed, p.requested) = (Some(serial.clone()), Some(*licensed), Some(*requested))
            }
            ApiError::KeyIdNotFound { serial, key_id, released } => {
                (p.serial, p.key_id, p.released) = (Some(serial.clone()), Some(key_id.clone()), Some(*released))
            }
            ApiError::InstallationLimit { serial, max } => {
                (p.serial, p.max_installations) = (Some(serial.clone()), Some(*max))
            }
            ApiError::RegistrationRequired { serial, given } => {
                (p.serial, p.registration_code_given) = (Some(serial.clone()), Some(*given))
            }
            ApiError::UpToDate { serial, counter } => (p.serial, p.counter) = (Some(serial.clone()), Some(*counter)),
            ApiError::CounterNotIssued { counter, latest } => (p.counter, p.latest) = (Some(*counter), Some(*latest)),
            ApiError::EntitlementMismatch { counter } => p.counter = Some(*counter),
            ApiError::ReleaseProofMismatch { serial, key_id } => {
                (p.serial, p.key_id) = (Some(serial.clone()), Some(key_id.clone()))
            }
            ApiError::TransferLimit { serial, limit } => {
                (p.serial, p.limit) = (Some(serial.clone()), Some(usize::from(*limit)))
            }
            ApiError::RateLimited { retry_after } => p.retry_after = Some(*retry_after),
            ApiError::PayloadTooLarge { limit } => p.limit = Some(*limit),
            ApiError::InvalidBody(reason) | ApiError::InvalidInput(reason) => p.reason = Some(reason.clone()),
            ApiError::Forbidden { role } => (p.cause, p.role) = (Some("role".into()), Some(role.clone())),
            ApiError::CrossOrigin { origin } => {
                (p.cause, p.origin) = (Some("cross_origin".into()), Some(origin.clone()))
            }
            ApiError::Unauthenticated(cause) => p.cause = Some(cause.as_str().into()),
            ApiError::NotFound(what) | ApiError::Conflict(what) | ApiError::MethodNotAllowed(what) => {
                p.what = Some(what.clone())
            }
            ApiError::UnsupportedMediaType
            | ApiError::MailOff
            | ApiError::IdempotencyKeyReused
            | ApiError::Unavailable
            | ApiError::Internal(_) => {}
        }
        p.explained(lang)
    }

    /// What to do next (English), for the command line.
    pub fn next_step(&self) -> String {
        self.problem(Lang::En).next_step
    }
}

/// The problem's `detail` in English, as the command line prints it.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.problem(Lang::En).detail)
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(message) = &self {
            tracing::error!(error = %message, "internal error");
        }
        let problem = self.problem(crate::http::language::current());
        let mut response = (self.status(), axum::Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if let ApiError::RateLimited { retry_after } = self {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        }
        // Metrics count errors by code; the trace layer reads this marker.
        response.extensions_mut().insert(self.code());
        response
    }
}
