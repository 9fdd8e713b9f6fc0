//! Serving the built portal: each page's own HTML file (with its first view
//! rendered in) at `/` and `/code.html`, `/decode` and `/decode/`, the
//! "Lost your serial number?" page at `/lost.html`; the support
//! console's `console/index.html` at `/console` and `/console/`; Trunk's
//! hashed files with a year-long immutable cache; everything else, the pages
//! and the service worker included, revalidated; brotli or gzip copies when
//! the browser accepts them. The Content-Security-Policy allows only what the
//! portal needs, with the hashes of the inline scripts and stylesheets the
//! build writes into the pages.

use std::path::{Path, PathBuf};

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::services::{ServeDir, ServeFile};

use super::AppState;

pub struct Portal {
    dir: Option<PathBuf>,
    inline_script_hashes: Vec<String>,
    inline_style_hashes: Vec<String>,
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Licence portal</title></head>\
<body><h1>The licence portal is not built</h1><p>The API is running. Build the portal with <code>trunk build --release</code> \
and start the server with <code>--static dist</code>.</p></body></html>";

impl Portal {
    pub fn load(dir: Option<&Path>) -> Self {
        let read = |file: &str| dir.and_then(|d| std::fs::read_to_string(d.join(file)).ok());
        let built = read("index.html").is_some();
        let pages: Vec<String> = PAGES.iter().filter_map(|(_, file)| read(file)).collect();
        let hashes = |element: &str| {
            let mut hashes: Vec<String> = pages.iter().flat_map(|html| inline_hashes(html, element)).collect();
            hashes.sort();
            hashes.dedup();
            hashes
        };
        Portal {
            dir: dir.filter(|_| built).map(Path::to_path_buf),
            inline_script_hashes: hashes("script"),
            inline_style_hashes: hashes("style"),
        }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    pub fn content_security_policy(&self) -> String {
        let sources = |hashes: &[String]| -> String { hashes.iter().map(|h| format!(" '{h}'")).collect() };
        let (scripts, styles) = (sources(&self.inline_script_hashes), sources(&self.inline_style_hashes));
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; img-src 'self' data:; \
             connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; \
             base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
        )
    }
}

/// `sha256-…` sources for every `<script>` without `src` (`element`
/// "script") or every `<style>` ("style") in the page.
fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let (open, close_tag) = (format!("<{element}"), format!("</{element}>"));
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find(&close_tag) else {
            break;
        };
        let body = &after[body_start..body_start + close];
        if !tag.contains("src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &after[body_start + close..];
    }
    hashes
}

/// Each page's address and its file in the build. A build without a page's
/// own file (one made before pages had first views) serves `index.html`.
const PAGES: [(&str, &str); 7] = [
    ("/", "index.html"),
    ("/code.html", "code.html"),
    ("/lost.html", "lost.html"),
    ("/decode", "decode/index.html"),
    ("/decode/", "decode/index.html"),
    ("/console", "console/index.html"),
    ("/console/", "console/index.html"),
];

pub fn routes(dir: Option<&Path>) -> Router<AppState> {
    let Some(dir) = dir else {
        return PAGES.iter().fold(Router::new(), |router, (path, _)| router.route(path, get(not_built)));
    };
    // Brotli or gzip copies written at build time (scripts/compress-dist.mjs)
    // are served to browsers that accept them.
    let router = PAGES.iter().fold(Router::new(), |router, (path, file)| {
        let own = dir.join(file);
        let file = if own.is_file() {
            own
        } else if path.starts_with("/console") {
            return router.route(path, get(not_built));
        } else {
            dir.join("index.html")
        };
        router.route_service(path, ServeFile::new(file).precompressed_br().precompressed_gzip())
    });
    router
        .fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
        .layer(axum::middleware::from_fn(cache_headers))
}

async fn not_built() -> Response {
    let mut response = (StatusCode::OK, Html(NOT_BUILT)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// Trunk names built files `name-<16 hex digits>…`: those never change.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.split(['-', '_', '.']).any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

async fn cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() && !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<script src=\"/a.js\"></script><script type=\"module\">import init from '/x.js';</script>";
        let hashes = inline_hashes(html, "script");
        assert_eq!(hashes.len(), 1);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"import init from '/x.js';"));
        assert_eq!(hashes[0], format!("sha256-{expected}"));
    }

    #[test]
    fn hashes_inline_styles() {
        let html = "<link rel=\"stylesheet\" href=\"/a.css\"><style>main{margin:0}</style><script>x()</script>";
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"main{margin:0}"));
        assert_eq!(inline_hashes(html, "style"), vec![format!("sha256-{expected}")]);
    }

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_hashed("/license-portal-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("/style-0123456789abcdef.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/favicon.ico"));
    }
}
