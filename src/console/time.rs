//! Dates as the staff member's browser shows them: their time zone and language.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

/// An RFC 3339 timestamp in the browser's time zone ("23 Nov 2026, 09:12").
pub fn local(rfc3339: &str) -> String {
    let date = Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_string();
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string("default", &options))
}
