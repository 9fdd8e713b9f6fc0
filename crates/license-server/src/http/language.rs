//! The language of a request's problem documents: chosen from its
//! `Accept-Language` (English when none of the catalogue's languages is
//! asked for), kept for the request's task, and named in the answer's
//! `Content-Language`. Only the words change: a problem's `code`, status
//! and fields are the same in every language.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use license_codes::messages::Lang;

tokio::task_local! {
    static LANGUAGE: Lang;
}

/// The language the request being answered asked for (English outside a request).
pub fn current() -> Lang {
    LANGUAGE.try_with(|lang| *lang).unwrap_or_default()
}

/// The middleware: answers the request in its language.
pub async fn negotiate(request: Request, next: Next) -> Response {
    let lang =
        request.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Lang::En, Lang::negotiate);
    let mut response = LANGUAGE.scope(lang, next.run(request)).await;
    let headers = response.headers_mut();
    if headers.get(header::CONTENT_TYPE).is_some_and(|t| t == "application/problem+json") {
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
        headers.append(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}
