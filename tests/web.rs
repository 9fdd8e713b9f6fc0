//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use license_codes::{Day, Entitlements, Grant, KeyId, RequestCode, SerialNumber, SigningKey};
use license_portal::components::decode_page::DecodePage;
use license_web::check::check_request;
use license_web::components::code_field::RequestCodeField;
use license_web::components::qr::qr_svg;
use license_web::fetched::Fetched;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn request() -> RequestCode {
    RequestCode {
        product: 7,
        serial: SerialNumber::new(0x12_3456_789A).unwrap(),
        key_id: KeyId(0x0123_4567_89AB_CDEF),
        counter: 0,
        entitlement_digest: Entitlements::new().digest(),
        created: Day(2518),
    }
}

/// Mounts a view in a fresh container and returns the container.
fn mount<N: IntoView + 'static>(view: impl FnOnce() -> N + 'static) -> web_sys::Element {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let element: web_sys::HtmlElement = container.clone().unchecked_into();
    leptos::mount::mount_to(element, view).forget();
    container
}

/// Waits `ms` milliseconds of the browser's event loop.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the reactive system and the browser run.
async fn settle() {
    sleep(10).await;
}

/// Types `text` into the textarea `selector` (sets it and fires `input`).
fn type_into(container: &web_sys::Element, selector: &str, text: &str) {
    let area: web_sys::HtmlTextAreaElement = container.query_selector(selector).unwrap().unwrap().unchecked_into();
    area.set_value(text);
    area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn text_of(container: &web_sys::Element, selector: &str) -> String {
    container.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn typing_a_code_marks_the_right_group() {
    let code = RwSignal::new(String::new());
    let checked = Memo::new(move |_| check_request(&code.get(), license_codes::messages::Lang::En));
    let container = mount(move || view! { <RequestCodeField code checked/> });

    let mut typo: Vec<char> = request().to_code().chars().collect();
    typo[3 * 7 + 2] = if typo[23] == 'Q' { 'R' } else { 'Q' };
    type_into(&container, "#request-code", &typo.into_iter().collect::<String>().to_lowercase());
    settle().await;
    let wrong = container.query_selector_all(".group.wrong").unwrap();
    assert_eq!(wrong.length(), 1);
    let wrong: web_sys::Element = wrong.get(0).unwrap().unchecked_into();
    assert_eq!(wrong.get_attribute("data-group").as_deref(), Some("4"));
    assert_eq!(container.query_selector_all(".group.good").unwrap().length(), 7);
    assert!(text_of(&container, "#request-code-status").contains("Group 4 has a typo"));

    // Half typed: the groups so far are good, the rest is waiting.
    type_into(&container, "#request-code", &request().to_code()[..24]);
    settle().await;
    assert_eq!(container.query_selector_all(".group.good").unwrap().length(), 3);
    assert_eq!(container.query_selector_all(".group.incomplete").unwrap().length(), 1);
    assert!(text_of(&container, "#request-code-status").contains("3 of 8 groups complete"));

    type_into(&container, "#request-code", &request().to_code());
    settle().await;
    assert!(text_of(&container, "#request-code-status").contains("complete and correct"));
    assert!(checked.get_untracked().request().is_some());
}

#[wasm_bindgen_test]
async fn the_decode_table_fills() {
    let container = mount(DecodePage);
    type_into(&container, "#code", &request().to_code());
    settle().await;
    assert_eq!(text_of(&container, "tr[data-field=\"serial\"] td"), request().serial.to_code());
    assert_eq!(text_of(&container, "tr[data-field=\"key_id\"] td"), "0123456789ABCDEF");
    assert_eq!(text_of(&container, "tr[data-field=\"counter\"] td"), "0");

    // A response and the request it answers: its fields; the signature needs the vendor keys.
    let key = SigningKey::from_bytes(&[7; 32]);
    let mut state = Entitlements::new();
    state.set(0, 3).unwrap();
    let r = request();
    let grant = Grant {
        product: 7,
        serial: r.serial,
        key_id: r.key_id,
        from_counter: 0,
        to_counter: 2,
        issued: Day(2518),
        entitlements: state,
    };
    let response = license_codes::sign_response(&key, 1, &grant).unwrap();
    type_into(&container, "#code", &response.to_code());
    type_into(&container, "#answers", &r.to_code());
    settle().await;
    assert_eq!(text_of(&container, "tr[data-field=\"counters\"] td"), "0 → 2");
    assert_eq!(text_of(&container, "tr[data-field=\"key_id_tag\"] td"), "key id starting 0123");
    assert!(text_of(&container, "table").contains("Entitlement 0"), "unnamed slots are shown by number");

    // A broken code names its group.
    let mut broken: Vec<char> = r.to_code().chars().collect();
    broken[8] = if broken[8] == 'A' { 'B' } else { 'A' };
    type_into(&container, "#code", &broken.into_iter().collect::<String>());
    settle().await;
    assert!(text_of(&container, "[role=alert]").contains("Group 2 has a typo"));
}

#[wasm_bindgen_test]
fn the_qr_code_is_an_svg() {
    let svg = qr_svg("S0400R-E0930K-00G00S").unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("<path"));
}

#[wasm_bindgen_test]
async fn a_fetch_overtaken_by_a_later_one_is_dropped() {
    mount(|| ()); // starts the executor that runs spawned futures
    let fetched = Fetched::<&'static str>::new();
    assert_eq!(fetched.get(), None);
    // A slow first answer, then a quick second: the second is what shows,
    // even though the first finishes later (a retry must not be undone).
    fetched.start(async {
        sleep(60).await;
        "first"
    });
    assert!(fetched.pending().get_untracked());
    fetched.start(async { "second" });
    settle().await;
    assert_eq!(fetched.get_untracked(), Some("second"));
    assert!(!fetched.pending().get_untracked());
    sleep(100).await;
    assert_eq!(fetched.get_untracked(), Some("second"), "the overtaken answer replaced the newer one");
}
