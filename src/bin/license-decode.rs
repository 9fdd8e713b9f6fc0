//! Mounts the support agent's decode page (`/decode/`), its own bundle so
//! that the customer's page does not carry it; everything else lives in the
//! library.

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    {
        use license_portal::components::decode_page::{DecodePage, DecodePageHeader};
        use license_portal::first_view::FirstView;
        use license_portal::i18n::{start, Texts, SUPPORT};
        // The customer's page's language files serve this page too.
        start(Texts { domain: SUPPORT, title: "support-decode-title", files: "/" }, || {
            FirstView::take().mount(license_portal::Page::Decode, DecodePageHeader, DecodePage)
        });
    }
}
