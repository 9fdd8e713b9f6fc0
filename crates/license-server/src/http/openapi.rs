//! `GET /api/openapi.json`: the API described in OpenAPI 3.1, generated from
//! the handlers' `#[utoipa::path]` attributes and the `license-api` types.

use std::sync::Arc;

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::OpenApi as Document;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Licence server",
        description = "Issues signed response codes for request codes and keeps every licence's history. \
            Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code`."
    ),
    components(schemas(license_api::Problem, license_api::ProblemCode)),
    modifiers(&Security),
    tags(
        (name = "public", description = "What the portal and programs call"),
        (name = "admin", description = "What the vendor's staff and automation call (bearer token or the console's session)"),
        (name = "console", description = "Signing in to the support console, and what it calls"),
        (name = "webhooks", description = "Endpoints the vendor's systems receive events at (Standard Webhooks: signed, retried, a delivery log)"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

/// Problem documents an operation answers with, described once and named
/// in the operations' `responses(...)`: each a type whose variants are the
/// statuses, all `application/problem+json` with a `Problem` body.
macro_rules! problems {
    ($($(#[doc = $what:literal])* $name:ident { $($(#[doc = $doc:literal])* $status:literal => $variant:ident),+ $(,)? })*) => {$(
        $(#[doc = $what])*
        #[derive(utoipa::IntoResponses)]
        #[allow(dead_code)]
        pub enum $name {
            $(
                $(#[doc = $doc])*
                #[response(status = $status, content_type = "application/problem+json")]
                $variant(license_api::Problem),
            )+
        }
    )*};
}

problems! {
    /// Every operation that reads or writes the database.
    Unavailable {
        /// `unavailable`: the database does not answer
        503 => Unavailable,
    }
    /// Every operation that takes a JSON body.
    BodyRefused {
        /// `payload_too_large`: over 4 KiB
        413 => TooLarge,
        /// `unsupported_media_type`: not `application/json`
        415 => NotJson,
    }
    /// Every admin operation that changes something.
    AdminOnly {
        /// `unauthorized`: no valid token
        401 => Unauthorized,
        /// `forbidden`: a support token
        403 => Forbidden,
    }
    /// Operations support and admins may both call.
    StaffOnly {
        /// `unauthorized`: no valid token
        401 => Unauthorized,
    }
    /// A body that does not read.
    InvalidBody {
        /// `invalid_body`: not the operation's JSON (`detail` names what is wrong, such as an unknown field)
        400 => InvalidBody,
    }
    /// A body that reads but breaks a rule.
    InvalidInput {
        /// `invalid_body` (not the operation's JSON), `invalid_input` (a value that breaks a rule: a bad serial, an unknown entitlement or product, a bad value, a name or password too short or long; `detail` says which)
        400 => InvalidInput,
    }
    /// A serial number in the path that does not read.
    BadSerial {
        /// `invalid_input`: not a serial number (its check symbol, or a character no serial has)
        400 => BadSerial,
    }
    /// A serial number and a key id in the path, one of which does not read.
    BadInstallation {
        /// `invalid_input`: not a serial number or key id
        400 => BadInstallation,
    }
    /// What the operation names does not exist.
    NotFound {
        /// `not_found`: no such licence, product, issuance, bound installation, active staff member, webhook endpoint or delivery (`detail` says which)
        404 => NotFound,
    }
    /// What the operation would make exists already.
    Conflict {
        /// `conflict`: the product number or name, the serial or the email exists, or every update counter is used
        409 => Conflict,
    }
    /// A code that does not read.
    CodeRefused {
        /// `malformed_code` (with `code_error` and `group`), `unknown_version`, `invalid_body`
        400 => CodeRefused,
    }
    /// A code that reads but is of another kind or product.
    WrongCode {
        /// `wrong_kind` (with `found_kind` and `expected_kind`), `wrong_product`
        422 => WrongCode,
    }
    /// A code for a serial number the server does not have.
    UnknownSerial {
        /// `unknown_serial`
        404 => UnknownSerial,
    }
    /// A request code the licence cannot answer.
    IssuanceRefused {
        /// `keyid_not_found`, `installation_limit`, `registration_required` (a new installation without the licence's registration code), `up_to_date`, `counter_not_issued`, `entitlement_mismatch`
        409 => IssuanceRefused,
    }
    /// A release code the licence cannot take.
    ReleaseRefused {
        /// `keyid_not_found` (the installation is not bound to this licence), `release_proof_mismatch`, `transfer_limit` (with `limit`)
        409 => ReleaseRefused,
    }
    /// A state change with the console's session from another site.
    CrossOrigin {
        /// `forbidden` (`cause`: `cross_origin`): a session used from another site
        403 => CrossOrigin,
    }
    /// Signing in with a wrong email or password.
    SignInRefused {
        /// `unauthorized` (`cause`: `sign_in`): the email or the password is wrong
        401 => SignInRefused,
    }
    /// A set-password link that cannot be used.
    SetupRefused {
        /// `unauthorized` (`cause`: `setup`): the link was used, expired or mistyped
        401 => SetupRefused,
    }
    /// An order sent again with its key and another body.
    KeyReused {
        /// `idempotency_key_reused`: this Idempotency-Key was sent within 24 hours with another body
        422 => KeyReused,
    }
    /// Mail asked for while mail is off.
    MailOff {
        /// `mail_off`: the server was started without --smtp-url
        409 => MailOff,
    }
}

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "license_session",
                "The console's session (`__Host-license_session` over https); state changes must come from the console's origin",
            ))),
        );
    }
}

pub async fn serve(doc: Arc<Document>) -> Json<Document> {
    Json((*doc).clone())
}
