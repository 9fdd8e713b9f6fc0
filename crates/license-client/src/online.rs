//! "Get it now": the program's online path. It makes a request code, posts
//! it to the licence server and applies the response, as the portal would.

use std::time::Duration;

use license_api::{paths, Activation, ActivationRequest, ClientChannel, Problem, ReleaseAnswer, ReleaseRequest};
use license_codes::ReleaseCode;

use crate::clock::Now;
use crate::{Applied, ClientError, License, Licensing};

/// What "Get it now" did.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// An upgrade was waiting: it is installed.
    Applied(Applied),
    /// Nothing was waiting (the server's `up_to_date`): the licence is as it
    /// was, and the server's words say so.
    NothingWaiting { license: License, detail: String },
}

/// Asks `server` (e.g. `https://licensing.example.com`) for the waiting
/// upgrade and installs it. Nothing waiting is not a failure.
pub fn get_it_now(licensing: &Licensing, server: &str, now: &Now) -> Result<Fetched, ClientError> {
    let request = licensing.create_code(now)?;
    let body = ActivationRequest { request_code: request.to_code(), channel: Some(ClientChannel::Online) };
    match post::<Activation>(server, paths::ACTIVATIONS, &body) {
        Ok(activation) => licensing.enter_code(&activation.response_code, now).map(Fetched::Applied),
        Err(ClientError::ServerRefused { code, detail, .. }) if code == "up_to_date" => {
            Ok(Fetched::NothingWaiting { license: licensing.status(now)?, detail })
        }
        Err(e) => Err(e),
    }
}

/// Releases this installation ([`Licensing::release`]) and submits the
/// release code to `server` at once. The release stands on this computer
/// whatever the server answers; its code can be submitted again later.
pub fn release_online(
    licensing: &Licensing,
    server: &str,
    now: &Now,
) -> Result<(ReleaseCode, Result<ReleaseAnswer, ClientError>), ClientError> {
    let (code, _) = licensing.release(now)?;
    let answer = post(server, paths::RELEASES, &ReleaseRequest { release_code: code.to_code() });
    Ok((code, answer))
}

/// Posts `body` to `server` + `path` and reads the answer, or the problem.
fn post<T: serde::de::DeserializeOwned>(
    server: &str,
    path: &str,
    body: &impl serde::Serialize,
) -> Result<T, ClientError> {
    let url = format!("{}{path}", server.trim_end_matches('/'));
    let unreachable = |reason: String| ClientError::ServerUnreachable { url: url.clone(), reason };
    let config = ureq::Agent::config_builder();
    #[cfg(target_os = "macos")]
    let config = config.tls_config(ureq::tls::TlsConfig::builder().provider(ureq::tls::TlsProvider::NativeTls).build());
    let agent: ureq::Agent =
        config.http_status_as_error(false).timeout_global(Some(Duration::from_secs(30))).build().into();
    let mut response = agent
        .post(&url)
        .header("content-type", "application/json")
        .send(serde_json::to_string(body).expect("serialisable").as_str())
        .map_err(|e| unreachable(e.to_string()))?;
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().map_err(|e| unreachable(e.to_string()))?;
    if !(200..300).contains(&status) {
        return Err(match serde_json::from_str::<Problem>(&text) {
            Ok(p) => ClientError::ServerRefused {
                status,
                code: p.code.as_str().to_string(),
                detail: p.detail,
                next_step: p.next_step,
            },
            Err(_) => unreachable(format!("it answered HTTP {status}, not a problem document")),
        });
    }
    serde_json::from_str(&text).map_err(|e| unreachable(format!("its answer does not read: {e}")))
}
