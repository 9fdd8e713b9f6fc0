//! `GET /api/openapi.json`: the API described in OpenAPI 3.1, generated from
//! the handlers' `#[utoipa::path]` attributes and the `license-api` types.

use std::sync::Arc;

use axum::Json;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
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
        (name = "admin", description = "What the vendor's staff and automation call (bearer token)"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

pub async fn serve(doc: Arc<Document>) -> Json<Document> {
    Json((*doc).clone())
}
