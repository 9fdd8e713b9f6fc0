//! The HTTP surface: the public API the portal and programs call, the admin
//! and support API, health and metrics, and the built portal itself. Every
//! API operation is registered with its OpenAPI description (`utoipa`), so
//! the document at `/api/openapi.json` is generated from the handlers.

mod admin;
mod console;
mod extract;
mod idempotency;
pub mod language;
mod metrics;
mod openapi;
mod public;
mod rate_limit;
mod reports;
mod static_files;
mod webhooks;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::{any, get};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::catalog::ProductCache;
use crate::db::Db;
use crate::issuance::lookup::Lookups;
use crate::issuance::writer::Writer;
use crate::mail::Mailer;
use crate::settings::HttpSettings;
use crate::signing::SigningKeys;
use crate::webhooks::WebhookSettings;

pub use extract::ClientIp;
pub use metrics::Metrics;
pub use rate_limit::RateLimits;

/// Largest request body accepted by the API; a request code is under 200 bytes.
pub const BODY_LIMIT: usize = 4096;

pub struct Inner {
    pub db: Db,
    pub keys: Arc<SigningKeys>,
    pub products: ProductCache,
    /// Looks request codes up (together, on PostgreSQL).
    pub lookups: Lookups,
    /// Records issuances (group commit).
    pub writer: Writer,
    pub metrics: Metrics,
    pub limits: RateLimits,
    pub settings: HttpSettings,
    pub portal: static_files::Portal,
    /// Mail to licences' contacts, when the server has it.
    pub mailer: Option<Mailer>,
    /// Managing webhooks: `None` in `mail-in`, which only records events.
    pub webhooks: Option<WebhookSettings>,
}

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Must be called inside a tokio runtime: it starts the writer task (and on PostgreSQL the lookup task) there.
    pub fn new(
        db: Db,
        keys: SigningKeys,
        settings: HttpSettings,
        mailer: Option<Mailer>,
        webhooks: Option<WebhookSettings>,
    ) -> Self {
        AppState(Arc::new(Inner {
            portal: static_files::Portal::load(settings.static_dir.as_deref()),
            keys: Arc::new(keys),
            products: ProductCache::default(),
            lookups: Lookups::start(&db),
            writer: Writer::start(&db, mailer.clone()),
            mailer,
            webhooks,
            db,
            metrics: Metrics::new(),
            limits: RateLimits::new(settings.rate_limit_ip, settings.rate_limit_serial),
            settings,
        }))
    }

    /// Who tells contacts of new licences and upgrades: `None` with mail off.
    pub fn announce(&self) -> Option<crate::mail::Announce<'_>> {
        let public_url = self.settings.public_url.as_deref();
        self.mailer.as_ref().map(|m| crate::mail::Announce { mail: &m.settings, public_url })
    }

    /// The issuer of response codes, over this state.
    pub fn issuer(&self) -> crate::issuance::Issuer<'_> {
        crate::issuance::Issuer {
            db: &self.db,
            keys: &self.keys,
            products: &self.products,
            lookups: &self.lookups,
            writer: &self.writer,
        }
    }
}

/// The API's operations with their OpenAPI descriptions, and the document.
fn api() -> (Router<AppState>, Router<AppState>, utoipa::openapi::OpenApi) {
    let public = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(public::activate))
        .routes(routes!(public::release))
        .routes(routes!(public::keys))
        .routes(routes!(public::products))
        .routes(routes!(public::trust))
        .routes(routes!(public::lookup_serials));
    let rest = OpenApiRouter::new()
        .routes(routes!(admin::add_product))
        .routes(routes!(admin::create_license))
        .routes(routes!(admin::show_license, admin::change_license))
        .routes(routes!(admin::queue_upgrade))
        .routes(routes!(admin::remind_now))
        .routes(routes!(admin::mail_status))
        .routes(routes!(reports::issuances))
        .routes(routes!(reports::waiting_upgrades))
        .routes(routes!(reports::installations))
        .routes(routes!(reports::near_limit))
        .routes(routes!(admin::release_installation))
        .routes(routes!(admin::create_token))
        .routes(routes!(console::sign_in, console::whoami, console::sign_out))
        .routes(routes!(console::set_password))
        .routes(routes!(console::inspect))
        .routes(routes!(console::answer))
        .routes(routes!(console::list_staff, console::add_staff))
        .routes(routes!(console::disable_staff))
        .routes(routes!(console::new_staff_link))
        .routes(routes!(console::enable_staff))
        .routes(routes!(console::send_to_contact))
        .routes(routes!(webhooks::add_webhook, webhooks::list_webhooks))
        .routes(routes!(webhooks::remove_webhook))
        .routes(routes!(webhooks::rotate_secret))
        .routes(routes!(webhooks::list_deliveries))
        .routes(routes!(webhooks::send_again))
        .routes(routes!(public::healthz))
        .routes(routes!(public::readyz))
        .routes(routes!(metrics::render));
    let (public, mut doc) = public.split_for_parts();
    let (rest, rest_doc) = rest.split_for_parts();
    doc.merge(rest_doc);
    (public, rest, doc)
}

/// The OpenAPI document of this server's API.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    api().2
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let (public, rest, doc) = api();
    // A method a path does not take is a problem document too. Set before
    // the CORS layer, which must still answer a preflight (OPTIONS) first.
    let mut public = public.method_not_allowed_fallback(public::method_not_allowed);
    let rest = rest.method_not_allowed_fallback(public::method_not_allowed);
    if !state.settings.allow_origins.is_empty() {
        let origins: Vec<HeaderValue> =
            state.settings.allow_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
        public = public.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(origins))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE]),
        );
    }
    // Answers of the API carry personal data (sessions, licences, staff, codes): never stored by a cache.
    let no_store = || header_layer(header::CACHE_CONTROL, "no-store");
    let (public, rest) = (public.layer(no_store()), rest.layer(no_store()));
    let doc = Arc::new(doc);
    let csp = state.portal.content_security_policy();
    Router::new()
        .merge(public)
        .merge(rest)
        .route(license_api::paths::OPENAPI, get(move || openapi::serve(doc.clone())))
        .route("/api/{*rest}", any(public::api_not_found))
        .route_layer(axum::middleware::from_fn(metrics::tag_route))
        .merge(static_files::routes(state.portal.dir()))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(metrics::trace_layer(state.clone()))
        .layer(header_layer(header::CONTENT_SECURITY_POLICY, &csp))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header_layer(header::REFERRER_POLICY, "no-referrer"))
        .layer(header_layer(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ))
        .layer(header_layer(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
        .layer(axum::middleware::from_fn(language::negotiate))
        .with_state(state)
}

fn header_layer(name: HeaderName, value: &str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_str(value).expect("valid header value"))
}
