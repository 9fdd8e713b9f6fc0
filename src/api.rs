//! The licence server's public API, over gloo-net.

use gloo_net::http::Request;
use license_codes::{Product, TrustFile, TrustedKeys};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Change {
    pub name: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ProductRef {
    pub id: u16,
    pub name: String,
}

/// The answer to `POST /api/v1/activations`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Activation {
    pub response_code: String,
    pub changes: Vec<Change>,
    pub issued_at: String,
    pub already_issued: bool,
    pub serial: String,
    pub product: ProductRef,
    pub from_counter: u16,
    pub to_counter: u16,
    pub signing_key_id: u8,
}

/// An RFC 9457 problem document from the server.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Problem {
    pub code: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    pub status: u16,
    pub group: Option<usize>,
    pub retry_after: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem.
    Problem(Problem),
    /// The server could not be reached.
    Network(String),
    /// The server answered something this page does not understand.
    BadAnswer(String),
}

async fn read<T: serde::de::DeserializeOwned>(response: gloo_net::http::Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|e| ApiError::BadAnswer(e.to_string()));
    }
    let status = response.status();
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(problem)),
        Err(_) => Err(ApiError::BadAnswer(format!("HTTP {status}"))),
    }
}

/// Sends a request code; the server answers with the response code.
/// Safe to repeat: the same request gets the same response back.
pub async fn activate(request_code: &str) -> Result<Activation, ApiError> {
    let body = serde_json::json!({ "request_code": request_code });
    let response = Request::post("/api/v1/activations")
        .json(&body)
        .map_err(|e| ApiError::BadAnswer(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    read(response).await
}

#[derive(Deserialize)]
struct Keys {
    keys: Vec<license_codes::PublicKeyEntry>,
}

/// The vendor public keys, to verify responses with.
pub async fn keys() -> Result<TrustedKeys, ApiError> {
    let response = Request::get("/api/v1/keys").send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let keys: Keys = read(response).await?;
    TrustFile { keys: keys.keys, products: Vec::new() }.trusted_keys().map_err(|e| ApiError::BadAnswer(e.to_string()))
}

#[derive(Deserialize)]
struct Products {
    products: Vec<Product>,
}

/// Products and their entitlement names, for showing decoded codes.
pub async fn products() -> Result<Vec<Product>, ApiError> {
    let response = Request::get("/api/v1/products").send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    Ok(read::<Products>(response).await?.products)
}
