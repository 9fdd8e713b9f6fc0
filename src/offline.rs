//! Opening the page with no connection: the service worker (`/sw.js`,
//! written into the build by `src/bin/prerender.rs` from
//! `src/service-worker.js`) keeps the page's files, so the page opens and
//! checks codes offline; a code submitted offline is sent when the
//! connection comes back (`components::code_page`).

/// Registers `/sw.js` where the browser supports service workers and the
/// build has one (a development server without it only logs a failed
/// registration).
#[cfg(target_arch = "wasm32")]
pub fn register_service_worker() {
    use wasm_bindgen::JsValue;
    // Through Reflect rather than web-sys's typed bindings: the page needs
    // this one call, not the whole ServiceWorker API.
    let navigator = leptos::prelude::window().navigator();
    let Ok(container) = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")) else {
        return;
    };
    if container.is_undefined() {
        return;
    }
    let register = js_sys::Reflect::get(&container, &JsValue::from_str("register"))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    if let Some(register) = register {
        if let Ok(promise) = register.call1(&container, &JsValue::from_str("/sw.js")) {
            // A failed registration leaves the page working online.
            let registered = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise));
            wasm_bindgen_futures::spawn_local(async move {
                let _ = registered.await;
            });
        }
    }
}
