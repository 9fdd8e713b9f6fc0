//! The HTTP surface: the public API the portal and programs call, the admin
//! and support API, health and metrics, and the built portal itself.

mod admin;
mod extract;
mod metrics;
mod openapi;
mod public;
mod rate_limit;
mod static_files;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::{delete, get, post};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::activation::ProductCache;
use crate::batch::Batcher;
use crate::db::{Db, Dialect};
use crate::signing::SigningKeys;

pub use metrics::Metrics;
pub use rate_limit::RateLimits;

/// Largest request body accepted by the API; a request code is under 200 bytes.
pub const BODY_LIMIT: usize = 4096;

/// How the HTTP layer is set up.
#[derive(Debug, Clone, Default)]
pub struct HttpOptions {
    /// The built portal (Trunk's `dist/`); `None` or missing serves a notice.
    pub static_dir: Option<PathBuf>,
    /// Origins allowed to call the public API from a browser (CORS).
    pub allow_origins: Vec<String>,
    /// Requests per minute per client IP on the activation API (0: no limit).
    pub rate_limit_ip: u32,
    /// Requests per minute per serial number (0: no limit).
    pub rate_limit_serial: u32,
    /// Take the client IP from X-Forwarded-For (behind a trusted proxy).
    pub trust_forwarded_for: bool,
}

pub struct Inner {
    pub db: Db,
    pub keys: Arc<SigningKeys>,
    pub products: Arc<ProductCache>,
    /// Group commit of issuances on SQLite (see `batch`).
    pub batcher: Option<Batcher>,
    pub metrics: Metrics,
    pub limits: RateLimits,
    pub options: HttpOptions,
    pub portal: static_files::Portal,
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
    /// Must be called inside a tokio runtime: on SQLite it starts the
    /// group-commit writer and the WAL checkpointer there.
    pub fn new(db: Db, keys: SigningKeys, options: HttpOptions) -> Self {
        let portal = static_files::Portal::load(options.static_dir.as_deref());
        let keys = Arc::new(keys);
        let products = Arc::new(ProductCache::default());
        db.spawn_checkpointer();
        let batcher =
            (db.dialect == Dialect::Sqlite).then(|| Batcher::start(db.clone(), keys.clone(), products.clone()));
        AppState(Arc::new(Inner {
            db,
            keys,
            products,
            batcher,
            metrics: Metrics::new(),
            limits: RateLimits::new(options.rate_limit_ip, options.rate_limit_serial),
            options,
            portal,
        }))
    }
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    let mut public_api = Router::new()
        .route("/api/v1/activations", post(public::activate))
        .route("/api/v1/keys", get(public::keys))
        .route("/api/v1/products", get(public::products))
        .route("/api/v1/trust", get(public::trust));
    if !state.options.allow_origins.is_empty() {
        let origins: Vec<HeaderValue> =
            state.options.allow_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
        public_api = public_api.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(origins))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE]),
        );
    }
    let admin_api = Router::new()
        .route("/api/v1/admin/products", post(admin::add_product))
        .route("/api/v1/admin/licenses", post(admin::create_license))
        .route("/api/v1/admin/licenses/{serial}", get(admin::show_license))
        .route("/api/v1/admin/licenses/{serial}/upgrades", post(admin::queue_upgrade))
        .route("/api/v1/admin/licenses/{serial}/installations/{key_id}", delete(admin::release_installation))
        .route("/api/v1/admin/tokens", post(admin::create_token));

    let csp = state.portal.content_security_policy();
    Router::new()
        .merge(public_api)
        .merge(admin_api)
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/{*rest}", get(public::api_not_found).post(public::api_not_found))
        .route("/healthz", get(public::healthz))
        .route("/readyz", get(public::readyz))
        .route("/metrics", get(metrics::render))
        .merge(static_files::routes(state.portal.dir()))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::observe))
        .layer(header_layer(header::CONTENT_SECURITY_POLICY, &csp))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header_layer(header::REFERRER_POLICY, "no-referrer"))
        .layer(header_layer(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ))
        .layer(header_layer(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
        .with_state(state)
}

fn header_layer(name: HeaderName, value: &str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_str(value).expect("valid header value"))
}
