//! A stand-in for [wasm-streams](https://crates.io/crates/wasm-streams) 0.5
//! with the part of its API that Leptos's server functions call.
//!
//! Leptos always builds server_fn's browser client, which uses wasm-streams
//! for streaming server functions. wasm-streams defines JavaScript classes
//! (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`)
//! with `#[wasm_bindgen]`, and wasm-bindgen keeps every export, so each of
//! the portal's pages carried about 7.5 KB of wasm and 130 lines of
//! JavaScript it never runs (3.5 KB gzip of what a phone downloads,
//! docs/benchmarks.md). The portal has no server functions: it talks to the
//! licence server's JSON API with gloo-net. Here a stream sent is empty and
//! a stream read ends at once with an error that says why, should a server
//! function ever be added; then remove the `[patch]` instead.

use futures_util::stream::{self, Stream};
use wasm_bindgen::{JsCast, JsValue};

const NOT_BUILT: &str = "streaming server functions are not built into the portal (vendor/wasm-streams)";

/// A browser `ReadableStream`.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        ReadableStream { raw }
    }

    /// An empty stream: nothing of `_stream` is sent.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let raw = web_sys::ReadableStream::new().unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
        ReadableStream { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Ends at once with an error.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        stream::iter([Err(JsValue::from_str(NOT_BUILT))])
    }
}
