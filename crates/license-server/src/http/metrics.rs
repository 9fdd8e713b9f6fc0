//! Request logging and Prometheus metrics, both through tower-http's
//! `TraceLayer` and labelled by the matched route: requests by route and
//! status, their durations, errors by problem code, issuances and repeats.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Response};
use axum::middleware::Next;
use axum::response::IntoResponse;
use license_api::{paths, ProblemCode};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::TraceLayer;
use tracing::Span;

use super::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabel {
    code: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteStatus {
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabel {
    route: String,
}

pub struct Metrics {
    registry: Registry,
    pub issuances: Counter,
    pub repeats: Counter,
    errors: Family<CodeLabel, Counter>,
    responses: Family<RouteStatus, Counter>,
    durations: Family<RouteLabel, Histogram>,
    activation_seconds: Histogram,
    /// The mail sender's attempts, in this process.
    pub mail: crate::mail::sender::MailCounters,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0001, 2.0, 16))
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::default();
        let issuances = Counter::default();
        let repeats = Counter::default();
        let errors = Family::<CodeLabel, Counter>::default();
        let responses = Family::<RouteStatus, Counter>::default();
        let durations = Family::<RouteLabel, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        let activation_seconds = latency_histogram();
        registry.register("license_issuances", "New response codes issued", issuances.clone());
        registry.register("license_repeats", "Requests answered with a response issued before", repeats.clone());
        registry.register("license_errors", "Problem responses by code", errors.clone());
        registry.register("license_http_responses", "HTTP responses by matched route and status", responses.clone());
        registry.register(
            "license_http_request_duration_seconds",
            "Time to answer, by matched route",
            durations.clone(),
        );
        registry.register(
            "license_activation_duration_seconds",
            "Time to answer POST /api/v1/activations",
            activation_seconds.clone(),
        );
        let mail = crate::mail::sender::MailCounters::default();
        registry.register("license_mail_sent", "Mails delivered to the SMTP server", mail.sent.clone());
        registry.register(
            "license_mail_retrying",
            "Mail attempts that failed for now and will be retried",
            mail.retrying.clone(),
        );
        registry.register(
            "license_mail_failed",
            "Mails given up (permanent refusal, or three days of failures)",
            mail.failed.clone(),
        );
        Self { registry, issuances, repeats, errors, responses, durations, activation_seconds, mail }
    }

    fn observe(&self, route: &str, response: &Response<Body>, latency: Duration) {
        let status = response.status().as_u16();
        self.responses.get_or_create(&RouteStatus { route: route.to_string(), status }).inc();
        self.durations.get_or_create(&RouteLabel { route: route.to_string() }).observe(latency.as_secs_f64());
        if route == paths::ACTIVATIONS {
            self.activation_seconds.observe(latency.as_secs_f64());
        }
        if let Some(code) = response.extensions().get::<ProblemCode>() {
            self.errors.get_or_create(&CodeLabel { code: code.as_str().to_string() }).inc();
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// The route a response answered, copied from the request by [`tag_route`].
#[derive(Clone)]
struct Route(MatchedPath);

/// Runs on matched routes only: hands the route template to the trace
/// layer's response hook, which never sees the request.
pub async fn tag_route(request: Request, next: Next) -> axum::response::Response {
    let route = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(Route(route));
    }
    response
}

/// The trace layer's type: the default classifier, a span per request,
/// nothing on the request, and the response hook that counts it.
type Traced<OnResponse> = TraceLayer<SharedClassifier<ServerErrorsAsFailures>, fn(&Request) -> Span, (), OnResponse>;

/// Logs every request (method, path, then route, status and latency) and
/// counts it in the metrics. Unmatched paths (the portal's files) count as `static`.
pub fn trace_layer(state: AppState) -> Traced<impl Fn(&Response<Body>, Duration, &Span) + Clone> {
    let make_span: fn(&Request) -> Span = |request| tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), route = tracing::field::Empty);
    let on_response = move |response: &Response<Body>, latency: Duration, span: &Span| {
        let route = response.extensions().get::<Route>().map_or("static", |r| r.0.as_str());
        span.record("route", route);
        tracing::debug!(status = response.status().as_u16(), latency_ms = latency.as_secs_f64() * 1000.0, "answered");
        state.metrics.observe(route, response, latency);
    };
    TraceLayer::new_for_http().make_span_with(make_span).on_request(()).on_response(on_response)
}

/// Prometheus metrics in the OpenMetrics text format.
#[utoipa::path(get, path = paths::METRICS, tag = "operations", responses(
    (status = 200, description = "OpenMetrics text", content_type = "application/openmetrics-text", body = String)))]
pub async fn render(State(state): State<AppState>) -> axum::response::Response {
    let mut body = String::new();
    if encode(&mut body, &state.metrics.registry).is_err() {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], body).into_response()
}
