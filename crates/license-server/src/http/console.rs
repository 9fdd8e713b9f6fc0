//! What the support console calls: signing in and out, setting a password
//! from a one-time link, finding what a customer sent, answering a request
//! code for a customer, and managing staff.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum::Json;
use license_api::{
    paths, Activation, ActivationRequest, Channel, InspectQuery, Inspection, MailQueued, NewStaff, Problem,
    SessionView, SetPassword, SignIn, StaffAdded, StaffList, StaffView,
};
use license_codes::RequestCode;

use super::extract::{session_cookie, ApiJson, ApiPath, ClientIp, Scoped};
use super::openapi::{
    AdminOnly, BodyRefused, CodeRefused, Conflict, CrossOrigin, InvalidBody, InvalidInput, IssuanceRefused, MailOff,
    NotFound, SetupRefused, SignInRefused, StaffOnly, Unavailable, UnknownSerial, WrongCode,
};
use super::AppState;
use crate::issuance::Origin;
use crate::settings::HttpSettings;
use crate::tokens::Caller;
use crate::{resellers, sessions, staff, ApiError};

/// The session cookie: HttpOnly, SameSite=Strict, Path=/, and over https
/// Secure with the `__Host-` prefix; it lasts no longer than a session may.
fn cookie(settings: &HttpSettings, value: &str, max_age: u64) -> HeaderValue {
    let secure = if settings.is_https() { "; Secure" } else { "" };
    let text =
        format!("{}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}", settings.cookie_name());
    HeaderValue::from_str(&text).expect("a cookie of hex digits")
}

/// The console's hint that a session may be open: no secret, readable by
/// the console's script, so a visitor who never signed in is shown the
/// sign-in form without asking `GET /api/v1/session` for a 401.
fn hint_cookie(settings: &HttpSettings, max_age: u64) -> HeaderValue {
    let secure = if settings.is_https() { "; Secure" } else { "" };
    let text =
        format!("{}=1; SameSite=Strict; Path=/; Max-Age={max_age}{secure}", license_api::paths::SIGNED_IN_COOKIE);
    HeaderValue::from_str(&text).expect("a plain cookie")
}

/// Sign in to the console.
///
/// The same answer (401, `cause: sign_in`) for an unknown email, a wrong
/// password and a disabled account. Attempts are limited per account and per IP.
#[utoipa::path(post, path = paths::SESSION, tag = "console", request_body = SignIn,
    responses(
        (status = 200, description = "Signed in; the session cookie is set", body = SessionView,
            headers(("Set-Cookie" = String, description = "The session: HttpOnly, SameSite=Strict, Path=/ (and Secure, __Host-, over https); and `license_console_signed_in=1`, no secret, which tells the console's script a session may be open"))),
        InvalidBody,
        SignInRefused,
        (status = 429, description = "`rate_limited`: too many attempts for this account or from this address", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        BodyRefused,
        Unavailable,
    ))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<SignIn>,
) -> Result<Response, ApiError> {
    state.limits.check_sign_in(ip, &staff::normalise_email(&body.email))?;
    let member = staff::check_password(&state.db, &body.email, &body.password).await?;
    let secret = sessions::open(&state.db, &member).await?;
    let max_age = state.settings.session_max.as_secs();
    let set = cookie(&state.settings, &secret, max_age);
    Ok((
        // Appended: an array of headers would keep only the last cookie.
        AppendHeaders([(header::SET_COOKIE, set), (header::SET_COOKIE, hint_cookie(&state.settings, max_age))]),
        Json(SessionView {
            email: member.email,
            role: member.role,
            mail: state.mailer.is_some(),
            products: member.products,
        }),
    )
        .into_response())
}

/// Who is signed in (or which token is used).
#[utoipa::path(get, path = paths::SESSION, tag = "console",
    responses((status = 200, description = "The signed-in staff member", body = SessionView), StaffOnly, Unavailable))]
pub async fn whoami(State(state): State<AppState>, Scoped(caller): Scoped) -> Json<SessionView> {
    Json(SessionView { email: caller.name, role: caller.role, mail: state.mailer.is_some(), products: caller.products })
}

/// Sign out: the session ends on the server and the cookie is cleared.
#[utoipa::path(delete, path = paths::SESSION, tag = "console",
    responses((status = 204, description = "Signed out (also when no session was open)"), Unavailable))]
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let (mut parts, ()) = axum::http::Request::new(()).into_parts();
    parts.headers = headers;
    if let Some(secret) = session_cookie(&parts, &state) {
        sessions::close(&state.db, &secret).await?;
    }
    let clear = AppendHeaders([
        (header::SET_COOKIE, cookie(&state.settings, "", 0)),
        (header::SET_COOKIE, hint_cookie(&state.settings, 0)),
    ]);
    Ok((StatusCode::NO_CONTENT, clear).into_response())
}

/// Set a password with the one-time token of a staff member's link.
#[utoipa::path(post, path = paths::SESSION_PASSWORD, tag = "console", request_body = SetPassword,
    responses(
        (status = 204, description = "The password is set; sign in with it"),
        InvalidInput,
        SetupRefused,
        BodyRefused,
        Unavailable,
    ))]
pub async fn set_password(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SetPassword>,
) -> Result<StatusCode, ApiError> {
    staff::set_password(&state.db, &body.token, &body.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Find what a customer sent: a serial number, a request or response code, or a contact's email.
#[utoipa::path(post, path = paths::ADMIN_INSPECT, tag = "console", request_body = InspectQuery, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, description = "What the server knows", body = Inspection),
        CodeRefused,
        CrossOrigin,
        NotFound,
        StaffOnly,
        BodyRefused,
        Unavailable,
    ))]
pub async fn inspect(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    ApiJson(body): ApiJson<InspectQuery>,
) -> Result<Json<Inspection>, ApiError> {
    Ok(Json(resellers::within(&caller, crate::inspect::inspect(&state, &body.query)).await?))
}

/// Answer a request code for a customer (a code that came by email or
/// phone), with the checks and idempotence of the public API; the audit log
/// records channel `console` and the staff member.
#[utoipa::path(post, path = paths::ADMIN_ACTIVATIONS, tag = "console", request_body = ActivationRequest, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, description = "The signed response code", body = Activation),
        CodeRefused,
        CrossOrigin,
        UnknownSerial,
        IssuanceRefused,
        WrongCode,
        StaffOnly,
        BodyRefused,
        Unavailable,
    ))]
pub async fn answer(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    ApiJson(body): ApiJson<ActivationRequest>,
) -> Result<Json<Activation>, ApiError> {
    let request = RequestCode::parse(&body.request_code)?;
    let origin = Origin { channel: Channel::Console, actor: caller.actor() };
    let activation = resellers::within(&caller, state.issuer().activate(request, origin)).await?;
    if activation.already_issued {
        state.metrics.repeats.inc();
    } else {
        state.metrics.issuances.inc();
    }
    Ok(Json(activation))
}

/// Send an issued response to the licence's technical contact again (a
/// customer who did not receive it); recorded in the audit log.
#[utoipa::path(post, path = paths::ADMIN_ISSUANCE_SEND, tag = "console", security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "The issuance's number (`id` in a licence's `issuances`)", minimum = 1)),
    responses(
        (status = 202, description = "Queued for the contact; the sender delivers it within seconds", body = MailQueued),
        CrossOrigin,
        NotFound,
        MailOff,
        StaffOnly,
        Unavailable,
    ))]
pub async fn send_to_contact(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    // Read as text: a number past i64 names no issuance (404), rather than
    // axum's plain-text 400.
    ApiPath(id): ApiPath<String>,
) -> Result<(StatusCode, Json<MailQueued>), ApiError> {
    let mailer = state.mailer.as_ref().ok_or(ApiError::MailOff)?;
    let id: i64 = id.parse().unwrap_or(0);
    let to = resellers::within(&caller, crate::mail::send_to_contact(&state.db, mailer, id, &caller.actor())).await?;
    Ok((StatusCode::ACCEPTED, Json(MailQueued { to })))
}

/// Staff members (admin).
#[utoipa::path(get, path = paths::ADMIN_STAFF, tag = "console", security(("bearer" = []), ("session" = [])),
    responses((status = 200, description = "Every staff member", body = StaffList), AdminOnly, Unavailable))]
pub async fn list_staff(State(state): State<AppState>, caller: Caller) -> Result<Json<StaffList>, ApiError> {
    caller.require_admin()?;
    Ok(Json(StaffList { staff: staff::list(&state.db).await? }))
}

/// Add a staff member (admin): the answer holds their one-time link to set a password.
#[utoipa::path(post, path = paths::ADMIN_STAFF, tag = "console", request_body = NewStaff, security(("bearer" = []), ("session" = [])),
    responses(
        (status = 201, description = "Added", body = StaffAdded),
        InvalidInput,
        Conflict,
        AdminOnly,
        BodyRefused,
        Unavailable,
    ))]
pub async fn add_staff(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewStaff>,
) -> Result<(StatusCode, Json<StaffAdded>), ApiError> {
    caller.require_admin()?;
    let token = staff::add(&state.db, &body.email, body.role, &body.products, None, &caller.actor()).await?;
    let setup_link = staff::setup_link(state.settings.public_url.as_deref(), &token.unwrap_or_default());
    Ok((
        StatusCode::CREATED,
        Json(StaffAdded { email: staff::normalise_email(&body.email), role: body.role, setup_link }),
    ))
}

/// A new one-time set-password link for a staff member (admin), when theirs
/// was used or expired; the old link stops working. Built from
/// `--public-url` only (without it, the path to put after the server's address).
#[utoipa::path(post, path = paths::ADMIN_STAFF_LINK, tag = "console", security(("bearer" = []), ("session" = [])),
    params(("email" = String, Path, description = "The staff member's email", example = "helpdesk@vendor.example")),
    responses(
        (status = 200, description = "The new link, valid for 72 hours, once", body = StaffAdded),
        NotFound,
        AdminOnly,
        Unavailable,
    ))]
pub async fn new_staff_link(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(email): ApiPath<String>,
) -> Result<Json<StaffAdded>, ApiError> {
    caller.require_admin()?;
    let (view, token) = staff::new_link(&state.db, &email, false, &caller.actor()).await?;
    let setup_link = staff::setup_link(state.settings.public_url.as_deref(), &token);
    Ok(Json(StaffAdded { email: view.email, role: view.role, setup_link }))
}

/// Enable a disabled staff member again (admin): their password is cleared
/// and the answer holds a one-time link to set a new one.
#[utoipa::path(post, path = paths::ADMIN_STAFF_ENABLE, tag = "console", security(("bearer" = []), ("session" = [])),
    params(("email" = String, Path, description = "The staff member's email", example = "helpdesk@vendor.example")),
    responses(
        (status = 200, description = "Enabled; the link sets the new password, within 72 hours, once", body = StaffAdded),
        NotFound,
        AdminOnly,
        Unavailable,
    ))]
pub async fn enable_staff(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(email): ApiPath<String>,
) -> Result<Json<StaffAdded>, ApiError> {
    caller.require_admin()?;
    let (view, token) = staff::new_link(&state.db, &email, true, &caller.actor()).await?;
    let setup_link = staff::setup_link(state.settings.public_url.as_deref(), &token);
    Ok(Json(StaffAdded { email: view.email, role: view.role, setup_link }))
}

/// Disable a staff member (admin); their sessions end at once.
#[utoipa::path(post, path = paths::ADMIN_STAFF_DISABLE, tag = "console", security(("bearer" = []), ("session" = [])),
    params(("email" = String, Path, description = "The staff member's email", example = "helpdesk@vendor.example")),
    responses(
        (status = 200, description = "Disabled", body = StaffView),
        NotFound,
        AdminOnly,
        Unavailable,
    ))]
pub async fn disable_staff(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(email): ApiPath<String>,
) -> Result<Json<StaffView>, ApiError> {
    caller.require_admin()?;
    Ok(Json(staff::disable(&state.db, &email, &caller.actor()).await?))
}
