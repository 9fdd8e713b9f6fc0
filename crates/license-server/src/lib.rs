//! The vendor's licence server: turns request codes into signed response
//! codes, keeps every licence's history, and serves the portal.

pub mod activation;
pub mod batch;
pub mod catalog;

pub mod db;
pub mod demo;
pub mod error;
pub mod http;
pub mod signing;
pub mod tokens;

pub use error::ApiError;

pub use http::{app, AppState, HttpOptions};

/// Serves `state` on `listener` until `shutdown` resolves, then finishes the
/// requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.clone();
    let sweeper = tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            limits.limits.forget_idle();
        }
    });
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let result = axum::serve(listener, service).with_graceful_shutdown(shutdown).await;
    sweeper.abort();
    result
}
