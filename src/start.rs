//! The browser start-up of the customer's page (`src/main.rs`) and the
//! decode page (`src/bin/license-decode.rs`): each mounts in the language
//! the page's head script chose, taking over the first view the build
//! painted; the customer's page also registers the service worker that
//! keeps its files for opening offline (`/sw.js`, written into the build
//! by `crates/license-prerender` from `src/service-worker.js`; a code
//! submitted offline is sent when the connection comes back, see
//! `components::code_page`).

use leptos::prelude::*;
use license_web::i18n::{self, msg, Texts};

use crate::app::{NotFound, Page};
use crate::components::code_page::{CodePage, CodePageHeader};
use crate::components::decode_page::{DecodePage, DecodePageHeader};
use crate::first_view::FirstView;

/// Starts the customer's page in the browser in its language, taking over
/// its first view.
pub fn customer_page() {
    let texts = Texts::new(msg!("ui-code-title"), "/");
    i18n::start(texts, || {
        match Page::for_path(&window().location().pathname().unwrap_or_default()) {
            Page::Code => FirstView::take().mount(Page::Code, CodePageHeader, CodePage),
            // The decode page is served by its own bundle; this is reached only
            // from a server that sends this page's HTML for every path.
            Page::Decode | Page::NotFound => {
                if let Some(main) = document().query_selector("main").ok().flatten() {
                    main.remove();
                }
                leptos::mount::mount_to_body(NotFound);
            }
        }
    });
    register_service_worker();
}

/// Starts the support agent's decode page; it uses the customer's page's
/// language files.
pub fn decode_page() {
    i18n::start(Texts::new(msg!("support-decode-title"), "/"), || {
        FirstView::take().mount(Page::Decode, DecodePageHeader, DecodePage)
    });
}

/// Registers `/sw.js` where the browser supports service workers and the
/// build has one (a development server without it only logs a failed
/// registration).
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
