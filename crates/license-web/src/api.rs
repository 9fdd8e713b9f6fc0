//! The licence server's public API, over gloo-net, in the wire format of
//! `license-api`.
//!
//! Answers are parsed with the browser's own `JSON.parse` and read into the
//! typed structs by [`crate::json`], which keeps a JSON parser and float
//! formatting out of what a phone downloads.

use gloo_net::http::{Request, Response};
use license_api::{paths, Activation, Keys, Problem, Products, ReleaseAnswer};
use license_codes::{Product, TrustedKeys};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

use crate::json;

/// Where the licence server's API is, fixed when the portal is built:
/// `LICENSE_PORTAL_API_BASE=https://licensing.example.com trunk build --release`
/// for a portal on another host or CDN (the server then needs
/// `--allow-origin` for the portal's origin). Unset: the portal's own origin.
const API_BASE: &str = match option_env!("LICENSE_PORTAL_API_BASE") {
    Some(base) => base,
    None => "",
};

/// The address of an API path (`/api/v1/...`).
pub fn api_url(path: &str) -> String {
    format!("{}{path}", API_BASE.trim_end_matches('/'))
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem (boxed: it is the large variant,
    /// and results pass through every request).
    Problem(Box<Problem>),
    /// The server could not be reached.
    Network(String),
    /// The server could not be reached and the browser says it is offline.
    Offline,
    /// The server answered something this page does not understand.
    BadAnswer(String),
}

/// The answer's text if it succeeded, else its problem. Not generic, and
/// boxed, so its body is compiled once, not once per answer type or caller
/// (inlined into one caller, it cost the page 1.6 KB).
pub fn answer(response: Response) -> Pin<Box<dyn Future<Output = Result<String, ApiError>>>> {
    Box::pin(async move {
        let status = response.status();
        let text = response.text().await.map_err(|e| ApiError::Network(reason(&e)))?;
        if response.ok() {
            return Ok(text);
        }
        Err(match json::from_str::<Problem>(&text) {
            Ok(problem) => ApiError::Problem(Box::new(problem)),
            Err(_) => ApiError::BadAnswer(format!("HTTP {status}")),
        })
    })
}

pub async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let text = answer(response).await?;
    json::from_str(&text).map_err(|e| ApiError::BadAnswer(e.0.to_string()))
}

/// The body of `POST /api/v1/activations`, as `ActivationRequest` serialises
/// it (a test checks they agree). A request code that passed the check is
/// letters, digits and dashes only, so it needs no escaping.
pub fn activation_body(request_code: &str) -> String {
    format!("{{\"request_code\":\"{request_code}\"}}")
}

/// Why a request got no answer: offline when the browser knows it is.
pub fn unreachable(e: gloo_net::Error) -> ApiError {
    if crate::browser::present() && !web_sys::window().is_some_and(|w| w.navigator().on_line()) {
        return ApiError::Offline;
    }
    ApiError::Network(reason(&e))
}

/// What gloo-net says went wrong. Not `e.to_string()`: its error also has a
/// variant for serde_json (gloo-net's `json` feature, which Leptos turns
/// on), and displaying that would bring serde_json's and std::io's error
/// texts into the page (about 1 KB gzip) for an error it never meets.
pub fn reason(e: &gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => js.to_string(),
        gloo_net::Error::GlooError(words) => words.clone(),
        #[allow(unreachable_patterns)]
        _ => "the request could not be made".to_owned(),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(&api_url(path)).send().await.map_err(unreachable)?;
    read(response).await
}

/// Sends a request code; the server answers with the response code.
/// Safe to repeat: the same request gets the same response back.
pub async fn activate(request_code: &str) -> Result<Activation, ApiError> {
    let response = Request::post(&api_url(paths::ACTIVATIONS))
        .header("content-type", "application/json")
        .body(activation_body(request_code))
        .map_err(|e| ApiError::BadAnswer(reason(&e)))?
        .send()
        .await
        .map_err(unreachable)?;
    read(response).await
}

/// The body of `POST /api/v1/releases`, as `ReleaseRequest` serialises it
/// (checked release codes are letters, digits and dashes only).
pub fn release_body(release_code: &str) -> String {
    format!("{{\"release_code\":\"{release_code}\"}}")
}

/// Sends a release code: the installation's place on the licence is freed.
pub async fn release(release_code: &str) -> Result<ReleaseAnswer, ApiError> {
    let response = Request::post(&api_url(paths::RELEASES))
        .header("content-type", "application/json")
        .body(release_body(release_code))
        .map_err(|e| ApiError::BadAnswer(reason(&e)))?
        .send()
        .await
        .map_err(unreachable)?;
    read(response).await
}

/// The vendor public keys, to verify responses with.
pub async fn keys() -> Result<TrustedKeys, ApiError> {
    get::<Keys>(paths::KEYS).await?.trusted().map_err(|e| ApiError::BadAnswer(e.to_string()))
}

/// Products and their entitlement names, for showing decoded codes.
pub async fn products() -> Result<Vec<Product>, ApiError> {
    Ok(get::<Products>(paths::PRODUCTS).await?.products)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_activation_body_is_what_the_wire_type_serialises() {
        let code = "H003HY-4D2PFD-2D028M-T5CY4Y-TQKFFA-000QE5-R3GTR8-4XCS3R";
        let typed = license_api::ActivationRequest { request_code: code.into(), channel: None };
        assert_eq!(super::activation_body(code), serde_json::to_string(&typed).unwrap());
        let release = license_api::ReleaseRequest { release_code: code.into() };
        assert_eq!(super::release_body(code), serde_json::to_string(&release).unwrap());
    }
}
