//! Extractors whose rejections are problem documents: JSON bodies (413,
//! 415, 400 with what is wrong), bearer tokens, and the client's address.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};

use super::AppState;
use crate::sessions;
use crate::staff::Cause;
use crate::tokens::{self, Caller, Role, Via};
use crate::ApiError;

/// A licence's serial number in a path (`…/licenses/{serial}`): the one
/// description and pattern of it in the OpenAPI document. The pattern says
/// which characters and how many; the check symbol only reading it can tell
/// (`invalid_input`).
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SerialPath {
    /// The serial number, as printed (`928T5F-CY4TCH`; any case, the dash optional)
    #[param(example = "928T5F-CY4TCH", pattern = "^[0-9A-TV-Za-tv-z]{6}-?[0-9A-TV-Za-tv-z]{6}$")]
    pub serial: String,
}

/// A licence's serial number and one of its installations' key id in a path.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct InstallationPath {
    /// The serial number, as printed (`928T5F-CY4TCH`; any case, the dash optional)
    #[param(example = "928T5F-CY4TCH", pattern = "^[0-9A-TV-Za-tv-z]{6}-?[0-9A-TV-Za-tv-z]{6}$")]
    pub serial: String,
    /// The installation's key id, 16 hex digits
    #[param(example = "0123456789ABCDEF", pattern = "^[0-9A-Fa-f]{16}$")]
    pub key_id: String,
}

/// The `Idempotency-Key` header of an order, for the OpenAPI document (the
/// handlers read it with `idempotency::key`).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub struct IdempotencyKey {
    /// Any unique value of 1 to 255 visible ASCII characters (a UUID): the same request sent again
    /// with it within 24 hours gets the first answer and does nothing twice
    #[param(rename = "Idempotency-Key", min_length = 1, max_length = 255, pattern = "^[ -~]+$")]
    pub key: Option<String>,
}

/// Path parameters whose rejection (a segment that is not UTF-8, say
/// `%FF%FE`) is a problem document like every error, not axum's plain text.
pub struct ApiPath<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send> FromRequestParts<AppState> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => Err(ApiError::InvalidInput(format!("the path does not read: {}", rejection.body_text()))),
        }
    }
}

/// A query string whose rejection is a problem document too.
pub struct ApiQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send> FromRequestParts<AppState> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => {
                Err(ApiError::InvalidInput(format!("the query does not read: {}", rejection.body_text())))
            }
        }
    }
}

/// A JSON body. Unknown fields are refused by the types (`deny_unknown_fields`).
pub struct ApiJson<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::UnsupportedMediaType),
            Err(JsonRejection::BytesRejection(e)) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::PayloadTooLarge { limit: super::BODY_LIMIT })
            }
            Err(e) => Err(ApiError::InvalidBody(e.body_text())),
        }
    }
}

/// The vendor's staff (admin or support): a reseller is refused, so an
/// endpoint serves resellers only when its handler asks for [`Scoped`].
impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = authenticate(parts, state).await?;
        if caller.role == Role::Reseller {
            return Err(ApiError::Forbidden { role: caller.role.as_str().into() });
        }
        Ok(caller)
    }
}

/// Any staff member, resellers included: the handler runs its work in
/// [`crate::resellers::within`], where a reseller sees its own licences only.
pub struct Scoped(pub Caller);

impl FromRequestParts<AppState> for Scoped {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        authenticate(parts, state).await.map(Scoped)
    }
}

/// A bearer token (automation), or the console's session cookie. With the
/// cookie, a request that changes something must come from the console's
/// own origin: a page on another site cannot use a signed-in browser to act
/// (CSRF), whatever `SameSite` a browser applies.
async fn authenticate(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
    if let Some(header) = parts.headers.get(header::AUTHORIZATION) {
        let token = header.to_str().ok().and_then(|h| h.strip_prefix("Bearer "));
        return tokens::authenticate(&state.db, token.ok_or(ApiError::Unauthenticated(Cause::Token))?).await;
    }
    let Some(secret) = session_cookie(parts, state) else {
        return Err(ApiError::Unauthenticated(Cause::Token));
    };
    if !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
        let origin = parts.headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()).unwrap_or("none");
        if !console_origins(parts, state).iter().any(|o| o == origin) {
            return Err(ApiError::CrossOrigin { origin: origin.to_string() });
        }
    }
    let staff = sessions::resume(&state.db, &secret, state.settings.session_idle, state.settings.session_max).await?;
    Ok(Caller { name: staff.email, role: staff.role, via: Via::Session, products: staff.products })
}

/// The secret in the session cookie, if the request carries one.
pub fn session_cookie(parts: &Parts, state: &AppState) -> Option<String> {
    let name = state.settings.cookie_name();
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_string())
}

/// The origins the console is served from: the public URL's, or else this
/// request's own host (a browser sends the real host; a page elsewhere
/// cannot make it send another).
fn console_origins(parts: &Parts, state: &AppState) -> Vec<String> {
    if let Some(url) = &state.settings.public_url {
        let origin = url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        return vec![origin];
    }
    let host = parts.headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    vec![format!("http://{host}"), format!("https://{host}")]
}

/// The client's IP address: the peer's, or the first `X-Forwarded-For`
/// entry behind a proxy the vendor trusts (`--trust-forwarded-for`).
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if state.settings.trust_forwarded_for {
            let forwarded = parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
            if let Some(ip) = forwarded.and_then(|v| v.split(',').next()).and_then(|v| v.trim().parse().ok()) {
                return Ok(ClientIp(ip));
            }
        }
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(ClientIp(peer.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))))
    }
}
