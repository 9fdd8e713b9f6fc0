//! Prometheus metrics at `/metrics`: issuances, repeats, errors by problem
//! code, and activation latency.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use super::AppState;
use crate::error::ErrorCode;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabel {
    code: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabel {
    status: u16,
}

pub struct Metrics {
    registry: Registry,
    pub issuances: Counter,
    pub repeats: Counter,
    errors: Family<CodeLabel, Counter>,
    responses: Family<StatusLabel, Counter>,
    activation_seconds: Histogram,
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::default();
        let issuances = Counter::default();
        let repeats = Counter::default();
        let errors = Family::<CodeLabel, Counter>::default();
        let responses = Family::<StatusLabel, Counter>::default();
        let activation_seconds = Histogram::new(exponential_buckets(0.0001, 2.0, 16));
        registry.register("license_issuances", "New response codes issued", issuances.clone());
        registry.register("license_repeats", "Requests answered with a response issued before", repeats.clone());
        registry.register("license_errors", "Problem responses by code", errors.clone());
        registry.register("license_http_responses", "HTTP responses by status", responses.clone());
        registry.register(
            "license_activation_duration_seconds",
            "Time to answer POST /api/v1/activations",
            activation_seconds.clone(),
        );
        Self { registry, issuances, repeats, errors, responses, activation_seconds }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Counts every response and times activations.
pub async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_activation = request.uri().path() == "/api/v1/activations";
    let started = Instant::now();
    let response = next.run(request).await;
    if is_activation {
        state.metrics.activation_seconds.observe(started.elapsed().as_secs_f64());
    }
    state.metrics.responses.get_or_create(&StatusLabel { status: response.status().as_u16() }).inc();
    if let Some(ErrorCode(code)) = response.extensions().get::<ErrorCode>() {
        state.metrics.errors.get_or_create(&CodeLabel { code: (*code).to_string() }).inc();
    }
    response
}

pub async fn render(State(state): State<AppState>) -> Response {
    let mut body = String::new();
    if encode(&mut body, &state.metrics.registry).is_err() {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], body).into_response()
}
