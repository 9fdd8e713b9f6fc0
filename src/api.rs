//! The licence server's public API, over gloo-net.
//!
//! Answers are read with the browser's own `JSON.parse` rather than
//! serde_json: the answers are small and flat, and this keeps a JSON parser
//! out of what a phone downloads.

use gloo_net::http::{Request, Response};
use js_sys::{Array, Reflect};
use license_codes::{EntitlementDef, EntitlementKind, Product, PublicKeyEntry, TrustFile, TrustedKeys};
use wasm_bindgen::JsValue;

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
pub struct Change {
    pub name: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProductRef {
    pub id: u16,
    pub name: String,
}

/// The answer to `POST /api/v1/activations`.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: String,
    pub title: String,
    pub detail: String,
    pub next_step: String,
    pub status: u16,
    pub group: Option<usize>,
    pub retry_after: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem (boxed: it is the large variant,
    /// and results pass through every request).
    Problem(Box<Problem>),
    /// The server could not be reached.
    Network(String),
    /// The server answered something this page does not understand.
    BadAnswer(String),
}

/// A parsed JSON value with typed field access.
struct Json(JsValue);

impl Json {
    fn parse(text: &str) -> Result<Json, ApiError> {
        js_sys::JSON::parse(text).map(Json).map_err(|_| ApiError::BadAnswer("the answer is not JSON".into()))
    }

    fn get(&self, field: &str) -> JsValue {
        Reflect::get(&self.0, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED)
    }

    fn string(&self, field: &str) -> Option<String> {
        self.get(field).as_string()
    }

    fn number(&self, field: &str) -> Option<f64> {
        self.get(field).as_f64()
    }

    fn text(&self, field: &str) -> Result<String, ApiError> {
        self.string(field).ok_or_else(|| ApiError::BadAnswer(format!("the answer lacks {field}")))
    }

    fn int(&self, field: &str) -> Result<u64, ApiError> {
        self.number(field)
            .filter(|n| *n >= 0.0 && n.fract() == 0.0)
            .map(|n| n as u64)
            .ok_or_else(|| ApiError::BadAnswer(format!("the answer lacks {field}")))
    }

    fn list(&self, field: &str) -> Vec<Json> {
        let value = self.get(field);
        if Array::is_array(&value) {
            Array::from(&value).iter().map(Json).collect()
        } else {
            Vec::new()
        }
    }
}

async fn read(response: Response) -> Result<Json, ApiError> {
    let status = response.status();
    let text = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let json = Json::parse(&text);
    if response.ok() {
        return json;
    }
    match json {
        Ok(p) if p.string("code").is_some() => Err(ApiError::Problem(Box::new(Problem {
            code: p.string("code").unwrap_or_default(),
            title: p.string("title").unwrap_or_default(),
            detail: p.string("detail").unwrap_or_default(),
            next_step: p.string("next_step").unwrap_or_default(),
            status: p.number("status").map_or(status, |s| s as u16),
            group: p.number("group").map(|g| g as usize),
            retry_after: p.number("retry_after").map(|r| r as u64),
        }))),
        _ => Err(ApiError::BadAnswer(format!("HTTP {status}"))),
    }
}

fn activation(a: &Json) -> Result<Activation, ApiError> {
    let product = Json(a.get("product"));
    Ok(Activation {
        response_code: a.text("response_code")?,
        changes: a
            .list("changes")
            .iter()
            .map(|c| Ok(Change { name: c.text("name")?, from: c.text("from")?, to: c.text("to")? }))
            .collect::<Result<_, ApiError>>()?,
        issued_at: a.text("issued_at")?,
        already_issued: a.get("already_issued").as_bool().unwrap_or(false),
        serial: a.text("serial")?,
        product: ProductRef { id: product.int("id")? as u16, name: product.text("name")? },
        from_counter: a.int("from_counter")? as u16,
        to_counter: a.int("to_counter")? as u16,
        signing_key_id: a.int("signing_key_id")? as u8,
    })
}

/// Sends a request code; the server answers with the response code.
/// Safe to repeat: the same request gets the same response back.
pub async fn activate(request_code: &str) -> Result<Activation, ApiError> {
    // A request code that passed the check is letters, digits and dashes only.
    let body = format!("{{\"request_code\":\"{request_code}\"}}");
    let response = Request::post(&api_url("/api/v1/activations"))
        .header("content-type", "application/json")
        .body(body)
        .map_err(|e| ApiError::BadAnswer(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    activation(&read(response).await?)
}

/// The vendor public keys, to verify responses with.
pub async fn keys() -> Result<TrustedKeys, ApiError> {
    let response = Request::get(&api_url("/api/v1/keys")).send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let answer = read(response).await?;
    let keys = answer
        .list("keys")
        .iter()
        .map(|k| Ok(PublicKeyEntry { id: k.int("id")? as u8, public_key: k.text("public_key")? }))
        .collect::<Result<Vec<_>, ApiError>>()?;
    TrustFile { keys, products: Vec::new() }.trusted_keys().map_err(|e| ApiError::BadAnswer(e.to_string()))
}

/// Products and their entitlement names, for showing decoded codes.
pub async fn products() -> Result<Vec<Product>, ApiError> {
    let response =
        Request::get(&api_url("/api/v1/products")).send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    read(response)
        .await?
        .list("products")
        .iter()
        .map(|p| {
            let entitlements = p
                .list("entitlements")
                .iter()
                .map(|e| {
                    let kind = match e.string("kind").as_deref() {
                        Some("flag") => EntitlementKind::Flag,
                        Some("date") => EntitlementKind::Date,
                        _ => EntitlementKind::Count,
                    };
                    Ok(EntitlementDef { name: e.text("name")?, kind })
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            Ok(Product { id: p.int("id")? as u16, name: p.text("name")?, entitlements })
        })
        .collect()
}
