//! The browser's file and clipboard services.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `name` (e.g. Step_2_Response_Code.TXT).
pub fn save_text(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Some browsers start the download after this task: free the blob later.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .map(|_| ())
}

/// Step_1_Code.TXT holds one code of 55 characters; anything much larger is
/// another file chosen by mistake (a photo, a document), not read at all.
const LARGEST_CODE_FILE: f64 = 16_384.0;

/// Why `file` cannot be a request code file, if it plainly cannot.
pub fn unlikely_code_file(file: &web_sys::File) -> Option<String> {
    let size = file.size();
    (size > LARGEST_CODE_FILE).then(|| {
        // An integer: float formatting would add 8 KB.
        let kilobytes = (size / 1024.0).round() as u64;
        crate::i18n::text(
            crate::i18n::msg!("ui-file-too-large"),
            &[("file", file.name().into()), ("size", kilobytes.into())],
        )
    })
}

/// The text of a chosen or dropped file.
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    let text = JsFuture::from(file.text()).await?;
    text.as_string().ok_or_else(|| JsValue::from_str("not text"))
}

/// Copies `text` to the clipboard (`navigator.clipboard.writeText`).
pub async fn copy(text: &str) -> Result<(), JsValue> {
    let navigator = leptos::prelude::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))?.dyn_into()?;
    let promise: js_sys::Promise = write.call1(&clipboard, &JsValue::from_str(text))?.dyn_into()?;
    JsFuture::from(promise).await.map(|_| ())
}
