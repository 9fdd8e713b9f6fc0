//! Whether the code runs in a browser. The build's prerender step
//! (`crates/license-prerender`) runs the pages' components natively to write
//! their first views; there the browser's APIs (web-sys, js-sys) compile but
//! cannot be called. Components ask here before they touch the browser
//! outside an event handler, so page code needs no `target_arch` cfgs.

/// True in the browser, false while the build renders a first view.
pub fn present() -> bool {
    cfg!(target_arch = "wasm32")
}
