//! The pages: the customer's at `/` and `/code.html`, the support agent's at
//! `/decode/`. Links between them are ordinary page loads, so choosing the
//! page once, from the path, is all the routing needed, and keeps a router
//! out of what a phone downloads. The decode page is its own bundle
//! (`src/bin/license-decode.rs`, built into `decode/`), so the customer's
//! first load does not carry it; `crate::start` starts each page.

use leptos::prelude::*;
use license_web::i18n::msg;

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

/// What a path that is no page shows.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main>
            <h1>{license_web::i18n::tr(msg!("ui-not-found"))}</h1>
            <p><a href="/code.html">{license_web::i18n::tr(msg!("ui-enter-request"))}</a></p>
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
