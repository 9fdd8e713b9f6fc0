//! The pages: the customer's at `/` and `/code.html`, the support agent's at
//! `/decode/`. Links between them are ordinary page loads, so choosing the
//! page once, from the path, is all the routing needed, and keeps a router
//! out of what a phone downloads. The decode page is its own bundle
//! (`src/bin/license-decode.rs`, built into `decode/`), so the customer's
//! first load does not carry it; [`mount_customer_page`] starts the
//! customer's page.

use leptos::prelude::*;

/// Which page a path shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Code,
    Decode,
    NotFound,
}

impl Page {
    pub fn for_path(path: &str) -> Page {
        match path.trim_end_matches('/') {
            "" | "/code.html" | "/index.html" => Page::Code,
            "/decode" => Page::Decode,
            _ => Page::NotFound,
        }
    }

    /// The class of the page's `<main>`.
    pub fn main_class(self) -> &'static str {
        match self {
            Page::Decode => "decode",
            Page::Code | Page::NotFound => "",
        }
    }
}

/// Starts the customer's page in the browser in its language, taking over
/// its first view.
#[cfg(target_arch = "wasm32")]
pub fn mount_customer_page() {
    use crate::components::code_page::{CodePage, CodePageHeader};
    use crate::first_view::FirstView;
    let texts = crate::i18n::Texts { domain: crate::i18n::UI, title: "ui-code-title", files: "/" };
    crate::i18n::start(texts, || {
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
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <main>
            <h1>{crate::i18n::tr("ui-not-found")}</h1>
            <p><a href="/code.html">{crate::i18n::tr("ui-enter-request")}</a></p>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_choose_pages() {
        assert_eq!(Page::for_path("/"), Page::Code);
        assert_eq!(Page::for_path("/code.html"), Page::Code);
        assert_eq!(Page::for_path("/decode"), Page::Decode);
        assert_eq!(Page::for_path("/decode/"), Page::Decode);
        assert_eq!(Page::for_path("/admin"), Page::NotFound);
    }
}
