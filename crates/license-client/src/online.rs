//! "Get it now": the program's online path. It makes a request code, posts
//! it to the licence server and applies the response, as the portal would.

use std::time::Duration;

use license_codes::Day;
use serde_json::Value;

use crate::{Applied, ClientError, Licensing};

/// Asks `server` (e.g. `https://licensing.example.com`) for the waiting
/// upgrade and installs it.
pub fn get_it_now(licensing: &Licensing, server: &str, today: Day, now: &str) -> Result<Applied, ClientError> {
    let request = licensing.create_code(today, now)?;
    let url = format!("{}/api/v1/activations", server.trim_end_matches('/'));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let body = serde_json::json!({"request_code": request.to_code()}).to_string();
    let mut response = agent
        .post(&url)
        .header("content-type", "application/json")
        .send(body.as_str())
        .map_err(|e| ClientError::ServerUnreachable { url: url.clone(), reason: e.to_string() })?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(|e| ClientError::ServerUnreachable { url: url.clone(), reason: e.to_string() })?;
    let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if !(200..300).contains(&status) {
        let field = |k: &str| json.get(k).and_then(Value::as_str).map(str::to_string);
        return Err(ClientError::ServerRefused {
            status,
            code: field("code").unwrap_or_else(|| "http_error".into()),
            detail: field("detail").unwrap_or_else(|| format!("HTTP {status}")),
            next_step: field("next_step")
                .unwrap_or_else(|| "Try again later, or use Create Code and the licence portal.".into()),
        });
    }
    let code = json
        .get("response_code")
        .and_then(Value::as_str)
        .ok_or_else(|| ClientError::ServerUnreachable { url, reason: "the answer has no response_code".into() })?;
    licensing.enter_code(code)
}
