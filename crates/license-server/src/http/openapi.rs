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
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

/// Every operation that reads or writes the database.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum Unavailable {
    /// `unavailable`: the database does not answer
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(license_api::Problem),
}

/// Every operation that takes a JSON body.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum BodyRefused {
    /// `payload_too_large`: over 4 KiB
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(license_api::Problem),
    /// `unsupported_media_type`: not `application/json`
    #[response(status = 415, content_type = "application/problem+json")]
    NotJson(license_api::Problem),
}

/// Every admin operation that changes something.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum AdminOnly {
    /// `unauthorized`: no valid token
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(license_api::Problem),
    /// `forbidden`: a support token
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(license_api::Problem),
}

/// Operations support and admins may both call.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum StaffOnly {
    /// `unauthorized`: no valid token
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(license_api::Problem),
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
